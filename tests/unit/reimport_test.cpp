// Importing an inspection again: one test per rule of docs/schema.md, "Importing again: what each
// field does". Each imports the seed case, changes things through the library where the rule is
// about that, imports a changed document and checks every field the rule names.
#include "core/error.hpp"
#include "service/service.hpp"
#include "support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <boost/json.hpp>
#include <doctest/doctest.h>

#include <functional>
#include <initializer_list>
#include <utility>

using namespace rectify;
using rectify::test::TempDir;
namespace json = boost::json;

namespace {

const std::string kInsp = "tongcheng-2018-fulian";

json::object &issue_of(json::object &doc, int aspect, int i) {
    return doc["aspects"].as_array()[aspect].as_object()["issues"].as_array()[i].as_object();
}
json::object &measure_of(json::object &doc, int aspect, int i, int m) {
    return issue_of(doc, aspect, i)["measures"].as_array()[m].as_object();
}

// The seed case fed back on 2018-11-20, measure a1/i1/m3 due 2019-01-10 and in progress.
json::object base_doc() {
    auto v = json::parse(test::seed_json()).as_object();
    v["inspection"].as_object()["feedback_date"] = "2018-11-20";
    auto &m3 = measure_of(v, 0, 0, 2);
    m3["deadline"] = "2019-01-10";
    m3["category"] = "deadline";
    return v;
}
// Gives each key its text in `o`, as a changed document would.
void set_fields(json::object &o, std::initializer_list<std::pair<const char *, const char *>> fields) {
    for (const auto &[key, text] : fields) o[key] = text;
}
std::string with(const std::function<void(json::object &)> &change) {
    auto d = base_doc();
    change(d);
    return json::serialize(d);
}

struct Db {
    TempDir dir;
    std::string path = dir.file("reimport.db");
    service::Service admin{path, {}, std::string("admin")};
    Db() { admin.import_json(with([](json::object &) {})); }
    std::int64_t id(core::Kind k, const std::string &suffix) { return admin.find(k, kInsp + suffix); }
    json::object rec(core::Kind k, const std::string &suffix) {
        return json::parse(admin.record_json(k, id(k, suffix))).as_object();
    }
    json::object inspection() { return json::parse(admin.record_json(core::Kind::inspection, 1)).as_object(); }
    int rows(const std::string &table) {
        SQLite::Database db(path, SQLite::OPEN_READONLY);
        return db.execAndGet("SELECT count(*) FROM " + table).getInt();
    }
    std::string supervisor() {
        admin.add_user("supervisor", std::nullopt);
        admin.grant("supervisor", core::Grant{core::Role::supervisor, core::ScopeKind::all, 0});
        return "supervisor";
    }
};

} // namespace

TEST_CASE("re-import: a document with nothing changed changes nothing, a change raises only that record's version") {
    Db t;
    const auto before = test::dump(t.path);
    auto r = t.admin.import_json(with([](json::object &) {}));
    CHECK(test::dump(t.path) == before);
    CHECK(r.summary_json.find("\"updated\":{\"round\":0,\"unit\":0,\"inspection\":0,\"aspect\":0,\"issue\":0,\"measure\":0") !=
          std::string::npos);
    t.admin.import_json(with([](json::object &d) { issue_of(d, 0, 0)["description"] = "会议记录不全"; }));
    CHECK(t.rec(core::Kind::issue, "/a1/i1").at("version") == 2);
    CHECK(t.rec(core::Kind::issue, "/a1/i2").at("version") == 1);
}

TEST_CASE("re-import: round and unit fields are replaced, and a document without a round takes the inspection out of it") {
    Db t;
    t.admin.import_json(with([](json::object &d) {
        d["round"].as_object().erase("year");
        d["round"].as_object()["name"] = "2018年市委第二轮巡察";
        d["unit"].as_object().erase("party_org");
    }));
    auto round = json::parse(t.admin.record_json(core::Kind::round, 1)).as_object();
    CHECK(round.at("name") == "2018年市委第二轮巡察");
    CHECK(round.at("year").is_null());
    CHECK(json::parse(t.admin.record_json(core::Kind::unit, 1)).at("party_org").is_null());
    CHECK(t.inspection().at("round_id") == 1);

    t.admin.import_json(with([](json::object &d) { d.erase("round"); }));
    CHECK(t.inspection().at("round_id").is_null());
    CHECK(t.rows("rounds") == 1); // the round itself stays
}

TEST_CASE("re-import: inspection fields are replaced, an optional key left out becomes null") {
    Db t;
    t.admin.import_json(with([](json::object &d) {
        auto &i = d["inspection"].as_object();
        i.erase("label");
        set_fields(i, {{"kind", "special"}, {"group", "市委第二巡察组"}, {"onsite_end", "2018-10-30"}});
    }));
    auto i = t.inspection();
    CHECK(i.at("label").is_null());
    CHECK(i.at("kind_of_inspection") == "special");
    CHECK(i.at("group") == "市委第二巡察组");
    CHECK(i.at("onsite_end") == "2018-10-30");
    CHECK(i.at("authority") == "市委");
}

TEST_CASE("re-import: derived dates follow a changed feedback date and stay when it becomes null") {
    Db t;
    const auto first = t.inspection();
    REQUIRE(first.at("plan_due").is_string());
    t.admin.import_json(with([](json::object &d) { d["inspection"].as_object()["feedback_date"] = "2018-12-20"; }));
    const auto moved = t.inspection();
    CHECK(moved.at("feedback_date") == "2018-12-20");
    CHECK(moved.at("plan_due") != first.at("plan_due"));
    CHECK(moved.at("report_due") != first.at("report_due"));
    CHECK(moved.at("profile_id") == first.at("profile_id"));

    t.admin.import_json(with([](json::object &d) { d["inspection"].as_object()["feedback_date"] = nullptr; }));
    const auto cleared = t.inspection();
    CHECK(cleared.at("feedback_date").is_null());
    CHECK(cleared.at("plan_due") == moved.at("plan_due"));
    CHECK(cleared.at("evaluation_due") == moved.at("evaluation_due"));
}

TEST_CASE("re-import: issue and aspect fields are replaced, array order sets seq") {
    Db t;
    const auto i1 = t.id(core::Kind::issue, "/a1/i1"), i2 = t.id(core::Kind::issue, "/a1/i2");
    t.admin.import_json(with([](json::object &d) {
        d["aspects"].as_array()[0].as_object()["title"] = "政治建设方面";
        auto &issues = d["aspects"].as_array()[0].as_object()["issues"].as_array();
        issues[1].as_object()["public"] = false;
        issues[1].as_object()["non_public_reason"] = "涉及个人";
        std::swap(issues[0], issues[1]); // explicit refs: the records keep theirs
    }));
    CHECK(t.rec(core::Kind::aspect, "/a1").at("title") == "政治建设方面");
    auto a = json::parse(t.admin.record_json(core::Kind::issue, i1)).as_object();
    auto b = json::parse(t.admin.record_json(core::Kind::issue, i2)).as_object();
    CHECK(a.at("seq") == 2);
    CHECK(b.at("seq") == 1);
    CHECK(b.at("public") == false);
    CHECK(b.at("non_public_reason") == "涉及个人");

    // A measure listed under another issue moves there.
    t.admin.import_json(with([](json::object &d) {
        auto &from = issue_of(d, 0, 0)["measures"].as_array();
        issue_of(d, 0, 1)["measures"].as_array().push_back(from.back());
        from.pop_back();
    }));
    CHECK(t.rec(core::Kind::measure, "/a1/i1/m4").at("issue_id") == i2);
}

TEST_CASE("re-import: a status left out keeps the library's, a given one is a transition that must be legal") {
    Db t;
    const auto m3 = t.id(core::Kind::measure, "/a1/i1/m3");
    t.admin.set_status(core::Kind::measure, m3, core::Status::done, 0);

    t.admin.import_json(with([](json::object &d) { measure_of(d, 0, 0, 2).erase("status"); }));
    CHECK(t.rec(core::Kind::measure, "/a1/i1/m3").at("status") == "done");

    // Illegal (done -> not_started): the whole document is refused, nothing changes.
    const auto before = test::dump(t.path);
    CHECK_THROWS_AS(t.admin.import_json(with([](json::object &d) {
                        measure_of(d, 0, 0, 2)["status"] = "not_started";
                        issue_of(d, 0, 0)["title"] = "改了";
                    })),
                    core::Error);
    CHECK(test::dump(t.path) == before);

    // Legal (done -> in_progress): the document's status wins over the library's.
    t.admin.import_json(with([](json::object &) {})); // the seed says in_progress
    CHECK(t.rec(core::Kind::measure, "/a1/i1/m3").at("status") == "in_progress");
}

TEST_CASE("re-import: closing an issue through a document records a close-out") {
    Db t;
    const auto issue = t.id(core::Kind::issue, "/a1/i1");
    // The default guards want every measure done and evidence; this checks the close-out record.
    t.admin.set_close_out_guards(R"({"measures_done": false, "min_evidence": 0, "verifier_not_owner": false})");
    t.admin.import_json(with([](json::object &d) { issue_of(d, 0, 0)["status"] = "closed"; }));
    CHECK(t.rec(core::Kind::issue, "/a1/i1").at("status") == "closed");
    auto outs = json::parse(t.admin.close_outs_json(issue)).as_array();
    REQUIRE(outs.size() == 1);
    CHECK(outs[0].at("note") == "导入");
}

TEST_CASE("re-import: measure fields are replaced, owners left out become null") {
    Db t;
    t.admin.import_json(with([](json::object &d) {
        set_fields(measure_of(d, 0, 0, 0),
                   {{"leader", "王主席"}, {"department", "办公室"}, {"person", "李四"}, {"completed_date", "2018-12-01"}});
    }));
    auto m = t.rec(core::Kind::measure, "/a1/i1/m1");
    CHECK(m.at("leader") == "王主席");
    CHECK(m.at("person") == "李四");
    CHECK(m.at("completed_date") == "2018-12-01");
    t.admin.import_json(with([](json::object &d) {
        auto &m = measure_of(d, 0, 0, 0);
        m.erase("leader");
        set_fields(m, {{"department", "办公室"}, {"title", "完善制度"}});
    }));
    m = t.rec(core::Kind::measure, "/a1/i1/m1");
    CHECK(m.at("leader").is_null());
    CHECK(m.at("person").is_null());
    CHECK(m.at("completed_date").is_null());
    CHECK(m.at("department") == "办公室");
    CHECK(m.at("title") == "完善制度");
}

TEST_CASE("re-import: deadlines moved by extensions and escalations stand against the deadline they moved from") {
    Db t;
    service::Service supervisor(t.path, {}, t.supervisor());
    const auto m3 = t.id(core::Kind::measure, "/a1/i1/m3");
    auto deadline = [&] { return t.rec(core::Kind::measure, "/a1/i1/m3").at("deadline"); };
    auto import_deadline = [&](const json::value &in_document) {
        t.admin.import_json(with([&](json::object &d) { measure_of(d, 0, 0, 2)["deadline"] = in_document; }));
    };

    // Two extensions, then an escalation with a new deadline: 01-10 -> 02-10 -> 02-28 -> 03-15.
    supervisor.extension_decide(t.admin.extension_request(m3, "2019-02-10", "春节前后人员不足"), true, std::nullopt);
    supervisor.extension_decide(t.admin.extension_request(m3, "2019-02-28", "仍需时间"), true, std::nullopt);
    t.admin.escalate(core::Kind::measure, m3, 1, "2019-03-01", "市妇联党组", std::string_view("2019-03-15"), std::nullopt);
    REQUIRE(deadline() == "2019-03-15");

    t.admin.import_json(with([](json::object &) {})); // the host's document still says 2019-01-10
    CHECK(deadline() == "2019-03-15");
    import_deadline("2019-02-10");
    CHECK(deadline() == "2019-03-15");
    import_deadline("2019-02-28");
    CHECK(deadline() == "2019-03-15");
    CHECK(json::parse(t.admin.extensions_json(m3, false)).as_array().size() == 2);

    // A date of the document's own, or none, sets it.
    import_deadline("2019-04-30");
    CHECK(deadline() == "2019-04-30");
    import_deadline(nullptr);
    CHECK(deadline().is_null());
}

TEST_CASE("re-import: progress fields are replaced, and progress added through the library shares the derived refs") {
    Db t;
    const auto m1 = t.id(core::Kind::measure, "/a1/i1/m1");
    const auto added = t.admin.add_progress(m1, "2019-01-05", "责任人补报的整改情况", std::nullopt);
    CHECK(json::parse(t.admin.record_json(core::Kind::progress, added)).at("ref").as_string() == kInsp + "/a1/i1/m1/p2");

    // A document that does not list it leaves it; one that changes p1 replaces p1's fields.
    t.admin.import_json(with([](json::object &d) {
        set_fields(measure_of(d, 0, 0, 0)["progress"].as_array()[0].as_object(),
                   {{"text", "已修订制度并上墙"}, {"author", "办公室"}, {"date", "2018-12-02"}});
    }));
    auto p1 = t.rec(core::Kind::progress, "/a1/i1/m1/p1");
    CHECK(p1.at("text") == "已修订制度并上墙");
    CHECK(p1.at("author") == "办公室");
    CHECK(p1.at("date") == "2018-12-02");
    CHECK(json::parse(t.admin.record_json(core::Kind::progress, added)).at("text") == "责任人补报的整改情况");

    // A document listing a second progress record without a ref takes that ref: it updates the
    // library's record rather than adding a third, and the audit keeps the text it replaced.
    t.admin.import_json(with([](json::object &d) {
        json::object p;
        set_fields(p, {{"date", "2019-01-06"}, {"text", "主机系统的第二条"}});
        measure_of(d, 0, 0, 0)["progress"].as_array().push_back(p);
    }));
    CHECK(t.rows("progress WHERE measure_id = " + std::to_string(m1)) == 2);
    CHECK(json::parse(t.admin.record_json(core::Kind::progress, added)).at("text") == "主机系统的第二条");
    CHECK(t.admin.audit_log_json("progress", added, 0, 10).find("责任人补报的整改情况") != std::string::npos);
}

TEST_CASE("re-import: outcomes are replaced, keys left out become null") {
    Db t;
    t.admin.import_json(with([](json::object &d) {
        auto &o = issue_of(d, 0, 0)["outcomes"].as_array()[1].as_object();
        o["count"] = 3;
        o["date"] = "2018-12-10";
    }));
    auto o = t.rec(core::Kind::outcome, "/a1/i1/o2");
    CHECK(o.at("count") == 3);
    t.admin.import_json(with([](json::object &d) { issue_of(d, 0, 0)["outcomes"].as_array()[1].as_object().erase("date"); }));
    o = t.rec(core::Kind::outcome, "/a1/i1/o2");
    CHECK(o.at("date").is_null());
    CHECK(o.at("count").is_null());
    CHECK(o.at("name") == "年度党建工作部署会议");
}

TEST_CASE("re-import: records absent from the document are kept with their seq") {
    Db t;
    const auto before = t.rec(core::Kind::issue, "/a1/i3");
    const auto measures = t.rows("measures");
    t.admin.import_json(with([](json::object &d) {
        d["aspects"].as_array()[0].as_object()["issues"].as_array().pop_back();
        issue_of(d, 0, 0)["measures"].as_array().pop_back();
    }));
    CHECK(t.rec(core::Kind::issue, "/a1/i3") == before);
    CHECK(t.rows("measures") == measures);
    CHECK(t.rec(core::Kind::measure, "/a1/i1/m4").at("seq") == 4);
}

TEST_CASE("re-import: extensions, escalations, evidence and close-outs are never changed by an import") {
    Db t;
    service::Service supervisor(t.path, {}, t.supervisor());
    const auto m3 = t.id(core::Kind::measure, "/a1/i1/m3");
    supervisor.extension_decide(t.admin.extension_request(m3, "2019-02-10", "春节前后人员不足"), true, std::nullopt);
    t.admin.extension_request(t.id(core::Kind::measure, "/a1/i1/m4"), "2019-03-01", "待批");
    t.admin.escalate(core::Kind::measure, m3, 1, "2019-01-12", "市妇联党组", std::nullopt, std::nullopt);
    service::Service::EvidenceInput e;
    e.title = "会议记录";
    e.uri = "https://oa.example/records/1";
    t.admin.evidence_add(core::Kind::measure, m3, e);
    auto side_tables = [&] {
        SQLite::Database db(t.path, SQLite::OPEN_READONLY);
        std::string out;
        for (const char *table : {"extensions", "escalations", "evidence", "close_outs", "reviews", "followups", "leads"}) {
            SQLite::Statement st(db, std::string("SELECT * FROM ") + table + " ORDER BY id");
            while (st.executeStep())
                for (int c = 0; c < st.getColumnCount(); ++c) out += st.getColumn(c).getString() + "|";
            out += "\n";
        }
        return out;
    };
    const auto before = side_tables();
    t.admin.import_json(with([](json::object &d) {
        set_fields(measure_of(d, 0, 0, 2), {{"title", "改过的措施"}, {"status", "done"}, {"deadline", "2019-05-01"}});
    }));
    CHECK(t.rec(core::Kind::measure, "/a1/i1/m3").at("deadline") == "2019-05-01");
    CHECK(side_tables() == before);
}
