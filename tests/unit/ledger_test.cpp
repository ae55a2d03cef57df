// The ledger (台账): one row per measure, the same rows in CSV and in the workbook.
#include "io/ledger.hpp"
#include "service/service.hpp"
#include "support.hpp"

#include <boost/json.hpp>
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>

using namespace rectify;
using rectify::test::TempDir;
namespace json = boost::json;

namespace {

const char *const kBom = "\xEF\xBB\xBF";

// An RFC 4180 reader, strict enough to catch a renderer that quotes wrongly: records end in
// CRLF, quoted fields may hold anything, a quote inside one is doubled.
std::vector<std::vector<std::string>> parse_csv(const std::string &text) {
    std::vector<std::vector<std::string>> records;
    std::vector<std::string> record;
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += text[++i];
            else if (c == '"') quoted = false;
            else field += c;
        } else if (c == '"') {
            REQUIRE_MESSAGE(field.empty(), "a quote in the middle of an unquoted field");
            quoted = true;
        } else if (c == ',') {
            record.push_back(std::move(field));
            field.clear();
        } else if (c == '\r') {
            REQUIRE_MESSAGE((i + 1 < text.size() && text[i + 1] == '\n'), "a bare CR outside quotes");
            ++i;
            record.push_back(std::move(field));
            field.clear();
            records.push_back(std::move(record));
            record.clear();
        } else {
            REQUIRE_MESSAGE(c != '\n', "a bare LF outside quotes");
            field += c;
        }
    }
    REQUIRE_MESSAGE(!quoted, "an unterminated quoted field");
    REQUIRE_MESSAGE((field.empty() && record.empty()), "the last record does not end in CRLF");
    return records;
}

json::object &issue(json::object &doc, int aspect, int i) {
    return doc["aspects"].as_array()[aspect].as_object()["issues"].as_array()[i].as_object();
}
json::object &measure(json::object &doc, int aspect, int i, int m) {
    return issue(doc, aspect, i)["measures"].as_array()[m].as_object();
}

// The seed with owners and deadlines on a few measures, text that needs quoting or defusing, and
// one hidden measure.
std::string seed_with_owners() {
    json::value v = json::parse(test::seed_json());
    auto &d = v.as_object();
    auto &money = measure(d, 5, 0, 0); // 追缴超范围发放的公务交通补贴: the 11550元 measure
    money["leader"] = "王主席";
    money["department"] = "办公室,财务室";
    money["person"] = "李\"会计\"";
    money["deadline"] = "2018-12-31";
    auto &overdue = measure(d, 0, 0, 2); // an ongoing one made due, and left open
    overdue["category"] = "deadline";
    overdue["deadline"] = "2019-01-31";
    auto &near = measure(d, 0, 1, 1);
    near["category"] = "deadline";
    near["deadline"] = "2019-03-06";
    measure(d, 1, 0, 1)["title"] = "=HYPERLINK(\"http://x\")严格落实";
    measure(d, 1, 0, 0)["progress"].as_array()[0].as_object()["text"] = "第一行\n-第二行";
    auto &hidden = measure(d, 2, 0, 1);
    hidden["public"] = false;
    hidden["non_public_reason"] = "内部事项";
    hidden["title"] = "【不公开措施】" + std::string(hidden["title"].as_string());
    return json::serialize(v);
}

struct Ledger {
    TempDir dir;
    service::Service svc{dir.file("ledger.db"), {}, std::string("tester")};
    explicit Ledger(const std::string &seed) { svc.import_json(seed); }
    std::string render(io::Format f, io::Audience a = io::Audience::internal, const char *as_of = "2019-03-01") {
        service::Service::ReportOptions o;
        o.as_of = *core::parse_date(as_of);
        o.audience = a;
        return svc.render_report(1, f, o, std::nullopt);
    }
};

// The clock set to a fixed instant for as long as the object lives (RECTIFY_TEST_NOW).
class FixedClock {
public:
    explicit FixedClock(const char *instant) {
        if (const char *old = std::getenv("RECTIFY_TEST_NOW")) saved_ = old;
        ::setenv("RECTIFY_TEST_NOW", instant, 1);
    }
    ~FixedClock() {
        if (saved_) ::setenv("RECTIFY_TEST_NOW", saved_->c_str(), 1);
        else ::unsetenv("RECTIFY_TEST_NOW");
    }
    FixedClock(const FixedClock &) = delete;
    FixedClock &operator=(const FixedClock &) = delete;

private:
    std::optional<std::string> saved_;
};

std::vector<std::string> headers() {
    return {"问题", "整改措施", "责任领导", "责任部门", "责任人", "整改时限", "完成情况", "状态", "预警", "佐证材料数", "销号日期", "完成时间", "备注"};
}

} // namespace

TEST_CASE("the seed's ledger CSV: BOM, the 13 headers, one row per measure in display order") {
    Ledger l(test::seed_json());
    const std::string csv = l.render(io::Format::csv);
    REQUIRE(csv.rfind(kBom, 0) == 0);
    const auto records = parse_csv(csv.substr(3));
    REQUIRE(records.size() == 1 + 28);
    CHECK(records[0] == headers());
    for (const auto &r : records) CHECK(r.size() == 13);

    const auto &first = records[1];
    CHECK(first[0] == "1. “三会一课”制度落实不到位");
    CHECK(first[1] == "完善“三会一课”制度并上墙");
    CHECK(first[5] == "立行立改");
    CHECK(first[6] == "完善《市妇联党支部“三会一课”制度》,将制度上墙。");
    CHECK(first[7] == "已完成");
    CHECK(first[8] == "绿灯");
    CHECK(first[9] == "0");
    CHECK(first[10] == "");
    CHECK(first[11] == ""); // done, but the seed records no completion date for it
    const auto &ongoing = records[3]; // a1/i1/m3, 长期坚持 and still going
    CHECK(ongoing[5] == "长期坚持");
    CHECK(ongoing[7] == "整改中");
    CHECK(ongoing[8] == "蓝灯");
    CHECK(ongoing[11] == "");
    for (std::size_t i = 1; i < records.size(); ++i) CHECK(records[i][12] == ""); // nothing closed out or reopened yet
    // Issue numbers run on across aspects: the last aspect's four issues are 8. to 11.
    CHECK(records[21][0].rfind("8. ", 0) == 0);
    CHECK(records[21][6].find("11550") != std::string::npos);
    CHECK(records[21][11] == "2019年1月18日"); // the seed's completed_date of a6/i1/m1
    CHECK(records[28][0].rfind("11. ", 0) == 0);
    // Only quoted fields may hold commas: the seed's progress texts do.
    CHECK(csv.find("\"完善《市妇联党支部“三会一课”制度》,将制度上墙。\"") != std::string::npos);
}

TEST_CASE("ledger CSV quotes commas, quotes and line breaks, and defuses formulas") {
    Ledger l(seed_with_owners());
    const std::string csv = l.render(io::Format::csv);
    const auto records = parse_csv(csv.substr(3));
    REQUIRE(records.size() == 1 + 28);
    const auto &money = records[21];
    CHECK(money[1] == "追缴超范围发放的公务交通补贴");
    CHECK(money[2] == "王主席");
    CHECK(money[3] == "办公室,财务室");
    CHECK(money[4] == "李\"会计\"");
    CHECK(money[5] == "2018年12月31日");
    CHECK(money[8] == "绿灯"); // done, whatever its date
    CHECK(csv.find(",\"李\"\"会计\"\"\",") != std::string::npos);

    // Open and past its deadline on the as-of day; due within the warning ladder.
    CHECK(records[3][5] == "2019年1月31日");
    CHECK(records[3][8] == "红灯（已逾期29天）");
    CHECK(records[6][8] == "黄灯（剩余5天）");

    // a2/i1: the first measure's progress has a line break and a line starting with '-', which is
    // not a cell start; the second's title starts with '=' and gets the apostrophe.
    CHECK(records[10][6] == "第一行\n-第二行");
    CHECK(records[11][1] == "'=HYPERLINK(\"http://x\")严格落实");
    for (const auto &r : records)
        for (const auto &cell : r) CHECK(std::string("=+-@\t\r").find(cell.empty() ? 'x' : cell[0]) == std::string::npos);
}

TEST_CASE("the ledger shows the issue's close-out date and counts the measure's evidence") {
    Ledger l(seed_with_owners());
    const auto issue_id = l.svc.find(core::Kind::issue, "tongcheng-2018-fulian/a6/i1");
    const auto measure_id = l.svc.find(core::Kind::measure, "tongcheng-2018-fulian/a6/i1/m1");
    const auto scan = l.dir.file("缴款凭证.pdf");
    std::ofstream(scan) << "receipt";
    l.svc.evidence_add(core::Kind::measure, measure_id, {"缴款凭证", std::nullopt, scan, std::nullopt, std::nullopt});
    l.svc.evidence_add(core::Kind::measure, measure_id, {"OA 归档", std::nullopt, std::nullopt, std::string("oa://2019/17"), std::nullopt});
    l.svc.close_out(issue_id, "2019-02-01", std::nullopt);

    const auto records = parse_csv(l.render(io::Format::csv).substr(3));
    CHECK(records[21][9] == "2");
    CHECK(records[21][10] == "2019年2月1日");
    CHECK(records[22][9] == "0");                // the issue's other measure has none of its own
    CHECK(records[22][10] == "2019年2月1日");   // but shares its issue's close-out
    CHECK(records[23][10] == "");
}

TEST_CASE("a measure set done gets the day as its 完成时间, and loses it when sent back to work") {
    Ledger l(seed_with_owners());
    const auto id = l.svc.find(core::Kind::measure, "tongcheng-2018-fulian/a1/i1/m3"); // records[3], 整改中
    auto completed = [&] {
        return json::parse(l.svc.record_json(core::Kind::measure, id)).as_object().at("completed_date");
    };
    auto cell = [&] { return parse_csv(l.render(io::Format::csv).substr(3))[3][11]; };
    REQUIRE(cell() == "");
    REQUIRE(completed().is_null());
    {
        // 17:30 UTC on 27 February is already 28 February in the database's zone (UTC+8).
        FixedClock clock("2019-02-27T17:30:00Z");
        l.svc.set_status(core::Kind::measure, id, core::Status::done, 0);
    }
    CHECK(completed() == json::value("2019-02-28"));
    CHECK(cell() == "2019年2月28日");
    {
        FixedClock clock("2019-03-05T02:00:00Z");
        l.svc.set_status(core::Kind::measure, id, core::Status::closed, 0); // closing keeps the day it was done
    }
    CHECK(completed() == json::value("2019-02-28"));
    CHECK(cell() == "2019年2月28日");
    {
        FixedClock clock("2019-03-06T02:00:00Z");
        l.svc.set_status(core::Kind::measure, id, core::Status::reopened, 0);
    }
    CHECK(completed().is_null());
    CHECK(cell() == "");
    // The audit log keeps the day that was cleared.
    const std::string audit = l.svc.audit_log_json("measure", id, 0, 100);
    CHECK(audit.find("2019-02-28") != std::string::npos);
    {
        FixedClock clock("2019-03-10T02:00:00Z");
        l.svc.set_status(core::Kind::measure, id, core::Status::in_progress, 0);
        l.svc.set_status(core::Kind::measure, id, core::Status::done, 0); // done again: the new day
    }
    CHECK(completed() == json::value("2019-03-10"));
    CHECK(cell() == "2019年3月10日");
}

TEST_CASE("a reopened issue shows no 销号日期 on any row, new measures included, and 备注 keeps the old one") {
    Ledger l(seed_with_owners());
    l.svc.set_close_out_guards(R"({"min_evidence": 0})");
    const auto issue_id = l.svc.find(core::Kind::issue, "tongcheng-2018-fulian/a6/i2"); // records[23], [24]
    l.svc.close_out(issue_id, "2019-02-01", std::nullopt);
    auto records = parse_csv(l.render(io::Format::csv).substr(3));
    REQUIRE(records.size() == 1 + 28);
    for (int i : {23, 24}) {
        CHECK(records[i][10] == "2019年2月1日");
        CHECK(records[i][12] == "");
    }

    // A look-back finds it relapsed: the issue reopens with a new measure.
    const auto review = l.svc.review_schedule("inspection", 1, "2019-06-01", "回头看小组", std::nullopt);
    l.svc.review_verdict(review, issue_id, "relapsed", "2019-06-10", std::string_view("公务用车又未经平台审批"),
                         std::string_view(R"([{"title": "重新规范公务用车审批", "deadline": "2019-08-31"}])"));
    records = parse_csv(l.render(io::Format::csv, io::Audience::internal, "2019-06-15").substr(3));
    REQUIRE(records.size() == 1 + 29);
    CHECK(records[25][1] == "重新规范公务用车审批");
    for (int i : {23, 24, 25}) {
        CHECK(records[i][0].rfind("9. ", 0) == 0);
        CHECK(records[i][10] == "");
        CHECK(records[i][12] == "重新整改（曾于2019年2月1日销号）");
    }
    CHECK(records[22][12] == ""); // the issue before it is untouched
    CHECK(records[26][12] == ""); // and so is the one after it

    // Closed out again, it shows the new date and no longer the history.
    for (const char *ref : {"tongcheng-2018-fulian/a6/i2/r1m1"}) {
        const auto m = l.svc.find(core::Kind::measure, ref);
        l.svc.set_status(core::Kind::measure, m, core::Status::in_progress, 0);
        l.svc.set_status(core::Kind::measure, m, core::Status::done, 0);
    }
    l.svc.set_status(core::Kind::issue, issue_id, core::Status::in_progress, 0);
    l.svc.set_status(core::Kind::issue, issue_id, core::Status::done, 0);
    l.svc.close_out(issue_id, "2019-09-01", std::nullopt);
    records = parse_csv(l.render(io::Format::csv, io::Audience::internal, "2019-09-02").substr(3));
    for (int i : {23, 24, 25}) {
        CHECK(records[i][10] == "2019年9月1日");
        CHECK(records[i][12] == "");
    }
}

// The seed with a sub-issue under a6/i2 (公务用车管理制度执行不严), its one measure done, and one
// below that.
std::string seed_with_sub_issues() {
    json::value v = json::parse(seed_with_owners());
    auto &parent = issue(v.as_object(), 5, 1);
    auto measure_of = [](const char *ref, const char *title) {
        return json::object{{"ref", ref}, {"title", title}, {"category", "immediate"}, {"status", "done"}};
    };
    json::object grandchild{{"ref", "tongcheng-2018-fulian/a6/i2/i1/i1"},
                            {"title", "驾驶员出车登记不全"},
                            {"status", "done"},
                            {"measures", json::array{measure_of("tongcheng-2018-fulian/a6/i2/i1/i1/m1", "补全出车登记")}}};
    json::object child{{"ref", "tongcheng-2018-fulian/a6/i2/i1"},
                       {"title", "车辆派遣未经审批"},
                       {"status", "done"},
                       {"measures", json::array{measure_of("tongcheng-2018-fulian/a6/i2/i1/m1", "建立派车审批单")}},
                       {"issues", json::array{grandchild}}};
    parent["issues"] = json::array{child};
    return json::serialize(v);
}

TEST_CASE("a sub-issue shows the close-out of its nearest closed ancestor, none below a reopened one") {
    Ledger l(seed_with_sub_issues());
    l.svc.set_close_out_guards(R"({"min_evidence": 0})");
    const auto parent = l.svc.find(core::Kind::issue, "tongcheng-2018-fulian/a6/i2");
    const auto child = l.svc.find(core::Kind::issue, "tongcheng-2018-fulian/a6/i2/i1");
    auto records = parse_csv(l.render(io::Format::csv).substr(3));
    REQUIRE(records.size() == 1 + 30);
    // a6/i2's two measures, then 9.（1）'s, then 9.（1）1)'s.
    REQUIRE(records[25][0].rfind("9.（1）", 0) == 0);
    REQUIRE(records[26][0].rfind("9.（1）1)", 0) == 0);
    for (int i : {23, 24, 25, 26}) CHECK(records[i][10] == "");

    l.svc.close_out(child, "2019-01-20", std::nullopt);
    l.svc.close_out(parent, "2019-02-01", std::nullopt);
    records = parse_csv(l.render(io::Format::csv).substr(3));
    CHECK(records[23][10] == "2019年2月1日");
    CHECK(records[24][10] == "2019年2月1日");
    CHECK(records[25][10] == "2019年1月20日"); // its own close-out
    CHECK(records[26][10] == "2019年1月20日"); // its parent's, the nearest closed
    for (int i : {23, 24, 25, 26}) CHECK(records[i][12] == "");

    // The sub-issue reopened: it and the one below show none, the parent keeps its own.
    l.svc.set_status(core::Kind::issue, child, core::Status::reopened, 0);
    records = parse_csv(l.render(io::Format::csv).substr(3));
    CHECK(records[23][10] == "2019年2月1日");
    CHECK(records[23][12] == "");
    CHECK(records[25][10] == "");
    CHECK(records[25][12] == "重新整改（曾于2019年1月20日销号）");
    CHECK(records[26][10] == "");
    CHECK(records[26][12] == "所属问题重新整改（曾于2019年1月20日销号）");

    // The public ledger says the same.
    const auto pub = parse_csv(l.render(io::Format::csv, io::Audience::public_).substr(3));
    CHECK(pub[24][0].rfind("9.（1）", 0) == 0); // a3/i1's hidden measure comes earlier: one row less
    CHECK(pub[24][12] == "重新整改（曾于2019年1月20日销号）");
}

TEST_CASE("the public ledger leaves out a non-public measure and keeps the numbering") {
    Ledger l(seed_with_owners());
    const std::string internal = l.render(io::Format::csv);
    const std::string pub = l.render(io::Format::csv, io::Audience::public_);
    CHECK(internal.find("【不公开措施】") != std::string::npos);
    CHECK(pub.find("【不公开措施】") == std::string::npos);
    CHECK(pub.find("内部事项") == std::string::npos);
    const auto records = parse_csv(pub.substr(3));
    CHECK(records.size() == 1 + 27);
    CHECK(records.back()[0].rfind("11. ", 0) == 0);
}

TEST_CASE("the ledger workbook is a zip archive, the same bytes for the same ledger") {
    Ledger l(seed_with_owners());
    const std::string a = l.render(io::Format::xlsx);
    REQUIRE(a.size() > 1000);
    CHECK(a.compare(0, 4, "PK\x03\x04") == 0);
    CHECK(l.render(io::Format::xlsx) == a);
    CHECK(l.render(io::Format::xlsx, io::Audience::internal, "2019-03-02") != a); // the title names the day

    // The workbook passes through a temporary file; none is left behind. TMPDIR points at a
    // folder of this test's own, so that other programs' files cannot confuse the check.
    TempDir tmp;
    const std::string folder = tmp.file("");
    const char *old = std::getenv("TMPDIR");
    const std::string saved = old ? old : "";
    ::setenv("TMPDIR", folder.c_str(), 1);
    const std::string b = l.render(io::Format::xlsx);
    const bool empty = std::filesystem::is_empty(folder);
    if (old) ::setenv("TMPDIR", saved.c_str(), 1);
    else ::unsetenv("TMPDIR");
    CHECK(b == a);
    CHECK(empty);
}
