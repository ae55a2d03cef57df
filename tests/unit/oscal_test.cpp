// The OSCAL plan of action and milestones: one poam-item and one risk per issue, a remediation per
// measure with its deadline as a milestone, name-based UUIDs that do not change between exports.
#include "io/name_uuid.hpp"
#include "service/service.hpp"
#include "support.hpp"

#include <boost/json.hpp>
#include <doctest/doctest.h>

#include <regex>
#include <set>

using namespace rectify;
using rectify::test::TempDir;
namespace json = boost::json;

namespace {

json::object &issue(json::object &doc, int aspect, int i) {
    return doc["aspects"].as_array()[aspect].as_object()["issues"].as_array()[i].as_object();
}
json::object &measure(json::object &doc, int aspect, int i, int m) {
    return issue(doc, aspect, i)["measures"].as_array()[m].as_object();
}

// The seed with deadlines on the money issue's measures (the later one is the risk's deadline),
// owners on one, and the last issue hidden from the public.
std::string seed_for_oscal() {
    json::value v = json::parse(test::seed_json());
    auto &d = v.as_object();
    auto &m1 = measure(d, 5, 0, 0);
    m1["deadline"] = "2018-12-31";
    m1["leader"] = "王主席";
    m1["department"] = "办公室";
    m1["person"] = "李会计";
    measure(d, 5, 0, 1)["deadline"] = "2019-01-15";
    issue(d, 4, 0)["status"] = "in_progress";
    issue(d, 5, 1)["status"] = "not_started";
    auto &hidden = issue(d, 5, 3);
    hidden["public"] = false;
    hidden["non_public_reason"] = "内部事项";
    hidden["title"] = "【不公开问题】" + std::string(hidden["title"].as_string());
    return json::serialize(v);
}

struct Poam {
    TempDir dir;
    service::Service svc{dir.file("oscal.db"), {}, std::string("tester")};
    explicit Poam(const std::string &seed) { svc.import_json(seed); }
    std::string text(io::Audience a = io::Audience::internal) {
        service::Service::ReportOptions o;
        o.as_of = *core::parse_date("2019-03-01");
        o.audience = a;
        return svc.render_report(1, io::Format::oscal, o, std::nullopt);
    }
};

const std::regex kUuid("^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");

// Every "uuid" anywhere in the document.
void collect_uuids(const json::value &v, std::vector<std::string> &out) {
    if (v.is_object()) {
        for (const auto &kv : v.as_object()) {
            if (kv.key() == "uuid") out.emplace_back(kv.value().as_string());
            collect_uuids(kv.value(), out);
        }
    } else if (v.is_array()) {
        for (const auto &e : v.as_array()) collect_uuids(e, out);
    }
}

std::string prop(const json::value &holder, const std::string &name) {
    for (const auto &p : holder.at("props").as_array())
        if (p.at("name") == name.c_str()) return std::string(p.at("value").as_string());
    return {};
}

} // namespace

TEST_CASE("name-based UUIDs are RFC 4122 version 5") {
    // Python's documented example: uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org').
    CHECK(io::name_uuid("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "python.org") == "886313e1-3b8a-5372-9b90-0c9aee199e5d");
    CHECK(io::name_uuid("a") == io::name_uuid("a"));
    CHECK(io::name_uuid("a") != io::name_uuid("b"));
    CHECK(std::regex_match(io::name_uuid("tongcheng-2018-fulian"), kUuid));
    CHECK_THROWS_AS(io::name_uuid("not-a-uuid", "x"), core::Error);
}

TEST_CASE("the seed exports as an OSCAL POA&M: one poam-item and risk per issue") {
    Poam p(test::seed_json());
    const std::string text = p.text();
    const json::value doc = json::parse(text);
    const auto &poam = doc.at("plan-of-action-and-milestones");
    const auto &meta = poam.at("metadata");
    CHECK(meta.at("oscal-version") == "1.0.6");
    CHECK(meta.at("version") == "2019-03-01");
    CHECK(std::regex_match(std::string(meta.at("last-modified").as_string()),
                           std::regex("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$")));
    CHECK(meta.at("parties").as_array()[0].at("name") == "市委第一巡察组");
    CHECK(meta.at("parties").as_array()[1].at("name") == "市妇联党组");

    const auto &items = poam.at("poam-items").as_array();
    const auto &risks = poam.at("risks").as_array();
    REQUIRE(items.size() == 11);
    REQUIRE(risks.size() == 11);
    CHECK(items[0].at("title") == "1. “三会一课”制度落实不到位");
    CHECK(prop(items[0], "aspect") == "党的政治建设方面");
    CHECK(prop(items[10], "issue-number") == "11.");
    std::set<std::string> risk_uuids;
    std::size_t remediations = 0;
    for (const auto &r : risks) {
        risk_uuids.insert(std::string(r.at("uuid").as_string()));
        const std::string status(r.at("status").as_string());
        CHECK((status == "open" || status == "remediating" || status == "closed"));
        CHECK(!r.at("statement").as_string().empty());
        for (const auto &m : r.at("remediations").as_array()) {
            ++remediations;
            const std::string lifecycle(m.at("lifecycle").as_string());
            CHECK((lifecycle == "planned" || lifecycle == "completed"));
            CHECK((lifecycle == "completed") == (prop(m, "status") == "done"));
        }
    }
    CHECK(remediations == 28);
    for (const auto &i : items) {
        const auto &related = i.at("related-risks").as_array();
        REQUIRE(related.size() == 1);
        CHECK(risk_uuids.count(std::string(related[0].at("risk-uuid").as_string())) == 1);
    }
    // The seed's notice reports every issue rectified.
    for (const auto &r : risks) CHECK(r.at("status") == "closed");

    std::vector<std::string> uuids;
    collect_uuids(doc, uuids);
    CHECK(uuids.size() > 11 + 11 + 28);
    for (const auto &u : uuids) CHECK_MESSAGE(std::regex_match(u, kUuid), u);
    CHECK(std::set<std::string>(uuids.begin(), uuids.end()).size() == uuids.size());
    // Stable: a second export is the same text, UUIDs and last-modified included.
    CHECK(p.text() == text);
}

TEST_CASE("the POA&M carries deadlines, owners and close-outs") {
    Poam p(seed_for_oscal());
    const auto issue_id = p.svc.find(core::Kind::issue, "tongcheng-2018-fulian/a6/i1");
    p.svc.set_close_out_guards(R"({"min_evidence": 0})");
    p.svc.close_out(issue_id, "2019-02-01", std::nullopt);
    const json::value doc = json::parse(p.text());
    const auto &risk = doc.at("plan-of-action-and-milestones").at("risks").as_array()[7];
    CHECK(risk.at("title") == "8. 超范围发放公务交通补贴");
    CHECK(risk.at("deadline") == "2019-01-15T23:59:59+08:00");
    const auto &rem = risk.at("remediations").as_array();
    REQUIRE(rem.size() == 2);
    CHECK(rem[0].at("title") == "追缴超范围发放的公务交通补贴");
    CHECK(rem[0].at("description").as_string().find("11550") != json::string::npos);
    CHECK(prop(rem[0], "responsible-leader") == "王主席");
    CHECK(prop(rem[0], "responsible-department") == "办公室");
    CHECK(prop(rem[0], "responsible-person") == "李会计");
    const auto &task = rem[0].at("tasks").as_array().at(0);
    CHECK(task.at("type") == "milestone");
    CHECK(task.at("timing").at("on-date").at("date") == "2018-12-31T23:59:59+08:00");
    CHECK(rem[1].at("tasks").as_array().at(0).at("timing").at("on-date").at("date") == "2019-01-15T23:59:59+08:00");
    const auto &log = risk.at("risk-log").at("entries").as_array();
    REQUIRE(log.size() == 1);
    CHECK(log[0].at("start") == "2019-02-01T00:00:00+08:00");
    CHECK(log[0].at("status-change") == "closed");
    // Work under way is being remediated; work not begun is open.
    const auto &all = doc.at("plan-of-action-and-milestones").at("risks").as_array();
    CHECK(all[6].at("status") == "remediating");
    CHECK(all[8].at("status") == "open");
    CHECK(all[7].at("status") == "closed");
    // Without a deadline there is no milestone, and an issue without dated measures no deadline.
    const auto &first = doc.at("plan-of-action-and-milestones").at("risks").as_array()[0];
    CHECK(!first.as_object().contains("deadline"));
    CHECK(!first.at("remediations").as_array()[0].as_object().contains("tasks"));
}

TEST_CASE("the public POA&M omits what is marked non-public, with the same UUIDs for the rest") {
    Poam p(seed_for_oscal());
    const std::string internal = p.text(), pub = p.text(io::Audience::public_);
    CHECK(internal.find("【不公开问题】") != std::string::npos);
    CHECK(pub.find("【不公开问题】") == std::string::npos);
    CHECK(pub.find("内部事项") == std::string::npos);
    const json::value in = json::parse(internal), out = json::parse(pub);
    const auto &pub_items = out.at("plan-of-action-and-milestones").at("poam-items").as_array();
    const auto &int_items = in.at("plan-of-action-and-milestones").at("poam-items").as_array();
    CHECK(int_items.size() == 11);
    CHECK(pub_items.size() == 10);
    const std::string hidden_uuid(int_items[10].at("uuid").as_string());
    CHECK(pub.find(hidden_uuid) == std::string::npos);
    CHECK(pub_items[0].at("uuid") == int_items[0].at("uuid"));
    CHECK(prop(out.at("plan-of-action-and-milestones").at("metadata"), "audience") == "public");
    CHECK(out.at("plan-of-action-and-milestones").at("uuid") != in.at("plan-of-action-and-milestones").at("uuid"));
}

TEST_CASE("OSCAL strings carry no blanks at their ends: the ideographic space and line separators count") {
    json::value v = json::parse(test::seed_json());
    auto &m = measure(v.as_object(), 5, 0, 0);
    m["leader"] = "\u3000王主席\u3000";
    m["department"] = "办公室\u2028综合科\u00a0";
    Poam p(json::serialize(v));
    const json::value doc = json::parse(p.text());
    const auto &rem = doc.at("plan-of-action-and-milestones").at("risks").as_array()[7].at("remediations").as_array()[0];
    CHECK(prop(rem, "responsible-leader") == "王主席");
    CHECK(prop(rem, "responsible-department") == "办公室 综合科");
}

TEST_CASE("a reopened issue's risk is open with no close-out in its log, and names the old one in a prop") {
    Poam p(seed_for_oscal());
    p.svc.set_close_out_guards(R"({"min_evidence": 0})");
    const auto closed = p.svc.find(core::Kind::issue, "tongcheng-2018-fulian/a6/i1");
    const auto reopened = p.svc.find(core::Kind::issue, "tongcheng-2018-fulian/a3/i1");
    p.svc.close_out(closed, "2019-02-01", std::nullopt);
    p.svc.close_out(reopened, "2019-02-10", std::nullopt);
    p.svc.set_status(core::Kind::issue, reopened, core::Status::reopened, 0);
    const json::value doc = json::parse(p.text());
    const auto &risks = doc.at("plan-of-action-and-milestones").at("risks").as_array();
    const auto &kept = risks[7];
    CHECK(kept.at("status") == "closed");
    REQUIRE(kept.as_object().contains("risk-log"));
    CHECK(kept.at("risk-log").at("entries").as_array().at(0).at("start") == "2019-02-01T00:00:00+08:00");
    CHECK(prop(kept, "former-close-out-date") == "");

    const auto &open = risks[4];
    CHECK(open.at("title").as_string().rfind("5. ", 0) == 0);
    CHECK(open.at("status") == "open");
    CHECK(prop(open, "status") == "reopened");
    CHECK(!open.as_object().contains("risk-log"));
    CHECK(prop(open, "former-close-out-date") == "2019-02-10");
    const auto &item = doc.at("plan-of-action-and-milestones").at("poam-items").as_array()[4];
    CHECK(prop(item, "status") == "reopened");
}
