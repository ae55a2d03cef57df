#include "core/enums.hpp"
#include "core/error.hpp"
#include "service/service.hpp"
#include "support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <boost/json.hpp>
#include <doctest/doctest.h>

#include <functional>

using namespace rectify;
using rectify::test::TempDir;

namespace {

namespace json = boost::json;

// The seed case with one change applied.
std::string seed_with(const std::function<void(json::object &)> &change) {
    auto v = json::parse(test::seed_json());
    change(v.as_object());
    return json::serialize(v);
}

json::object &issue(json::object &doc, int aspect, int i) {
    return doc["aspects"].as_array()[aspect].as_object()["issues"].as_array()[i].as_object();
}
json::object &measure(json::object &doc, int aspect, int i, int m) {
    return issue(doc, aspect, i)["measures"].as_array()[m].as_object();
}

int count_rows(const std::string &path, const std::string &table) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    return db.execAndGet("SELECT count(*) FROM " + table).getInt();
}

} // namespace

TEST_CASE("the seed case imports with everything the notice states") {
    TempDir dir;
    const auto path = dir.file("seed.db");
    service::Service svc(path, {}, std::string("tester"));
    auto result = svc.import_json(test::seed_json());
    CHECK(result.inspection_id == 1);
    CHECK(count_rows(path, "aspects") == 6);
    CHECK(count_rows(path, "issues") == 11);
    CHECK(count_rows(path, "measures") >= 11);
    CHECK(count_rows(path, "progress") >= 11);

    SQLite::Database db(path, SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("SELECT group_name || '|' || onsite_start || '|' || onsite_end FROM inspections").getString() ==
          "市委第一巡察组|2018-09-19|2018-10-25");
    // 11550 元 recovered and paid in on 2019-01-18, counted in fen.
    CHECK(db.execAndGet("SELECT amount_fen || '|' || category || '|' || date FROM outcomes WHERE type = 'money'").getString() ==
          "1155000|recovered|2019-01-18");
    CHECK(db.execAndGet("SELECT count(*) FROM outcomes WHERE type = 'rule'").getInt() >= 5);
    CHECK(db.execAndGet("SELECT count(*) FROM outcomes WHERE type = 'rule' AND name = '《市妇联公务用车管理制度》'").getInt() == 1);
    CHECK(db.execAndGet("SELECT count(*) FROM progress WHERE date = '2018-12-20'").getInt() == 1);
    CHECK(db.execAndGet("SELECT count(*) FROM issues WHERE status = 'done'").getInt() == 11);
    // One audit event per record created, all by the actor.
    CHECK(db.execAndGet("SELECT count(*) FROM audit_events WHERE action = 'create' AND actor = 'tester' AND kind NOT LIKE 'row:%'").getInt() ==
          1 + 1 + 1 + 6 + 11 + count_rows(path, "measures") + count_rows(path, "progress") + count_rows(path, "outcomes"));
}

TEST_CASE("importing again updates in place and never duplicates") {
    TempDir dir;
    const auto path = dir.file("twice.db");
    service::Service svc(path, {}, std::string("tester"));
    svc.import_json(test::seed_json());
    const auto first = test::dump(path);
    auto again = svc.import_json(test::seed_json());
    CHECK(again.inspection_id == 1);
    CHECK(test::dump(path) == first); // nothing changed, nothing audited
    CHECK(again.summary_json.find("\"created\":{\"round\":0,\"unit\":0,\"inspection\":0,\"aspect\":0,\"issue\":0") != std::string::npos);

    // A changed title updates that one record, raises its version and is audited.
    svc.import_json(seed_with([](json::object &d) { issue(d, 0, 0)["title"] = "“三会一课”制度落实不到位（修订）"; }));
    CHECK(count_rows(path, "issues") == 11);
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("SELECT version FROM issues WHERE ref = 'tongcheng-2018-fulian/a1/i1'").getInt() == 2);
    CHECK(db.execAndGet("SELECT count(*) FROM audit_events WHERE action = 'update' AND kind NOT LIKE 'row:%'").getInt() == 1);
}

namespace {
// Every closed-vocabulary value of a document replaced by its Chinese label, as docs/schema.md
// prints them beside the names; returns how many were replaced.
template <class E> bool to_label(json::value &v, std::optional<E> (*parse)(std::string_view)) {
    auto e = parse(std::string_view(v.as_string()));
    if (!e) return false;
    v = std::string(core::label(*e));
    return true;
}
int labels_for_names(json::value &v) {
    int n = 0;
    if (v.is_array())
        for (auto &x : v.as_array()) n += labels_for_names(x);
    if (!v.is_object()) return n;
    for (auto &kv : v.as_object()) {
        auto &x = kv.value();
        if (!x.is_string()) {
            n += labels_for_names(x);
            continue;
        }
        const std::string_view key = kv.key();
        if (key == "status") n += to_label(x, core::parse_status);
        else if (key == "kind") n += to_label(x, core::parse_inspection_kind);
        else if (key == "category") n += to_label(x, core::parse_measure_category) || to_label(x, core::parse_money_category);
        else if (key == "type") n += to_label(x, core::parse_outcome_type);
        else if (key == "action") n += to_label(x, core::parse_rule_action);
        else if (key == "form") n += to_label(x, core::parse_accountability_form);
    }
    return n;
}
} // namespace

TEST_CASE("a document may give every enumerated value by its Chinese label, as docs/schema.md prints it") {
    TempDir dir;
    service::Service a(dir.file("a.db"), {}, std::string("tester"));
    a.import_json(test::seed_json());
    auto labelled = json::parse(test::seed_json());
    const int replaced = labels_for_names(labelled);
    CHECK(replaced > 50); // statuses, categories, the kind, outcome types, actions, forms
    const std::string text = json::serialize(labelled);
    CHECK(text.find("\"整改中\"") != std::string::npos);
    CHECK(text.find("\"长期坚持\"") != std::string::npos);
    CHECK(text.find("\"追缴\"") != std::string::npos);
    service::Service b(dir.file("b.db"), {}, std::string("tester"));
    auto id = b.import_json(text).inspection_id;
    CHECK(b.export_json(id) == a.export_json(1)); // stored, and exported, by name

    // An unknown value is refused with every name and label it could have been.
    auto bad = seed_with([](json::object &d) { issue(d, 1, 0)["status"] = "已整改完毕"; });
    CHECK_THROWS_WITH_AS(b.import_json(bad),
                         doctest::Contains("aspects[1].issues[0].status: unknown value '已整改完毕' (expected one of: "
                                           "not_started 未启动, in_progress 整改中, substantially_done 基本完成"),
                         core::Error);
}

TEST_CASE("export, import elsewhere, export again gives the same bytes") {
    TempDir dir;
    service::Service a(dir.file("a.db"), {}, std::string("tester"));
    a.import_json(test::seed_json());
    const auto first = a.export_json(1);
    service::Service b(dir.file("b.db"), {}, std::string("other")); // the first actor of b.db: its admin
    auto id = b.import_json(first).inspection_id;
    CHECK(b.export_json(id) == first);
    // And the export re-imports into its own database as a no-op.
    const auto before = test::dump(dir.file("a.db"));
    a.import_json(first);
    CHECK(test::dump(dir.file("a.db")) == before);
}

TEST_CASE("refs left out are derived from the parent, so re-import stays idempotent") {
    TempDir dir;
    const auto path = dir.file("derived.db");
    service::Service svc(path, {}, std::string("tester"));
    auto doc = seed_with([](json::object &d) {
        for (auto &a : d["aspects"].as_array()) {
            a.as_object().erase("ref");
            for (auto &i : a.as_object()["issues"].as_array()) i.as_object().erase("ref");
        }
    });
    svc.import_json(doc);
    const auto first = test::dump(path);
    svc.import_json(doc);
    CHECK(test::dump(path) == first);
    CHECK(svc.find(core::Kind::issue, "tongcheng-2018-fulian/a6/i4") > 0);
}

namespace {
struct BadCase {
    const char *what;
    std::function<std::string()> make;
    core::Errc code;
    const char *message_part;
};
} // namespace

TEST_CASE("bad documents are refused with the field path, and the database is exactly as before") {
    TempDir dir;
    const auto path = dir.file("bad.db");
    service::Service svc(path, {}, std::string("tester"));
    svc.import_json(test::seed_json());
    svc.set_status(core::Kind::measure, svc.find(core::Kind::measure, "tongcheng-2018-fulian/a1/i1/m3"),
                   core::Status::done, 0);
    const auto before = test::dump(path);

    const BadCase cases[] = {
        {"malformed JSON", [] { return std::string("{\"format\": \"rectify-inspection\", "); }, core::Errc::json, "malformed JSON at line 1"},
        {"trailing text", [] { return test::seed_json() + "garbage"; }, core::Errc::json, "malformed JSON"},
        {"empty input", [] { return std::string(); }, core::Errc::json, "malformed JSON"},
        {"not an object", [] { return std::string("[1, 2]"); }, core::Errc::invalid, "the document: expected an object"},
        {"wrong format", [] { return seed_with([](json::object &d) { d["format"] = "excel"; }); }, core::Errc::invalid, "format: expected"},
        {"newer format", [] { return seed_with([](json::object &d) { d["format_version"] = 2; }); }, core::Errc::invalid, "format_version: 2 is newer"},
        {"impossible deadline",
         [] { return seed_with([](json::object &d) { measure(d, 2, 0, 0)["deadline"] = "2018-02-30"; }); },
         core::Errc::invalid, "aspects[2].issues[0].measures[0].deadline: 2018-02-30 is not a calendar date"},
        {"date in the wrong form",
         [] { return seed_with([](json::object &d) { measure(d, 0, 0, 1)["completed_date"] = "2018/12/20"; }); },
         core::Errc::invalid, "aspects[0].issues[0].measures[1].completed_date: 2018/12/20 is not a date in YYYY-MM-DD form"},
        {"unknown status",
         [] { return seed_with([](json::object &d) { issue(d, 1, 0)["status"] = "finished"; }); },
         core::Errc::invalid, "aspects[1].issues[0].status: unknown value 'finished'"},
        {"wrong type",
         [] { return seed_with([](json::object &d) { issue(d, 0, 1)["title"] = 42; }); },
         core::Errc::invalid, "aspects[0].issues[1].title: expected a string, got a number"},
        {"missing required key",
         [] { return seed_with([](json::object &d) { measure(d, 0, 0, 0).erase("category"); }); },
         core::Errc::invalid, "aspects[0].issues[0].measures[0].category: is required"},
        {"unknown key",
         [] { return seed_with([](json::object &d) { issue(d, 3, 0)["titel"] = "typo"; }); },
         core::Errc::invalid, "aspects[3].issues[0].titel: unknown key"},
        {"money as a decimal",
         [] { return seed_with([](json::object &d) { issue(d, 5, 0)["outcomes"].as_array()[0].as_object()["amount_fen"] = 11550.5; }); },
         core::Errc::invalid, "aspects[5].issues[0].outcomes[0].amount_fen: must be a whole number"},
        {"money without an amount",
         [] { return seed_with([](json::object &d) { issue(d, 5, 0)["outcomes"].as_array()[0].as_object()["amount_fen"] = nullptr; }); },
         core::Errc::invalid, "aspects[5].issues[0].outcomes[0].amount_fen: is required for a money outcome"},
        {"on-site end before start",
         [] { return seed_with([](json::object &d) { d["inspection"].as_object()["onsite_end"] = "2018-09-01"; }); },
         core::Errc::invalid, "inspection.onsite_end: 2018-09-01 is before onsite_start"},
        {"one ref used twice",
         [] { return seed_with([](json::object &d) { issue(d, 0, 1)["ref"] = "tongcheng-2018-fulian/a1/i1"; }); },
         core::Errc::invalid, "aspects[0].issues[1].ref: 'tongcheng-2018-fulian/a1/i1' is already the ref of aspects[0].issues[0]"},
        {"reason without non-public",
         [] { return seed_with([](json::object &d) { issue(d, 0, 0)["non_public_reason"] = "涉密"; }); },
         core::Errc::invalid, "aspects[0].issues[0].non_public_reason: is only allowed with \"public\": false"},
        {"invalid UTF-8 in a narrative",
         [] {
             auto s = test::seed_json();
             auto at = s.find("2018年度市妇联党支部");
             s[at + 4] = '\xFF';
             return s;
         },
         core::Errc::utf8, "aspects[0].issues[0].measures["},
        {"illegal status change (done back to not started)",
         [] { return seed_with([](json::object &d) { issue(d, 0, 0)["status"] = "not_started"; }); },
         core::Errc::transition, "aspects[0].issues[0].status: illegal transition from done to not_started"},
        {"a later record fails after earlier ones were written",
         [] {
             return seed_with([](json::object &d) {
                 issue(d, 0, 0)["title"] = "changed";                        // would be an update
                 issue(d, 5, 3)["status"] = "not_started";                   // illegal, last issue
             });
         },
         core::Errc::transition, "aspects[5].issues[3].status"},
    };
    for (const auto &c : cases) {
        CAPTURE(c.what);
        try {
            svc.import_json(c.make());
            FAIL("expected an error");
        } catch (const core::Error &e) {
            CHECK(e.code() == c.code);
            CHECK_MESSAGE(std::string(e.what()).find(c.message_part) != std::string::npos, e.what());
        }
        CHECK(test::dump(path) == before);
    }
}

TEST_CASE("a ref that belongs to another inspection is refused") {
    TempDir dir;
    const auto path = dir.file("clash.db");
    service::Service svc(path, {}, std::string("tester"));
    svc.import_json(test::seed_json());
    const auto before = test::dump(path);
    auto other = seed_with([](json::object &d) {
        d["inspection"].as_object()["ref"] = "another-inspection";
        for (auto &a : d["aspects"].as_array()) a.as_object()["ref"] = "x-" + std::string(a.as_object()["ref"].as_string());
    });
    try {
        svc.import_json(other);
        FAIL("expected an error");
    } catch (const core::Error &e) {
        CHECK(e.code() == core::Errc::duplicate);
        CHECK(std::string(e.what()).find("aspects[0].issues[0].ref: 'tongcheng-2018-fulian/a1/i1' is already the ref of issue 1 in inspection 1") != std::string::npos);
    }
    CHECK(test::dump(path) == before);
}

TEST_CASE("changes need an actor, a read-only handle refuses them") {
    TempDir dir;
    const auto path = dir.file("actor.db");
    {
        service::Service svc(path, {}, std::nullopt);
        CHECK_THROWS_WITH_AS(svc.import_json(test::seed_json()), doctest::Contains("no actor"), core::Error);
        svc.set_actor(std::string("tester"));
        svc.import_json(test::seed_json());
    }
    store::OpenOptions ro;
    ro.read_only = true;
    service::Service reader(path, ro, std::string("tester"));
    CHECK(reader.export_json(1).size() > 1000);
    CHECK_THROWS_WITH_AS(reader.import_json(test::seed_json()), doctest::Contains("read-only"), core::Error);
}
