// Reports: (a) the statistics roll-up of a 40-unit round (rectify_stats_json with round_id) on
// the province-scale database, target under 20 ms, against the same counts computed by one raw
// SQL aggregate query on the same file; (b) the notice (rectify_notice_render, text) of an
// inspection with 50 issues, target under 2 ms, against reading the same rows with raw SQL. Both
// baselines run in the same process on the same file, through sqlite3 prepared statements.
// Informational: PASS/FAIL lines say where the targets stand; nothing here is a test.
//
//   RECTIFY_BENCH_DB=/path/province.db build-bench/bench/report_bench [Google Benchmark flags]
//
// Environment: RECTIFY_BENCH_DB (default build-bench/province.db; made by rectify-gen, see
// warnings_bench), RECTIFY_BENCH_AS_OF (default 2026-06-30), RECTIFY_BENCH_ACTOR (default
// rectify-gen). The 50-issue inspection is generated (bench/generator.*) into a small temporary
// database, so (b) needs no province database.
#include "generator.hpp"

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
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace {

using rectify_bench::thousands;
using rectify_bench::env_or;
using rectify_bench::file_exists;
using rectify_bench::TimingReporter;

constexpr double kStatsTargetMs = 20.0, kNoticeTargetMs = 2.0;
constexpr int kNoticeIssues = 50;

[[noreturn]] void die(const std::string &what) {
    std::fprintf(stderr, "report_bench: %s\n", what.c_str());
    std::exit(1);
}

class Raw {
public:
    explicit Raw(const std::string &path) {
        if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
            die(path + ": " + sqlite3_errmsg(db_));
    }
    ~Raw() {
        for (auto *st : owned_) sqlite3_finalize(st);
        sqlite3_close(db_);
    }
    Raw(const Raw &) = delete;
    Raw &operator=(const Raw &) = delete;

    sqlite3_stmt *prepare(const std::string &sql) {
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v3(db_, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &st, nullptr) != SQLITE_OK)
            die(std::string("preparing the baseline: ") + sqlite3_errmsg(db_) + "\n  " + sql);
        owned_.push_back(st);
        return st;
    }
    std::int64_t integer(const std::string &sql) {
        sqlite3_stmt *st = prepare(sql);
        std::int64_t n = -1;
        if (sqlite3_step(st) == SQLITE_ROW) n = sqlite3_column_int64(st, 0);
        sqlite3_reset(st);
        return n;
    }
    std::string text(const std::string &sql) {
        sqlite3_stmt *st = prepare(sql);
        std::string out;
        if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
            out = reinterpret_cast<const char *>(sqlite3_column_text(st, 0));
        sqlite3_reset(st);
        return out;
    }
    sqlite3 *handle() { return db_; }

private:
    sqlite3 *db_ = nullptr;
    std::vector<sqlite3_stmt *> owned_;
};

// Every row of st (bound already), every column read as a host would; returns the rows.
std::int64_t drain(sqlite3_stmt *st) {
    std::int64_t rows = 0;
    std::size_t bytes = 0;
    const int n = sqlite3_column_count(st);
    while (sqlite3_step(st) == SQLITE_ROW) {
        ++rows;
        for (int c = 0; c < n; ++c) {
            if (sqlite3_column_type(st, c) == SQLITE_TEXT) bytes += static_cast<std::size_t>(sqlite3_column_bytes(st, c));
            else benchmark::DoNotOptimize(sqlite3_column_int64(st, c));
        }
    }
    benchmark::DoNotOptimize(bytes);
    sqlite3_reset(st);
    return rows;
}

const char *const kOpen = "('done','closed')"; // an open measure: status NOT IN these

// (a) The round's counts in one aggregate query: issues (top level) and measures by status, the
// overdue among the open ones, and the inspections. The unary + keeps SQLite from choosing the
// issues_by_parent index for "parent_id IS NULL", which would scan every top-level issue of the
// database instead of the round's.
struct RawStats {
    sqlite3_stmt *st = nullptr;
    explicit RawStats(Raw &raw) {
        st = raw.prepare(std::string(
            "WITH ins AS (SELECT id FROM inspections WHERE round_id = ?1) "
            "SELECT 'inspections', NULL, count(*), 0 FROM ins "
            "UNION ALL SELECT 'issue', s.status, count(*), 0 FROM issues s "
            "  WHERE s.inspection_id IN ins AND +s.parent_id IS NULL GROUP BY s.status "
            "UNION ALL SELECT 'measure', m.status, count(*), "
            "  sum(m.deadline IS NOT NULL AND m.deadline < ?2 AND m.status NOT IN ") + kOpen + ") "
            "  FROM measures m WHERE m.inspection_id IN ins GROUP BY m.status");
    }
    // Total measures (the check), after reading every row.
    std::int64_t run(std::int64_t round_id, const std::string &as_of, std::int64_t *issues = nullptr) {
        sqlite3_bind_int64(st, 1, round_id);
        sqlite3_bind_text(st, 2, as_of.c_str(), -1, SQLITE_TRANSIENT);
        std::int64_t measures = 0, iss = 0;
        while (sqlite3_step(st) == SQLITE_ROW) {
            const std::string what = reinterpret_cast<const char *>(sqlite3_column_text(st, 0));
            if (what == "measure") measures += sqlite3_column_int64(st, 2);
            if (what == "issue") iss += sqlite3_column_int64(st, 2);
            benchmark::DoNotOptimize(sqlite3_column_int64(st, 3));
        }
        sqlite3_reset(st);
        if (issues) *issues = iss;
        return measures;
    }
};

// (b) The rows a notice is made of: the inspection, its unit and round, aspects, issues,
// measures, progress and outcomes, in order.
struct RawNotice {
    std::vector<sqlite3_stmt *> st;
    explicit RawNotice(Raw &raw) {
        st.push_back(raw.prepare("SELECT i.*, u.*, r.* FROM inspections i JOIN units u ON u.id = i.unit_id "
                                 "LEFT JOIN rounds r ON r.id = i.round_id WHERE i.id = ?1"));
        st.push_back(raw.prepare("SELECT * FROM aspects WHERE inspection_id = ?1 ORDER BY seq"));
        st.push_back(raw.prepare("SELECT * FROM issues WHERE inspection_id = ?1 ORDER BY aspect_id, seq"));
        st.push_back(raw.prepare("SELECT * FROM measures WHERE inspection_id = ?1 ORDER BY issue_id, seq"));
        st.push_back(raw.prepare("SELECT * FROM progress WHERE inspection_id = ?1 ORDER BY measure_id, seq"));
        st.push_back(raw.prepare("SELECT * FROM outcomes WHERE inspection_id = ?1 ORDER BY issue_id, seq"));
    }
    std::int64_t run(std::int64_t inspection_id) {
        std::int64_t rows = 0;
        for (auto *s : st) {
            sqlite3_bind_int64(s, 1, inspection_id);
            rows += drain(s);
        }
        return rows;
    }
};

std::int64_t json_int(const char *json, const char *key) {
    const char *p = json ? std::strstr(json, key) : nullptr;
    if (!p) return -1;
    p = std::strchr(p, ':');
    return p ? std::strtoll(p + 1, nullptr, 10) : -1;
}

// The generated document with the number of issues nearest kNoticeIssues among the first ones.
std::string fifty_issue_document(std::int64_t &issues) {
    rectify_gen::Options o;
    rectify_gen::Generator gen(o);
    std::string best, doc;
    std::int64_t best_n = -1;
    for (std::int64_t k = 0; k < std::min<std::int64_t>(gen.inspections(), 3000); ++k) {
        const auto c = gen.document(k, doc);
        if (best_n < 0 || std::llabs(c.issues - kNoticeIssues) < std::llabs(best_n - kNoticeIssues)) {
            best_n = c.issues;
            best = doc;
            if (best_n == kNoticeIssues) break;
        }
    }
    issues = best_n;
    return best;
}

} // namespace

int main(int argc, char **argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;

    const std::string path = env_or("RECTIFY_BENCH_DB", RECTIFY_BENCH_DEFAULT_DB);
    const std::string as_of = env_or("RECTIFY_BENCH_AS_OF", "2026-06-30");
    const std::string actor = env_or("RECTIFY_BENCH_ACTOR", "rectify-gen");
    const bool have_province = file_exists(path);

    // ---- (a) the round roll-up on the province database --------------------------------------
    rectify_db *pdb = nullptr;
    std::unique_ptr<Raw> praw;
    std::unique_ptr<RawStats> raw_stats;
    std::int64_t round_id = 0, round_units = 0;
    bool stats_ok = false;
    if (!have_province) {
        std::printf("report_bench: no database at %s (set RECTIFY_BENCH_DB, or run make gen): the round roll-up is skipped\n",
                    path.c_str());
    } else {
        rectify_bench::upgrade_schema(path);
        rectify_open_options oo = RECTIFY_OPEN_OPTIONS_INIT;
        oo.flags = RECTIFY_OPEN_READONLY;
        oo.actor = actor.c_str();
        if (rectify_db_open(&pdb, path.c_str(), &oo) != RECTIFY_OK) die(path + ": " + rectify_errmsg());
        praw = std::make_unique<Raw>(path);
        // The first round of 40 units (rectify-gen's rounds have ~40).
        round_id = praw->integer("SELECT round_id FROM inspections WHERE round_id IS NOT NULL GROUP BY round_id "
                                 "ORDER BY abs(count(DISTINCT unit_id) - 40), round_id LIMIT 1");
        round_units = praw->integer("SELECT count(DISTINCT unit_id) FROM inspections WHERE round_id = " + std::to_string(round_id));
        const std::string round_name = praw->text("SELECT name FROM rounds WHERE id = " + std::to_string(round_id));
        raw_stats = std::make_unique<RawStats>(*praw);
        std::int64_t raw_issues = 0;
        const std::int64_t raw_measures = raw_stats->run(round_id, as_of, &raw_issues);
        char *json = nullptr;
        rectify_stats_options so = RECTIFY_STATS_OPTIONS_INIT;
        so.round_id = round_id;
        so.as_of = as_of.c_str();
        if (rectify_stats_json(&json, pdb, &so) != RECTIFY_OK) {
            std::printf("check: rectify_stats_json(round %" PRId64 ") failed: %s\n", round_id, rectify_errmsg());
        } else {
            const std::int64_t m = json_int(json, "\"measures_total\""), i = json_int(json, "\"issues_total\"");
            stats_ok = true;
            std::printf("database: %s; round %" PRId64 " %s: %" PRId64 " units, %s issues, %s measures\n", path.c_str(),
                        round_id, round_name.c_str(), round_units, thousands(raw_issues).c_str(), thousands(raw_measures).c_str());
            std::printf("check: rectify_stats_json(round %" PRId64 ") measures_total %s, issues_total %s; baseline %s, %s: %s\n",
                        round_id, thousands(m).c_str(), thousands(i).c_str(), thousands(raw_measures).c_str(),
                        thousands(raw_issues).c_str(), m == raw_measures && i == raw_issues ? "same" : "MISMATCH");
            rectify_free(json);
        }
    }

    // ---- (b) the notice of a 50-issue inspection, in a small temporary database --------------
    const std::string tmp = (std::filesystem::temp_directory_path() / ("report_bench-" + std::to_string(getpid()))).string();
    std::filesystem::create_directories(tmp);
    const std::string small = tmp + "/notice.db";
    std::int64_t issues = 0;
    const std::string doc = fifty_issue_document(issues);
    rectify_db *ndb = nullptr;
    rectify_open_options no = RECTIFY_OPEN_OPTIONS_INIT;
    no.actor = "bench";
    if (rectify_db_open(&ndb, small.c_str(), &no) != RECTIFY_OK) die(small + ": " + rectify_errmsg());
    // The generated data closes issues that have no evidence: the guards ask for none.
    const std::string guards = "{\"min_evidence\": 0}";
    if (rectify_close_out_guards_set(ndb, guards.data(), guards.size()) != RECTIFY_OK)
        die("rectify_close_out_guards_set: " + std::string(rectify_errmsg()));
    std::int64_t inspection_id = 0;
    if (rectify_import_json(&inspection_id, nullptr, ndb, doc.data(), doc.size()) != RECTIFY_OK)
        die("importing the 50-issue document: " + std::string(rectify_errmsg()));
    Raw nraw(small);
    RawNotice raw_notice(nraw);
    const std::int64_t notice_rows = raw_notice.run(inspection_id);
    const std::int64_t n_measures = nraw.integer("SELECT count(*) FROM measures");
    std::size_t notice_bytes = 0;
    {
        char *text = nullptr;
        if (rectify_notice_render(&text, ndb, inspection_id, nullptr) != RECTIFY_OK)
            die("rectify_notice_render: " + std::string(rectify_errmsg()));
        notice_bytes = std::strlen(text);
        rectify_free(text);
    }
    std::printf("notice: a generated inspection with %" PRId64 " issues, %s measures (%s rows read by the baseline); "
                "the notice is %s bytes\n\n",
                issues, thousands(n_measures).c_str(), thousands(notice_rows).c_str(),
                thousands(static_cast<std::int64_t>(notice_bytes)).c_str());
    std::fflush(stdout);

    if (stats_ok) {
        benchmark::RegisterBenchmark("round_stats/rectify", [&](benchmark::State &s) {
            rectify_stats_options so = RECTIFY_STATS_OPTIONS_INIT;
            so.round_id = round_id;
            so.as_of = as_of.c_str();
            for (auto _ : s) {
                char *json = nullptr;
                if (rectify_stats_json(&json, pdb, &so) != RECTIFY_OK) return s.SkipWithError(rectify_errmsg());
                benchmark::DoNotOptimize(json);
                rectify_free(json);
            }
        })->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark("round_stats/sqlite", [&](benchmark::State &s) {
            for (auto _ : s) benchmark::DoNotOptimize(raw_stats->run(round_id, as_of));
        })->Unit(benchmark::kMillisecond);
    }
    benchmark::RegisterBenchmark("notice/rectify", [&](benchmark::State &s) {
        for (auto _ : s) {
            char *text = nullptr;
            if (rectify_notice_render(&text, ndb, inspection_id, nullptr) != RECTIFY_OK) return s.SkipWithError(rectify_errmsg());
            benchmark::DoNotOptimize(text);
            rectify_free(text);
        }
    })->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark("notice/sqlite", [&](benchmark::State &s) {
        for (auto _ : s) benchmark::DoNotOptimize(raw_notice.run(inspection_id));
    })->Unit(benchmark::kMicrosecond);

    TimingReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);

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
    line("round_stats", "statistics roll-up of a " + std::to_string(round_units) + "-unit round", kStatsTargetMs);
    line("notice", "notice (text) of a " + std::to_string(issues) + "-issue inspection", kNoticeTargetMs);
    std::printf("(times are wall-clock per call, warm cache; ratio = rectify / raw sqlite on the same file in the same\n"
                " run: for the roll-up one aggregate query of the same counts, for the notice reading the rows it is\n"
                " made of; PASS/FAIL compares rectify's time with the target)\n");

    if (pdb) rectify_db_close(pdb);
    rectify_db_close(ndb);
    std::error_code ec;
    std::filesystem::remove_all(tmp, ec);
    benchmark::Shutdown();
    return 0;
}
