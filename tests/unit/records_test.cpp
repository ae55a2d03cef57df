#include "core/error.hpp"
#include "service/service.hpp"
#include "support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

using namespace rectify;
using rectify::test::TempDir;

namespace {

struct Seeded {
    TempDir dir;
    std::string path = dir.file("records.db");
    service::Service svc{path, {}, std::string("联络员")};
    Seeded() { svc.import_json(test::seed_json()); }
    std::int64_t id(core::Kind k, const std::string &ref) { return svc.find(k, ref); }
};

template <class F> core::Errc error_of(F &&f) {
    try {
        f();
    } catch (const core::Error &e) {
        return e.code();
    }
    return core::Errc::internal;
}

} // namespace

TEST_CASE("a legal status change raises the version and is audited with before and after") {
    Seeded s;
    auto m = s.id(core::Kind::measure, "tongcheng-2018-fulian/a1/i1/m3"); // ongoing, in progress
    auto v = s.svc.set_status(core::Kind::measure, m, core::Status::done, 1);
    CHECK(v == 2);
    CHECK(s.svc.record_json(core::Kind::measure, m).find("\"version\":2") != std::string::npos);
    CHECK(s.svc.record_json(core::Kind::measure, m).find("\"status\":\"done\"") != std::string::npos);

    SQLite::Database db(s.path, SQLite::OPEN_READONLY);
    SQLite::Statement q(db, "SELECT actor, before, after FROM audit_events WHERE action = 'status' AND kind NOT LIKE 'row:%'");
    REQUIRE(q.executeStep());
    CHECK(q.getColumn(0).getString() == "联络员");
    CHECK(q.getColumn(1).getString().find("\"status\":\"in_progress\"") != std::string::npos);
    CHECK(q.getColumn(2).getString().find("\"status\":\"done\"") != std::string::npos);
    CHECK_FALSE(q.executeStep());
}

TEST_CASE("illegal transitions, stale versions and wrong kinds change nothing") {
    Seeded s;
    auto issue = s.id(core::Kind::issue, "tongcheng-2018-fulian/a6/i4"); // its measure is done
    s.svc.evidence_add(core::Kind::issue, issue, {"开户许可证", std::nullopt, std::nullopt, std::string("oa://docs/1"), std::nullopt});
    const auto before = test::dump(s.path);
    CHECK(error_of([&] { s.svc.set_status(core::Kind::issue, issue, core::Status::not_started, 0); }) == core::Errc::transition);
    CHECK(error_of([&] { s.svc.set_status(core::Kind::issue, issue, core::Status::closed, 7); }) == core::Errc::conflict);
    CHECK(error_of([&] { s.svc.set_status(core::Kind::aspect, 1, core::Status::done, 0); }) == core::Errc::argument);
    CHECK(error_of([&] { s.svc.set_status(core::Kind::issue, 9999, core::Status::done, 0); }) == core::Errc::not_found);
    CHECK(test::dump(s.path) == before);

    // Two clerks read version 1; the first close-out wins, the second is told of the conflict.
    CHECK(s.svc.set_status(core::Kind::issue, issue, core::Status::closed, 1) == 2);
    CHECK(error_of([&] { s.svc.set_status(core::Kind::issue, issue, core::Status::in_progress, 1); }) == core::Errc::conflict);
    CHECK(s.svc.set_status(core::Kind::issue, issue, core::Status::reopened, 2) == 3);
}

TEST_CASE("progress is added to a measure with its date, text and author") {
    Seeded s;
    auto m = s.id(core::Kind::measure, "tongcheng-2018-fulian/a6/i4/m1");
    auto p = s.svc.add_progress(m, "2019-03-01", "工会账户已通过年度检查。", std::nullopt);
    auto json = s.svc.record_json(core::Kind::progress, p);
    CHECK(json.find("\"date\":\"2019-03-01\"") != std::string::npos);
    CHECK(json.find("\"author\":\"联络员\"") != std::string::npos);
    CHECK(json.find("\"seq\":2") != std::string::npos);
    CHECK(json.find("\"ref\":\"tongcheng-2018-fulian/a6/i4/m1/p2\"") != std::string::npos);
    // It appears in the notice after the earlier narrative.
    auto notice = s.svc.render_notice(1, io::Audience::internal);
    CHECK(notice.find("实行工会开支独立核算。工会账户已通过年度检查。") != std::string::npos);

    const auto before = test::dump(s.path);
    CHECK(error_of([&] { s.svc.add_progress(m, "2019-02-29", "x", std::nullopt); }) == core::Errc::argument);
    CHECK(error_of([&] { s.svc.add_progress(m, "2019-03-01", "  ", std::nullopt); }) == core::Errc::argument);
    CHECK(error_of([&] { s.svc.add_progress(m, "2019-03-01", "bad \xC3", std::nullopt); }) == core::Errc::utf8);
    CHECK(error_of([&] { s.svc.add_progress(424242, "2019-03-01", "x", std::nullopt); }) == core::Errc::not_found);
    CHECK(test::dump(s.path) == before);
}

TEST_CASE("records list in display order and filter by inspection and parent") {
    Seeded s;
    store::ListFilter all;
    auto issues = s.svc.list_json(core::Kind::issue, all);
    // Issue 1 of aspect 1 comes before issue 1 of aspect 2, which comes before aspect 6's.
    auto a1 = issues.find("tongcheng-2018-fulian/a1/i1\""), a2 = issues.find("tongcheng-2018-fulian/a2/i1\""),
         a6 = issues.find("tongcheng-2018-fulian/a6/i4\"");
    CHECK(a1 < a2);
    CHECK(a2 < a6);

    store::ListFilter by_parent;
    by_parent.parent_id = s.id(core::Kind::issue, "tongcheng-2018-fulian/a6/i1");
    auto measures = s.svc.list_json(core::Kind::measure, by_parent);
    CHECK(measures.find("a6/i1/m1") != std::string::npos);
    CHECK(measures.find("a1/i1/m1") == std::string::npos);

    store::ListFilter page;
    page.limit = 2;
    page.offset = 1;
    auto aspects = s.svc.list_json(core::Kind::aspect, page);
    CHECK(aspects.find("/a1\"") == std::string::npos);
    CHECK(aspects.find("/a2\"") != std::string::npos);
    CHECK(aspects.find("/a3\"") != std::string::npos);
    CHECK(aspects.find("/a4\"") == std::string::npos);

    store::ListFilter bad;
    bad.parent_id = 1;
    CHECK(error_of([&] { s.svc.list_json(core::Kind::unit, bad); }) == core::Errc::argument);
    CHECK(error_of([&] { s.svc.record_json(core::Kind::issue, 12345); }) == core::Errc::not_found);
    CHECK(error_of([&] { s.svc.find(core::Kind::issue, "no-such-ref"); }) == core::Errc::not_found);
}

TEST_CASE("two handles on one file take turns: a read never leaves the file locked") {
    Seeded s;
    s.svc.add_user("组长", std::nullopt);
    s.svc.grant("组长", core::Grant{core::Role::liaison, core::ScopeKind::unit, 1});
    service::Service other(s.path, {}, std::string("组长"));
    auto m = s.id(core::Kind::measure, "tongcheng-2018-fulian/a6/i4/m1");
    s.svc.record_json(core::Kind::measure, m); // a read on the first handle
    s.svc.find(core::Kind::issue, "tongcheng-2018-fulian/a1/i1");
    other.add_progress(m, "2019-03-01", "第二个连接写入。", std::nullopt);
    s.svc.add_progress(m, "2019-03-02", "第一个连接写入。", std::nullopt);
    // Each sees the other's write.
    auto notice = other.render_notice(1, io::Audience::internal);
    CHECK(notice.find("第二个连接写入。第一个连接写入。") != std::string::npos);
}
