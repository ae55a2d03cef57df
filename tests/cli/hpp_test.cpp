// tests/cli/hpp_test.cpp: the C++ wrapper (rectify/rectify.hpp) the rectify command is built on,
// every member of it, against the real shared library. Compiled with -Werror (see CMakeLists.txt)
// so that the header stays clean under strict warnings.
//   usage: cli_hpp_test SEED_JSON WORK_DIR
#include <rectify/rectify.hpp>

#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <type_traits>
#include <utility>

namespace {

int failures = 0;

#define CHECK(cond)                                                                                  \
    do {                                                                                             \
        if (!(cond)) {                                                                               \
            std::cerr << __FILE__ << ':' << __LINE__ << ": CHECK failed: " #cond "\n";              \
            ++failures;                                                                              \
        }                                                                                            \
    } while (0)

/** Runs f and returns the code of the rectify::error it throws (0 if none), checking its message. */
template <class F>
int code_of(F &&f) {
    try {
        f();
    } catch (const rectify::error &e) {
        CHECK(e.code() < 0);
        CHECK(std::string(e.what()).size() > 0);
        return e.code();
    }
    return 0;
}

bool contains(const std::string &text, const std::string &part) { return text.find(part) != std::string::npos; }

/** Runs SQL on the file as someone with the file and the sqlite3 tool would; false on failure. */
bool sql(const std::string &path, const char *statements) {
    sqlite3 *db = nullptr;
    bool ok = sqlite3_open(path.c_str(), &db) == SQLITE_OK &&
              sqlite3_exec(db, statements, nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

} // namespace

int main(int argc, char **argv) {
    if (argc != 3) {
        std::cerr << "usage: cli_hpp_test SEED_JSON WORK_DIR\n";
        return 2;
    }
    const std::string seed_path = argv[1];
    const std::string dir = argv[2];
    std::ifstream in(seed_path, std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    const std::string seed = buf.str();
    CHECK(!seed.empty());

    static_assert(!std::is_copy_constructible_v<rectify::db>, "db must be move-only");
    static_assert(std::is_nothrow_move_constructible_v<rectify::db>, "db moves must not throw");

    // Free functions.
    CHECK(!rectify::version().empty());
    CHECK(rectify::version_number() == RECTIFY_VERSION_NUMBER);
    CHECK(rectify::schema_version() >= 1);
    CHECK(!rectify::strerror(RECTIFY_E_NOT_FOUND).empty());
    for (int k = RECTIFY_KIND_ROUND; k <= RECTIFY_KIND_OUTCOME; ++k) {
        const auto kind = static_cast<rectify::kind>(k);
        CHECK(rectify::kind_from_name(rectify::kind_name(kind)) == kind);
    }
    CHECK(rectify::kind_name(rectify::kind::measure) == "measure");
    CHECK(code_of([] { rectify::kind_from_name("banana"); }) == RECTIFY_E_ARGUMENT);
    CHECK(code_of([] { rectify::kind_name(static_cast<rectify::kind>(99)); }) == RECTIFY_E_ARGUMENT);
    CHECK(rectify::status_from_name("in_progress") == rectify::status::in_progress);
    CHECK(rectify::status_name(rectify::status::closed) == "closed");
    CHECK(rectify::status_label(rectify::status::in_progress) == "整改中");
    CHECK(code_of([] { rectify::status_from_name("finished"); }) == RECTIFY_E_ARGUMENT);
    // A NUL inside a string_view would be cut short by C: refused instead.
    CHECK(code_of([] { rectify::status_from_name(std::string_view("done\0x", 6)); }) == RECTIFY_E_ARGUMENT);

    // A db without a handle refuses every call instead of passing NULL on.
    rectify::db closed;
    CHECK(!closed.is_open() && !closed);
    CHECK(code_of([&] { closed.schema_version(); }) == RECTIFY_E_MISUSE);

    std::filesystem::create_directories(dir);
    const std::string path = dir + "/hpp.db";
    for (const char *suffix : {"", "-wal", "-shm", "-journal"}) {
        std::remove((path + suffix).c_str()); // a fresh database each run
    }
    CHECK(code_of([&] { rectify::db missing(dir + "/missing.db", 0, "t"); }) != 0);

    rectify::db db(path, RECTIFY_OPEN_CREATE, "hpp-test");
    CHECK(db.is_open());
    CHECK(db.get() != nullptr);
    CHECK(db.schema_version() == rectify::schema_version());

    // Import: from a file, then the same text again (idempotent: same inspection).
    const rectify::import_result first = db.import_file(seed_path);
    CHECK(first.inspection_id > 0);
    CHECK(contains(first.summary, "created"));
    const rectify::import_result again = db.import_json(seed);
    CHECK(again.inspection_id == first.inspection_id);
    CHECK(code_of([&] { db.import_json("{\"format\":"); }) == RECTIFY_E_JSON);
    CHECK(code_of([&] { db.import_file(dir + "/no-such.json"); }) == RECTIFY_E_IO);

    // Export: a whole document, its length as the library gave it.
    const std::string doc = db.export_json(first.inspection_id);
    CHECK(doc.size() > 1000 && doc.back() == '\n');
    CHECK(doc.find('\0') == std::string::npos);
    CHECK(code_of([&] { db.export_json(999999); }) == RECTIFY_E_NOT_FOUND);

    // Records.
    const std::string ref = "tongcheng-2018-fulian";
    CHECK(db.record_find(rectify::kind::inspection, ref) == first.inspection_id);
    CHECK(code_of([&] { db.record_find(rectify::kind::inspection, "no-such-ref"); }) == RECTIFY_E_NOT_FOUND);
    const std::int64_t m3 = db.record_find(rectify::kind::measure, ref + "/a1/i1/m3");
    const std::string measure = db.record_get(rectify::kind::measure, m3);
    CHECK(contains(measure, "\"kind\":\"measure\"") && contains(measure, "\"status\":\"in_progress\""));
    CHECK(code_of([&] { db.record_get(rectify::kind::issue, 999999); }) == RECTIFY_E_NOT_FOUND);
    rectify::list_options opts;
    opts.inspection_id = first.inspection_id;
    opts.limit = 2;
    const std::string two = db.record_list(rectify::kind::issue, opts);
    CHECK(two.front() == '[' && contains(two, "\"kind\":\"issue\""));

    // Status: legal, stale, forbidden.
    const std::int64_t v = db.status_set(rectify::kind::measure, m3, rectify::status::done);
    CHECK(v >= 2);
    CHECK(code_of([&] { db.status_set(rectify::kind::measure, m3, rectify::status::in_progress, v - 1); }) ==
          RECTIFY_E_CONFLICT);
    CHECK(code_of([&] { db.status_set(rectify::kind::measure, m3, rectify::status::not_started); }) ==
          RECTIFY_E_TRANSITION);
    CHECK(db.status_set(rectify::kind::measure, m3, rectify::status::in_progress, v) == v + 1);

    // Progress: a bad date refused; the actor or a named author.
    CHECK(code_of([&] { db.progress_add(m3, "2018-02-30", "x"); }) < 0);
    const std::int64_t p1 = db.progress_add(m3, "2018-12-01", "召开支部党员大会");
    CHECK(p1 > 0);
    CHECK(contains(db.record_get(rectify::kind::progress, p1), "\"author\":\"hpp-test\""));
    const std::int64_t p2 = db.progress_add(m3, "2018-12-02", "第二次", std::string_view("张三"));
    CHECK(p2 > p1);
    CHECK(contains(db.record_get(rectify::kind::progress, p2), "\"author\":\"张三\""));

    // Notice.
    const std::string notice = db.notice_render(first.inspection_id);
    CHECK(contains(notice, "6个方面11项整改任务"));
    CHECK(!db.notice_render(first.inspection_id, rectify::audience::public_, rectify::format::text).empty());

    // Roles by name.
    CHECK(rectify::role_name(rectify::role::liaison) == "liaison");
    CHECK(rectify::role_name(rectify::role::public_) == "public");
    for (int r = RECTIFY_ROLE_ADMIN; r <= RECTIFY_ROLE_PUBLIC; ++r) {
        const auto role = static_cast<rectify::role>(r);
        CHECK(rectify::role_from_name(rectify::role_name(role)) == role);
    }
    CHECK(code_of([] { rectify::role_from_name("boss"); }) == RECTIFY_E_ARGUMENT);
    CHECK(code_of([] { rectify::role_name(static_cast<rectify::role>(0)); }) == RECTIFY_E_ARGUMENT);

    // Users and grants: hpp-test created the database, so it is its admin.
    const std::int64_t unit = db.record_find(rectify::kind::unit, "tongcheng-fulian");
    const std::int64_t round = db.record_find(rectify::kind::round, "tongcheng-2018-round");
    db.user_add("someone");
    db.user_add("reader", std::string_view("读者"));
    CHECK(code_of([&] { db.user_add("someone"); }) == RECTIFY_E_DUPLICATE);
    db.user_grant("someone", rectify::role::liaison, rectify::scope::unit, unit);
    db.user_grant("someone", rectify::role::liaison, rectify::scope::unit, unit); // held already: nothing
    db.user_grant("reader", rectify::role::auditor);
    db.user_grant("reader", rectify::role::inspector, rectify::scope::round, round);
    db.user_revoke("reader", rectify::role::inspector, rectify::scope::round, round);
    CHECK(code_of([&] { db.user_revoke("reader", rectify::role::inspector, rectify::scope::round, round); }) ==
          RECTIFY_E_NOT_FOUND);
    CHECK(code_of([&] { db.user_revoke("hpp-test", rectify::role::admin); }) == RECTIFY_E_MISUSE);
    CHECK(code_of([&] { db.user_grant("nobody", rectify::role::auditor); }) == RECTIFY_E_NOT_FOUND);
    CHECK(code_of([&] { db.user_grant("reader", rectify::role::auditor, rectify::scope::unit, 0); }) ==
          RECTIFY_E_ARGUMENT);
    const std::string users = db.user_list();
    CHECK(contains(users, "\"name\":\"someone\"") && contains(users, "\"display_name\":\"读者\""));
    CHECK(contains(users, "\"role\":\"liaison\",\"scope\":\"unit\",\"scope_id\":" + std::to_string(unit)));
    CHECK(!contains(users, "inspector"));

    // Actor: cleared, changes are refused and so are reads; set again, they work for a user.
    db.clear_actor();
    CHECK(code_of([&] { db.status_set(rectify::kind::measure, m3, rectify::status::done); }) == RECTIFY_E_NO_ACTOR);
    CHECK(code_of([&] { db.record_get(rectify::kind::measure, m3); }) == RECTIFY_E_DENIED);
    db.set_actor("stranger");
    CHECK(code_of([&] { db.status_set(rectify::kind::measure, m3, rectify::status::done); }) == RECTIFY_E_DENIED);
    db.set_actor("someone");
    CHECK(db.status_set(rectify::kind::measure, m3, rectify::status::done) > v + 1);
    // A liaison manages no users, reads no audit log and makes no backups; each denial names
    // the permission.
    try {
        db.user_add("x");
        CHECK(false);
    } catch (const rectify::error &e) {
        CHECK(e.code() == RECTIFY_E_DENIED && contains(e.what(), "manage_users"));
    }
    CHECK(code_of([&] { db.audit_log(); }) == RECTIFY_E_DENIED);
    CHECK(code_of([&] { db.audit_verify(); }) == RECTIFY_E_DENIED);
    CHECK(code_of([&] { db.backup(dir + "/hpp-denied.db"); }) == RECTIFY_E_DENIED);
    CHECK(!std::filesystem::exists(dir + "/hpp-denied.db"));
    db.set_actor("hpp-test");

    // The audit log: all of it, paged, or one record's.
    const std::string all_events = db.audit_log();
    CHECK(all_events.front() == '[' && contains(all_events, "\"action\":\"bootstrap\""));
    const std::string first_two = db.audit_log(0, 2);
    CHECK(contains(first_two, "\"id\":1,") && contains(first_two, "\"id\":2,") && !contains(first_two, "\"id\":3,"));
    const std::string m3_events = db.audit_log(rectify::kind::measure, m3);
    CHECK(contains(m3_events, "\"action\":\"create\"") && contains(m3_events, "\"actor\":\"someone\""));
    CHECK(!contains(m3_events, "\"kind\":\"issue\""));
    CHECK(contains(db.audit_log(rectify::kind::measure, m3, 1, 1), "\"action\":\"status\""));
    CHECK(code_of([&] { db.audit_log(rectify::kind::measure, 999999); }) == RECTIFY_E_NOT_FOUND);

    // Verify: whole, with its report.
    const rectify::audit_verification whole = db.audit_verify();
    CHECK(whole.intact && whole && whole.problem.empty());
    CHECK(contains(whole.report, "\"intact\":true") && contains(whole.report, "\"head_hash\":\""));
    CHECK(db.audit_verify(rectify::on_tampered::raise).intact);

    // Backup: a copy that verifies the same; never over an existing file.
    const std::string copy = dir + "/hpp-copy.db";
    std::remove(copy.c_str());
    db.backup(copy);
    CHECK(std::filesystem::exists(copy));
    CHECK(code_of([&] { db.backup(copy); }) == RECTIFY_E_IO);
    {
        rectify::db backup_db(copy, 0, "hpp-test");
        const rectify::audit_verification b = backup_db.audit_verify();
        CHECK(b.intact && b.report == whole.report);
    }

    // Tampered (an event edited behind the library's back, triggers dropped first): the answer,
    // not an exception; unless asked for one.
    CHECK(sql(copy, "DROP TRIGGER audit_events_no_update; UPDATE audit_events SET actor = 'x' WHERE id = 3;"));
    {
        rectify::db tampered(copy, 0, "hpp-test");
        const rectify::audit_verification t = tampered.audit_verify();
        CHECK(!t.intact && !t);
        CHECK(contains(t.problem, "event 3"));
        CHECK(contains(t.report, "\"intact\":false") && contains(t.report, "\"broken_at\":3"));
        try {
            tampered.audit_verify(rectify::on_tampered::raise);
            CHECK(false);
        } catch (const rectify::error &e) {
            CHECK(e.code() == RECTIFY_E_TAMPERED && contains(e.what(), "event 3"));
        }
    }
    std::remove(copy.c_str());

    // Moves hand the one handle over.
    rectify::db moved(std::move(db));
    CHECK(moved.is_open() && !db.is_open());
    rectify::db assigned;
    assigned = std::move(moved);
    CHECK(assigned.is_open() && !moved.is_open());
    CHECK(assigned.record_find(rectify::kind::inspection, ref) == first.inspection_id);
    assigned.close();
    assigned.close(); // twice is fine
    CHECK(!assigned.is_open());

    // Read-only: reads work (for a user who may read), changes are refused.
    rectify::db ro = rectify::db::open(path, RECTIFY_OPEN_READONLY, "reader");
    CHECK(ro.record_find(rectify::kind::measure, ref + "/a1/i1/m3") == m3);
    CHECK(code_of([&] { ro.status_set(rectify::kind::measure, m3, rectify::status::in_progress); }) < 0);

    if (failures == 0) {
        std::cout << "PASS hpp_test\n";
        return 0;
    }
    std::cerr << failures << " check(s) failed\n";
    return 1;
}
