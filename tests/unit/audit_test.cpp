#include "core/error.hpp"
#include "service/service.hpp"
#include "store/audit_chain.hpp"
#include "store/schema.hpp"
#include "support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <boost/json.hpp>
#include <doctest/doctest.h>

using namespace rectify;
using rectify::test::TempDir;

namespace {

struct Logged {
    TempDir dir;
    std::string path = dir.file("audit.db");
    Logged() {
        service::Service svc(path, {}, std::string("admin"));
        svc.import_json(test::seed_json());
        svc.set_status(core::Kind::measure, svc.find(core::Kind::measure, "tongcheng-2018-fulian/a1/i1/m3"), core::Status::done, 0);
        svc.add_progress(1, "2019-03-01", "复查。", std::nullopt);
    }
    service::Service::Verification verify() { return service::Service(path, {}, std::string("admin")).verify_audit(); }
    // Tampering as someone with the file and the sqlite3 tool would: the append-only triggers
    // go first.
    void tamper(const std::string &sql) {
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        db.exec("DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;");
        db.exec(sql);
    }
};

// Two events to pin each hash recipe with: the first of a log, and a later one whose texts need
// escapes, hold a control character and are longer than one write buffer.
store::AuditRow first_sample(int format) {
    store::AuditRow e;
    e.format = format;
    e.id = 1;
    e.at = "2026-01-01T00:00:00Z";
    e.actor = "admin";
    e.action = "create";
    e.kind = "unit";
    e.record_id = 1;
    e.after = R"({"name":"市妇联"})";
    e.prev_hash = store::kGenesisHash;
    return e;
}

store::AuditRow later_sample(int format) {
    store::AuditRow e;
    e.format = format;
    e.id = 7;
    e.at = "2026-11-27T08:00:00Z";
    e.actor = "张三";
    e.action = "update";
    e.kind = "measure";
    e.record_id = 42;
    e.before = R"({"title":"旧"})";
    e.after = "{\"title\":\"新\n\x01" + std::string(3000, '"') + "\"}";
    e.prev_hash.clear();
    for (int i = 0; i < 32; ++i) e.prev_hash += "ab";
    return e;
}

} // namespace

TEST_CASE("an untouched log verifies, with its head hash") {
    Logged l;
    auto v = l.verify();
    CHECK(v.intact);
    auto report = boost::json::parse(v.report_json).as_object();
    CHECK(report.at("events").as_int64() > 80);
    CHECK(report.at("head_hash").as_string().size() == 64);
    CHECK(report.at("broken_at").is_null());
}

TEST_CASE("an event of format 1 is hashed as one compact JSON array of its fields, as it always was") {
    // Chains written by every earlier release must keep verifying: the expected digests are
    // SHA-256 of the JSON texts computed independently (Python's json.dumps, compact, UTF-8 as is).
    CHECK(store::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const store::AuditRow first = first_sample(store::kEventFormatJson);
    CHECK(store::event_hash(first) == "fc5034261c7fff594e78ac45797a75644d6e641c6cf8971883f03f3624978dae");
    const store::AuditRow later = later_sample(store::kEventFormatJson);
    CHECK(store::event_hash(later) == "f7a964e6631fe062def8f2c8c68be27364c133bd86dfd78adb1cc5048b92ade7");
}

TEST_CASE("an event of format 2 is hashed over its fields in binary, each with its type and length") {
    // The expected digests are computed independently (Python: hashlib over struct.pack(">q")
    // integers and struct.pack(">Q") lengths, texts as UTF-8), as examples/python/check_audit_proof.py does.
    REQUIRE(store::AuditRow().format == store::kEventFormatBinary); // what every event is written with
    const store::AuditRow first = first_sample(store::kEventFormatBinary);
    CHECK(store::event_hash(first) == "2bea9110757e3d1bf8c6bd74c37b4cd56bb90b42730517aba9d8c6e4288aeb1b");
    const store::AuditRow later = later_sample(store::kEventFormatBinary);
    CHECK(store::event_hash(later) == "4e982462b969708efc1edfbfbf7734bbb4147466eb35cb8709a454b279f2c497");
    // Negative numbers, empty texts, an empty before apart from a missing after.
    store::AuditRow edge;
    edge.id = -5;
    edge.record_id = -1;
    edge.before = "";
    CHECK(store::event_hash(edge) == "48ad59959d30a46fe005a7c749d2445b9d78ff9e2333dd3600709aaea4cf8071");
    // The same event under the other recipe hashes differently: the format is not decoration.
    edge.format = store::kEventFormatJson;
    CHECK(store::event_hash(edge) != "48ad59959d30a46fe005a7c749d2445b9d78ff9e2333dd3600709aaea4cf8071");
}

TEST_CASE("an event's hash covers exactly the bytes of its recipe, for any field text") {
    // The hash is fed piece by piece; the reference is the whole text, for format 1 as Boost.JSON
    // writes the array, for format 2 laid out here.
    std::uint32_t seed = 20261127;
    auto next = [&] { return seed = seed * 1664525u + 1013904223u; };
    auto random_text = [&](std::size_t max) {
        std::string out(next() % max, '\0');
        for (auto &c : out) {
            const auto pick = next() % 4;
            c = static_cast<char>(pick == 0 ? next() % 0x20 : pick == 1 ? "\"\\/{}:,"[next() % 8] : next() % 256);
        }
        return out;
    };
    for (int i = 0; i < 500; ++i) {
        store::AuditRow e;
        e.format = store::kEventFormatJson;
        e.id = static_cast<std::int64_t>(next()) * (i % 3 == 0 ? -1 : 1);
        e.at = random_text(30);
        e.actor = random_text(20);
        e.action = random_text(10);
        e.kind = random_text(10);
        e.record_id = static_cast<std::int64_t>(next()) << 20;
        if (next() % 3) e.before = random_text(i % 10 == 0 ? 9000 : 300);
        if (next() % 3) e.after = random_text(300);
        e.prev_hash = random_text(70);
        auto opt = [](const std::optional<std::string> &s) { return s ? boost::json::value(*s) : boost::json::value(nullptr); };
        boost::json::array content{e.id, e.at, e.actor, e.action, e.kind, e.record_id, opt(e.before), opt(e.after), e.prev_hash};
        REQUIRE(store::event_hash(e) == store::sha256_hex(boost::json::serialize(content)));
        // Format 2 against the same fields laid out whole, as include/rectify/audit.h describes them.
        std::string binary = "rectify audit event 2\n";
        auto integer = [&](std::int64_t n) {
            binary += 'i';
            for (int shift = 56; shift >= 0; shift -= 8) binary += static_cast<char>((static_cast<std::uint64_t>(n) >> shift) & 0xFF);
        };
        auto text = [&](const std::optional<std::string> &t) {
            if (!t) {
                binary += 'n';
                return;
            }
            binary += 't';
            for (int shift = 56; shift >= 0; shift -= 8) binary += static_cast<char>((t->size() >> shift) & 0xFF);
            binary += *t;
        };
        integer(e.id);
        for (const std::string *t : {&e.at, &e.actor, &e.action, &e.kind}) text(*t);
        integer(e.record_id);
        text(e.before);
        text(e.after);
        text(e.prev_hash);
        e.format = store::kEventFormatBinary;
        REQUIRE(store::event_hash(e) == store::sha256_hex(binary));
    }
}

TEST_CASE("two handles taking turns to write keep one unbroken chain") {
    // Each handle keeps the chain's head in memory while it holds the write lock; the other
    // handle's events in between must not be linked over.
    Logged l;
    service::Service a(l.path, {}, std::string("admin"));
    service::Service b(l.path, {}, std::string("admin"));
    const auto measure = a.find(core::Kind::measure, "tongcheng-2018-fulian/a1/i1/m1");
    for (int round = 0; round < 3; ++round) {
        a.add_progress(measure, "2019-04-0" + std::to_string(round + 1), "甲句柄第" + std::to_string(round) + "次。", std::nullopt);
        b.add_progress(measure, "2019-05-0" + std::to_string(round + 1), "乙句柄第" + std::to_string(round) + "次。", std::nullopt);
        b.import_json(test::seed_json()); // unchanged: no event, but a write transaction
    }
    auto v = l.verify();
    CHECK(v.intact);
    CHECK(v.problem.empty());
}

TEST_CASE("the library's own triggers refuse edits and deletes of the log") {
    Logged l;
    SQLite::Database db(l.path, SQLite::OPEN_READWRITE);
    CHECK_THROWS_WITH(db.exec("UPDATE audit_events SET actor = 'x' WHERE id = 3"), doctest::Contains("append-only"));
    CHECK_THROWS_WITH(db.exec("DELETE FROM audit_events WHERE id = 3"), doctest::Contains("append-only"));
}

TEST_CASE("verify names the first broken link for each kind of tampering") {
    Logged l;
    SUBCASE("an edited event") {
        l.tamper("UPDATE audit_events SET actor = 'someone else' WHERE id = 10");
        auto v = l.verify();
        CHECK_FALSE(v.intact);
        CHECK(v.problem == "audit log broken at event 10: event 10 does not match its hash (its content was altered)");
    }
    SUBCASE("a deleted event in the middle") {
        l.tamper("DELETE FROM audit_events WHERE id = 10");
        auto v = l.verify();
        CHECK_FALSE(v.intact);
        CHECK(v.problem.find("audit log broken at event 11: event 11 follows event 9") != std::string::npos);
    }
    SUBCASE("the last event deleted") {
        l.tamper("DELETE FROM audit_events WHERE id = (SELECT MAX(id) FROM audit_events)");
        auto v = l.verify();
        CHECK_FALSE(v.intact); // the progress record now lacks its trail
        CHECK(v.problem.find("progress") != std::string::npos);
        CHECK(v.problem.find("has no audit trail") != std::string::npos);
    }
    SUBCASE("an event inserted at the end with a made-up hash") {
        l.tamper("INSERT INTO audit_events (id, at, actor, action, kind, record_id, before, after, prev_hash, hash, format) "
                 "SELECT MAX(id) + 1, '2026-01-01T00:00:00Z', 'x', 'update', 'issue', 1, NULL, NULL, hash, 'feed', 2 FROM audit_events");
        auto v = l.verify();
        CHECK_FALSE(v.intact);
        CHECK(v.problem.find("does not match its hash") != std::string::npos);
    }
    SUBCASE("an event of the old format appended after events of the new") {
        l.tamper("INSERT INTO audit_events (id, at, actor, action, kind, record_id, before, after, prev_hash, hash) "
                 "SELECT MAX(id) + 1, '2026-01-01T00:00:00Z', 'x', 'update', 'issue', 1, NULL, NULL, hash, 'feed' FROM audit_events");
        auto v = l.verify();
        CHECK_FALSE(v.intact);
        CHECK(v.problem.find("has format 1 after events of format 2") != std::string::npos);
    }
    SUBCASE("an event of a format this version does not know") {
        l.tamper("UPDATE audit_events SET format = 9 WHERE id = 12");
        auto v = l.verify();
        CHECK_FALSE(v.intact);
        CHECK(v.problem == "audit log broken at event 12: event 12 has format 9, which this version does not know (written by a "
                           "later version, or altered)");
    }
    SUBCASE("an event inserted in the middle, the later ones renumbered") {
        l.tamper("CREATE TEMP TABLE later AS SELECT * FROM audit_events WHERE id >= 20;"
                 "DELETE FROM audit_events WHERE id >= 20;"
                 "INSERT INTO audit_events SELECT id + 1, at, actor, action, kind, record_id, before, after, prev_hash, hash, format FROM later;"
                 "INSERT INTO audit_events (id, at, actor, action, kind, record_id, before, after, prev_hash, hash, format) "
                 "SELECT 20, '2026-01-01T00:00:00Z', 'x', 'update', 'issue', 1, NULL, NULL, hash, 'forged', 2 FROM audit_events WHERE id = 19;");
        auto v = l.verify();
        CHECK_FALSE(v.intact);
        CHECK(v.problem == "audit log broken at event 20: event 20 does not match its hash (its content was altered)");
    }
    // Events forged onto the end of the log with a valid link and hash, by someone who knows the
    // recipe, while the rows stay as they are: the chain holds, the record check does not.
    auto forge = [&](const std::string &kind, std::int64_t record_id, const std::optional<std::string> &after) {
        SQLite::Database db(l.path, SQLite::OPEN_READWRITE);
        SQLite::Statement last(db, "SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1");
        REQUIRE(last.executeStep());
        store::AuditRow e;
        e.id = last.getColumn(0).getInt64() + 1;
        e.prev_hash = last.getColumn(1).getString();
        e.at = "2030-01-01T00:00:00Z";
        e.actor = "tester";
        e.action = after ? "create" : "delete";
        e.kind = kind;
        e.record_id = record_id;
        e.after = after;
        SQLite::Statement insert(db, store::kInsertEventSql);
        store::insert_event(insert, e);
    };
    SUBCASE("an event forged to say a record was deleted, the record still there") {
        forge("issue", 4, std::nullopt);
        auto v = l.verify();
        CHECK_FALSE(v.intact);
        CHECK(v.problem == "records do not match the audit log: issue 4 has no audit trail (table issues, added behind the library's back)");
    }
    SUBCASE("an event forged to say a record was made, no such record") {
        forge("measure", 999, std::string(R"({"kind":"measure","id":999})"));
        auto v = l.verify();
        CHECK_FALSE(v.intact);
        CHECK(v.problem == "records do not match the audit log: measure 999 is in the audit log but missing from the database (table "
                           "measures, deleted behind the library's back)");
    }
    SUBCASE("a record changed behind the library's back") {
        SQLite::Database db(l.path, SQLite::OPEN_READWRITE);
        db.exec("UPDATE issues SET status = 'closed' WHERE id = 4");
        auto v = l.verify();
        CHECK_FALSE(v.intact);
        CHECK(v.problem == "records do not match the audit log: issue 4 differs from its last audited state in field status (table issues, changed behind the library's back)");
    }
    SUBCASE("a record added behind the library's back") {
        SQLite::Database db(l.path, SQLite::OPEN_READWRITE);
        db.exec("INSERT INTO units (version, ref, created_at, updated_at, name) VALUES (1, 'ghost', 'x', 'x', '幽灵单位')");
        auto v = l.verify();
        CHECK_FALSE(v.intact);
        CHECK(v.problem.find("unit 2 has no audit trail") != std::string::npos);
    }
}

TEST_CASE("the audit log of one record lists its events, oldest first") {
    Logged l;
    service::Service svc(l.path, {}, std::string("admin"));
    auto events = boost::json::parse(svc.audit_log_json("measure", svc.find(core::Kind::measure, "tongcheng-2018-fulian/a1/i1/m3"), 0, 0)).as_array();
    REQUIRE(events.size() == 2);
    CHECK(events[0].at("action") == "create");
    CHECK(events[1].at("action") == "status");
    CHECK(events[1].at("before").at("status") == "in_progress");
    CHECK(events[1].at("after").at("status") == "done");
    CHECK(events[1].at("actor") == "admin");
}

TEST_CASE("events written before the chain existed join it on upgrade") {
    TempDir dir;
    const auto path = dir.file("v2.db");
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        store::migrate(db, 0, 2);
        db.exec("INSERT INTO units (version, ref, created_at, updated_at, name) VALUES (1, 'u', '2019-01-01T00:00:00Z', '2019-01-01T00:00:00Z', '市妇联')");
        db.exec("INSERT INTO audit_events (at, actor, action, kind, record_id, before, after) VALUES "
                "('2019-01-01T00:00:00Z', 'old', 'create', 'unit', 1, NULL, "
                "'{\"kind\":\"unit\",\"id\":1,\"version\":1,\"ref\":\"u\",\"created_at\":\"2019-01-01T00:00:00Z\",\"updated_at\":\"2019-01-01T00:00:00Z\",\"name\":\"市妇联\",\"party_org\":null}')");
    }
    service::Service svc(path, {}, std::string("admin")); // upgrades, then makes admin its administrator
    auto v = svc.verify_audit();
    CHECK_MESSAGE(v.intact, v.problem);
    auto events = boost::json::parse(svc.audit_log_json("", 0, 0, 0)).as_array();
    // The old event; the upgrade's baseline of the unit's row; the administrator's bootstrap and
    // the rows it wrote (its user, then its grant).
    REQUIRE(events.size() == 5);
    CHECK(events[0].at("actor") == "old");
    CHECK(events[1].at("action") == "baseline");
    CHECK(events[1].at("kind") == "row:units");
    CHECK(events[1].at("prev_hash") == events[0].at("hash"));
    CHECK(events[2].at("action") == "bootstrap");
    CHECK(events[3].at("kind") == "row:users");
    CHECK(events[4].at("kind") == "row:grants");
}

TEST_CASE("records audited before an upgrade added fields still verify after it") {
    TempDir dir;
    const auto path = dir.file("v3.db");
    {
        // A schema-3 database as that version wrote it: a unit and an inspection, each with its
        // audit event, chained; the inspection's image has no deadline fields (schema 4 added them).
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        store::migrate(db, 0, 3);
        const std::string at = "2019-01-01T00:00:00Z";
        db.exec("INSERT INTO users (name, created_at, created_by) VALUES ('admin', '" + at + "', 'admin')");
        db.exec("INSERT INTO grants (user_id, role, scope, scope_id, granted_at, granted_by) VALUES (1, 'admin', 'all', 0, '" + at + "', 'admin')");
        db.exec("INSERT INTO units (version, ref, created_at, updated_at, name) VALUES (1, 'u', '" + at + "', '" + at + "', '市妇联')");
        db.exec("INSERT INTO inspections (version, ref, created_at, updated_at, unit_id, kind, group_name, onsite_start) "
                "VALUES (1, 'i', '" + at + "', '" + at + "', 1, 'routine', '市委第一巡察组', '2018-09-19')");
        struct Event {
            const char *action, *kind, *after;
        };
        const Event events[] = {
            {"bootstrap", "grant", R"({"role":"admin","scope":"all","scope_id":null})"},
            {"create", "unit",
             R"({"kind":"unit","id":1,"version":1,"ref":"u","created_at":"2019-01-01T00:00:00Z","updated_at":"2019-01-01T00:00:00Z","name":"市妇联","party_org":null})"},
            {"create", "inspection",
             R"({"kind":"inspection","id":1,"version":1,"ref":"i","created_at":"2019-01-01T00:00:00Z","updated_at":"2019-01-01T00:00:00Z","round_id":null,"unit_id":1,"kind_of_inspection":"routine","label":null,"authority":null,"group":"市委第一巡察组","onsite_start":"2018-09-19","onsite_end":null,"feedback_date":null,"title":null,"closing":null})"}};
        std::string prev = store::kGenesisHash;
        std::int64_t id = 0;
        for (const auto &ev : events) {
            store::AuditRow e;
            e.format = store::kEventFormatJson; // what this schema's release wrote
            e.id = ++id;
            e.at = at;
            e.actor = "admin";
            e.action = ev.action;
            e.kind = ev.kind;
            e.record_id = 1;
            e.after = std::string(ev.after);
            e.prev_hash = prev;
            e.hash = store::event_hash(e);
            SQLite::Statement ins(db, "INSERT INTO audit_events (id, at, actor, action, kind, record_id, before, after, prev_hash, hash) "
                                      "VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)");
            ins.bind(1, e.id);
            ins.bind(2, e.at);
            ins.bind(3, e.actor);
            ins.bind(4, e.action);
            ins.bind(5, e.kind);
            ins.bind(6, e.record_id);
            ins.bind(7, *e.after);
            ins.bind(8, e.prev_hash);
            ins.bind(9, e.hash);
            ins.exec();
            prev = e.hash;
        }
    }
    service::Service svc(path, {}, std::string("admin")); // upgrades to the latest schema
    auto v = svc.verify_audit();
    CHECK_MESSAGE(v.intact, v.problem);
    // A field the old image holds is still compared.
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        db.exec("UPDATE inspections SET group_name = '市委第二巡察组'");
    }
    auto after = service::Service(path, {}, std::string("admin")).verify_audit();
    CHECK_FALSE(after.intact);
    CHECK(after.problem.find("inspection 1 differs") != std::string::npos);
}

TEST_CASE("a grant slipped into the table behind the library's back fails verification") {
    Logged l;
    {
        service::Service svc(l.path, {}, std::string("admin"));
        svc.add_user("王五", std::nullopt);
        svc.grant("王五", core::Grant{core::Role::liaison, core::ScopeKind::unit, 1});
        svc.revoke("王五", core::Grant{core::Role::liaison, core::ScopeKind::unit, 1});
        CHECK(svc.verify_audit().intact);
    }
    {
        SQLite::Database db(l.path, SQLite::OPEN_READWRITE);
        db.exec("INSERT INTO grants (user_id, role, scope, scope_id, granted_at, granted_by) "
                "SELECT id, 'admin', 'all', 0, '2030-01-01T00:00:00Z', 'admin' FROM users WHERE name = '王五'");
    }
    auto v = l.verify();
    CHECK_FALSE(v.intact);
    // Row 2 held the revoked grant: the log says it is gone, so the row is new to it.
    CHECK(v.problem == "records do not match the audit log: row 2 of grants has no audit trail (added behind the library's back)");
}
