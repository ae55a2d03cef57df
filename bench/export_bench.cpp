// Whole-database export (rectify_export_all_file) of a province-scale database: peak memory must
// stay under 100 MB however large the database. Each measurement runs in a child process of its
// own (fork), so each peak (the child's ru_maxrss from wait4) is that work's alone:
//   (a) rectify_export_all_file of the whole database to JSON Lines, target < 100 MB peak;
//   (b) the baseline, in the same run on the same file: a plain sqlite3 program streaming every
//       row of the same tables (rounds, units, inspections, aspects, issues, measures, progress,
//       outcomes) to a file as tab-separated text, SELECT * one table after another;
//   (c) (a) again on a database a tenth the size (rectify-gen --units 300 --measures 100000
//       --progress 500000, made once beside the big one), to show the peak does not grow with
//       the database.
// Prints each peak and time, the ratios to the baseline, and PASS/FAIL lines in the format of
// warnings_bench.cpp that bench/run-all.sh puts in the summary. Informational: not a test.
//
//   make bench
//   RECTIFY_BENCH_DB=other.db build-bench/bench/rectify_export_bench
//
// Environment: RECTIFY_BENCH_DB (default build-bench/province.db; made with rectify-gen when
// missing), RECTIFY_BENCH_SMALL_DB (default: province-small.db beside it, made when missing),
// RECTIFY_BENCH_ACTOR (default rectify-gen, the admin rectify-gen makes), RECTIFY_BENCH_OUT (a
// folder for the output files, default $TMPDIR or /tmp; they are removed afterwards).
#include "bench_child.hpp"
#include "bench_db.hpp"
#include "bench_text.hpp"

#include <rectify/rectify.h>

#include <sqlite3.h>

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>

namespace {

using rectify_bench::thousands;
using rectify_bench::env_or;
using rectify_bench::file_exists;

constexpr double kPeakTargetMb = 100.0;

constexpr const char *kProgram = "rectify_export_bench";

[[noreturn]] void die(const std::string &what) { rectify_bench::die(kProgram, what); }

using rectify_bench::file_size;
using rectify_bench::Run;

Run in_child(const char *what, const std::string &out_path, const std::function<int()> &work) {
    return rectify_bench::in_child(kProgram, what, out_path, work);
}

// (a): the library, as a host calls it.
int library_export(const std::string &db_path, const std::string &actor, const std::string &out_path) {
    rectify_db *db = nullptr;
    rectify_open_options oo = RECTIFY_OPEN_OPTIONS_INIT;
    oo.flags = RECTIFY_OPEN_READONLY;
    oo.actor = actor.c_str();
    if (rectify_db_open(&db, db_path.c_str(), &oo) != RECTIFY_OK) {
        std::fprintf(stderr, "%s: %s\n", db_path.c_str(), rectify_errmsg());
        return 1;
    }
    const int rc = rectify_export_all_file(db, out_path.c_str());
    if (rc != RECTIFY_OK) std::fprintf(stderr, "rectify_export_all_file: %s\n", rectify_errmsg());
    rectify_db_close(db);
    return rc == RECTIFY_OK ? 0 : 1;
}

// (b): every row of the record tables straight from sqlite3, streamed to a file.
int raw_export(const std::string &db_path, const std::string &out_path) {
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) return 1;
    std::FILE *out = std::fopen(out_path.c_str(), "wb");
    if (!out) return 1;
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr); // one snapshot, as the library reads
    static const char *const tables[] = {"rounds", "units", "inspections", "aspects",
                                         "issues", "measures", "progress", "outcomes"};
    for (const char *t : tables) {
        sqlite3_stmt *st = nullptr;
        const std::string sql = std::string("SELECT * FROM ") + t + " ORDER BY id";
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) return 1;
        const int n = sqlite3_column_count(st);
        while (sqlite3_step(st) == SQLITE_ROW) {
            for (int i = 0; i < n; ++i) {
                if (i) std::fputc('\t', out);
                const unsigned char *text = sqlite3_column_text(st, i);
                if (text) std::fwrite(text, 1, static_cast<std::size_t>(sqlite3_column_bytes(st, i)), out);
            }
            std::fputc('\n', out);
        }
        sqlite3_finalize(st);
    }
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    const bool ok = std::fclose(out) == 0;
    sqlite3_close(db);
    return ok ? 0 : 1;
}

long long count_rows(const std::string &db_path, const char *table) {
    sqlite3 *db = nullptr;
    long long n = -1;
    if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt *st = nullptr;
        const std::string sql = std::string("SELECT COUNT(*) FROM ") + table;
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
            n = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return n;
}

void describe(const char *label, const std::string &path) {
    std::printf("%s: %s (%.2f GB): %s inspections, %s measures, %s progress records\n", label, path.c_str(),
                static_cast<double>(file_size(path)) / 1e9, thousands(count_rows(path, "inspections")).c_str(),
                thousands(count_rows(path, "measures")).c_str(), thousands(count_rows(path, "progress")).c_str());
}

void generate(const std::string &path, const std::string &args) {
    rectify_bench::generate(kProgram, RECTIFY_GEN_PATH, path, args);
}

void show(const char *what, const Run &r) {
    std::printf("  %-46s peak %7.1f MB   wall %7.1f s   cpu %7.1f s   output %6.2f GB\n", what, r.peak_mb, r.wall_s,
                r.cpu_s, static_cast<double>(r.bytes) / 1e9);
}

} // namespace

int main(int argc, char **argv) {
    for (int i = 1; i < argc; ++i) // run-all.sh passes Google Benchmark flags to every program
        if (std::strncmp(argv[i], "--benchmark_", 12) != 0) die(std::string("unknown argument ") + argv[i]);

    const std::string path = rectify_bench::province_database(kProgram);
    const std::string actor = env_or("RECTIFY_BENCH_ACTOR", "rectify-gen");
    const std::string dir = path.find('/') == std::string::npos ? "." : path.substr(0, path.rfind('/'));
    const std::string small = env_or("RECTIFY_BENCH_SMALL_DB", (dir + "/province-small.db").c_str());
    const std::string out_dir = env_or("RECTIFY_BENCH_OUT", env_or("TMPDIR", "/tmp"));

    if (!file_exists(small)) generate(small, "--units 300 --measures 100000 --progress 500000");
    rectify_bench::upgrade_schema(small);

    describe("database", path);
    describe("database", small);

    const std::string out = out_dir + "/rectify-export-bench-" + std::to_string(getpid());
    const std::string lib_out = out + ".jsonl", raw_out = out + ".tsv", small_out = out + "-small.jsonl";

    std::printf("each in a child process of its own; peak = the child's maximum resident set (wait4 ru_maxrss)\n");
    const Run raw = in_child("baseline", raw_out, [&] { return raw_export(path, raw_out); });
    show("baseline: sqlite3 SELECT * of the 8 tables", raw);
    std::remove(raw_out.c_str());
    const Run lib = in_child("export", lib_out, [&] { return library_export(path, actor, lib_out); });
    show("rectify_export_all_file, whole db", lib);
    std::remove(lib_out.c_str());
    const Run lib_small = in_child("export small", small_out, [&] { return library_export(small, actor, small_out); });
    show("rectify_export_all_file, db a tenth the size", lib_small);
    std::remove(small_out.c_str());

    std::printf("%s whole-db export peak memory (%s)   rectify %7.1f MB (%6.1f s)   raw sqlite %7.1f MB (%6.1f s)   "
                "ratio %5.2fx mem, %5.2fx time   target < %.0f MB\n",
                lib.peak_mb < kPeakTargetMb ? "PASS" : "FAIL", thousands(count_rows(path, "measures")).c_str(),
                lib.peak_mb, lib.wall_s, raw.peak_mb, raw.wall_s, lib.peak_mb / raw.peak_mb, lib.wall_s / raw.wall_s,
                kPeakTargetMb);
    const double growth = lib.peak_mb / lib_small.peak_mb;
    std::printf("%s export peak does not grow with the db   whole db %7.1f MB, a tenth the size %7.1f MB   "
                "ratio %5.2fx   target < 100 MB both\n",
                lib.peak_mb < kPeakTargetMb && lib_small.peak_mb < kPeakTargetMb ? "PASS" : "FAIL", lib.peak_mb,
                lib_small.peak_mb, growth);
    std::printf("(peaks are each child's own; ratio = rectify / the raw sqlite3 stream of the same tables in the\n"
                " same run; times are wall-clock, the output written to %s)\n", out_dir.c_str());
    return 0;
}
