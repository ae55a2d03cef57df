// The notice through its mustache templates: the bundled text and Markdown templates on the seed
// case, numbering past ten, a host's own template, a broken one, the public audience, the
// outcome totals, and values printed as entered.
#include "core/error.hpp"
#include "io/markdown_escape.hpp"
#include "io/notice_render.hpp"
#include "service/service.hpp"
#include "support.hpp"

#include <boost/json.hpp>
#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <vector>

using namespace rectify;
using rectify::test::TempDir;

namespace {

const char *const kSeedAspects[] = {"党的政治建设方面", "党的思想建设方面", "党的组织建设方面",
                                    "党的作风建设方面", "党的纪律建设方面", "夺取反腐败斗争压倒性胜利方面的问题"};

service::Service::ReportOptions options(io::Audience audience, bool count_non_public = true) {
    service::Service::ReportOptions o;
    o.as_of = boost::gregorian::date(2019, 3, 1);
    o.audience = audience;
    o.count_non_public = count_non_public;
    return o;
}

std::string render(service::Service &svc, io::Format f, io::Audience a = io::Audience::internal,
                   const std::optional<std::string> &tmpl = std::nullopt) {
    return svc.render_report(1, f, options(a), tmpl);
}

core::Errc error_code(const std::function<void()> &f, std::string &message) {
    try {
        f();
    } catch (const core::Error &e) {
        message = e.what();
        return e.code();
    }
    return core::Errc{};
}

// The seed case with the markers of tests/cli/test_nonpublic.sh: a non-public issue (a6/i1) and a
// non-public measure under a public issue (a2/i1/m2).
std::string seed_with_hidden_items() {
    auto v = boost::json::parse(test::seed_json());
    auto &aspects = v.as_object()["aspects"].as_array();
    auto &issue = aspects[5].as_object()["issues"].as_array()[0].as_object();
    issue["public"] = false;
    issue["non_public_reason"] = "涉及个人隐私【理由甲】";
    issue["title"] = "【内部甲】超范围发放公务交通补贴";
    issue["description"] = "【内部甲描述】";
    auto &measure = aspects[1].as_object()["issues"].as_array()[0].as_object()["measures"].as_array()[1].as_object();
    measure["public"] = false;
    measure["non_public_reason"] = "【理由乙】";
    measure["title"] = "【内部丁】" + std::string(measure["title"].as_string());
    for (auto &p : measure["progress"].as_array())
        p.as_object()["text"] = "【内部戊】" + std::string(p.as_object()["text"].as_string());
    return boost::json::serialize(v);
}

// A hand-made report of n aspects with one issue each, and a closing section.
io::Report report_with_aspects(int n) {
    io::Report r;
    r.as_of = boost::gregorian::date(2019, 3, 1);
    r.doc.unit.name = "某单位";
    r.doc.inspection.group = "第二巡察组";
    r.doc.inspection.onsite_start = boost::gregorian::date(2019, 1, 5);
    r.doc.inspection.closing = core::Closing{"巩固整改成果", {"一是持续整改。"}};
    for (int i = 1; i <= n; ++i) {
        io::DocAspect a;
        a.record.title = "方面" + std::to_string(i);
        io::DocIssue issue;
        issue.record.title = "问题" + std::to_string(i);
        a.issues.push_back(issue);
        r.doc.aspects.push_back(a);
        r.stats.issues.add(core::Status::in_progress, false, false);
    }
    return r;
}

} // namespace

TEST_CASE("the Markdown notice of the seed case: the seed's headings and issues as Markdown") {
    TempDir dir;
    service::Service svc(dir.file("n.db"), {}, std::string("tester"));
    svc.import_json(test::seed_json());
    const std::string md = render(svc, io::Format::markdown);

    CHECK(md.rfind("# 市妇联党组关于巡察整改情况的通报\n\n", 0) == 0);
    CHECK(md.find("6个方面11项整改任务") != std::string::npos);
    const char *numerals[] = {"一", "二", "三", "四", "五", "六"};
    std::size_t pos = 0;
    for (int a = 0; a < 6; ++a) {
        const std::string heading = std::string("\n## （") + numerals[a] + "）" + kSeedAspects[a] + "\n";
        const auto at = md.find(heading, pos);
        CHECK_MESSAGE(at != std::string::npos, heading);
        if (at != std::string::npos) pos = at;
    }
    // Issues are numbered across aspects, each with its 整改情况 as a bold label.
    const auto eight = md.find("\n### 8. 超范围发放公务交通补贴\n\n**整改情况**：严格执行《关于市妇联公务用车制度改革实施方案的批复》");
    CHECK(eight != std::string::npos);
    CHECK(eight > md.find(std::string("## （六）") + kSeedAspects[5]));
    CHECK(md.find("\n### 11. 工会未开设银行账户和独立核算\n") != std::string::npos);
    // Markdown's own markup in the data is escaped: the seed's 桐车改组字[2016]56号.
    CHECK(md.find("桐车改组字\\[2016\\]56号") != std::string::npos);
    CHECK(md.find("\n## （七）巩固整改成果,推进全面从严治党\n") != std::string::npos);
    CHECK(md.find("\n\n一是毫不松懈抓好后续整改。") != std::string::npos);
}

TEST_CASE("the outcome totals: rules, money in 元 and 万元, and they come before the closing section") {
    TempDir dir;
    service::Service svc(dir.file("o.db"), {}, std::string("tester"));
    svc.import_json(test::seed_json());
    const std::string text = render(svc, io::Format::text);
    const auto line = text.find("\n整改成果：");
    REQUIRE(line != std::string::npos);
    const std::string totals = text.substr(line + 1, text.find('\n', line + 1) - line - 1);
    CHECK(totals.find("追缴资金11550.00元") != std::string::npos);
    CHECK(totals.find("修订完善制度") != std::string::npos);
    CHECK(line > text.find("11.工会未开设银行账户和独立核算"));
    CHECK(line < text.find("（七）巩固整改成果"));
    CHECK(render(svc, io::Format::text, io::Audience::internal,
                 std::string("{{#outcomes}}{{money_yuan}}={{money_wan_yuan}}{{/outcomes}}")) == "11550.00元=1.155万元");
    CHECK(render(svc, io::Format::markdown).find("**整改成果**：") != std::string::npos);
}

TEST_CASE("aspects past ten are numbered （十一） … （二十三）, the closing section after them") {
    const io::Report r = report_with_aspects(23);
    const std::string text = io::render_notice(r, io::Format::text, std::nullopt);
    CHECK(text.find("（十）方面10\n10.问题10\n整改情况：暂无整改进展记录。\n") != std::string::npos);
    CHECK(text.find("（十一）方面11\n11.问题11\n") != std::string::npos);
    CHECK(text.find("（二十三）方面23\n23.问题23\n") != std::string::npos);
    CHECK(text.find("（二十四）巩固整改成果\n一是持续整改。\n") != std::string::npos);
    CHECK(text.find("23个方面23项整改任务") != std::string::npos);
    CHECK(text.find("目前已经完成0项，其余23项正在推进。") != std::string::npos);
    CHECK(text.find("整改成果：") == std::string::npos); // no outcomes, no totals line
    CHECK(text.find("\n\n\n") == std::string::npos);
    CHECK(io::render_notice(r, io::Format::markdown, std::nullopt).find("\n## （十一）方面11\n") != std::string::npos);
}

TEST_CASE("sub-issues are numbered （1）, and deeper ones 1), none left out") {
    io::Report r = report_with_aspects(1);
    auto &issue = r.doc.aspects[0].issues[0];
    io::DocIssue sub, deeper, deepest;
    sub.record.title = "子问题";
    deeper.record.title = "下一级";
    deepest.record.title = "再下一级";
    deeper.sub_issues.push_back(deepest);
    sub.sub_issues.push_back(deeper);
    issue.sub_issues.push_back(sub);
    const std::string text = io::render_notice(r, io::Format::text, std::nullopt);
    CHECK(text.find("1.问题1\n整改情况：暂无整改进展记录。\n（1）子问题\n整改情况：暂无整改进展记录。\n"
                    "1)下一级\n整改情况：暂无整改进展记录。\n2)再下一级\n") != std::string::npos);
}

TEST_CASE("a host's own template replaces the bundled one, a broken one is refused, naming the problem") {
    TempDir dir;
    service::Service svc(dir.file("t.db"), {}, std::string("tester"));
    svc.import_json(test::seed_json());
    CHECK(render(svc, io::Format::text, io::Audience::internal,
                 std::string("{{org}}|{{issue_total}}|{{#aspects}}{{number}}{{/aspects}}|{{#closing}}{{number}}{{/closing}}")) ==
          "市妇联党组|11|一二三四五六|七");
    CHECK(render(svc, io::Format::markdown, io::Audience::internal, std::string("{{#aspects}}{{#issues}}{{number}},{{/issues}}{{/aspects}}")) ==
          "1,2,3,4,5,6,7,8,9,10,11,");

    std::string message;
    CHECK(error_code([&] { render(svc, io::Format::text, io::Audience::internal, std::string("{{#aspects}}{{title}}")); },
                     message) == core::Errc::invalid);
    CHECK(message == "template: Unclosed section \"aspects\" at 0");
    CHECK(error_code([&] { render(svc, io::Format::markdown, io::Audience::internal, std::string("前文{{title")); },
                     message) == core::Errc::invalid);
    CHECK(message == "template: Unclosed tag at 6");
    CHECK(error_code([&] { render(svc, io::Format::text, io::Audience::internal, std::string("{{/aspects}}")); }, message) ==
          core::Errc::invalid);
    CHECK(message.rfind("template: Unopened section \"aspects\"", 0) == 0);
    // A template is for the notice only.
    CHECK(error_code([&] { svc.render_report(1, io::Format::csv, options(io::Audience::internal), std::string("x")); },
                     message) == core::Errc::argument);
}

TEST_CASE("values print as entered in text, in Markdown only its markup is escaped") {
    auto v = boost::json::parse(test::seed_json());
    auto &aspects = v.as_object()["aspects"].as_array();
    aspects[0].as_object()["title"] = "A<b>&\"c\" *强调* 方面";
    v.as_object()["unit"].as_object()["party_org"] = "某<党组>&";
    // No title of its own: the notice names itself after the Party organisation.
    v.as_object()["inspection"].as_object().erase("title");
    TempDir dir;
    service::Service svc(dir.file("e.db"), {}, std::string("tester"));
    svc.import_json(boost::json::serialize(v));
    const std::string text = render(svc, io::Format::text);
    CHECK(text.find("（一）A<b>&\"c\" *强调* 方面\n") != std::string::npos);
    CHECK(text.rfind("某<党组>&关于巡察整改情况的通报\n", 0) == 0);
    CHECK(text.find("&lt;") == std::string::npos);
    CHECK(text.find("&amp;") == std::string::npos);
    const std::string md = render(svc, io::Format::markdown);
    CHECK(md.find("## （一）A\\<b\\>\\&\"c\" \\*强调\\* 方面\n") != std::string::npos);
    // Triple braces print verbatim in Markdown too, for a host that wants its own markup through.
    CHECK(render(svc, io::Format::markdown, io::Audience::internal, std::string("{{{org}}}")) == "某<党组>&");
}

TEST_CASE("markdown_escape: markup is escaped, list and heading starts too, CJK text untouched") {
    CHECK(io::markdown_escape("整改情况") == "整改情况");
    CHECK(io::markdown_escape("a*b_c`d") == "a\\*b\\_c\\`d");
    CHECK(io::markdown_escape("[x](y)") == "\\[x\\](y)");
    CHECK(io::markdown_escape("# 标题") == "\\# 标题");
    CHECK(io::markdown_escape("- 项") == "\\- 项");
    CHECK(io::markdown_escape("一-二") == "一-二");
    CHECK(io::markdown_escape("12. 项\n3) 项\n2019年") == "12\\. 项\n3\\) 项\n2019年");
    CHECK(io::markdown_escape("1.5万元") == "1.5万元");
    CHECK(io::markdown_escape("-5\n+1") == "-5\n+1");
    CHECK(io::markdown_escape("1.\n2)") == "1\\.\n2\\)");
    CHECK(io::markdown_escape("==") == "\\==");
    CHECK(io::markdown_escape("a\\b") == "a\\\\b");
}

TEST_CASE("a public notice shows no text of a non-public issue or measure, nor their reasons, and still counts them") {
    TempDir dir;
    service::Service svc(dir.file("p.db"), {}, std::string("tester"));
    svc.import_json(seed_with_hidden_items());
    const std::vector<std::string> markers = {"内部甲", "内部丁", "内部戊", "理由甲", "理由乙", "超范围发放公务交通补贴",
                                              "追缴超范围发放的公务交通补贴"};
    for (auto f : {io::Format::text, io::Format::markdown}) {
        CAPTURE(static_cast<int>(f));
        const std::string internal = render(svc, f);
        CHECK(internal.find("内部甲") != std::string::npos);
        CHECK(internal.find("内部戊") != std::string::npos);
        const std::string pub = render(svc, f, io::Audience::public_);
        for (const auto &m : markers) CHECK_MESSAGE(pub.find(m) == std::string::npos, m);
        CHECK(pub.find("6个方面11项整改任务") != std::string::npos);
        // The issue under the hidden measure stays, with its other measures' narrative.
        CHECK(pub.find("学习党的十九大精神和习近平新时代中国特色社会主义思想不深入") != std::string::npos);
        // Totals count the hidden issue's money unless the host asks for shown items only.
        CHECK(pub.find("11550.00元") != std::string::npos);
        const std::string shown = svc.render_report(1, f, options(io::Audience::public_, false), std::nullopt);
        CHECK(shown.find("6个方面10项整改任务") != std::string::npos);
        CHECK(shown.find("11550") == std::string::npos);
    }
    // Whatever a host's template asks for, the hidden items are not in the data it is given.
    const std::string all = render(svc, io::Format::text, io::Audience::public_,
                                   std::string("{{#aspects}}{{#issues}}{{title}}{{description}}{{#measures}}{{title}}"
                                               "{{#progress}}{{text}}{{/progress}}{{/measures}}{{/issues}}{{/aspects}}"));
    for (const auto &m : markers) CHECK_MESSAGE(all.find(m) == std::string::npos, m);
    CHECK(all.find("开展集中学习活动") != std::string::npos);
}

TEST_CASE("a host's template sees the close-out that stands: none for a reopened issue, which names the old one") {
    TempDir dir;
    service::Service svc(dir.file("c.db"), {}, std::string("tester"));
    svc.import_json(test::seed_json());
    svc.set_close_out_guards(R"({"min_evidence": 0})");
    const auto closed = svc.find(core::Kind::issue, "tongcheng-2018-fulian/a6/i1");
    const auto reopened = svc.find(core::Kind::issue, "tongcheng-2018-fulian/a6/i2");
    svc.close_out(closed, "2019-02-01", std::nullopt);
    svc.close_out(reopened, "2019-02-10", std::nullopt);
    const std::string tmpl =
        "{{#aspects}}{{#issues}}{{number}}:{{status}}|{{closed_on}}|{{#reopened}}{{reopened}}{{/reopened}};{{/issues}}{{/aspects}}";
    std::string text = render(svc, io::Format::text, io::Audience::internal, tmpl);
    CHECK(text.find("8:已销号|2019年2月1日|;") != std::string::npos);
    CHECK(text.find("9:已销号|2019年2月10日|;") != std::string::npos);

    svc.set_status(core::Kind::issue, reopened, core::Status::reopened, 0);
    text = render(svc, io::Format::text, io::Audience::internal, tmpl);
    CHECK(text.find("8:已销号|2019年2月1日|;") != std::string::npos);
    CHECK(text.find("9:重新整改||重新整改（曾于2019年2月10日销号）;") != std::string::npos);
    CHECK(text.find("2019年2月10日|") == std::string::npos);
}

TEST_CASE("a sub-issue's closed_on is its nearest closed ancestor's, and none below a reopened one") {
    io::Report r = report_with_aspects(1);
    auto &issue = r.doc.aspects[0].issues[0];
    issue.record.meta.id = 1;
    issue.record.status = core::Status::closed;
    io::DocIssue sub;
    sub.record.meta.id = 2;
    sub.record.parent_id = 1;
    sub.record.title = "子问题";
    sub.record.status = core::Status::done;
    issue.sub_issues.push_back(sub);
    r.issues[1].closed_on = boost::gregorian::date(2019, 2, 1);
    const std::optional<std::string> tmpl(
        "{{#aspects}}{{#issues}}{{title}}|{{closed_on}}|{{reopened}};{{#sub_issues}}{{title}}|{{closed_on}}|{{reopened}};"
        "{{/sub_issues}}{{/issues}}{{/aspects}}");
    CHECK(io::render_notice(r, io::Format::text, tmpl) == "问题1|2019年2月1日|;子问题|2019年2月1日|;");

    r.doc.aspects[0].issues[0].record.status = core::Status::in_progress; // back to work after its close-out
    CHECK(io::render_notice(r, io::Format::text, tmpl) ==
          "问题1||重新整改（曾于2019年2月1日销号）;子问题||所属问题重新整改（曾于2019年2月1日销号）;");
}
