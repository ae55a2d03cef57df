#include "core/error.hpp"
#include "core/warning.hpp"
#include "service/service.hpp"
#include "support.hpp"

#include <boost/json.hpp>
#include <doctest/doctest.h>

#include <functional>

using namespace rectify;
using rectify::test::TempDir;
namespace json = boost::json;

namespace {

json::object &measure_of(json::object &doc, int aspect, int issue, int m) {
    return doc["aspects"].as_array()[aspect].as_object()["issues"].as_array()[issue].as_object()["measures"]
        .as_array()[m].as_object();
}

std::string seed_with(const std::function<void(json::object &)> &change) {
    auto v = json::parse(test::seed_json());
    change(v.as_object());
    return json::serialize(v);
}

// The seed case fed back on 2018-11-20, with deadlines on the measures of issue 1 (a1/i1):
// m1 done, m2 reopened for the test as in progress and due 2019-01-10, m3 ongoing, m4 due
// 2019-01-25; and issue 11's measure (a6/i4/m1) in progress, due 2019-02-28.
std::string timed_seed(const std::string &feedback = "2018-11-20") {
    return seed_with([&](json::object &d) {
        d["inspection"].as_object()["feedback_date"] = feedback;
        measure_of(d, 0, 0, 0)["deadline"] = "2019-01-10";
        auto &m2 = measure_of(d, 0, 0, 1);
        m2["deadline"] = "2019-01-10";
        m2["status"] = "in_progress";
        m2["leader"] = "王主席";
        auto &m4 = measure_of(d, 0, 0, 3);
        m4["deadline"] = "2019-01-25";
        m4["category"] = "deadline";
        auto &m11 = measure_of(d, 5, 3, 0);
        m11["deadline"] = "2019-02-28";
        m11["status"] = "in_progress";
        m11["person"] = "owner1";
    });
}

struct Timed {
    TempDir dir;
    std::string path = dir.file("deadlines.db");
    service::Service admin{path, {}, std::string("admin")};
    explicit Timed(const std::string &doc = timed_seed()) { admin.import_json(doc); }
    std::int64_t measure(const std::string &suffix) { return admin.find(core::Kind::measure, "tongcheng-2018-fulian/" + suffix); }
    json::object inspection() { return json::parse(admin.record_json(core::Kind::inspection, 1)).as_object(); }
    service::Service::WarningQuery query(const char *as_of) {
        service::Service::WarningQuery q;
        q.as_of = *core::parse_date(as_of);
        return q;
    }
    void add(const std::string &name, core::Role role, core::ScopeKind scope, std::int64_t id) {
        admin.add_user(name, std::nullopt);
        admin.grant(name, core::Grant{role, scope, id});
    }
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

TEST_CASE("an inspection derives its deadlines from the feedback date by the default profile") {
    Timed t;
    auto in = t.inspection();
    CHECK(in.at("plan_due") == "2018-12-20");         // 1 month, a Thursday
    CHECK(in.at("concentrated_end") == "2019-01-21"); // 2019-01-20 is a Sunday: the next working day
    CHECK(in.at("report_due") == "2019-01-21");
    CHECK(in.at("evaluation_due") == "2019-02-21");   // 1 month after the concentrated period
    CHECK(in.at("profile_id").as_int64() > 0);
    // Re-importing the same document leaves them, and the version, alone.
    auto version = in.at("version").as_int64();
    t.admin.import_json(timed_seed());
    CHECK(t.inspection().at("version").as_int64() == version);
}

TEST_CASE("a period that ends on National Day runs to the first working day after it") {
    Timed t(timed_seed("2019-09-01"));
    CHECK(t.inspection().at("plan_due") == "2019-10-08");
}

TEST_CASE("a later profile version does not move deadlines an inspection has, applying it does") {
    Timed t;
    CHECK(t.admin.profile_add(R"({"name": "default", "plan_due": {"unit": "workdays", "n": 15},
        "concentrated": {"unit": "months", "n": 3}, "report_due": {"unit": "months", "n": 3},
        "evaluation_after": {"unit": "months", "n": 1}, "warn_days": [30, 15, 5]})") == 2);
    CHECK(t.inspection().at("concentrated_end") == "2019-01-21");
    t.admin.apply_profile(1, "default");
    auto in = t.inspection();
    CHECK(in.at("plan_due") == "2018-12-11");         // 15 working days after 2018-11-20
    CHECK(in.at("concentrated_end") == "2019-02-20");
    auto profiles = json::parse(t.admin.profiles_json()).as_array();
    REQUIRE(profiles.size() == 2);
    CHECK(profiles[1].at("version") == 2);
    CHECK(profiles[1].at("profile").at("warn_days").as_array().size() == 3);
    CHECK(error_of([&] { t.admin.profile_add(R"({"name": "x", "plan_due": {"unit": "weeks", "n": 1}})"); }) == core::Errc::invalid);
    CHECK(error_of([&] { t.admin.apply_profile(1, "no-such-profile"); }) == core::Errc::not_found);
}

TEST_CASE("deadlines in a year the calendar does not know count Monday-Friday by default, and a strict profile refuses") {
    TempDir dir;
    service::Service svc(dir.file("unknown.db"), {}, std::string("admin"));
    // 2026 is known (the bundled calendar), 2027 is not: 2 months after 2026-12-10 is 2027-02-10.
    CHECK_FALSE(svc.calendar().knows_year(2027));
    svc.import_json(timed_seed("2026-12-10"));
    auto in = json::parse(svc.record_json(core::Kind::inspection, 1)).as_object();
    CHECK(in.at("plan_due") == "2027-01-11");         // 2027-01-10 is a Sunday
    CHECK(in.at("concentrated_end") == "2027-02-10"); // a Wednesday: no notice makes it a holiday
    CHECK(in.at("evaluation_due") == "2027-03-10");

    // A profile that chooses the strict way refuses to derive them, and the import with them.
    TempDir strict_dir;
    service::Service strict(strict_dir.file("strict.db"), {}, std::string("admin"));
    strict.profile_add(R"({"name": "default", "plan_due": {"unit": "months", "n": 1},
        "concentrated": {"unit": "months", "n": 2}, "report_due": {"unit": "months", "n": 2},
        "evaluation_after": {"unit": "months", "n": 1}, "unknown_dates": "refuse"})");
    try {
        strict.import_json(timed_seed("2026-12-01"));
        FAIL("expected an error");
    } catch (const core::Error &e) {
        CHECK(e.code() == core::Errc::unknown_date);
        CHECK(std::string(e.what()).find("inspection.feedback_date") != std::string::npos);
        CHECK(std::string(e.what()).find("2027") != std::string::npos);
    }
    CHECK(json::parse(strict.profiles_json()).as_array().back().at("profile").at("unknown_dates") == "fail");
    strict.calendar_load_json(R"({"year": 2027, "papers": ["made up for the test"], "days": [
        {"name": "元旦", "date": "2027-01-01", "isOffDay": true}]})");
    strict.import_json(timed_seed("2026-12-01"));
    auto loaded = json::parse(strict.record_json(core::Kind::inspection, 1)).as_object();
    CHECK(loaded.at("concentrated_end") == "2027-02-01");
    CHECK(strict.calendar().knows_year(2027));
}

TEST_CASE("deadlines across the end of the last loaded year are provisional and derived again when the year is loaded") {
    TempDir dir;
    service::Service svc(dir.file("reload.db"), {}, std::string("admin"));
    // 2026 is loaded (bundled), 2027 is not. Fed back 2026-12-10: the concentrated period and the
    // report run to 2027-02-10, which the Spring Festival holiday of the 2027 notice covers.
    svc.import_json(timed_seed("2026-12-10"));
    auto in = json::parse(svc.record_json(core::Kind::inspection, 1)).as_object();
    CHECK(in.at("provisional") == true);
    CHECK(in.at("provisional_years") == json::array{2027});
    CHECK(in.at("concentrated_end") == "2027-02-10");
    CHECK(in.at("report_due") == "2027-02-10");
    CHECK(in.at("evaluation_due") == "2027-03-10");
    auto listed = json::parse(svc.list_json(core::Kind::inspection, {})).as_array();
    CHECK(listed.at(0).at("provisional") == true);

    const auto changes = json::parse(svc.calendar_load_json(test::read_file(
                                         std::string(RECTIFY_FIXTURES_DIR) + "/calendars/cn-2027-made-up.json")))
                             .as_array();
    in = json::parse(svc.record_json(core::Kind::inspection, 1)).as_object();
    CHECK(in.at("provisional") == false);
    CHECK_FALSE(in.contains("provisional_years"));
    CHECK(in.at("plan_due") == "2027-01-11"); // unchanged: a Monday either way
    CHECK(in.at("concentrated_end") == "2027-02-15");
    CHECK(in.at("report_due") == "2027-02-15");
    CHECK(in.at("evaluation_due") == "2027-03-15");
    REQUIRE(changes.size() == 3);
    CHECK(changes[0].at("deadline") == "concentrated_end");
    CHECK(changes[0].at("from") == "2027-02-10");
    CHECK(changes[0].at("to") == "2027-02-15");
    CHECK(changes[0].at("provisional") == false);
    CHECK(changes[2].at("deadline") == "evaluation_due");
    // Audited, as the change of the inspection.
    auto events = json::parse(svc.audit_log_json("inspection", 1, 0, 0)).as_array();
    const json::object *recalculated = nullptr;
    for (const auto &e : events)
        if (e.at("action") == "recalculate") recalculated = &e.as_object();
    REQUIRE(recalculated != nullptr);
    CHECK(recalculated->at("before").at("concentrated_end") == "2027-02-10");
    CHECK(recalculated->at("after").at("concentrated_end") == "2027-02-15");
    // A second load moves nothing more.
    CHECK(svc.calendar_load_json(R"({"year": 2028, "papers": ["made up"], "days": []})") == "[]");
}

TEST_CASE("a local day off set in the database moves a deadline") {
    TempDir dir;
    service::Service svc(dir.file("local.db"), {}, std::string("admin"));
    svc.calendar_set_day("2018-12-20", true); // a locality's own day off
    svc.import_json(timed_seed());
    auto in = json::parse(svc.record_json(core::Kind::inspection, 1)).as_object();
    CHECK(in.at("plan_due") == "2018-12-21");
}

TEST_CASE("warnings light each measure as of a date and roll up to the worst") {
    Timed t;
    auto w = json::parse(t.admin.warnings(t.query("2019-01-15"))).as_object();
    CHECK(w.at("as_of") == "2019-01-15");
    auto rows = w.at("rows").as_array();
    REQUIRE(!rows.empty());
    CHECK(rows[0].at("ref") == "tongcheng-2018-fulian/a1/i1/m2"); // the overdue one comes first
    CHECK(rows[0].at("light") == "red");
    CHECK(rows[0].at("days_left") == -5);
    CHECK(rows[1].at("ref") == "tongcheng-2018-fulian/a1/i1/m4");
    CHECK(rows[1].at("light") == "yellow");
    CHECK(rows[1].at("stage") == 2); // 10 days left: past both the 20- and the 10-day thresholds
    const auto &totals = w.at("totals");
    CHECK(totals.at("red") == 1);
    CHECK(totals.at("yellow") == 1);
    CHECK(totals.at("blue").as_int64() == 13); // the 14 ongoing measures, less m4 made a deadline one
    CHECK(totals.at("red").as_int64() + totals.at("yellow").as_int64() + totals.at("blue").as_int64() +
              totals.at("green").as_int64() == 28);

    auto q = t.query("2019-01-15");
    q.rollup = 2;
    auto issues = json::parse(t.admin.warnings(q)).as_object();
    CHECK(issues.at("rows").as_array()[0].at("name") == "“三会一课”制度落实不到位");
    CHECK(issues.at("rows").as_array()[0].at("light") == "red");
    q.rollup = 4;
    auto units = json::parse(t.admin.warnings(q)).as_object();
    REQUIRE(units.at("rows").as_array().size() == 1);
    CHECK(units.at("rows").as_array()[0].at("name") == "市妇联");
    CHECK(units.at("rows").as_array()[0].at("counts").at("red") == 1);

    // By leader, and only red ones.
    q = t.query("2019-01-15");
    q.scope.leader = "王主席";
    CHECK(json::parse(t.admin.warnings(q)).at("rows").as_array().size() == 1);
    q = t.query("2019-01-15");
    q.lights = 1u << static_cast<int>(core::Light::red);
    CHECK(json::parse(t.admin.warnings(q)).at("rows").as_array().size() == 1);

    // Streamed rows are the same rows.
    std::vector<std::string> streamed;
    t.admin.warnings(t.query("2019-01-15"), [&](const std::string &row) {
        streamed.push_back(row);
        return true;
    });
    CHECK(streamed.size() == 28);
}

TEST_CASE("overdue and due-soon lists and counts") {
    Timed t;
    auto q = t.query("2019-01-15");
    CHECK(t.admin.overdue_count(q) == 1);
    auto overdue = json::parse(t.admin.overdue_json(q)).as_array();
    REQUIRE(overdue.size() == 1);
    CHECK(overdue[0].at("ref") == "tongcheng-2018-fulian/a1/i1/m2");
    auto soon = json::parse(t.admin.due_within_json(q, 15)).as_array();
    REQUIRE(soon.size() == 1);
    CHECK(soon[0].at("ref") == "tongcheng-2018-fulian/a1/i1/m4");
    CHECK(json::parse(t.admin.due_within_json(q, 60)).as_array().size() == 2);
    q.scope.unit_id = 2; // no such unit: not a count of 0
    CHECK_THROWS_WITH_AS(t.admin.overdue_count(q), "no unit 2", core::Error);
    q = t.query("2019-03-01");
    CHECK(t.admin.overdue_count(q) == 3);
}

TEST_CASE("an extension is requested, then decided by someone else, both dates stay") {
    Timed t;
    t.add("liaison1", core::Role::liaison, core::ScopeKind::unit, 1);
    t.add("supervisor", core::Role::supervisor, core::ScopeKind::all, 0);
    service::Service liaison(t.path, {}, std::string("liaison1"));
    service::Service supervisor(t.path, {}, std::string("supervisor"));
    const auto m2 = t.measure("a1/i1/m2");

    CHECK(error_of([&] { liaison.extension_request(m2, "2019-01-05", "too early"); }) == core::Errc::argument);
    CHECK(error_of([&] { liaison.extension_request(m2, "2019-02-10", " "); }) == core::Errc::argument);
    auto id = liaison.extension_request(m2, "2019-02-10", "春节前后人员不足");
    CHECK(error_of([&] { liaison.extension_request(m2, "2019-02-20", "again"); }) == core::Errc::misuse);
    CHECK(error_of([&] { liaison.extension_decide(id, true, std::nullopt); }) == core::Errc::denied);
    supervisor.extension_decide(id, true, std::string_view("同意"));
    CHECK(error_of([&] { supervisor.extension_decide(id, false, std::nullopt); }) == core::Errc::conflict);

    auto m = json::parse(t.admin.record_json(core::Kind::measure, m2)).as_object();
    CHECK(m.at("deadline") == "2019-02-10");
    auto ext = json::parse(t.admin.extensions_json(m2, false)).as_array();
    REQUIRE(ext.size() == 1);
    CHECK(ext[0].at("original_deadline") == "2019-01-10");
    CHECK(ext[0].at("requested_deadline") == "2019-02-10");
    CHECK(ext[0].at("state") == "approved");
    CHECK(ext[0].at("decided_by") == "supervisor");
    // No longer overdue on 2019-01-15, marked as extended and counted apart.
    auto q = t.query("2019-01-15");
    CHECK(json::parse(t.admin.warnings(q)).at("totals").at("extended") == 1);
    CHECK(t.admin.overdue_count(q) == 0);
    auto rows = json::parse(t.admin.warnings(q)).at("rows").as_array();
    bool seen = false;
    for (const auto &r : rows)
        if (r.at("id").as_int64() == m2) {
            seen = true;
            CHECK(r.at("extended") == true);
        }
    CHECK(seen);

    // A refusal leaves the deadline.
    const auto m4 = t.measure("a1/i1/m4");
    auto refused = liaison.extension_request(m4, "2019-03-01", "请求延期");
    supervisor.extension_decide(refused, false, std::string_view("理由不充分"));
    CHECK(json::parse(t.admin.record_json(core::Kind::measure, m4)).at("deadline") == "2019-01-25");
}

TEST_CASE("escalations follow the chain, may set a new deadline, and stay open while the work does") {
    Timed t;
    const auto m2 = t.measure("a1/i1/m2");
    t.admin.escalate(core::Kind::measure, m2, 1, "2019-01-12", "市妇联党组", std::nullopt, std::nullopt);
    t.admin.escalate(core::Kind::measure, m2, 3, "2019-01-20", "市妇联党组书记", std::string_view("2019-01-31"), std::string_view("限期完成"));
    CHECK(error_of([&] { t.admin.escalate(core::Kind::measure, m2, 2, "2019-01-21", "x", std::nullopt, std::nullopt); }) == core::Errc::invalid);
    CHECK(error_of([&] { t.admin.escalate(core::Kind::aspect, 1, 1, "2019-01-21", "x", std::nullopt, std::nullopt); }) == core::Errc::argument);
    CHECK(json::parse(t.admin.record_json(core::Kind::measure, m2)).at("deadline") == "2019-01-31");

    auto open = json::parse(t.admin.open_escalations_json({})).as_array();
    REQUIRE(open.size() == 2);
    CHECK(open[1].at("document") == "提醒书");
    CHECK(open[1].at("new_deadline") == "2019-01-31");
    t.admin.set_status(core::Kind::measure, m2, core::Status::done, 0);
    CHECK(json::parse(t.admin.open_escalations_json({})).as_array().empty());
}

TEST_CASE("re-importing the host's document does not undo a deadline the library moved") {
    Timed t;
    t.add("supervisor", core::Role::supervisor, core::ScopeKind::all, 0);
    service::Service supervisor(t.path, {}, std::string("supervisor"));
    const auto m2 = t.measure("a1/i1/m2"), m4 = t.measure("a1/i1/m4");
    auto ext = t.admin.extension_request(m2, "2019-02-10", "春节前后人员不足");
    supervisor.extension_decide(ext, true, std::nullopt);
    t.admin.escalate(core::Kind::measure, m4, 1, "2019-01-20", "市妇联党组", std::string_view("2019-02-15"), std::nullopt);

    t.admin.import_json(timed_seed()); // still says 2019-01-10 and 2019-01-25
    CHECK(json::parse(t.admin.record_json(core::Kind::measure, m2)).at("deadline") == "2019-02-10");
    CHECK(json::parse(t.admin.record_json(core::Kind::measure, m4)).at("deadline") == "2019-02-15");

    // A document that sets a deadline of its own still wins.
    t.admin.import_json(seed_with([](json::object &d) {
        d["inspection"].as_object()["feedback_date"] = "2018-11-20";
        auto &m = measure_of(d, 0, 0, 1);
        m["deadline"] = "2019-03-31";
        m["status"] = "in_progress";
        m["leader"] = "王主席";
    }));
    CHECK(json::parse(t.admin.record_json(core::Kind::measure, m2)).at("deadline") == "2019-03-31");
}
