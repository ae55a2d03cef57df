// Audit verification (rectify_audit_verify) of a province-scale database against its raw floor,
// and the audit log's share of the file. Each run is a child process of its own (fork), so that
// its peak memory (ru_maxrss) and CPU time are its alone; each is run three times and the best
// (the least disturbed by whatever else the machine is doing) is compared:
//   floor  a plain sqlite3 program reading the same rows, in one read transaction: every audit
//          event, all its columns, SHA-256 over their bytes (one digest an event, OpenSSL's, as
//          sha256sum would); and every row of every other table of the schema, every column;
//   verify rectify_audit_verify, as a host calls it: the chain, every table against the log.
// Targets: verify within 1.5x of the floor's wall time, its peak under 100 MB; the audit log
// (the table audit_events and its indexes, measured with SQLite's dbstat) no more than a third
// of the file. Prints PASS/FAIL lines in the format bench/run-all.sh puts in the summary.
//
//   make bench
//   RECTIFY_BENCH_DB=other.db build-bench/bench/audit_bench
//
// Environment: RECTIFY_BENCH_DB (default build-bench/province.db; made with rectify-gen when
// missing), RECTIFY_BENCH_ACTOR (default rectify-gen, the admin rectify-gen makes).
#include "bench_child.hpp"
#include "bench_db.hpp"
#include "bench_text.hpp"

#include <rectify/rectify.h>

#include <openssl/evp.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace {

using rectify_bench::Run;
using rectify_bench::thousands;

constexpr const char *kProgram = "audit_bench";
constexpr double kTimeTarget = 1.5;     // verify / floor, wall
constexpr double kPeakTargetMb = 100.0; // verify's peak
constexpr double kShareTarget = 1.0 / 3.0;

[[noreturn]] void die(const std::string &what) { rectify_bench::die(kProgram, what); }

sqlite3 *open_read_only(const std::string &path) {
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) die("cannot open " + path);
    return db;
}

std::vector<std::string> strings(sqlite3 *db, const char *sql) {
    std::vector<std::string> out;
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK) die(std::string("cannot prepare ") + sql);
    while (sqlite3_step(st) == SQLITE_ROW) out.emplace_back(reinterpret_cast<const char *>(sqlite3_column_text(st, 0)));
    sqlite3_finalize(st);
    return out;
}

long long integer(sqlite3 *db, const std::string &sql) {
    sqlite3_stmt *st = nullptr;
    long long n = -1;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

// The floor: the rows verify reads, read and hashed with nothing else done.
int raw_floor(const std::string &path) {
    sqlite3 *db = open_read_only(path);
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr); // one snapshot, as the library reads
    EVP_MD *sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    volatile unsigned char sink = 0; // keeps the digests from being optimised away
    long long events = 0;
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT * FROM audit_events ORDER BY id", -1, &st, nullptr) != SQLITE_OK) return 1;
    const int columns = sqlite3_column_count(st);
    while (sqlite3_step(st) == SQLITE_ROW) {
        EVP_DigestInit_ex2(ctx, sha256, nullptr);
        for (int i = 0; i < columns; ++i) {
            const unsigned char *text = sqlite3_column_text(st, i);
            if (text) EVP_DigestUpdate(ctx, text, static_cast<std::size_t>(sqlite3_column_bytes(st, i)));
        }
        EVP_DigestFinal_ex(ctx, digest, &len);
        sink = static_cast<unsigned char>(sink ^ digest[0]);
        ++events;
    }
    sqlite3_finalize(st);
    long long rows = 0, bytes = 0;
    for (const std::string &table :
         strings(db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'audit_events'")) {
        const std::string sql = "SELECT * FROM \"" + table + "\"";
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) return 1;
        const int n = sqlite3_column_count(st);
        while (sqlite3_step(st) == SQLITE_ROW) {
            for (int i = 0; i < n; ++i) {
                sqlite3_column_text(st, i);
                bytes += sqlite3_column_bytes(st, i);
            }
            ++rows;
        }
        sqlite3_finalize(st);
    }
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    EVP_MD_CTX_free(ctx);
    EVP_MD_free(sha256);
    sqlite3_close(db);
    return events > 0 && rows > 0 && bytes >= 0 ? 0 : 1;
}

int library_verify(const std::string &path, const std::string &actor) {
    rectify_db *db = nullptr;
    rectify_open_options oo = RECTIFY_OPEN_OPTIONS_INIT;
    oo.flags = RECTIFY_OPEN_READONLY;
    oo.actor = actor.c_str();
    if (rectify_db_open(&db, path.c_str(), &oo) != RECTIFY_OK) {
        std::fprintf(stderr, "%s: %s\n", path.c_str(), rectify_errmsg());
        return 1;
    }
    char *report = nullptr;
    const int rc = rectify_audit_verify(&report, db);
    if (rc != RECTIFY_OK) std::fprintf(stderr, "rectify_audit_verify: %s\n", rectify_errmsg());
    rectify_free(report);
    rectify_db_close(db);
    return rc == RECTIFY_OK ? 0 : 1;
}

// The best of three runs: the least wall time, and with it the least CPU time and peak seen.
Run best_of_three(const char *what, const std::function<int()> &work) {
    Run best;
    for (int i = 0; i < 3; ++i) {
        const Run r = rectify_bench::in_child(kProgram, what, "", work);
        std::printf("  %-28s run %d   wall %7.2f s   cpu %7.2f s   peak %7.1f MB\n", what, i + 1, r.wall_s, r.cpu_s, r.peak_mb);
        if (i == 0 || r.wall_s < best.wall_s) best.wall_s = r.wall_s;
        if (i == 0 || r.cpu_s < best.cpu_s) best.cpu_s = r.cpu_s;
        best.peak_mb = std::max(best.peak_mb, r.peak_mb);
    }
    return best;
}

struct Share {
    long long log_bytes = 0;   // audit_events and its indexes
    long long total_bytes = 0; // every page of the file
    long long images = 0;      // the bytes of the before and after texts
    long long events = 0;
};

Share log_share(const std::string &path) {
    sqlite3 *db = open_read_only(path);
    Share s;
    s.total_bytes = integer(db, "SELECT SUM(pgsize) FROM dbstat");
    if (s.total_bytes <= 0) die("SQLite's dbstat table is not available: the log's share cannot be measured");
    for (const std::string &name : strings(db, "SELECT name FROM sqlite_schema WHERE tbl_name = 'audit_events' AND type IN ('table', 'index')"))
        s.log_bytes += integer(db, "SELECT SUM(pgsize) FROM dbstat WHERE name = '" + name + "'");
    s.images = integer(db, "SELECT SUM(COALESCE(LENGTH(before), 0) + COALESCE(LENGTH(after), 0)) FROM audit_events");
    s.events = integer(db, "SELECT COUNT(*) FROM audit_events");
    sqlite3_close(db);
    return s;
}

} // namespace

int main(int argc, char **argv) {
    for (int i = 1; i < argc; ++i) // run-all.sh passes Google Benchmark flags to every program
        if (std::strncmp(argv[i], "--benchmark_", 12) != 0) die(std::string("unknown argument ") + argv[i]);
    const std::string path = rectify_bench::province_database(kProgram);
    const std::string actor = rectify_bench::env_or("RECTIFY_BENCH_ACTOR", "rectify-gen");

    const Share share = log_share(path);
    std::printf("database: %s (%.2f GB): %s audit events\n", path.c_str(), static_cast<double>(share.total_bytes) / 1e9,
                thousands(share.events).c_str());
    std::printf("each in a child process of its own, three times; the best wall and CPU time count\n");
    const Run floor = best_of_three("floor: read + sha256", [&] { return raw_floor(path); });
    const Run verify = best_of_three("rectify_audit_verify", [&] { return library_verify(path, actor); });

    const double ratio = verify.wall_s / floor.wall_s;
    std::printf("%s audit verify time (%s events)   rectify %7.2f s (cpu %.2f s, %s events/s)   floor %7.2f s (cpu %.2f s)   "
                "ratio %5.2fx   target < %.1fx\n",
                ratio <= kTimeTarget ? "PASS" : "FAIL", thousands(share.events).c_str(), verify.wall_s, verify.cpu_s,
                thousands(static_cast<long long>(static_cast<double>(share.events) / verify.wall_s)).c_str(), floor.wall_s,
                floor.cpu_s, ratio, kTimeTarget);
    std::printf("%s audit verify peak memory   rectify %7.1f MB   floor %7.1f MB   target < %.0f MB\n",
                verify.peak_mb < kPeakTargetMb ? "PASS" : "FAIL", verify.peak_mb, floor.peak_mb, kPeakTargetMb);
    const double part = static_cast<double>(share.log_bytes) / static_cast<double>(share.total_bytes);
    std::printf("%s audit log share of the file   log %.2f GB of %.2f GB   %5.1f %%   (record images %.2f GB, "
                "%s bytes an event)   target <= %.1f %%\n",
                part <= kShareTarget ? "PASS" : "FAIL", static_cast<double>(share.log_bytes) / 1e9,
                static_cast<double>(share.total_bytes) / 1e9, 100.0 * part, static_cast<double>(share.images) / 1e9,
                thousands(share.events ? share.log_bytes / share.events : 0).c_str(), 100.0 * kShareTarget);
    std::printf("(ratio = rectify's best wall time / the floor's, in the same run on the same file; the log is the\n"
                " table audit_events and its indexes, in pages, from SQLite's dbstat)\n");
    return 0;
}
