#include "core/error.hpp"
#include "core/followthrough.hpp"
#include "service/service.hpp"
#include "support.hpp"

#include <boost/json.hpp>
#include <doctest/doctest.h>

#include <fstream>

using namespace rectify;
using rectify::test::TempDir;
namespace json = boost::json;

namespace {

// Three units in one round, each with the seed case: 市妇联 (inspection 1), 市总工会 (2), 市科协 (3).
struct Round {
    TempDir dir;
    std::string path = dir.file("followthrough.db");
    service::Service admin{path, {}, std::string("admin")};
    Round() {
        admin.import_json(test::seed_json());
        admin.import_json(test::seed_for("tongcheng-zonggonghui", "市总工会", "tongcheng-2018-zonggonghui"));
        admin.import_json(test::seed_for("tongcheng-kexie", "市科协", "tongcheng-2018-kexie"));
    }
    std::int64_t id(core::Kind k, const std::string &ref) { return admin.find(k, ref); }
    json::value record(core::Kind k, std::int64_t id) { return json::parse(admin.record_json(k, id)); }
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

TEST_CASE("evidence is hashed by the library and verify lists changed and missing files") {
    Round r;
    const auto scan = r.dir.file("缴款凭证.pdf"), minutes = r.dir.file("会议记录.docx");
    std::ofstream(scan) << "receipt of 11550 yuan";
    std::ofstream(minutes) << "minutes";
    const auto m = r.id(core::Kind::measure, "tongcheng-2018-fulian/a6/i1/m1");
    auto e1 = r.admin.evidence_add(core::Kind::measure, m, {"缴款凭证", std::string("文件"), scan, std::nullopt, std::string("application/pdf")});
    r.admin.evidence_add(core::Kind::issue, r.id(core::Kind::issue, "tongcheng-2018-fulian/a6/i1"),
                         {"会议记录", std::nullopt, minutes, std::nullopt, std::nullopt});
    r.admin.evidence_add(core::Kind::issue, 1, {"OA 归档", std::nullopt, std::nullopt, std::string("oa://archive/2019/17"), std::nullopt});
    auto rows = json::parse(r.admin.evidence_json(0, core::Kind::measure, m)).as_array();
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].at("id") == e1);
    CHECK(rows[0].at("size") == 21);
    // sha256("receipt of 11550 yuan")
    CHECK(rows[0].at("sha256").as_string().size() == 64);

    std::string report;
    CHECK(r.admin.evidence_verify(1, report));
    std::ofstream(scan) << "receipt of 1155 yuan"; // altered
    std::remove(minutes.c_str());
    CHECK_FALSE(r.admin.evidence_verify(1, report));
    auto rep = json::parse(report);
    CHECK(rep.at("checked") == 2);
    REQUIRE(rep.at("changed").as_array().size() == 1);
    CHECK(rep.at("changed").as_array()[0].at("title") == "缴款凭证");
    REQUIRE(rep.at("missing").as_array().size() == 1);
    CHECK(rep.at("missing").as_array()[0].at("title") == "会议记录");

    CHECK(error_of([&] { r.admin.evidence_add(core::Kind::measure, m, {"x", std::nullopt, r.dir.file("nope"), std::nullopt, std::nullopt}); }) == core::Errc::io);
    CHECK(error_of([&] { r.admin.evidence_add(core::Kind::measure, m, {"x", std::nullopt, std::nullopt, std::nullopt, std::nullopt}); }) == core::Errc::argument);
}

TEST_CASE("a round-level look-back across three units reopens relapsed issues and keeps their history") {
    Round r;
    r.admin.add_user("纪委", std::nullopt);
    r.admin.grant("纪委", core::Grant{core::Role::supervisor, core::ScopeKind::all, 0});
    service::Service supervisor(r.path, {}, std::string("纪委"));

    const auto review = r.admin.review_schedule("round", 1, "2019-06-01", "市委巡察办回头看小组", std::string_view("2019年回头看"));
    const auto a = r.id(core::Kind::issue, "tongcheng-2018-fulian/a6/i1");
    const auto b = r.id(core::Kind::issue, "tongcheng-2018-zonggonghui/a6/i2");
    const auto c = r.id(core::Kind::issue, "tongcheng-2018-kexie/a1/i1");
    const auto version_before = r.record(core::Kind::issue, b).at("version").as_int64();

    supervisor.review_verdict(review, a, "held", "2019-06-10", std::nullopt, std::nullopt);
    supervisor.review_verdict(review, b, "relapsed", "2019-06-10", std::string_view("公务用车又未经平台审批"),
                              std::string_view(R"([{"title": "重新规范公务用车审批", "deadline": "2019-08-31", "person": "办公室主任"}])"));
    supervisor.review_verdict(review, c, "false", "2019-06-11", std::string_view("会议记录系补写"), std::nullopt);
    CHECK(error_of([&] { supervisor.review_verdict(review, a, "held", "2019-06-12", std::nullopt, std::nullopt); }) == core::Errc::duplicate);
    CHECK(error_of([&] { supervisor.review_verdict(review, a, "relapsed", "2019-06-12", std::nullopt, std::nullopt); }) == core::Errc::argument);
    CHECK(error_of([&] { r.admin.review_verdict(review, a, "maybe", "2019-06-12", std::nullopt, std::nullopt); }) == core::Errc::argument);

    auto issue_b = r.record(core::Kind::issue, b);
    CHECK(issue_b.at("status") == "in_progress"); // was done
    CHECK(issue_b.at("relapse_count") == 1);
    CHECK(issue_b.at("version").as_int64() == version_before + 1);
    // The same issue, its history kept: its earlier measures and progress are all still there,
    // and the re-rectification measure joins them.
    auto measures = json::parse(r.admin.list_json(core::Kind::measure, {0, b, 0, 0})).as_array();
    REQUIRE(measures.size() == 3);
    CHECK(measures[2].at("title") == "重新规范公务用车审批");
    CHECK(measures[2].at("deadline") == "2019-08-31");
    CHECK(measures[2].at("ref") == "tongcheng-2018-zonggonghui/a6/i2/r1m1");
    auto log = json::parse(r.admin.audit_log_json("issue", b, 0, 0)).as_array();
    CHECK(log.back().at("action") == "relapse");

    auto report = json::parse(r.admin.review_report(review));
    CHECK(report.at("counts").at("held") == 1);
    CHECK(report.at("counts").at("relapsed") == 1);
    CHECK(report.at("counts").at("false") == 1);
    CHECK(report.at("reopened").as_array().size() == 2);
    CHECK(report.at("verdicts").as_array()[2].at("label") == "虚假整改");
    CHECK(r.admin.verify_audit().intact);
}

TEST_CASE("a closed issue found relapsed is reopened, a review covers only its own inspection") {
    Round r;
    const auto issue = r.id(core::Kind::issue, "tongcheng-2018-fulian/a6/i4");
    r.admin.evidence_add(core::Kind::issue, issue, {"开户许可证", std::nullopt, std::nullopt, std::string("oa://docs/1"), std::nullopt});
    r.admin.set_status(core::Kind::issue, issue, core::Status::closed, 0);
    const auto review = r.admin.review_schedule("inspection", 1, "2019-06-01", "回头看小组", std::nullopt);
    r.admin.review_verdict(review, issue, "incomplete", "2019-06-05", std::string_view("账户未实际使用"), std::nullopt);
    CHECK(r.record(core::Kind::issue, issue).at("status") == "reopened");
    CHECK(error_of([&] {
              r.admin.review_verdict(review, r.id(core::Kind::issue, "tongcheng-2018-kexie/a1/i1"), "held", "2019-06-05", std::nullopt, std::nullopt);
          }) == core::Errc::invalid);
}

TEST_CASE("a missed follow-up turns an ongoing measure from blue to red") {
    Round r;
    const auto m = r.id(core::Kind::measure, "tongcheng-2018-fulian/a1/i1/m3"); // ongoing
    r.admin.followup_plan(m, "quarterly", "2019-01-31");
    CHECK(error_of([&] { r.admin.followup_plan(r.id(core::Kind::measure, "tongcheng-2018-fulian/a1/i1/m1"), "monthly", "2019-01-31"); }) == core::Errc::misuse);
    CHECK(error_of([&] { r.admin.followup_record(m, "2019-04-20", "  "); }) == core::Errc::argument);
    r.admin.followup_record(m, "2019-04-20", "支部会议按月召开，记录完整。");

    auto light = [&](const char *as_of) {
        service::Service::WarningQuery q;
        q.as_of = *core::parse_date(as_of);
        q.scope.inspection_id = 1;
        const auto warnings = json::parse(r.admin.warnings(q));
        for (const auto &row : warnings.at("rows").as_array())
            if (row.at("id").as_int64() == m) return std::string(row.at("light").as_string());
        return std::string("absent");
    };
    CHECK(light("2019-04-30") == "blue"); // first quarter ended 2019-04-30 with a follow-up
    CHECK(light("2019-07-30") == "blue"); // the second quarter has not ended
    CHECK(light("2019-07-31") == "blue"); // its last day still belongs to it
    CHECK(light("2019-08-01") == "red");  // it ended with none
    auto today = json::parse(r.admin.followups_due(*core::parse_date("2019-07-31"), 10, {})).as_array();
    REQUIRE(today.size() == 1);
    CHECK(today[0].at("missed") == false);
    CHECK(today[0].at("last_due") == "2019-04-30");
    CHECK(today[0].at("next_due") == "2019-07-31");
    auto due = json::parse(r.admin.followups_due(*core::parse_date("2019-08-01"), 10, {})).as_array();
    REQUIRE(due.size() == 1);
    CHECK(due[0].at("missed") == true);
    CHECK(due[0].at("last_due") == "2019-07-31");
    CHECK(due[0].at("next_due") == "2019-10-31");
    r.admin.followup_record(m, "2019-07-31", "第二季度检查。");
    CHECK(light("2019-07-31") == "blue");
    CHECK(light("2019-08-01") == "blue"); // met on the period's last day
}

TEST_CASE("follow-up periods follow month arithmetic") {
    using namespace rectify::core;
    CHECK(followup_due(Date(2019, 1, 31), Cadence::monthly, 1) == Date(2019, 2, 28));
    CHECK(followup_due(Date(2019, 1, 31), Cadence::quarterly, 1) == Date(2019, 4, 30));
    CHECK(followup_due(Date(2020, 2, 29), Cadence::yearly, 1) == Date(2021, 2, 28));
    auto s = followup_state(Date(2019, 1, 31), Cadence::monthly, {Date(2019, 2, 15)}, Date(2019, 3, 1));
    CHECK(s.last_due == Date(2019, 2, 28));
    CHECK(s.next_due == Date(2019, 3, 31));
    CHECK_FALSE(s.missed);
    // The last day of a period (2019-02-28) belongs to it: not missed that day, missed the next.
    auto last = followup_state(Date(2019, 1, 31), Cadence::monthly, {}, Date(2019, 2, 28));
    CHECK_FALSE(last.missed);
    CHECK(last.next_due == Date(2019, 2, 28));
    CHECK_FALSE(last.last_due);
    auto after = followup_state(Date(2019, 1, 31), Cadence::monthly, {}, Date(2019, 3, 1));
    CHECK(after.missed);
    CHECK(after.last_due == Date(2019, 2, 28));
    auto met = followup_state(Date(2019, 1, 31), Cadence::monthly, {Date(2019, 2, 28)}, Date(2019, 3, 1));
    CHECK_FALSE(met.missed);
}

TEST_CASE("evaluation scores by deductions from 100 and sends 一般 and 差 back for re-rectification") {
    Round r;
    const auto issue = r.id(core::Kind::issue, "tongcheng-2018-fulian/a6/i2");
    auto good = json::parse(r.admin.evaluate(1, "2019-03-01", R"([{"item": "台账不规范", "points": 5}])", std::nullopt));
    CHECK(good.at("score") == 95);
    CHECK(good.at("label") == "好");
    CHECK(good.at("rerectification") == false);

    const std::string deductions = R"([{"item": "公务用车整改不彻底", "points": 25, "issue_id": )" + std::to_string(issue) +
                                   R"(}, {"item": "佐证材料不全", "points": 10}])";
    auto fair = json::parse(r.admin.evaluate(1, "2019-03-02", deductions, std::nullopt));
    CHECK(fair.at("score") == 65);
    CHECK(fair.at("label") == "一般");
    CHECK(fair.at("rerectification") == true);
    CHECK(fair.at("reopened").as_array().size() == 1);
    CHECK(r.record(core::Kind::issue, issue).at("status") == "in_progress");
    CHECK(r.record(core::Kind::issue, issue).at("relapse_count") == 0); // not a relapse, a failed evaluation

    // Thresholds are the host's: with 好 from 95 and 较好 from 90, 92 is 较好.
    auto custom = json::parse(r.admin.evaluate(1, "2019-03-03", R"([{"item": "x", "points": 8}])",
                                               std::string_view(R"({"good": 95, "fairly_good": 90, "fair": 70})")));
    CHECK(custom.at("label") == "较好");
    CHECK(error_of([&] { r.admin.evaluate(1, "2019-03-03", R"([{"item": "x", "points": -1}])", std::nullopt); }) == core::Errc::invalid);
    CHECK(error_of([&] { r.admin.evaluate(1, "2019-03-03", R"([{"item": "x", "points": 1, "issue_id": 9999}])", std::nullopt); }) == core::Errc::invalid);
}

TEST_CASE("leads are handed over, disposed of, and counted") {
    Round r;
    auto l1 = r.admin.lead_add(1, "超范围发放公务交通补贴问题线索", "市纪委监委", "2018-11-01");
    auto l2 = r.admin.lead_add(1, "慰问品发放问题线索", "市纪委监委", "2018-11-01");
    r.admin.lead_add(1, "干部选任问题线索", "市委组织部", "2018-11-02");
    r.admin.lead_dispose(l1, "concluded", std::string_view("2019-01-10"), std::string_view("给予诫勉"));
    r.admin.lead_dispose(l2, "no_case", std::string_view("2018-12-20"), std::nullopt);
    CHECK(error_of([&] { r.admin.lead_dispose(l1, "concluded", std::nullopt, std::nullopt); }) == core::Errc::argument);
    CHECK(error_of([&] { r.admin.lead_dispose(l1, "concluded", std::string_view("2018-10-01"), std::nullopt); }) == core::Errc::argument);
    auto leads = json::parse(r.admin.leads_json(1));
    CHECK(leads.at("handed") == 3);
    CHECK(leads.at("concluded") == 2);
    CHECK(leads.at("completion_basis_points") == 6667); // 66.67%
}

TEST_CASE("each close-out guard refuses with its reason, a close-out keeps its verifier and date") {
    Round r;
    r.admin.add_user("owner1", std::nullopt);
    r.admin.grant("owner1", core::Grant{core::Role::supervisor, core::ScopeKind::unit, 1});
    const auto issue = r.id(core::Kind::issue, "tongcheng-2018-fulian/a6/i1"); // 追缴补贴: two measures, both done
    auto refusal = [&](service::Service &svc) {
        try {
            svc.close_out(issue, "2019-02-01", std::nullopt);
        } catch (const core::Error &e) {
            CHECK(e.code() == core::Errc::guard);
            return std::string(e.what());
        }
        return std::string("closed");
    };
    const auto before = test::dump(r.path);
    CHECK(refusal(r.admin) == "issue " + std::to_string(issue) + ": close-out refused by guard min_evidence: 0 evidence items attached, 1 required");
    CHECK(test::dump(r.path) == before);

    r.admin.evidence_add(core::Kind::measure, r.id(core::Kind::measure, "tongcheng-2018-fulian/a6/i1/m1"),
                         {"缴款凭证", std::nullopt, std::nullopt, std::string("oa://receipts/2019-01-18"), std::nullopt});
    // The responsible person of a measure may not verify it.
    auto seed = json::parse(test::seed_json());
    seed.as_object()["aspects"].as_array()[5].as_object()["issues"].as_array()[0].as_object()["measures"].as_array()[1]
        .as_object()["person"] = "owner1";
    r.admin.import_json(json::serialize(seed));
    service::Service owner(r.path, {}, std::string("owner1"));
    CHECK(refusal(owner).find("guard verifier_not_owner: 'owner1' is the responsible person of measure") != std::string::npos);

    // A measure reopened blocks it too.
    const auto m2 = r.id(core::Kind::measure, "tongcheng-2018-fulian/a6/i1/m2");
    r.admin.set_status(core::Kind::measure, m2, core::Status::in_progress, 0);
    CHECK(refusal(r.admin).find("guard measures_done: measure " + std::to_string(m2)) != std::string::npos);
    r.admin.set_status(core::Kind::measure, m2, core::Status::done, 0);

    // Guards are configurable: without the evidence rule an issue with none closes.
    const auto bare = r.id(core::Kind::issue, "tongcheng-2018-fulian/a6/i4");
    CHECK_THROWS_AS(r.admin.close_out(bare, "2019-02-01", std::nullopt), core::Error);
    r.admin.set_close_out_guards(R"({"min_evidence": 0})");
    CHECK(json::parse(r.admin.close_out_guards_json()).at("min_evidence") == 0);
    r.admin.close_out(bare, "2019-02-01", std::string_view("开户许可证已核"));

    CHECK(r.admin.close_out(issue, "2019-02-02", std::nullopt) > 0);
    auto outs = json::parse(r.admin.close_outs_json(issue)).as_array();
    REQUIRE(outs.size() == 1);
    CHECK(outs[0].at("verifier") == "admin");
    CHECK(outs[0].at("closed_on") == "2019-02-02");
    CHECK(json::parse(r.admin.record_json(core::Kind::issue, issue)).at("status") == "closed");
    // Substantially done is a state of its own: it cannot be closed out.
    const auto sub = r.id(core::Kind::issue, "tongcheng-2018-fulian/a6/i2");
    r.admin.set_status(core::Kind::issue, sub, core::Status::in_progress, 0);
    r.admin.set_status(core::Kind::issue, sub, core::Status::substantially_done, 0);
    try {
        r.admin.close_out(sub, "2019-02-02", std::nullopt);
        FAIL("expected an error");
    } catch (const core::Error &e) {
        CHECK(e.code() == core::Errc::transition);
    }
}
