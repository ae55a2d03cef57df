#include "core/error.hpp"
#include "io/notice_parser.hpp"
#include "service/service.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <vector>

using namespace rectify;
using rectify::io::NoticeParseOptions;
using rectify::io::parse_notice_document;
using rectify::test::TempDir;

namespace {

// The seed's issues read straight from its lines: title after "N、", narrative after "整改情况:".
struct SeedIssue {
    std::string title, narrative;
};

std::vector<SeedIssue> seed_issues() {
    std::istringstream in(test::read_file(RECTIFY_SEED_REPORT));
    std::vector<SeedIssue> out;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line[0] >= '1' && line[0] <= '9') {
            auto title = line.substr(line.find("、") + std::string("、").size());
            out.push_back({title.substr(title.find_first_not_of(' ')), ""});
        } else if (line.rfind("整改情况:", 0) == 0) {
            out.back().narrative = line.substr(std::string("整改情况:").size());
        }
    }
    return out;
}

std::string narrative_of(const io::DocIssue &i) {
    std::string out;
    for (const auto &m : i.measures)
        for (const auto &p : m.progress) out += p.record.text;
    return out;
}

// The error message parsing text gives, or "" if it parses.
std::string error_of(const std::string &text, const NoticeParseOptions &o = {}) {
    try {
        parse_notice_document(text, o);
    } catch (const core::Error &e) {
        return e.what();
    }
    return "";
}

bool contains(const std::string &s, const std::string &part) { return s.find(part) != std::string::npos; }

const char *const kPreamble = "根据市委统一部署，2018年9月19日至10月25日，市委第一巡察组对市妇联党组开展了政治巡察。\n";

} // namespace

TEST_CASE("the seed notice parses into its 6 aspects and 11 issues with every narrative as written") {
    const auto doc = parse_notice_document(test::read_file(RECTIFY_SEED_REPORT), {});
    const auto seed = seed_issues();
    REQUIRE(seed.size() == 11);

    const std::vector<std::pair<std::string, std::size_t>> aspects = {
        {"党的政治建设方面", 3}, {"党的思想建设方面", 1}, {"党的组织建设方面", 1},
        {"党的作风建设方面", 1}, {"党的纪律建设方面", 1}, {"夺取反腐败斗争压倒性胜利方面的问题", 4}};
    REQUIRE(doc.aspects.size() == aspects.size());
    std::size_t n = 0;
    for (std::size_t a = 0; a < aspects.size(); ++a) {
        CHECK(doc.aspects[a].record.title == aspects[a].first);
        REQUIRE(doc.aspects[a].issues.size() == aspects[a].second);
        for (const auto &issue : doc.aspects[a].issues) {
            CHECK(issue.record.title == seed[n].title);
            CHECK(narrative_of(issue) == seed[n].narrative);
            CHECK(issue.record.status == core::Status::done); // 目前已经完成11项整改任务
            CHECK_FALSE(issue.record.description);
            ++n;
        }
    }
    CHECK(doc.aspects[0].issues[1].record.title == "党内组织生活会未按规定落实"); // "2、 党内…"

    const auto &in = doc.inspection;
    CHECK(in.authority == "市委");
    CHECK(in.group == "市委第一巡察组");
    CHECK(in.label == "政治巡察");
    CHECK(in.kind == core::InspectionKind::routine);
    CHECK(in.onsite_start == core::Date(2018, 9, 19));
    CHECK(in.onsite_end == core::Date(2018, 10, 25));
    CHECK_FALSE(in.feedback_date);
    CHECK_FALSE(in.title);
    CHECK(doc.unit.name == "市妇联");
    CHECK(doc.unit.party_org == "市妇联党组");
    CHECK(in.meta.ref == "市妇联-2018-09-19");
    REQUIRE(in.closing);
    CHECK(in.closing->heading == "巩固整改成果,推进全面从严治党");
    REQUIRE(in.closing->paragraphs.size() == 4);
    CHECK(in.closing->paragraphs[1].rfind("一是毫不松懈抓好后续整改。", 0) == 0);
}

TEST_CASE("the parsed seed is a valid document, and the options name what the notice cannot") {
    NoticeParseOptions o;
    o.ref = "tongcheng-2018-fulian";
    o.unit = "桐城市妇联";
    o.kind = "special";
    o.feedback_date = "2018-11-05";
    const std::string json = io::parse_notice(test::read_file(RECTIFY_SEED_REPORT), o);
    const auto doc = io::read_document(json);
    CHECK(doc.inspection.meta.ref == "tongcheng-2018-fulian");
    CHECK(doc.aspects[5].issues[3].record.meta.ref == "tongcheng-2018-fulian/a6/i4");
    CHECK(doc.unit.name == "桐城市妇联");
    CHECK(doc.inspection.kind == core::InspectionKind::special);
    CHECK(doc.inspection.feedback_date == core::Date(2018, 11, 5));
    CHECK(json.rfind("{\n  \"format\": \"rectify-inspection\",\n", 0) == 0);

    o.onsite_start = "2018-02-30";
    try {
        io::parse_notice(test::read_file(RECTIFY_SEED_REPORT), o);
        FAIL("expected an error");
    } catch (const core::Error &e) {
        CHECK(e.code() == core::Errc::argument);
        CHECK(contains(e.what(), "onsite_start (--onsite-start): '2018-02-30'"));
    }
    o.onsite_start.reset();
    o.kind = "weekly";
    CHECK(contains(error_of(test::read_file(RECTIFY_SEED_REPORT), o), "kind (--kind): unknown value 'weekly'"));
}

TEST_CASE("parse, import into a fresh database, render: the notice carries the 11 narratives") {
    NoticeParseOptions o;
    o.ref = "parsed-seed";
    const std::string json = io::parse_notice(test::read_file(RECTIFY_SEED_REPORT), o);
    TempDir dir;
    service::Service svc(dir.file("p.db"), {}, std::string("tester"));
    const auto id = svc.import_json(json).inspection_id;
    const std::string notice = svc.render_notice(id, io::Audience::internal);
    std::size_t pos = 0;
    int number = 0;
    for (const auto &issue : seed_issues()) {
        const std::string block = std::to_string(++number) + "." + issue.title + "\n整改情况：" + issue.narrative + "\n";
        const auto at = notice.find(block, pos);
        CHECK_MESSAGE(at != std::string::npos, "issue ", number, " is missing or out of order");
        if (at != std::string::npos) pos = at + block.size();
    }
    CHECK(contains(notice, "6个方面11项整改任务"));
    CHECK(contains(notice, "目前已经完成11项整改任务。"));
    CHECK(contains(notice, "（七）巩固整改成果,推进全面从严治党\n"));
    // Export gives back the parser's very bytes: it wrote the export layout.
    CHECK(svc.export_json(id) == json);
}

TEST_CASE("full- and half-width punctuation and every issue numbering parse alike") {
    const std::string variants[] = {
        std::string("关于市妇联党组巡察整改情况的通报\n\n") + kPreamble +
            "（一）党的政治建设方面\n1、问题甲\n整改情况：已整改甲。\n2．问题乙\n整改情况:已整改乙。\n"
            "（二）党的作风建设方面\n3.问题丙\n整改情况：已整改丙。\n",
        std::string("关于市妇联党组巡察整改情况的通报\n") + kPreamble +
            "(一)党的政治建设方面\n１、问题甲\n　　整改情况：已整改甲。\n2. 问题乙\r\n整改情况：已整改乙。\n"
            "一、党的作风建设方面\n",
    };
    // The second variant numbers its second aspect 一、 — not an aspect in a notice whose aspects
    // are （一）: it must be refused, not silently kept as something else.
    const auto doc = parse_notice_document(variants[0], {});
    REQUIRE(doc.aspects.size() == 2);
    CHECK(doc.inspection.title == "关于市妇联党组巡察整改情况的通报");
    CHECK(doc.aspects[0].record.title == "党的政治建设方面");
    CHECK(doc.aspects[0].issues[1].record.title == "问题乙");
    CHECK(narrative_of(doc.aspects[0].issues[1]) == "已整改乙。");
    CHECK(narrative_of(doc.aspects[1].issues[0]) == "已整改丙。");
    CHECK(doc.aspects[0].issues[0].record.status == core::Status::in_progress); // no 完成N项: still going
    CHECK(contains(error_of(variants[1]), "line 8: a part heading above the aspects"));

    // With no （一） anywhere, 一、 headings are the aspects; numbers may restart under each.
    const auto parts = parse_notice_document(std::string(kPreamble) + "一、政治建设\n1.问题甲\n整改情况：甲。\n"
                                                                      "二、作风建设\n1.问题乙\n整改情况：乙。\n",
                                             {});
    REQUIRE(parts.aspects.size() == 2);
    CHECK(parts.aspects[1].record.title == "作风建设");
    CHECK(parts.aspects[1].issues[0].record.title == "问题乙");
}

TEST_CASE("text, sub-items and lists inside an issue stay where they stand") {
    const auto doc = parse_notice_document(std::string(kPreamble) +
                                               "(一)党的政治建设方面\n"
                                               "1、“三会一课”制度落实不到位\n"
                                               "支部会议记录不全。\n"            // the finding's fuller text
                                               "（1）支委会未按月召开\n"
                                               "整改情况：已按月召开。\n"
                                               "(2)党员大会记录不规范\n"
                                               "整改情况：已规范记录。\n"
                                               "2、民主评议党员流于形式 整改情况：制定制度。\n"
                                               "(1)开展学习动员；\n"              // after 整改情况: a list in the narrative
                                               "2、民主测评。\n"                  // out of sequence: text, not an issue
                                               "3、工会未开设银行账户\n"
                                               "整改情况：\n"
                                               "已开设账户。\n"
                                               "实行独立核算。\n",
                                           {});
    REQUIRE(doc.aspects.size() == 1);
    const auto &issues = doc.aspects[0].issues;
    REQUIRE(issues.size() == 3);
    CHECK(issues[0].record.description == "支部会议记录不全。");
    CHECK(issues[0].measures.empty());
    REQUIRE(issues[0].sub_issues.size() == 2);
    CHECK(issues[0].sub_issues[0].record.title == "支委会未按月召开");
    CHECK(issues[0].sub_issues[0].record.meta.ref == issues[0].record.meta.ref + ".1");
    CHECK(narrative_of(issues[0].sub_issues[1]) == "已规范记录。");
    CHECK(issues[1].record.title == "民主评议党员流于形式");
    CHECK(narrative_of(issues[1]) == "制定制度。\n(1)开展学习动员；\n2、民主测评。");
    CHECK(issues[1].sub_issues.empty());
    CHECK(narrative_of(issues[2]) == "已开设账户。\n实行独立核算。");
}

TEST_CASE("text the parser cannot place is an error naming its line") {
    // A stray line between an aspect heading and its first issue.
    std::string e = error_of(std::string(kPreamble) + "\n(一)党的政治建设方面\n这一段无处安放。\n1、问题甲\n整改情况：甲。\n");
    CHECK(e.rfind("line 4: cannot place this text", 0) == 0);
    CHECK(contains(e, "\"这一段无处安放。\""));

    // 整改情况 with no issue open, and a second one for the same issue.
    CHECK(error_of(std::string(kPreamble) + "(一)政治建设\n整改情况：甲。\n").rfind("line 3: 整改情况 outside any issue", 0) == 0);
    CHECK(error_of(std::string(kPreamble) + "(一)政治建设\n1、问题\n整改情况：甲。\n整改情况：乙。\n")
              .rfind("line 5: a second 整改情况 for the item at line 3", 0) == 0);
    // An issue before any aspect, an issue number out of sequence, an empty narrative.
    CHECK(error_of(std::string(kPreamble) + "1、问题\n").rfind("line 2: an issue before any aspect heading", 0) == 0);
    CHECK(error_of(std::string(kPreamble) + "(一)政治建设\n3、问题\n").rfind("line 3: issue number 3 is out of sequence", 0) == 0);
    CHECK(error_of(std::string(kPreamble) + "(一)政治建设\n1、问题\n整改情况：\n").rfind("line 4: 整改情况 with no text", 0) == 0);
    // Paragraphs that are not the last section, and a heading with nothing under it.
    CHECK(error_of(std::string(kPreamble) + "(一)政治建设\n1、问题\n(二)总结\n一段话。\n(三)作风建设\n1、问题\n")
              .rfind("line 5: cannot place this text", 0) == 0);
    CHECK(error_of(std::string(kPreamble) + "(一)政治建设\n1、问题\n(二)作风建设\n").rfind("line 4: a heading with nothing under it", 0) == 0);
    // The preamble's counts must match what was found.
    CHECK(contains(error_of(std::string("根据市委统一部署，2018年9月19日至10月25日，市委第一巡察组对市妇联党组开展了政治巡察。"
                                        "针对巡察组反馈的2个方面3项整改任务，逐项整改。\n(一)政治建设\n1、问题\n")),
                   "counts 2个方面3项, but the text has 1 aspect(s) and 1 issue(s)"));
}

TEST_CASE("empty input, invalid UTF-8 and missing facts are errors that say what to do") {
    CHECK(error_of("") == "the notice is empty");
    CHECK(error_of("\n \n　\n") == "the notice is empty");
    try {
        parse_notice_document(std::string(kPreamble) + "(一)政治建设\n1、问题\xFF\n", {});
        FAIL("expected an error");
    } catch (const core::Error &e) {
        CHECK(e.code() == core::Errc::utf8);
        CHECK(std::string(e.what()).rfind("line 3: invalid UTF-8", 0) == 0);
    }
    const std::string body = "(一)政治建设\n1、问题\n整改情况：甲。\n";
    CHECK(contains(error_of(body), "the notice gives no inspected unit"));
    CHECK(contains(error_of(body), "--unit"));
    NoticeParseOptions o;
    o.unit = "市妇联";
    CHECK(contains(error_of(body, o), "give it with --group (rectify_parse_options.group)"));
    o.group = "市委第一巡察组";
    CHECK(contains(error_of(body, o), "give it with --onsite-start"));
    o.onsite_start = "2018-09-19";
    const auto doc = parse_notice_document(body, o);
    CHECK(doc.inspection.meta.ref == "市妇联-2018-09-19");
    CHECK_FALSE(doc.unit.party_org);
}

TEST_CASE("the preamble gives feedback dates, labels and kinds in its other usual forms") {
    const auto doc = parse_notice_document(
        "中共市妇联党组\n关于巡察整改情况的通报\n"
        "按照市委巡察工作领导小组的统一部署，市委第二巡察组于2019年3月1日至4月30日对市妇联党组进行了为期两个月的专项巡察。"
        "2019年5月20日，巡察组向市妇联党组反馈了巡察意见。\n"
        "(一)政治建设\n1、问题\n整改情况：甲。\n",
        {});
    CHECK(doc.inspection.title == "中共市妇联党组关于巡察整改情况的通报");
    CHECK(doc.inspection.authority == "市委巡察工作领导小组");
    CHECK(doc.inspection.label == "专项巡察");
    CHECK(doc.inspection.kind == core::InspectionKind::special);
    CHECK(doc.inspection.onsite_start == core::Date(2019, 3, 1));
    CHECK(doc.inspection.onsite_end == core::Date(2019, 4, 30));
    CHECK(doc.inspection.feedback_date == core::Date(2019, 5, 20));
}
