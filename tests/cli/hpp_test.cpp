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
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

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
    // Batch import: the exported seed twice as JSON Lines (the export is one document; its line
    // breaks sit between tokens, so spaces do as well), all unchanged.
    {
        std::string line = db.export_json(first.inspection_id);
        for (char &ch : line) {
            if (ch == '\n') ch = ' ';
        }
        const std::string summary = db.import_batch_json(line + "\n\n" + line + "\n");
        CHECK(contains(summary, "\"documents\":2"));
        CHECK(code_of([&] { db.import_batch_json("{\"format\":\n"); }) == RECTIFY_E_JSON);
        CHECK(code_of([&] { db.import_batch_file(dir + "/no-such.jsonl"); }) == RECTIFY_E_IO);
    }

    // Export: a whole document, its length as the library gave it.
    const std::string doc = db.export_json(first.inspection_id);
    CHECK(doc.size() > 1000 && doc.back() == '\n');
    CHECK(doc.find('\0') == std::string::npos);
    CHECK(code_of([&] { db.export_json(999999); }) == RECTIFY_E_NOT_FOUND);

    // The whole database, one document a line; progress as "export"; a stop throws INTERRUPTED.
    std::vector<std::string> lines;
    db.export_all([&](std::string_view line) { lines.emplace_back(line); });
    CHECK(lines.size() == 1 && lines[0].find('\n') == std::string::npos && lines[0].size() + 200 < doc.size());
    int documents = 0;
    db.export_all([&](std::string_view) { return ++documents < 0; }); // false: stop after the first
    CHECK(documents == 1);
    std::int64_t last_done = -1, last_total = -1;
    db.set_progress([&](std::string_view op, std::int64_t done, std::int64_t total) {
        if (op == "export") {
            last_done = done;
            last_total = total;
        }
        return true;
    });
    db.export_all_file(dir + "/hpp-all.jsonl");
    CHECK(last_done == 1 && last_total == 1);
    db.set_progress([](std::string_view, std::int64_t, std::int64_t) { return false; });
    std::remove((dir + "/hpp-stopped.jsonl").c_str());
    CHECK(code_of([&] { db.export_all_file(dir + "/hpp-stopped.jsonl"); }) == RECTIFY_E_INTERRUPTED);
    CHECK(!std::filesystem::exists(dir + "/hpp-stopped.jsonl"));
    db.set_progress(nullptr);
    std::remove((dir + "/hpp-all.jsonl").c_str());

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

    // Signed heads and proofs: a head verifies with its key, a later head extends it, an event
    // is in it; another key is the answer, not an exception, unless asked for one.
    const std::string private_key = "-----BEGIN PRIVATE KEY-----\n"
                                    "MC4CAQAwBQYDK2VwBCIEIJvEoP6Kzs9/R0HrJtmc/Ox4du8u9xepc/ZW5BJJy1aq\n"
                                    "-----END PRIVATE KEY-----\n";
    const std::string public_key = "-----BEGIN PUBLIC KEY-----\n"
                                   "MCowBQYDK2VwAyEATPb1IPMjBedZt0NwXRd+bhVaSyoqS8k5Bt0OEycLkds=\n"
                                   "-----END PUBLIC KEY-----\n";
    const std::string other_public_key = "-----BEGIN PUBLIC KEY-----\n"
                                         "MCowBQYDK2VwAyEAhINTra+LW+BRjQkH+fBO/pZQsKP1bcSUhvzec4lUOCE=\n"
                                         "-----END PUBLIC KEY-----\n";
    const std::string head1 = db.audit_head(private_key);
    CHECK(contains(head1, "\"algorithm\":\"ed25519\""));
    CHECK(db.audit_verify_head(head1, public_key).intact);
    db.user_add("hpp-head-witness");
    const std::string head2 = db.audit_head(private_key);
    CHECK(head2 != head1);
    CHECK(db.audit_prove_consistency(head1) == db.audit_prove_consistency(head1, head2));
    CHECK(contains(db.audit_prove_inclusion(1, head1), "\"event_id\":1,"));
    CHECK(code_of([&] { db.audit_prove_consistency(head2, head1); }) == RECTIFY_E_ARGUMENT);
    CHECK(code_of([&] { db.audit_head(std::string("bad\0key", 7)); }) == RECTIFY_E_ARGUMENT);
    const rectify::audit_verification foreign = db.audit_verify_head(head1, other_public_key);
    CHECK(!foreign.intact && contains(foreign.problem, "another key") && contains(foreign.report, "\"intact\":false"));
    CHECK(code_of([&] { db.audit_verify_head(head1, other_public_key, rectify::on_tampered::raise); }) == RECTIFY_E_TAMPERED);
    const rectify::audit_verification whole_now = db.audit_verify();
    CHECK(whole_now.intact);

    // Backup: a copy that verifies the same; never over an existing file.
    const std::string copy = dir + "/hpp-copy.db";
    std::remove(copy.c_str());
    db.backup(copy);
    CHECK(std::filesystem::exists(copy));
    CHECK(code_of([&] { db.backup(copy); }) == RECTIFY_E_IO);
    {
        rectify::db backup_db(copy, 0, "hpp-test");
        const rectify::audit_verification b = backup_db.audit_verify();
        CHECK(b.intact && b.report == whole_now.report);
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
        // No head is signed over the broken chain.
        CHECK(code_of([&] { tampered.audit_head(private_key); }) == RECTIFY_E_TAMPERED);
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

    // --- rectify::calendar (rectify/calendar.h) ---
    static_assert(std::is_copy_constructible_v<rectify::calendar>, "a calendar copies (rectify_calendar_copy)");
    static_assert(std::is_nothrow_move_constructible_v<rectify::calendar>, "calendar moves must not throw");
    {
        const rectify::calendar cn = rectify::calendar::china();
        CHECK(cn.is_open() && cn.get() != nullptr);
        CHECK(cn.year_known(2019) && !cn.year_known(2027));
        CHECK(cn.day_type("2019-02-02") == rectify::day_type::adjusted_workday);
        CHECK(cn.day_type("2019-10-01") == rectify::day_type::holiday);
        CHECK(cn.day_type("2019-09-01") == rectify::day_type::weekend);
        CHECK(cn.day_type("2019-10-08") == rectify::day_type::workday);
        CHECK(cn.day_type("2027-01-04") == rectify::day_type::unknown);
        CHECK(rectify::day_type_name(rectify::day_type::adjusted_workday) == "adjusted_workday");
        CHECK(code_of([] { rectify::day_type_name(static_cast<rectify::day_type>(0)); }) == RECTIFY_E_ARGUMENT);
        CHECK(cn.is_workday("2019-02-02") && !cn.is_workday("2019-02-05"));
        CHECK(cn.add_workdays("2019-02-01", 3) == "2019-02-11");
        CHECK(cn.add_workdays("2019-02-11", -3) == "2019-02-01");
        CHECK(cn.count_workdays("2019-02-01", "2019-02-11") == 3);
        CHECK(cn.count_workdays("2019-02-11", "2019-02-01") == -3);
        CHECK(cn.next_workday("2019-02-04") == "2019-02-11");
        CHECK(cn.period_end("2019-09-01", rectify::period_unit::months, 1) == "2019-10-08");
        CHECK(cn.period_end("2018-01-31", rectify::period_unit::months, 1) == "2018-02-28");
        CHECK(cn.period_end("2019-01-25", rectify::period_unit::days, 10) == "2019-02-11");
        CHECK(cn.period_end("2019-02-01", rectify::period_unit::workdays, 3) == "2019-02-11");
        // Unknown years: fail by default, weekdays when asked per call or per calendar.
        CHECK(code_of([&] { cn.is_workday("2027-01-04"); }) == RECTIFY_E_UNKNOWN_DATE);
        CHECK(code_of([&] { cn.add_workdays("2026-12-31", 1, rectify::unknown_policy::fail); }) ==
              RECTIFY_E_UNKNOWN_DATE);
        CHECK(cn.is_workday("2027-01-04", rectify::unknown_policy::weekdays));
        CHECK(cn.add_workdays("2026-12-31", 1, rectify::unknown_policy::weekdays) == "2027-01-01");
        // Bad input.
        CHECK(code_of([&] { cn.day_type("2019-02-30"); }) == RECTIFY_E_ARGUMENT);
        CHECK(code_of([&] { cn.add_workdays("2019-02-01", RECTIFY_CALENDAR_MAX_OFFSET + 1); }) == RECTIFY_E_ARGUMENT);
        CHECK(code_of([&] { cn.period_end("2019-02-01", rectify::period_unit::months, 0); }) == RECTIFY_E_ARGUMENT);
        CHECK(code_of([&] { cn.day_type(std::string_view("2019-02-02\0x", 12)); }) == RECTIFY_E_ARGUMENT);

        // A copy is independent: local days and policy changed on it leave the original alone.
        rectify::calendar local = cn;
        local.set_day("2019-10-08", rectify::day_type::holiday);
        CHECK(local.day_type("2019-10-08") == rectify::day_type::holiday);
        CHECK(cn.day_type("2019-10-08") == rectify::day_type::workday);
        CHECK(local.period_end("2019-09-01", rectify::period_unit::months, 1) == "2019-10-09");
        CHECK(local.clear_day("2019-10-08") && !local.clear_day("2019-10-08"));
        CHECK(local.day_type("2019-10-08") == rectify::day_type::workday);
        local.set_unknown_policy(rectify::unknown_policy::weekdays);
        CHECK(local.is_workday("2027-01-04"));
        CHECK(code_of([&] { cn.is_workday("2027-01-04"); }) == RECTIFY_E_UNKNOWN_DATE);
        CHECK(code_of([&] { local.set_unknown_policy(rectify::unknown_policy::calendar_default); }) ==
              RECTIFY_E_ARGUMENT);
        CHECK(code_of([&] { local.set_day("2019-10-08", rectify::day_type::unknown); }) == RECTIFY_E_ARGUMENT);

        // Empty, then loaded; a bad notice changes nothing.
        rectify::calendar empty = rectify::calendar::empty();
        CHECK(!empty.year_known(2019) && empty.day_type("2019-10-01") == rectify::day_type::unknown);
        empty.load_json(R"({"year": 2027, "papers": ["test"], "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}]})");
        CHECK(empty.year_known(2027) && empty.day_type("2027-01-01") == rectify::day_type::holiday);
        CHECK(code_of([&] { empty.load_json(R"({"year": 2028, "papers": ["x"], "days": [)"); }) == RECTIFY_E_JSON);
        CHECK(code_of([&] {
                  empty.load_json(R"({"year": 2028, "papers": ["x"], "days": [
                      {"name": "a", "date": "2028-01-03", "isOffDay": true},
                      {"name": "b", "date": "2028-01-03", "isOffDay": false}]})");
              }) == RECTIFY_E_INVALID);
        CHECK(!empty.year_known(2028));
        CHECK(code_of([&] { empty.load_file(dir + "/no-such-calendar.json"); }) == RECTIFY_E_IO);

        // Assignment copies; moves hand the handle over; a calendar without one refuses calls.
        rectify::calendar cal_assigned;
        CHECK(!cal_assigned.is_open() && !cal_assigned);
        CHECK(code_of([&] { cal_assigned.is_workday("2019-10-08"); }) == RECTIFY_E_MISUSE);
        const rectify::calendar copy_of_nothing = cal_assigned;
        CHECK(!copy_of_nothing.is_open());
        cal_assigned = empty;
        CHECK(cal_assigned.year_known(2027) && empty.year_known(2027));
        rectify::calendar cal_moved = std::move(cal_assigned);
        CHECK(cal_moved.is_open() && !cal_assigned.is_open());
        cal_assigned = std::move(cal_moved);
        CHECK(cal_assigned.is_open() && !cal_moved.is_open());
        rectify_calendar *raw = cal_assigned.release();
        CHECK(raw != nullptr && !cal_assigned.is_open());
        rectify::calendar adopted(raw);
        CHECK(adopted.year_known(2027));
    }

    // --- The database's calendar, profiles, warnings, extensions, escalations (deadlines.h) ---
    {
        const std::string dpath = dir + "/hpp-deadlines.db";
        for (const char *suffix : {"", "-wal", "-shm", "-journal"}) {
            std::remove((dpath + suffix).c_str());
        }
        std::string timed = seed;
        const std::string no_feedback = "\"feedback_date\": null";
        CHECK(timed.find(no_feedback) != std::string::npos);
        timed.replace(timed.find(no_feedback), no_feedback.size(), "\"feedback_date\": \"2018-11-20\"");
        rectify::db d(dpath, RECTIFY_OPEN_CREATE, "admin");
        const std::int64_t insp = d.import_json(timed).inspection_id;
        CHECK(contains(d.record_get(rectify::kind::inspection, insp), "\"plan_due\":\"2018-12-20\""));

        // The database's calendar: notices and local days stored, for every handle.
        CHECK(!d.calendar().year_known(2027));
        d.calendar_load_json(R"({"year": 2027, "papers": ["test"], "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}]})");
        d.calendar_set_day("2019-10-08", rectify::day_type::holiday);
        {
            const rectify::calendar dc = d.calendar();
            CHECK(dc.year_known(2027) && dc.day_type("2027-01-01") == rectify::day_type::holiday);
            CHECK(dc.period_end("2019-09-01", rectify::period_unit::months, 1) == "2019-10-09");
        }
        d.calendar_set_day("2019-10-08", rectify::day_type::workday);
        CHECK(code_of([&] { d.calendar_set_day("2019-10-08", rectify::day_type::weekend); }) == RECTIFY_E_ARGUMENT);
        CHECK(code_of([&] { d.calendar_load_json("{"); }) == RECTIFY_E_JSON);
        CHECK(code_of([&] { d.calendar_load_file(dir + "/no-such-calendar.json"); }) == RECTIFY_E_IO);
        const std::string notice_file = dir + "/hpp-2028.json";
        {
            std::ofstream f(notice_file, std::ios::binary);
            f << R"({"year": 2028, "papers": ["test"], "days": []})";
        }
        d.calendar_load_file(notice_file);
        CHECK(d.calendar().year_known(2028));
        std::remove(notice_file.c_str());

        // Profiles.
        CHECK(d.profile_add(R"({"name": "default", "plan_due": {"unit": "workdays", "n": 15},
            "concentrated": {"unit": "months", "n": 3}, "report_due": {"unit": "months", "n": 3},
            "evaluation_after": {"unit": "months", "n": 1}, "warn_days": [30, 15, 5]})") == 2);
        CHECK(contains(d.profile_list(), "\"version\":2"));
        d.apply_profile(insp, "default");
        CHECK(contains(d.record_get(rectify::kind::inspection, insp), "\"plan_due\":\"2018-12-11\""));
        CHECK(code_of([&] { d.apply_profile(insp, "no-such-profile"); }) == RECTIFY_E_NOT_FOUND);
        CHECK(code_of([&] { d.profile_add("{\"name\": \"x\", \"plan_due\": {\"unit\": \"weeks\", \"n\": 1}}"); }) ==
              RECTIFY_E_INVALID);

        // Escalations: a 督办通知书 with a new deadline gives an ongoing measure one.
        const std::int64_t dm3 = d.record_find(rectify::kind::measure, ref + "/a1/i1/m3");
        const std::int64_t e1 = d.escalate(rectify::kind::measure, dm3, rectify::escalation_level::notice, "2019-01-05",
                                           "市妇联党组", std::string_view("2019-01-10"), std::string_view("限期"));
        CHECK(e1 > 0);
        CHECK(d.escalate(rectify::kind::measure, dm3, rectify::escalation_level::reminder, "2019-01-12", "书记") > e1);
        CHECK(code_of([&] {
                  d.escalate(rectify::kind::measure, dm3, rectify::escalation_level::notice, "2019-01-13", "x");
              }) == RECTIFY_E_INVALID);
        CHECK(code_of([&] {
                  d.escalate(rectify::kind::aspect, 1, rectify::escalation_level::notice, "2019-01-13", "x");
              }) == RECTIFY_E_ARGUMENT);
        CHECK(contains(d.record_get(rectify::kind::measure, dm3), "\"deadline\":\"2019-01-10\""));
        const std::string open = d.escalations_open();
        CHECK(contains(open, "\"document\":\"督办通知书\"") && contains(open, "\"document\":\"提醒书\""));

        // Warnings, whole and streamed; overdue and due.
        rectify::warning_options w;
        w.as_of = "2019-01-15";
        const std::string all = d.warnings(w);
        CHECK(contains(all, "\"as_of\":\"2019-01-15\"") && contains(all, "\"red\":1,"));
        int streamed = 0;
        d.warnings(w, [&](std::string_view row) {
            CHECK(row.front() == '{' && row.back() == '}');
            ++streamed;
        });
        CHECK(streamed == 28);
        int until_false = 0;
        d.warnings(w, [&](std::string_view) { return ++until_false < 3; });
        CHECK(until_false == 3);
        int before_throw = 0;
        bool caught = false;
        try {
            d.warnings(w, [&](std::string_view) {
                if (++before_throw == 2) {
                    throw std::runtime_error("stop here");
                }
            });
        } catch (const std::runtime_error &e) {
            caught = std::string(e.what()) == "stop here";
        }
        CHECK(caught && before_throw == 2);
        rectify::warning_options red = w;
        red.lights = rectify::light_bit(rectify::light::red);
        red.rollup = rectify::rollup::unit;
        CHECK(contains(d.warnings(red), "\"rollup\":\"unit\"") && contains(d.warnings(red), "\"name\":\"市妇联\""));
        CHECK(d.overdue_count(w) == 1);
        CHECK(contains(d.overdue(w), "\"id\":" + std::to_string(dm3) + ","));
        rectify::warning_options early;
        early.as_of = "2019-01-01";
        CHECK(contains(d.due_within(15, early), "\"id\":" + std::to_string(dm3) + ","));
        CHECK(d.due_within(5, early) == "[]");
        CHECK(code_of([&] { d.due_within(-1, early); }) == RECTIFY_E_ARGUMENT);
        rectify::warning_options bad;
        bad.as_of = "2019-02-30";
        CHECK(code_of([&] { d.warnings(bad); }) == RECTIFY_E_ARGUMENT);
        bad.as_of = std::string("2019-01-15\0", 11);
        CHECK(code_of([&] { d.overdue_count(bad); }) == RECTIFY_E_ARGUMENT);
        rectify::warning_options leader;
        leader.leader = "nobody";
        CHECK(d.overdue(leader) == "[]");

        // Extensions: asked by a liaison, decided by the admin; both dates kept.
        const std::int64_t unit_id = d.record_find(rectify::kind::unit, "tongcheng-fulian");
        d.user_add("liaison");
        d.user_grant("liaison", rectify::role::liaison, rectify::scope::unit, unit_id);
        d.set_actor("liaison");
        const std::int64_t x = d.extension_request(dm3, "2019-02-10", "春节");
        CHECK(x > 0);
        CHECK(code_of([&] { d.extension_decide(x, true); }) == RECTIFY_E_DENIED);
        CHECK(code_of([&] { d.extension_request(dm3, "2019-01-01", "too early"); }) != 0);
        d.set_actor("admin");
        CHECK(contains(d.extension_list(dm3, true), "\"state\":\"pending\""));
        d.extension_decide(x, true, std::string_view("同意"));
        CHECK(d.extension_list(0, true) == "[]");
        const std::string ext = d.extension_list(dm3);
        CHECK(contains(ext, "\"original_deadline\":\"2019-01-10\"") && contains(ext, "\"requested_deadline\":\"2019-02-10\""));
        CHECK(code_of([&] { d.extension_decide(x, false); }) == RECTIFY_E_CONFLICT);
        CHECK(d.overdue_count(w) == 0);
        CHECK(contains(d.warnings(w), "\"extended\":1"));

        // Done: the measure's escalations are no longer open.
        d.status_set(rectify::kind::measure, dm3, rectify::status::done);
        CHECK(d.escalations_open() == "[]");
    }

    if (failures == 0) {
        std::cout << "PASS hpp_test\n";
        return 0;
    }
    std::cerr << failures << " check(s) failed\n";
    return 1;
}
