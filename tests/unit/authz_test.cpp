#include "core/error.hpp"
#include "service/service.hpp"
#include "support.hpp"

#include <boost/json.hpp>
#include <doctest/doctest.h>

using namespace rectify;
using rectify::test::TempDir;

namespace {

// Two units in one round: 市妇联 (unit 1, inspection 1) and 市总工会 (unit 2, inspection 2), and
// a user for each role. The measure tongcheng-2018-fulian/a6/i4/m1 belongs to owner1.
struct Province {
    TempDir dir;
    std::string path = dir.file("authz.db");
    service::Service admin{path, {}, std::string("admin")};

    Province() {
        auto seed = boost::json::parse(test::seed_json());
        auto &m = seed.as_object()["aspects"].as_array()[5].as_object()["issues"].as_array()[3]
                      .as_object()["measures"].as_array()[0].as_object();
        m["person"] = "owner1";
        admin.import_json(boost::json::serialize(seed));
        admin.import_json(test::seed_for("tongcheng-zonggonghui", "市总工会", "tongcheng-2018-zonggonghui"));
        add("liaison1", core::Role::liaison, core::ScopeKind::unit, 1);
        add("owner1", core::Role::owner, core::ScopeKind::unit, 1);
        add("inspector1", core::Role::inspector, core::ScopeKind::round, 1);
        add("supervisor", core::Role::supervisor, core::ScopeKind::all, 0);
        add("auditor", core::Role::auditor, core::ScopeKind::all, 0);
        add("citizen", core::Role::public_, core::ScopeKind::all, 0);
    }
    void add(const std::string &name, core::Role role, core::ScopeKind scope, std::int64_t id) {
        admin.add_user(name, std::nullopt);
        admin.grant(name, core::Grant{role, scope, id});
    }
    service::Service as(const std::string &actor) { return service::Service(path, {}, actor); }
    std::int64_t id(core::Kind k, const std::string &ref) { return admin.find(k, ref); }
};

template <class F> std::string denial(F &&f) {
    try {
        f();
    } catch (const core::Error &e) {
        if (e.code() == core::Errc::denied) return e.what();
        return std::string("unexpected error: ") + e.what();
    }
    return "allowed";
}

} // namespace

TEST_CASE("a unit liaison sees and changes only its own unit") {
    Province p;
    auto liaison = p.as("liaison1");
    const auto other_issue = p.id(core::Kind::issue, "tongcheng-2018-zonggonghui/a1/i1");
    const auto other_measure = p.id(core::Kind::measure, "tongcheng-2018-zonggonghui/a6/i4/m1");
    const auto own_measure = p.id(core::Kind::measure, "tongcheng-2018-fulian/a6/i4/m1");
    const auto before = test::dump(p.path);

    CHECK(denial([&] { liaison.record_json(core::Kind::issue, other_issue); }).find("needs permission read") != std::string::npos);
    CHECK(denial([&] { liaison.export_json(2); }) != "allowed");
    CHECK(denial([&] { liaison.add_progress(other_measure, "2019-03-01", "越权", std::nullopt); }) != "allowed");
    CHECK(denial([&] { liaison.set_status(core::Kind::measure, other_measure, core::Status::in_progress, 0); }) != "allowed");
    CHECK(test::dump(p.path) == before);

    // Lists leave the other unit out instead of failing.
    auto issues = boost::json::parse(liaison.list_json(core::Kind::issue, {})).as_array();
    CHECK(issues.size() == 11);
    for (const auto &i : issues) CHECK(i.at("inspection_id").as_int64() == 1);

    CHECK(denial([&] { liaison.add_progress(own_measure, "2019-03-01", "本单位进展。", std::nullopt); }) == "allowed");
    CHECK(denial([&] { liaison.set_status(core::Kind::measure, own_measure, core::Status::in_progress, 0); }) == "allowed");
}

TEST_CASE("only supervisors (and admins) close out, and the denial names what was missing") {
    Province p;
    // Issue 11: its one measure is done; evidence makes it ready for close-out.
    const auto issue = p.id(core::Kind::issue, "tongcheng-2018-fulian/a6/i4");
    p.admin.evidence_add(core::Kind::issue, issue, {"银行开户许可证", std::nullopt, std::nullopt, std::string("oa://docs/17"), std::nullopt});
    auto liaison = p.as("liaison1");
    CHECK(denial([&] { liaison.set_status(core::Kind::issue, issue, core::Status::closed, 0); }) ==
          "denied: closing out issue " + std::to_string(issue) + " needs permission close_out; 'liaison1' has liaison on unit 1");
    auto supervisor = p.as("supervisor");
    CHECK(supervisor.set_status(core::Kind::issue, issue, core::Status::closed, 0) == 2);
    // Reopening what was closed is the supervisors' call too.
    CHECK(denial([&] { liaison.set_status(core::Kind::issue, issue, core::Status::reopened, 0); }) != "allowed");
    CHECK(supervisor.set_status(core::Kind::issue, issue, core::Status::reopened, 0) == 3);
    // A close-out that a guard refuses is not a denial: issue 1 still has measures in progress.
    CHECK(denial([&] { supervisor.set_status(core::Kind::issue, 1, core::Status::closed, 0); }).find("guard measures_done") != std::string::npos);
    // Supervisors judge; they do not do the unit's work.
    CHECK(denial([&] { supervisor.add_progress(p.id(core::Kind::measure, "tongcheng-2018-fulian/a1/i1/m1"), "2019-03-01", "x", std::nullopt); }) != "allowed");
}

TEST_CASE("an owner reports only on the measures it is responsible for") {
    Province p;
    auto owner = p.as("owner1");
    CHECK(owner.add_progress(p.id(core::Kind::measure, "tongcheng-2018-fulian/a6/i4/m1"), "2019-03-01", "已完成。", std::nullopt) > 0);
    CHECK(denial([&] { owner.add_progress(p.id(core::Kind::measure, "tongcheng-2018-fulian/a1/i1/m1"), "2019-03-01", "x", std::nullopt); })
              .find("needs permission add_progress") != std::string::npos);
    CHECK(denial([&] { owner.set_status(core::Kind::measure, p.id(core::Kind::measure, "tongcheng-2018-fulian/a6/i4/m1"), core::Status::in_progress, 0); }) != "allowed");
}

TEST_CASE("an inspector imports within its round, a new unit outside it needs a wider grant") {
    Province p;
    auto inspector = p.as("inspector1");
    CHECK(denial([&] { inspector.import_json(test::seed_for("tongcheng-zonggonghui", "市总工会", "tongcheng-2018-zonggonghui")); }) == "allowed");
    auto elsewhere = test::seed_for("tongcheng-kexie", "市科协", "tongcheng-2018-kexie", "another-round");
    CHECK(denial([&] { inspector.import_json(elsewhere); }).find("needs permission import") != std::string::npos);
    CHECK(denial([&] { inspector.set_status(core::Kind::issue, 1, core::Status::in_progress, 0); }) != "allowed");
}

TEST_CASE("the public reads public notices and nothing else") {
    Province p;
    auto citizen = p.as("citizen");
    CHECK(citizen.render_notice(1, io::Audience::public_).find("6个方面11项整改任务") != std::string::npos);
    CHECK(denial([&] { citizen.render_notice(1, io::Audience::internal); }) != "allowed");
    CHECK(denial([&] { citizen.record_json(core::Kind::issue, 1); }) != "allowed");
    CHECK(denial([&] { citizen.list_json(core::Kind::issue, {}); }) != "allowed");
    CHECK(denial([&] { citizen.export_json(1); }) != "allowed");
    // A ref is a name for an id: the public may look it up, and reading the issue is refused as for its id.
    const auto issue = citizen.find(core::Kind::issue, "tongcheng-2018-fulian/a1/i1");
    CHECK(denial([&] { citizen.record_json(core::Kind::issue, issue); }) != "allowed");
    CHECK(denial([&] { citizen.audit_log_json("", 0, 0, 0); }) != "allowed");
}

TEST_CASE("users are managed by an admin of the whole database, unknown actors are refused by name") {
    Province p;
    auto auditor = p.as("auditor");
    CHECK(denial([&] { auditor.add_user("x", std::nullopt); }) != "allowed");
    CHECK(denial([&] { auditor.users_json(); }) != "allowed");
    CHECK(denial([&] { auditor.audit_log_json("", 0, 0, 0); }) == "allowed");
    CHECK(denial([&] { auditor.set_status(core::Kind::issue, 1, core::Status::in_progress, 0); }) != "allowed");

    auto stranger = p.as("stranger");
    CHECK(denial([&] { stranger.record_json(core::Kind::issue, 1); }) ==
          "denied: reading issue 1: 'stranger' is not a user of this database");

    auto users = boost::json::parse(p.admin.users_json()).as_array();
    CHECK(users.size() == 7);
    CHECK(users[0].at("name") == "admin");
    CHECK(users[0].at("grants").as_array()[0].at("role") == "admin");

    // Granting twice does nothing; revoking removes; the last whole-database admin stays.
    p.admin.grant("liaison1", core::Grant{core::Role::liaison, core::ScopeKind::unit, 1});
    p.admin.revoke("liaison1", core::Grant{core::Role::liaison, core::ScopeKind::unit, 1});
    CHECK(denial([&] { p.as("liaison1").record_json(core::Kind::issue, 1); }) != "allowed");
    try {
        p.admin.revoke("admin", core::Grant{core::Role::admin, core::ScopeKind::all, 0});
        FAIL("expected an error");
    } catch (const core::Error &e) {
        CHECK(e.code() == core::Errc::misuse);
    }
    CHECK(denial([&] { p.admin.users_json(); }) == "allowed");
}

TEST_CASE("an import cannot close out what its importer could not close out directly") {
    Province p;
    auto inspector = p.as("inspector1");
    auto closed = boost::json::parse(test::seed_json());
    closed.as_object()["aspects"].as_array()[0].as_object()["issues"].as_array()[0].as_object()["status"] = "closed";
    const auto before = test::dump(p.path);
    CHECK(denial([&] { inspector.import_json(boost::json::serialize(closed)); }).find("needs permission close_out") != std::string::npos);
    CHECK(test::dump(p.path) == before);
    CHECK(denial([&] { p.as("supervisor").import_json(boost::json::serialize(closed)); }).find("needs permission import") != std::string::npos);
    // Allowed to close out, an admin's import still meets the close-out guards: issue 1 has
    // measures in progress.
    CHECK(denial([&] { p.admin.import_json(boost::json::serialize(closed)); }).find("guard measures_done") != std::string::npos);
    CHECK(test::dump(p.path) == before);
    // Issue 11 meets them once it has evidence; the close-out the import makes is recorded.
    const auto issue11 = p.id(core::Kind::issue, "tongcheng-2018-fulian/a6/i4");
    p.admin.evidence_add(core::Kind::issue, issue11, {"开户许可证", std::nullopt, std::nullopt, std::string("oa://docs/9"), std::nullopt});
    auto closing11 = boost::json::parse(test::seed_json());
    closing11.as_object()["aspects"].as_array()[5].as_object()["issues"].as_array()[3].as_object()["status"] = "closed";
    CHECK(denial([&] { p.admin.import_json(boost::json::serialize(closing11)); }) == "allowed");
    CHECK(boost::json::parse(p.admin.close_outs_json(issue11)).as_array().size() == 1);
}

TEST_CASE("a round's inspector cannot rewrite a unit it only reaches through another round") {
    Province p;
    p.admin.import_json(test::seed_for("tongcheng-kexie", "市科协", "tongcheng-2018-kexie", "round-two"));
    const auto kexie = p.id(core::Kind::unit, "tongcheng-kexie");
    auto inspector = p.as("inspector1"); // inspector on round 1
    const auto before = test::dump(p.path);
    // The same unit, renamed, in a new inspection of round 1.
    auto doc = test::seed_for("tongcheng-kexie", "市科协（改名）", "round-one-kexie");
    CHECK(denial([&] { inspector.import_json(doc); }).find("changes unit " + std::to_string(kexie)) != std::string::npos);
    CHECK(test::dump(p.path) == before);
    // Unchanged, the unit may get a new inspection in the inspector's round.
    CHECK(denial([&] { inspector.import_json(test::seed_for("tongcheng-kexie", "市科协", "round-one-kexie")); }) == "allowed");
}

TEST_CASE("a unit or round that a list shows can be read one by one, refs name records for every user") {
    Province p;
    auto liaison = p.as("liaison1");
    auto rounds = boost::json::parse(liaison.list_json(core::Kind::round, {})).as_array();
    REQUIRE(rounds.size() == 1);
    CHECK(denial([&] { liaison.record_json(core::Kind::round, rounds[0].at("id").as_int64()); }) == "allowed");
    auto inspector = p.as("inspector1");
    const auto units = boost::json::parse(inspector.list_json(core::Kind::unit, {}));
    for (const auto &u : units.as_array())
        CHECK(denial([&] { inspector.record_json(core::Kind::unit, u.at("id").as_int64()); }) == "allowed");
    CHECK(denial([&] { liaison.record_json(core::Kind::unit, 2); }) != "allowed");

    auto citizen = p.as("citizen");
    CHECK(citizen.find(core::Kind::inspection, "tongcheng-2018-fulian") == 1);
    // Looking a ref up needs a user and nothing more; what is done with the id is authorised there.
    CHECK(denial([&] { citizen.find(core::Kind::issue, "tongcheng-2018-fulian/a1/i1"); }) == "allowed");
    CHECK(liaison.find(core::Kind::unit, "tongcheng-zonggonghui") == 2);
    CHECK(denial([&] { liaison.record_json(core::Kind::unit, 2); }) != "allowed");
    CHECK(denial([&] { p.as("stranger").find(core::Kind::inspection, "tongcheng-2018-fulian"); }) != "allowed");
}
