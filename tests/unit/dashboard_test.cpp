// The dashboard (io/dashboard_html): what it shows of the seed case, that every figure is the
// statistics' own, that data text is escaped, that nothing points off the page, that a public
// dashboard shows nothing marked non-public, and that its size stays bounded.
#include "core/figures.hpp"
#include "io/dashboard_html.hpp"
#include "io/html_escape.hpp"
#include "io/svg_charts.hpp"
#include "service/service.hpp"
#include "support.hpp"

#include <boost/json.hpp>
#include <doctest/doctest.h>

using namespace rectify;
using rectify::test::TempDir;
namespace json = boost::json;

namespace {

core::Date day(const char *text) { return *core::parse_date(text); }

std::size_t count_of(const std::string &text, const std::string &what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

bool has(const std::string &text, const std::string &what) { return text.find(what) != std::string::npos; }

// Calls f on every measure object of the document, in order.
template <class F> void each_measure(json::value &doc, F &&f) {
    for (auto &a : doc.at("aspects").as_array())
        for (auto &i : a.at("issues").as_array())
            for (auto &m : i.at("measures").as_array()) f(i.as_object(), m.as_object());
}

// The seed with deadlines: its open measures fall due, in turn, before 2019-01-10 (red), five
// days after (yellow) and in March (green); its done measures were due in December.
std::string seed_with_deadlines() {
    json::value doc = json::parse(test::seed_json());
    const char *due[] = {"2018-12-31", "2019-01-15", "2019-03-31"};
    int n = 0;
    each_measure(doc, [&](json::object &, json::object &m) {
        if (m.at("status") == "in_progress") {
            m["category"] = "deadline";
            m["deadline"] = due[n++ % 3];
            m["department"] = "办公室";
        } else {
            m["deadline"] = "2018-12-20";
        }
    });
    return json::serialize(doc);
}

struct Case {
    TempDir dir;
    service::Service svc{dir.file("dash.db"), {}, std::string("tester")};
    explicit Case(const std::string &json_text) { svc.import_json(json_text); }
    io::Report report(const char *as_of, io::Audience audience = io::Audience::internal) {
        service::Service::ReportOptions o;
        o.as_of = day(as_of);
        o.audience = audience;
        return svc.report(1, o);
    }
    std::string html(const char *as_of, io::Audience audience = io::Audience::internal) {
        service::Service::ReportOptions o;
        o.as_of = day(as_of);
        o.audience = audience;
        return svc.render_report(1, io::Format::html, o, std::nullopt);
    }
};

// Nothing on the page may load from anywhere: no URL, no script, no external reference.
void check_self_contained(const std::string &html) {
    CHECK_FALSE(has(html, "http://"));
    CHECK_FALSE(has(html, "https://"));
    CHECK_FALSE(has(html, "<script"));
    CHECK_FALSE(has(html, " src="));
    CHECK_FALSE(has(html, "href="));
    CHECK_FALSE(has(html, "url("));
    CHECK_FALSE(has(html, "@import"));
    CHECK(has(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"));
}

// The text of the light's bar group in the warnings chart.
std::string light_group(const std::string &html, const std::string &light) {
    const auto at = html.find("<g class=\"light light-" + light + "\">");
    if (at == std::string::npos) return {};
    return html.substr(at, html.find("</g>", at) - at);
}

} // namespace

TEST_CASE("html_escape escapes markup and quotes, and shorten_utf8 cuts whole characters") {
    CHECK(io::html_escape("<script>alert(\"x\") & 'y'</script>") ==
          "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;");
    CHECK(io::html_escape("党的政治建设方面") == "党的政治建设方面");
    CHECK(io::html_escape("") == "");
    CHECK(io::shorten_utf8("党的政治建设方面", 8) == "党的政治建设方面");
    CHECK(io::shorten_utf8("党的政治建设方面", 5) == "党的政治…");
    CHECK(io::shorten_utf8("abc", 2) == "a…");
    CHECK(io::shorten_utf8("abc", 0) == "");
}

TEST_CASE("the seed's dashboard is a self-contained page with every aspect, its rates and the as-of date") {
    Case c(test::seed_json());
    const io::Report r = c.report("2019-01-10");
    const std::string html = io::render_dashboard_html(r);
    CHECK(html == c.html("2019-01-10")); // the service renders the same page
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">", 0) == 0);
    check_self_contained(html);
    CHECK(has(html, "<title>市妇联党组关于巡察整改情况的通报 · 整改工作看板 · 截至2019年1月10日</title>"));
    CHECK(has(html, "<p class=\"as-of-date\">截至2019年1月10日</p>"));
    CHECK(has(html, "id=\"as-of\""));
    CHECK(has(html, "市委第一巡察组"));

    // Six aspects, each with its title and its figures as the statistics give them.
    const json::value seed = json::parse(test::seed_json());
    REQUIRE(r.stats.aspects.size() == 6);
    std::size_t k = 0;
    for (const auto &a : seed.at("aspects").as_array()) {
        const auto &st = r.stats.aspects.at(k++);
        CHECK(st.title == a.at("title").as_string());
        CHECK(has(html, "<title>" + io::html_escape(st.title) + "</title>"));
        CHECK(has(html, "任务 " + std::to_string(st.issues.done) + "/" + std::to_string(st.issues.total) + " " +
                            *core::completion_rate(st.issues.done, st.issues.total)));
        CHECK(has(html, "措施 " + std::to_string(st.measures.done) + "/" + std::to_string(st.measures.total) + " " +
                            *core::completion_rate(st.measures.done, st.measures.total)));
    }
    CHECK(has(html, "措施 4/9 44.44%")); // the first aspect: exact, not 44.4 or 44.45
    CHECK(has(html, "11项"));
    CHECK(has(html, "追缴11550.00元"));
    CHECK(has(html, "尚未开展回头看"));
}

TEST_CASE("dashboard warning counts are the measures' lights and the timeline marks each deadline and the as-of date") {
    Case c(seed_with_deadlines());
    const io::Report r = c.report("2019-01-10");
    const std::string html = io::render_dashboard_html(r);
    check_self_contained(html);

    std::map<std::string, std::int64_t> lights;
    for (const auto &[id, mf] : r.measures) ++lights[std::string(core::name(mf.warning.light))];
    REQUIRE(lights["red"] > 0);
    REQUIRE(lights["yellow"] > 0);
    CHECK(lights["red"] + lights["yellow"] + lights["green"] + lights["blue"] == r.stats.measures.total);
    CHECK(lights["red"] == r.stats.measures.overdue);
    for (const char *l : {"red", "yellow", "green", "blue"})
        CHECK_MESSAGE(has(light_group(html, l), ">" + std::to_string(lights[l]) + "项</text>"), l);

    // Every measure has a deadline now: one dot each, in its light's colour, and the as-of line.
    CHECK(count_of(html, "<circle class=\"deadline\"") == r.measures.size());
    CHECK(count_of(html, "fill=\"" + std::string(io::light_colour(core::Light::red)) + "\"><title>") ==
          static_cast<std::size_t>(lights["red"]));
    CHECK(count_of(html, "id=\"as-of\"") == 1);
    CHECK(has(html, ">截至2019年1月10日</text>"));

    // The red and yellow measures are listed, the overdue first.
    CHECK(has(html, "<h2>红黄灯措施</h2>\n<table>"));
    CHECK(count_of(html, "<td><span class=\"dot dot-red\"></span>红</td>") == static_cast<std::size_t>(lights["red"]));
    CHECK(count_of(html, "<td><span class=\"dot dot-yellow\"></span>黄</td>") == static_cast<std::size_t>(lights["yellow"]));
    CHECK(has(html, "逾期10天"));
    CHECK(has(html, "剩5天"));
    CHECK(html.find("dot-red\"></span>红</td>") < html.find("dot-yellow\"></span>黄</td>"));
}

TEST_CASE("look-back verdicts appear with their Chinese labels and escaped findings") {
    Case c(test::seed_json());
    CHECK(has(c.html("2019-06-30"), "尚未开展回头看"));
    const auto review = c.svc.review_schedule("inspection", 1, "2019-06-01", "市委巡察办回头看小组", std::string_view("2019年回头看"));
    const auto held = c.svc.find(core::Kind::issue, "tongcheng-2018-fulian/a1/i1");
    const auto relapsed = c.svc.find(core::Kind::issue, "tongcheng-2018-fulian/a4/i1");
    c.svc.review_verdict(review, held, "held", "2019-06-10", std::nullopt, std::nullopt);
    c.svc.review_verdict(review, relapsed, "relapsed", "2019-06-11", std::string_view("<script>alert(1)</script>公务用车又未经审批"),
                         std::nullopt);

    const std::string html = c.html("2019-06-30");
    check_self_contained(html);
    CHECK(has(html, "<span>巩固 1项</span><span>反弹 1项</span><span>整改不到位 0项</span><span>虚假整改 0项</span>"));
    CHECK(has(html, "<td class=\"verdict verdict-held\">巩固</td>"));
    CHECK(has(html, "<td class=\"verdict verdict-relapsed\">反弹</td>"));
    CHECK(has(html, "<td>2019-06-01</td><td>市委巡察办回头看小组（2019年回头看）</td>"));
    CHECK(has(html, "&lt;script&gt;alert(1)&lt;/script&gt;公务用车又未经审批"));
    const json::value issue = json::parse(c.svc.record_json(core::Kind::issue, relapsed));
    CHECK(has(html, "<td>" + io::html_escape(issue.at("title").as_string()) + "</td><td class=\"verdict verdict-relapsed\">"));
}

TEST_CASE("the public dashboard shows nothing of a non-public issue or measure") {
    json::value doc = json::parse(seed_with_deadlines());
    auto &hidden = doc.at("aspects").as_array()[5].at("issues").as_array()[0].as_object();
    hidden["public"] = false;
    hidden["non_public_reason"] = "涉及个人隐私【理由甲】";
    hidden["title"] = "【内部甲】" + std::string(hidden.at("title").as_string());
    for (auto &m : hidden.at("measures").as_array()) {
        auto &mo = m.as_object();
        mo["title"] = "【内部乙】" + std::string(mo.at("title").as_string());
        mo["status"] = "in_progress";
        mo["category"] = "deadline";
        mo["deadline"] = "2018-12-01"; // overdue: listed among the red measures inside
    }
    auto &measure = doc.at("aspects").as_array()[1].at("issues").as_array()[0].at("measures").as_array()[1].as_object();
    measure["public"] = false;
    measure["title"] = "【内部丁】" + std::string(measure.at("title").as_string());
    measure["status"] = "in_progress";
    measure["category"] = "deadline";
    measure["deadline"] = "2019-01-12";
    Case c(json::serialize(doc));
    const auto review = c.svc.review_schedule("inspection", 1, "2019-01-05", "回头看小组", std::nullopt);
    c.svc.review_verdict(review, c.svc.find(core::Kind::issue, "tongcheng-2018-fulian/a6/i1"), "incomplete", "2019-01-06",
                         std::string_view("【内部丙】账户未实际使用"), std::nullopt);

    const std::string internal = c.html("2019-01-10");
    for (const char *marker : {"【内部甲】", "【内部乙】", "【内部丙】", "【内部丁】"}) CHECK_MESSAGE(has(internal, marker), marker);
    const std::string pub = c.html("2019-01-10", io::Audience::public_);
    check_self_contained(pub);
    for (const char *marker : {"内部甲", "内部乙", "内部丙", "内部丁", "理由甲"}) CHECK_MESSAGE(!has(pub, marker), marker);
    CHECK(has(pub, "向社会公开版"));
    CHECK(has(pub, "尚未开展回头看"));
    CHECK(has(pub, "合计数含未公开事项"));
}

TEST_CASE("a thousand measures make a bounded dashboard, the timeline counts them into columns") {
    json::value doc = json::parse(test::seed_json());
    auto &measures = doc.at("aspects").as_array()[0].at("issues").as_array()[0].at("measures").as_array();
    const json::value model = measures[2];
    for (int n = 0; n < 1000; ++n) {
        json::object m = model.as_object();
        const std::string ref = "tongcheng-2018-fulian/a1/i1/bulk" + std::to_string(n);
        m["ref"] = ref;
        m["title"] = "批量整改措施第" + std::to_string(n) + "项";
        m["category"] = "deadline";
        m["deadline"] = core::format_date(day("2018-11-01") + boost::gregorian::days(n % 500));
        json::array progress;
        m["progress"] = progress;
        measures.push_back(m);
    }
    Case c(json::serialize(doc));
    const std::string html = c.html("2019-01-10");
    check_self_contained(html);
    CHECK(html.size() < 100000);
    CHECK(count_of(html, "<circle class=\"deadline\"") == 0);
    CHECK(count_of(html, "<g class=\"deadline-bin\">") == 17); // 2018-11 … 2020-03, by month
    CHECK(has(html, "1000项措施按截止日期分段统计"));
    CHECK(has(html, "另有"));
}

TEST_CASE("the timeline spans any dates with a bounded number of columns") {
    std::vector<io::TimelineMark> marks;
    for (int n = 0; n < 100; ++n) marks.push_back({n % 2 ? day("1900-01-01") : day("9999-12-31"), core::Light::red, "x"});
    const std::string wide = io::svg_deadline_timeline(marks, day("2019-01-10"), 40);
    CHECK(count_of(wide, "<g class=\"deadline-bin\">") <= 40);
    CHECK(has(wide, "红50"));
    const std::string rows = io::svg_deadline_timeline({marks[0], marks[1]}, day("2019-01-10"), 40);
    CHECK(count_of(rows, "<circle class=\"deadline\"") == 2);
    const std::string one_day = io::svg_deadline_timeline({{day("2019-01-10"), core::Light::yellow, "<b>"}}, day("2019-01-10"), 40);
    CHECK(has(one_day, "&lt;b&gt;"));
    CHECK(has(one_day, "id=\"as-of\""));
    const std::string last_day = io::svg_deadline_timeline({{day("9999-12-31"), core::Light::red, "z"}}, day("9999-12-31"), 40);
    CHECK(has(last_day, "截至9999年12月31日"));
    const std::string weeks = io::svg_deadline_timeline(std::vector<io::TimelineMark>(50, {day("2019-01-20"), core::Light::green, "y"}),
                                                        day("2019-01-10"), 40);
    CHECK(count_of(weeks, "<g class=\"deadline-bin\">") == 2); // the weeks of 01-07 and 01-14
    CHECK(has(weeks, "1月14日：红0 黄0 绿50 蓝0"));
}
