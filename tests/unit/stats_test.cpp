// Statistics as of a date: the counts behind the notices, per aspect, per unit of a round, with
// outcomes and leads, and who may see which.
#include "core/error.hpp"
#include "core/statistics.hpp"
#include "service/service.hpp"
#include "support.hpp"

#include <boost/json.hpp>
#include <doctest/doctest.h>

using namespace rectify;
using rectify::test::TempDir;
namespace json = boost::json;

namespace {

core::Date day(const char *text) { return *core::parse_date(text); }

// The seed moved to another unit, with its first `open` issues reopened for work: each of their
// measures in progress with the given deadline.
std::string seed_with_open_issues(const std::string &unit_ref, const std::string &unit_name, const std::string &inspection_ref,
                                  int open, const std::string &deadline) {
    json::value v = json::parse(test::seed_for(unit_ref, unit_name, inspection_ref));
    int n = 0;
    for (auto &a : v.at("aspects").as_array())
        for (auto &i : a.at("issues").as_array()) {
            if (n++ >= open) continue;
            i.as_object()["status"] = "in_progress";
            for (auto &m : i.at("measures").as_array()) {
                m.as_object()["status"] = "in_progress";
                m.as_object()["category"] = "deadline";
                m.as_object()["deadline"] = deadline;
            }
        }
    return json::serialize(v);
}

json::object stats(service::Service &svc, service::Service::StatsScope scope, const char *as_of,
                   io::Audience audience = io::Audience::internal, bool count_non_public = true) {
    service::Service::ReportOptions o;
    o.as_of = day(as_of);
    o.audience = audience;
    o.count_non_public = count_non_public;
    json::value v = json::parse(svc.statistics_json(scope, o));
    return v.as_object();
}

template <class F> core::Errc error_of(F &&f) {
    try {
        f();
    } catch (const core::Error &e) {
        return e.code();
    }
    return core::Errc::internal;
}

} // namespace

TEST_CASE("tallies partition by status and rates round exactly") {
    core::Tally t;
    for (int i = 0; i < 19; ++i) t.add(core::Status::done, false, false);
    t.add(core::Status::closed, false, false);
    t.add(core::Status::substantially_done, true, false);
    t.add(core::Status::in_progress, false, true);
    t.add(core::Status::reopened, false, true);
    t.add(core::Status::not_started, false, false);
    t.add(core::Status::not_started, false, false);
    CHECK(t.total == 25);
    CHECK(t.done == 20);
    CHECK(t.substantially_done == 1);
    CHECK(t.in_progress == 2);
    CHECK(t.not_done == 2);
    CHECK(t.done + t.substantially_done + t.in_progress + t.not_done == t.total);
    CHECK(t.extended == 1);
    CHECK(t.overdue == 2);
    CHECK(*t.completion_rate() == "80.00%");

    core::Tally big;
    for (int i = 0; i < 697; ++i) big.add(i < 688 ? core::Status::done : core::Status::in_progress, false, false);
    CHECK(*big.completion_rate() == "98.71%");
    CHECK(big.completion_basis_points() == 9871);
    CHECK_FALSE(core::Tally{}.completion_rate());
}

TEST_CASE("the seed's statistics: 11 tasks done, 28 measures, its outcomes to the fen") {
    TempDir dir;
    service::Service admin(dir.file("s.db"), {}, std::string("admin"));
    admin.import_json(test::seed_json());
    auto s = stats(admin, {1, 0, 0}, "2019-01-31");
    CHECK(s.at("as_of") == "2019-01-31");
    CHECK(s.at("inspections") == 1);
    CHECK(s.at("issues_total") == 11);
    CHECK(s.at("issues_done") == 11);
    CHECK(s.at("issues_substantially_done") == 0);
    CHECK(s.at("issues_in_progress") == 0);
    CHECK(s.at("issues_not_done") == 0);
    CHECK(s.at("completion_rate") == "100.00%");
    CHECK(s.at("measures_total") == 28);
    CHECK(s.at("measures_done") == 14);
    CHECK(s.at("measures_in_progress") == 14); // the 长期坚持 ones go on
    CHECK(s.at("measures_overdue") == 0);
    CHECK(s.at("measures_completion_rate") == "50.00%");

    const auto &aspects = s.at("aspects").as_array();
    REQUIRE(aspects.size() == 6);
    CHECK(aspects[0].at("title") == "党的政治建设方面");
    CHECK(aspects[0].at("issues").at("total") == 3);
    CHECK(aspects[5].at("title") == "夺取反腐败斗争压倒性胜利方面的问题");
    CHECK(aspects[5].at("issues").at("total") == 4);

    const auto &o = s.at("outcomes");
    CHECK(o.at("rules_made") == 1);
    CHECK(o.at("rules_revised") == 5);
    CHECK(o.at("money_total").at("fen") == 1155000);
    CHECK(o.at("money_total").at("yuan") == "11550.00元");
    CHECK(o.at("money_total").at("wan_yuan") == "1.155万元");
    const auto &money = o.at("money").as_array();
    REQUIRE(money.size() == 4);
    CHECK(money[1].at("category") == "recovered");
    CHECK(money[1].at("label") == "追缴");
    CHECK(money[1].at("fen") == 1155000);
    CHECK(money[0].at("fen") == 0);
    CHECK(o.at("accountability_total") == 2);
    CHECK(o.at("accountability").at(0).at("form") == "reminder_talk");
    CHECK(o.at("accountability").at(0).at("people") == 2);
    CHECK(o.at("meetings") == 14);
}

TEST_CASE("overdue and extended measures count as of the date asked, and so do their issues") {
    TempDir dir;
    service::Service admin(dir.file("s.db"), {}, std::string("admin"));
    const auto id = admin.import_json(seed_with_open_issues("u", "市档案馆", "i", 2, "2019-01-15")).inspection_id;
    // Issue 1 has four measures, issue 2 three: seven open measures due 2019-01-15.
    auto before = stats(admin, {id, 0, 0}, "2019-01-15");
    CHECK(before.at("measures_overdue") == 0);
    CHECK(before.at("issues_in_progress") == 2);
    CHECK(before.at("issues_done") == 9);
    CHECK(before.at("completion_rate") == "81.82%");
    auto after = stats(admin, {id, 0, 0}, "2019-01-16");
    const std::int64_t overdue = 7; // the measures of the two reopened issues (4 + 3)
    CHECK(after.at("measures_overdue") == overdue);
    CHECK(after.at("measures_in_progress") == before.at("measures_in_progress"));
    CHECK(after.at("issues_overdue") == 2);
    CHECK(after.at("aspects").at(0).at("measures").at("overdue") == overdue);

    // An approved extension counts the measure as extended; moved past the as-of date it is no
    // longer overdue.
    const auto m = admin.find(core::Kind::measure, "i/a1/i1/m1");
    const auto e = admin.extension_request(m, "2019-03-31", "需协调财政部门");
    admin.add_user("督导", std::nullopt);
    admin.grant("督导", core::Grant{core::Role::admin, core::ScopeKind::all, 0});
    service::Service(dir.file("s.db"), {}, std::string("督导")).extension_decide(e, true, std::nullopt);
    auto extended = stats(admin, {id, 0, 0}, "2019-01-16");
    CHECK(extended.at("measures_extended") == 1);
    CHECK(extended.at("issues_extended") == 1);
    CHECK(extended.at("measures_overdue") == overdue - 1);
}

TEST_CASE("a round's roll-up: each unit's rate, how many are complete and how many below 80%") {
    TempDir dir;
    service::Service admin(dir.file("s.db"), {}, std::string("admin"));
    admin.import_json(test::seed_json()); // 市妇联: 11 of 11
    admin.import_json(seed_with_open_issues("u2", "市档案馆", "i2", 2, "2019-01-15")); // 9 of 11: 81.82%
    admin.import_json(seed_with_open_issues("u3", "市科协", "i3", 3, "2019-01-15"));   // 8 of 11: 72.73%
    const auto round = admin.find(core::Kind::round, "tongcheng-2018-round");
    auto s = stats(admin, {0, 0, round}, "2019-01-31");
    CHECK(s.at("inspections") == 3);
    CHECK(s.at("issues_total") == 33);
    CHECK(s.at("issues_done") == 28);
    CHECK(s.at("completion_rate") == "84.85%");
    CHECK(s.at("aspects").as_array().empty());
    const auto &units = s.at("units");
    CHECK(units.at("complete") == 1);
    CHECK(units.at("below_80") == 1);
    const auto &rows = units.at("rows").as_array();
    REQUIRE(rows.size() == 3);
    std::map<std::string, std::string> rate;
    for (const auto &r : rows) rate[std::string(r.at("name").as_string())] = std::string(r.at("issues").at("completion_rate").as_string());
    CHECK(rate["市妇联"] == "100.00%");
    CHECK(rate["市档案馆"] == "81.82%");
    CHECK(rate["市科协"] == "72.73%");

    // One unit alone.
    const auto u3 = admin.find(core::Kind::unit, "u3");
    auto one = stats(admin, {0, u3, 0}, "2019-01-31");
    CHECK(one.at("inspections") == 1);
    CHECK(one.at("completion_rate") == "72.73%");
    CHECK(one.at("units").at("below_80") == 1);
}

TEST_CASE("leads: handed over, concluded, and the rate") {
    TempDir dir;
    service::Service admin(dir.file("s.db"), {}, std::string("admin"));
    const auto id = admin.import_json(test::seed_json()).inspection_id;
    const auto l1 = admin.lead_add(id, "违规发放津贴问题线索", "市纪委监委", "2018-11-01");
    admin.lead_add(id, "公车私用问题线索", "市纪委监委", "2018-11-01");
    const auto l3 = admin.lead_add(id, "违规收受礼金问题线索", "市纪委监委", "2018-11-05");
    admin.lead_dispose(l1, "concluded", std::string("2018-12-20"), std::nullopt);
    admin.lead_dispose(l3, "no_case", std::string("2018-12-21"), std::nullopt);
    auto s = stats(admin, {id, 0, 0}, "2019-01-31");
    CHECK(s.at("leads").at("handed_over") == 3);
    CHECK(s.at("leads").at("concluded") == 2);
    CHECK(s.at("leads").at("in_progress") == 1);
    CHECK(s.at("leads").at("completion_rate") == "66.67%");
}

TEST_CASE("public statistics count what they do not show, unless asked not to") {
    TempDir dir;
    service::Service admin(dir.file("s.db"), {}, std::string("admin"));
    json::value v = json::parse(test::seed_json());
    auto &issue = v.at("aspects").at(5).at("issues").at(0).as_object();
    issue["public"] = false;
    issue["non_public_reason"] = "涉及个人隐私";
    const auto id = admin.import_json(json::serialize(v)).inspection_id;
    admin.add_user("公众", std::nullopt);
    admin.grant("公众", core::Grant{core::Role::public_, core::ScopeKind::all, 0});
    service::Service pub(dir.file("s.db"), {}, std::string("公众"));
    auto counted = stats(pub, {id, 0, 0}, "2019-01-31", io::Audience::public_);
    CHECK(counted.at("issues_total") == 11);
    auto shown = stats(pub, {id, 0, 0}, "2019-01-31", io::Audience::public_, false);
    CHECK(shown.at("issues_total") == 10);
    CHECK(shown.at("outcomes").at("money_total").at("fen") == 0); // the hidden issue's 11550元
    CHECK(shown.at("aspects").at(5).at("issues").at("total") == 3);
    // The public may not ask for the internal statistics.
    CHECK(error_of([&] { stats(pub, {id, 0, 0}, "2019-01-31"); }) == core::Errc::denied);
}

TEST_CASE("statistics cover only what the actor may read") {
    TempDir dir;
    const std::string path = dir.file("s.db");
    service::Service admin(path, {}, std::string("admin"));
    admin.import_json(test::seed_json());
    admin.import_json(seed_with_open_issues("u2", "市档案馆", "i2", 2, "2019-01-15"));
    const auto u2 = admin.find(core::Kind::unit, "u2");
    const auto round = admin.find(core::Kind::round, "tongcheng-2018-round");
    admin.add_user("联络员", std::nullopt);
    admin.grant("联络员", core::Grant{core::Role::liaison, core::ScopeKind::unit, u2});
    service::Service liaison(path, {}, std::string("联络员"));
    // Everything it may read: its own unit's inspection only.
    auto mine = stats(liaison, {}, "2019-01-31");
    CHECK(mine.at("inspections") == 1);
    CHECK(mine.at("issues_total") == 11);
    CHECK(mine.at("issues_done") == 9);
    // A round it holds no grant on is refused rather than shown in part.
    CHECK(error_of([&] { stats(liaison, {0, 0, round}, "2019-01-31"); }) == core::Errc::denied);
    CHECK(error_of([&] { stats(liaison, {1, 0, 0}, "2019-01-31"); }) == core::Errc::denied);
    CHECK(error_of([&] { stats(admin, {0, 999, 0}, "2019-01-31"); }) == core::Errc::not_found);
    CHECK(error_of([&] { stats(admin, {999, 0, 0}, "2019-01-31"); }) == core::Errc::not_found);
}
