// Warning queries on a province-scale database: the first page (20 rows) of
// one unit's overdue measures as of a date, target under 5 ms, and the whole database's overdue
// count, target under 50 ms; each timed through the C API (rectify_overdue,
// rectify_overdue_count) and, in the same run on the same file, as the same query done directly
// with sqlite3 prepared statements, so the report says how much the library adds.
// Informational: PASS/FAIL lines say where the targets stand; nothing here is a test.
//
//   make bench                                         (builds, and generates the db if missing)
//   RECTIFY_BENCH_DB=other.db build-bench/bench/rectify_warnings_bench [Google Benchmark flags]
//
// Environment: RECTIFY_BENCH_DB (default build-bench/province.db, generated with rectify-gen's
// defaults when missing), RECTIFY_BENCH_AS_OF (default 2026-06-30, rectify-gen's default spread
// date), RECTIFY_BENCH_ACTOR (default rectify-gen, the admin rectify-gen makes).
#include "bench_db.hpp"
#include "bench_text.hpp"
#include "timing_reporter.hpp"

#include <rectify/rectify.h>

#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <vector>

namespace {

using rectify_bench::thousands;
using rectify_bench::env_or;
using rectify_bench::file_exists;
using rectify_bench::TimingReporter;

constexpr int kPage = 20;
constexpr double kPageTargetMs = 5.0, kCountTargetMs = 50.0;

[[noreturn]] void die(const std::string &what) {
    std::fprintf(stderr, "rectify_warnings_bench: %s\n", what.c_str());
    std::exit(1);
}

// ---- The baseline: the same questions asked of SQLite directly ----------------------------------

// The library's condition for an open measure, word for word that of the measures_open_by_deadline
// partial index (schema 6), so the raw queries can use the same index.
const char *const kOpen = "m.status NOT IN ('done','closed')";

class Raw {
public:
    explicit Raw(const std::string &path) {
        if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
            die(path + ": " + sqlite3_errmsg(db_));
        page_ = prepare(std::string("SELECT m.id, m.ref, m.title, m.inspection_id, m.issue_id, m.leader, m.department, "
                                    "m.person, m.deadline, m.status, m.category "
                                    "FROM measures m JOIN inspections i ON i.id = m.inspection_id "
                                    "WHERE i.unit_id = ? AND ") + kOpen + " AND m.deadline < ? "
                                    "ORDER BY m.deadline, m.id LIMIT " + std::to_string(kPage));
        count_ = prepare(std::string("SELECT count(*) FROM measures m WHERE ") + kOpen + " AND m.deadline < ?");
    }
    ~Raw() {
        sqlite3_finalize(page_);
        sqlite3_finalize(count_);
        sqlite3_close(db_);
    }
    Raw(const Raw &) = delete;
    Raw &operator=(const Raw &) = delete;

    sqlite3_stmt *prepare(const std::string &sql) {
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v3(db_, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &st, nullptr) != SQLITE_OK)
            die(std::string("preparing the baseline: ") + sqlite3_errmsg(db_) + "\n  " + sql);
        return st;
    }

    // The page's ids; every column of each row is read, as a host would.
    std::vector<std::int64_t> page(std::int64_t unit_id, const std::string &as_of) {
        std::vector<std::int64_t> ids;
        sqlite3_bind_int64(page_, 1, unit_id);
        sqlite3_bind_text(page_, 2, as_of.c_str(), -1, SQLITE_STATIC);
        std::size_t bytes = 0;
        while (sqlite3_step(page_) == SQLITE_ROW) {
            ids.push_back(sqlite3_column_int64(page_, 0));
            for (int c = 1; c < 11; ++c) bytes += static_cast<std::size_t>(sqlite3_column_bytes(page_, c));
        }
        benchmark::DoNotOptimize(bytes);
        sqlite3_reset(page_);
        return ids;
    }

    std::int64_t count(const std::string &as_of) {
        sqlite3_bind_text(count_, 1, as_of.c_str(), -1, SQLITE_STATIC);
        std::int64_t n = -1;
        if (sqlite3_step(count_) == SQLITE_ROW) n = sqlite3_column_int64(count_, 0);
        sqlite3_reset(count_);
        return n;
    }

    // One-off questions for the setup (not timed).
    std::vector<std::vector<std::string>> rows(const std::string &sql, const std::vector<std::string> &binds = {}) {
        sqlite3_stmt *st = prepare(sql);
        for (std::size_t i = 0; i < binds.size(); ++i)
            sqlite3_bind_text(st, static_cast<int>(i + 1), binds[i].c_str(), -1, SQLITE_TRANSIENT);
        std::vector<std::vector<std::string>> out;
        while (sqlite3_step(st) == SQLITE_ROW) {
            std::vector<std::string> r;
            for (int c = 0; c < sqlite3_column_count(st); ++c) {
                const auto *t = sqlite3_column_text(st, c);
                r.emplace_back(t ? reinterpret_cast<const char *>(t) : "");
            }
            out.push_back(std::move(r));
        }
        sqlite3_finalize(st);
        return out;
    }
    std::string one(const std::string &sql, const std::vector<std::string> &binds = {}) {
        auto r = rows(sql, binds);
        return r.empty() || r[0].empty() ? "" : r[0][0];
    }

    std::string plan(sqlite3_stmt *st) {
        std::string out;
        for (const auto &r : rows(std::string("EXPLAIN QUERY PLAN ") + sqlite3_sql(st),
                                  std::vector<std::string>(static_cast<std::size_t>(sqlite3_bind_parameter_count(st)), "0")))
            out += "    " + r.back() + "\n";
        return out;
    }
    sqlite3_stmt *page_statement() { return page_; }
    sqlite3_stmt *count_statement() { return count_; }

private:
    sqlite3 *db_ = nullptr;
    sqlite3_stmt *page_ = nullptr;
    sqlite3_stmt *count_ = nullptr;
};

// ---- The library ---------------------------------------------------------------------------------

// The ids of the measure rows in rectify_overdue's JSON array: each row's "id" key.
std::vector<std::int64_t> ids_in(const char *json) {
    std::vector<std::int64_t> ids;
    for (const char *p = json; (p = std::strstr(p, "\"id\"")) != nullptr;) {
        p += 4;
        while (*p == ' ' || *p == '\n') ++p;
        if (*p != ':') continue;
        ids.push_back(std::strtoll(p + 1, nullptr, 10));
    }
    return ids;
}

struct Lib {
    rectify_db *db = nullptr;
    std::string as_of;

    rectify_warning_options opts(std::int64_t unit_id) const {
        rectify_warning_options o = RECTIFY_WARNING_OPTIONS_INIT;
        o.as_of = as_of.c_str();
        o.unit_id = unit_id;
        o.limit = unit_id ? kPage : 0;
        return o;
    }
    // The page as JSON (freed by the caller), or NULL with the error reported.
    char *page(std::int64_t unit_id) const {
        char *json = nullptr;
        const auto o = opts(unit_id);
        if (rectify_overdue(&json, db, &o) != RECTIFY_OK) return nullptr;
        return json;
    }
    std::int64_t count() const {
        std::int64_t n = -1;
        const auto o = opts(0);
        if (rectify_overdue_count(&n, db, &o) != RECTIFY_OK) return -1;
        return n;
    }
};

// ---- Report --------------------------------------------------------------------------------------

struct Unit {
    std::int64_t id = 0;
    std::string name;
    std::int64_t overdue = 0;
};

} // namespace

int main(int argc, char **argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;

    const char *given = std::getenv("RECTIFY_BENCH_DB");
    const std::string path = given && *given ? given : RECTIFY_BENCH_DEFAULT_DB;
    const std::string as_of = env_or("RECTIFY_BENCH_AS_OF", "2026-06-30");
    const std::string actor = env_or("RECTIFY_BENCH_ACTOR", "rectify-gen");

    if (!file_exists(path)) {
        if (given && *given) die("RECTIFY_BENCH_DB=" + path + ": no such file");
        std::printf("rectify_warnings_bench: no database at %s: generating one with %s and its defaults\n"
                    "  (1,000,000 measures; this takes several minutes, and is done once)\n",
                    path.c_str(), RECTIFY_GEN_PATH);
        std::fflush(stdout);
        const std::string cmd = std::string("'") + RECTIFY_GEN_PATH + "' --db '" + path + "'";
        const int rc = std::system(cmd.c_str());
        if (rc != 0 || !file_exists(path)) die("generating the database failed: " + cmd);
    }

    rectify_bench::upgrade_schema(path);
    // The library's handle: read-only, acting as the admin rectify-gen made.
    Lib lib;
    lib.as_of = as_of;
    rectify_open_options oo = RECTIFY_OPEN_OPTIONS_INIT;
    oo.flags = RECTIFY_OPEN_READONLY;
    oo.actor = actor.c_str();
    if (rectify_db_open(&lib.db, path.c_str(), &oo) != RECTIFY_OK) die(path + ": " + rectify_errmsg());
    Raw raw(path);

    // The database and the units to ask about (not timed): the busiest unit, and a typical one
    // (the median overdue count among units with a full page or more).
    struct stat st;
    ::stat(path.c_str(), &st);
    const std::int64_t measures = std::atoll(raw.one("SELECT count(*) FROM measures").c_str());
    const std::int64_t progress = std::atoll(raw.one("SELECT count(*) FROM progress").c_str());
    const std::int64_t units_n = std::atoll(raw.one("SELECT count(*) FROM units").c_str());
    const std::int64_t inspections = std::atoll(raw.one("SELECT count(*) FROM inspections").c_str());
    const std::int64_t extensions = std::atoll(raw.one("SELECT count(*) FROM extensions").c_str());
    const auto per_unit = raw.rows(std::string("SELECT i.unit_id, u.name, count(*) AS n FROM measures m "
                                               "JOIN inspections i ON i.id = m.inspection_id JOIN units u ON u.id = i.unit_id "
                                               "WHERE ") + kOpen + " AND m.deadline < ? GROUP BY i.unit_id ORDER BY n, i.unit_id",
                                   {as_of});
    if (per_unit.empty()) die(path + ": no overdue measures as of " + as_of + " (is RECTIFY_BENCH_AS_OF right?)");
    auto unit_of = [](const std::vector<std::string> &r) { return Unit{std::atoll(r[0].c_str()), r[1], std::atoll(r[2].c_str())}; };
    const Unit busiest = unit_of(per_unit.back());
    std::vector<std::vector<std::string>> full;
    for (const auto &r : per_unit)
        if (std::atoll(r[2].c_str()) >= kPage) full.push_back(r);
    const Unit typical = unit_of(full.empty() ? per_unit[per_unit.size() / 2] : full[full.size() / 2]);
    const std::int64_t raw_count = raw.count(as_of);

    std::printf("database: %s (%.2f GB): %s units, %s inspections, %s measures, %s progress records, "
                "%s extension requests\n",
                path.c_str(), static_cast<double>(st.st_size) / 1e9, thousands(units_n).c_str(),
                thousands(inspections).c_str(), thousands(measures).c_str(), thousands(progress).c_str(),
                thousands(extensions).c_str());
    std::printf("as of %s: %s overdue measures in %s units; typical unit %" PRId64 " %s (%s overdue), "
                "busiest unit %" PRId64 " %s (%s overdue)\n",
                as_of.c_str(), thousands(raw_count).c_str(), thousands(static_cast<std::int64_t>(per_unit.size())).c_str(),
                typical.id, typical.name.c_str(), thousands(typical.overdue).c_str(), busiest.id, busiest.name.c_str(),
                thousands(busiest.overdue).c_str());
    std::printf("baseline query plans (sqlite3, same file):\n  page:\n%s  count:\n%s",
                raw.plan(raw.page_statement()).c_str(), raw.plan(raw.count_statement()).c_str());

    // The library must give the baseline's answers before its speed means anything.
    bool lib_ok = true;
    for (const Unit *u : {&typical, &busiest}) {
        char *json = lib.page(u->id);
        if (!json) {
            std::printf("check: rectify_overdue(unit %" PRId64 ") failed: %s\n", u->id, rectify_errmsg());
            lib_ok = false;
            continue;
        }
        const auto got = ids_in(json), want = raw.page(u->id, as_of);
        if (got != want) {
            std::printf("check: MISMATCH rectify_overdue(unit %" PRId64 ", limit %d) gave %zu rows, first id %" PRId64
                        "; sqlite gives %zu rows, first id %" PRId64 "\n",
                        u->id, kPage, got.size(), got.empty() ? 0 : got[0], want.size(), want.empty() ? 0 : want[0]);
        } else {
            std::printf("check: rectify_overdue(unit %" PRId64 ") = the baseline's %zu rows, in order\n", u->id, got.size());
        }
        rectify_free(json);
    }
    const std::int64_t lib_count = lib.count();
    if (lib_count < 0) {
        std::printf("check: rectify_overdue_count failed: %s\n", rectify_errmsg());
        lib_ok = false;
    } else {
        std::printf("check: rectify_overdue_count = %s, baseline %s: %s\n", thousands(lib_count).c_str(),
                    thousands(raw_count).c_str(), lib_count == raw_count ? "same" : "MISMATCH");
    }
    std::printf("\n");
    std::fflush(stdout);

    for (const auto &[label, unit] : {std::pair<const char *, Unit>{"typical", typical}, {"busiest", busiest}}) {
        const std::int64_t id = unit.id;
        benchmark::RegisterBenchmark((std::string("overdue_page_") + label + "/rectify").c_str(),
                                     [&lib, id, lib_ok](benchmark::State &s) {
                                         if (!lib_ok) return s.SkipWithError("the library call fails");
                                         for (auto _ : s) {
                                             char *json = lib.page(id);
                                             benchmark::DoNotOptimize(json);
                                             rectify_free(json);
                                         }
                                     })
            ->Unit(benchmark::kMicrosecond);
        benchmark::RegisterBenchmark((std::string("overdue_page_") + label + "/sqlite").c_str(),
                                     [&raw, id, as_of](benchmark::State &s) {
                                         for (auto _ : s) benchmark::DoNotOptimize(raw.page(id, as_of));
                                     })
            ->Unit(benchmark::kMicrosecond);
    }
    benchmark::RegisterBenchmark("overdue_count/rectify", [&lib, lib_ok](benchmark::State &s) {
        if (!lib_ok) return s.SkipWithError("the library call fails");
        for (auto _ : s) benchmark::DoNotOptimize(lib.count());
    })->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("overdue_count/sqlite", [&raw, as_of](benchmark::State &s) {
        for (auto _ : s) benchmark::DoNotOptimize(raw.count(as_of));
    })->Unit(benchmark::kMillisecond);

    TimingReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);

    // Summary: absolute times against the targets, and each as a ratio to the baseline.
    std::printf("\n");
    auto line = [&](const std::string &name, const std::string &what, double target_ms) {
        auto l = reporter.seconds.find(name + "/rectify"), r = reporter.seconds.find(name + "/sqlite");
        if (l == reporter.seconds.end() || r == reporter.seconds.end()) return;
        const double lm = l->second * 1e3, rm = r->second * 1e3;
        const double lc = reporter.cpu_seconds[name + "/rectify"] * 1e3, rc = reporter.cpu_seconds[name + "/sqlite"] * 1e3;
        std::printf("%-4s %-50s rectify %8.3f ms (cpu %7.3f)   raw sqlite %7.3f ms (cpu %7.3f)   ratio %6.2fx   "
                    "target < %g ms\n",
                    lm < target_ms ? "PASS" : "FAIL", what.c_str(), lm, lc, rm, rc, lm / rm, target_ms);
    };
    line("overdue_page_typical", "first page of a typical unit's overdue (" + thousands(typical.overdue) + ")", kPageTargetMs);
    line("overdue_page_busiest", "first page of the busiest unit's overdue (" + thousands(busiest.overdue) + ")", kPageTargetMs);
    line("overdue_count", "whole-db overdue count (" + thousands(raw_count) + " of " + thousands(measures) + ")",
         kCountTargetMs);
    std::printf("(times are wall-clock per call, warm cache; ratio = rectify / raw sqlite prepared statements on the same\n"
                " file in the same run, i.e. what the library adds; PASS/FAIL compares rectify's time with the target)\n");

    rectify_db_close(lib.db);
    benchmark::Shutdown();
    return 0;
}
