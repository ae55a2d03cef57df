// Bulk import: the documents of rectify-gen's data set (bench/generator.*, 1,000,000 measures by
// default) as one JSON Lines file, imported by rectify_import_batch_file() into a fresh database in
// one transaction; against, in the same run, the same rows inserted through sqlite3 prepared
// statements in one transaction into a fresh database with the same schema and indexes.
// Target: the library within 1.5 times the raw time.
//
// What each side does, timed:
//   rectify   reads the JSON Lines file, parses and validates every document, looks records up by
//             ref where they may exist, authorises, derives deadlines, checks close-out guards,
//             inserts the rows and one audit event per record (hash-chained), in one transaction,
//             committed with synchronous = FULL.
//   raw (c)   inserts every row the import wrote: the records (units, rounds, inspections,
//             aspects, issues, measures, progress, outcomes, close-outs and the rest) and the
//             audit events with their hashes, from values already in memory (read, untimed, from
//             the library's database, so the rows are byte for byte the same), table by table in
//             id order, one transaction, same PRAGMAs (WAL, synchronous = FULL, foreign_keys =
//             ON). No JSON parsing: the literal "raw inserts of the same rows". PASS/FAIL
//             compares rectify with this.
//   raw (b)   the same without the audit rows: the record rows alone. Printed as information. The
//             audit rows are not optional (every change of every record is an audit event with
//             its before and after image), and they are more bytes than the records, so against
//             (b) rectify is also measured on writing data (b) leaves out.
//
//   import_bench [--measures N] [--dir DIR] [--keep] [--rectify-only]
//
// Environment: RECTIFY_BENCH_MEASURES (default 1000000) and RECTIFY_BENCH_DIR (default
// build-bench/import-bench) do the same as the flags. Google Benchmark flags (run-all.sh passes
// --benchmark_color) are accepted and ignored: this is one timed run of each side, not a loop.
#include "generator.hpp"

#include "bench_text.hpp"

#include <rectify/rectify.h>

#include <sqlite3.h>

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#ifndef RECTIFY_BENCH_IMPORT_DIR
#define RECTIFY_BENCH_IMPORT_DIR "build-bench/import-bench"
#endif

namespace {

using rectify_bench::thousands;

constexpr double kTargetRatio = 1.5;

[[noreturn]] void die(const std::string &what) {
    std::fprintf(stderr, "import_bench: %s\n", what.c_str());
    std::exit(1);
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

double cpu_seconds() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

struct Timing {
    double wall = 0, cpu = 0;
};

// Each side starts with nothing left to write back: each writes a 2.2 GB file and a WAL of about
// that size, and the kernel writing back what the side before it wrote would slow it by up to a
// fifth. The sync is not timed.
template <class F> Timing timed(F &&f) {
    ::sync();
    const auto t0 = std::chrono::steady_clock::now();
    const double c0 = cpu_seconds();
    f();
    return {seconds_since(t0), cpu_seconds() - c0};
}

void remove_db(const std::string &path) {
    for (const char *suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path + suffix);
}

// A fresh database with the library's schema and indexes: opened by the library, closed again.
void make_schema(const std::string &path, const char *actor) {
    remove_db(path);
    rectify_db *db = nullptr;
    rectify_open_options o = RECTIFY_OPEN_OPTIONS_INIT;
    o.actor = actor;
    if (rectify_db_open(&db, path.c_str(), &o) != RECTIFY_OK) die(path + ": " + rectify_errmsg());
    rectify_db_close(db);
}

// ---- Rows in memory ------------------------------------------------------------------------------

// One table's rows, every value in one arena: a cell is a type, an integer (or a double's bits, or
// an offset into the arena) and a length.
struct Cell {
    std::int64_t i;
    std::uint32_t len;
    std::uint8_t type;
};

struct TableRows {
    std::string name;
    std::vector<std::string> columns;
    std::vector<Cell> cells; // rows × columns
    std::string arena;
    std::int64_t rows = 0;
};

class Sqlite {
public:
    Sqlite(const std::string &path, int flags) {
        if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) die(path + ": " + sqlite3_errmsg(db_));
        sqlite3_busy_timeout(db_, 5000);
    }
    ~Sqlite() { sqlite3_close(db_); }
    Sqlite(const Sqlite &) = delete;
    Sqlite &operator=(const Sqlite &) = delete;

    void exec(const std::string &sql) {
        char *err = nullptr;
        if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
            std::string m = err ? err : "?";
            sqlite3_free(err);
            die(sql + ": " + m);
        }
    }
    sqlite3_stmt *prepare(const std::string &sql) {
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v3(db_, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &st, nullptr) != SQLITE_OK)
            die("preparing: " + std::string(sqlite3_errmsg(db_)) + "\n  " + sql);
        return st;
    }
    std::vector<std::string> strings(const std::string &sql) {
        sqlite3_stmt *st = prepare(sql);
        std::vector<std::string> out;
        while (sqlite3_step(st) == SQLITE_ROW) {
            const auto *t = sqlite3_column_text(st, 0);
            out.emplace_back(t ? reinterpret_cast<const char *>(t) : "");
        }
        sqlite3_finalize(st);
        return out;
    }
    std::int64_t integer(const std::string &sql) {
        sqlite3_stmt *st = prepare(sql);
        std::int64_t n = -1;
        if (sqlite3_step(st) == SQLITE_ROW) n = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
        return n;
    }

    TableRows read(const std::string &table) {
        TableRows t;
        t.name = table;
        sqlite3_stmt *st = prepare("SELECT * FROM \"" + table + "\" ORDER BY rowid");
        const int n = sqlite3_column_count(st);
        for (int c = 0; c < n; ++c) t.columns.emplace_back(sqlite3_column_name(st, c));
        while (sqlite3_step(st) == SQLITE_ROW) {
            ++t.rows;
            for (int c = 0; c < n; ++c) {
                Cell cell{0, 0, static_cast<std::uint8_t>(sqlite3_column_type(st, c))};
                switch (cell.type) {
                case SQLITE_INTEGER: cell.i = sqlite3_column_int64(st, c); break;
                case SQLITE_FLOAT: {
                    double d = sqlite3_column_double(st, c);
                    std::memcpy(&cell.i, &d, sizeof d);
                    break;
                }
                case SQLITE_TEXT:
                case SQLITE_BLOB: {
                    const void *p = cell.type == SQLITE_TEXT ? static_cast<const void *>(sqlite3_column_text(st, c))
                                                             : sqlite3_column_blob(st, c);
                    cell.len = static_cast<std::uint32_t>(sqlite3_column_bytes(st, c));
                    cell.i = static_cast<std::int64_t>(t.arena.size());
                    t.arena.append(static_cast<const char *>(p), cell.len);
                    break;
                }
                default: break;
                }
                t.cells.push_back(cell);
            }
        }
        sqlite3_finalize(st);
        return t;
    }

    // The raw inserts: one prepared INSERT per table, every row bound from memory.
    // Rows whose first column (the id) is at most skip_upto are left out: what the fresh file has.
    void insert(const TableRows &t, std::int64_t skip_upto = 0) {
        std::string sql = "INSERT INTO \"" + t.name + "\" (";
        for (std::size_t c = 0; c < t.columns.size(); ++c) sql += (c ? ", \"" : "\"") + t.columns[c] + "\"";
        sql += ") VALUES (";
        for (std::size_t c = 0; c < t.columns.size(); ++c) sql += c ? ", ?" : "?";
        sql += ")";
        sqlite3_stmt *st = prepare(sql);
        const int n = static_cast<int>(t.columns.size());
        const Cell *cell = t.cells.data();
        for (std::int64_t r = 0; r < t.rows; ++r) {
            if (cell->type == SQLITE_INTEGER && cell->i <= skip_upto) {
                cell += n;
                continue;
            }
            for (int c = 0; c < n; ++c, ++cell) {
                switch (cell->type) {
                case SQLITE_INTEGER: sqlite3_bind_int64(st, c + 1, cell->i); break;
                case SQLITE_FLOAT: {
                    double d;
                    std::memcpy(&d, &cell->i, sizeof d);
                    sqlite3_bind_double(st, c + 1, d);
                    break;
                }
                case SQLITE_TEXT: sqlite3_bind_text(st, c + 1, t.arena.data() + cell->i, static_cast<int>(cell->len), SQLITE_STATIC); break;
                case SQLITE_BLOB: sqlite3_bind_blob(st, c + 1, t.arena.data() + cell->i, static_cast<int>(cell->len), SQLITE_STATIC); break;
                default: sqlite3_bind_null(st, c + 1); break;
                }
            }
            if (sqlite3_step(st) != SQLITE_DONE) die("inserting into " + t.name + ": " + sqlite3_errmsg(db_));
            sqlite3_reset(st);
        }
        sqlite3_finalize(st);
    }
    sqlite3 *handle() { return db_; }

private:
    sqlite3 *db_ = nullptr;
};

// Inserts tables into a fresh database made by the library, in one transaction; returns the time.
Timing raw_import(const std::string &path, const std::vector<const TableRows *> &tables) {
    make_schema(path, "bench");
    // What the schema's open left in the tables the raw side fills (e.g. the bootstrap admin) is
    // removed first, untimed, so the copied rows keep their ids.
    {
        Sqlite db(path, SQLITE_OPEN_READWRITE);
        db.exec("BEGIN");
        for (const TableRows *t : tables) {
            if (t->name == "audit_events") continue; // append-only and empty in a fresh file
            db.exec("DELETE FROM \"" + t->name + "\"");
        }
        db.exec("COMMIT");
    }
    Sqlite db(path, SQLITE_OPEN_READWRITE);
    // The audit events opening wrote (the bootstrap admin) stay; the copied ones after them.
    const std::int64_t audit_before = db.integer("SELECT coalesce(max(id), 0) FROM audit_events");
    // The library's connection settings (src/store/store.cpp).
    db.exec("PRAGMA foreign_keys = ON");
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = FULL");
    return timed([&] {
        db.exec("BEGIN IMMEDIATE");
        for (const TableRows *t : tables) db.insert(*t, t->name == "audit_events" ? audit_before : 0);
        db.exec("COMMIT");
    });
}

std::int64_t file_size(const std::string &path) {
    struct stat st{};
    std::int64_t n = 0;
    for (const char *suffix : {"", "-wal"})
        if (::stat((path + suffix).c_str(), &st) == 0) n += static_cast<std::int64_t>(st.st_size);
    return n;
}

} // namespace

int main(int argc, char **argv) {
    std::int64_t measures = 1000000;
    if (const char *v = std::getenv("RECTIFY_BENCH_MEASURES"); v && *v) measures = std::atoll(v);
    std::string dir = RECTIFY_BENCH_IMPORT_DIR;
    if (const char *v = std::getenv("RECTIFY_BENCH_DIR"); v && *v) dir = v;
    bool keep = false, rectify_only = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--measures" && i + 1 < argc) measures = std::atoll(argv[++i]);
        else if (a == "--dir" && i + 1 < argc) dir = argv[++i];
        else if (a == "--keep") keep = true;
        else if (a == "--rectify-only") rectify_only = true; // for profiling the library alone
        else if (a.rfind("--benchmark", 0) == 0) continue;
        else die("usage: import_bench [--measures N] [--dir DIR] [--keep]  (unknown argument " + a + ")");
    }
    if (measures < 1000) die("--measures must be at least 1000");

    // rectify-gen's data set, scaled: its defaults at 1,000,000 measures (3,000 units, 5 years,
    // as many progress records as measures), units in proportion below that.
    rectify_gen::Options o;
    o.measures = measures;
    o.progress = measures;
    o.units = static_cast<int>(std::max<std::int64_t>(40, 3000 * measures / 1000000));
    o.extension_permille = 0;
    rectify_gen::Generator gen(o);

    std::filesystem::create_directories(dir);
    const std::string jsonl = dir + "/documents.jsonl", lib_db = dir + "/rectify.db", raw_b = dir + "/raw-records.db",
                      raw_c = dir + "/raw-all.db";

    // The documents, one a line (not timed).
    rectify_gen::Counts total;
    const Timing gen_t = timed([&] {
        std::ofstream out(jsonl, std::ios::binary | std::ios::trunc);
        std::string doc;
        for (std::int64_t k = 0; k < gen.inspections(); ++k) {
            total += gen.document(k, doc);
            for (char &ch : doc)
                if (ch == '\n' || ch == '\r') ch = ' '; // JSON strings hold no raw line breaks
            out << doc << '\n';
        }
        if (!out) die("cannot write " + jsonl);
    });
    const std::int64_t jsonl_bytes = static_cast<std::int64_t>(std::filesystem::file_size(jsonl));
    std::printf("data: rectify-gen seed %" PRIu64 ", %s units, %s inspections, %s aspects, %s issues, %s measures, "
                "%s progress, %s outcomes; %s of JSON Lines (%.1f s to generate, not timed)\n",
                o.seed, thousands(o.units).c_str(), thousands(total.inspections).c_str(), thousands(total.aspects).c_str(),
                thousands(total.issues).c_str(), thousands(total.measures).c_str(), thousands(total.progress).c_str(),
                thousands(total.outcomes).c_str(), (std::to_string(jsonl_bytes / 1000000) + " MB").c_str(), gen_t.wall);
    std::fflush(stdout);

    // (a) The library: the whole file in one transaction.
    remove_db(lib_db);
    rectify_db *db = nullptr;
    rectify_open_options oo = RECTIFY_OPEN_OPTIONS_INIT;
    oo.actor = "bench";
    if (rectify_db_open(&db, lib_db.c_str(), &oo) != RECTIFY_OK) die(lib_db + ": " + rectify_errmsg());
    // The generated data closes issues (销号) that have no evidence attached: the close-out guards
    // ask for none, as a host migrating its history would set them.
    const std::string guards = "{\"min_evidence\": 0}";
    if (rectify_close_out_guards_set(db, guards.data(), guards.size()) != RECTIFY_OK)
        die("rectify_close_out_guards_set: " + std::string(rectify_errmsg()));
    char *summary = nullptr;
    int rc = RECTIFY_OK;
    const Timing lib_t = timed([&] { rc = rectify_import_batch_file(&summary, db, jsonl.c_str()); });
    if (rc != RECTIFY_OK) die("rectify_import_batch_file: " + std::string(rectify_errmsg()));
    std::printf("rectify: rectify_import_batch_file %.2f s (cpu %.2f s): %s\n", lib_t.wall, lib_t.cpu, summary);
    rectify_free(summary);
    rectify_db_close(db);
    std::fflush(stdout);
    if (rectify_only) return 0;

    // The rows the import wrote, read back into memory (not timed): every table with rows,
    // except what opening a database writes by itself (settings, the bootstrap admin's user and
    // grant), which the raw side's fresh file has too.
    std::vector<TableRows> records;
    TableRows audit;
    std::int64_t record_rows = 0;
    {
        Sqlite src(lib_db, SQLITE_OPEN_READONLY);
        for (const auto &name : src.strings("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                                            "ORDER BY name")) {
            if (name == "settings" || name == "users" || name == "grants") continue;
            if (src.integer("SELECT count(*) FROM \"" + name + "\"") == 0) continue;
            if (name == "audit_events") {
                audit = src.read(name);
                continue;
            }
            records.push_back(src.read(name));
            record_rows += records.back().rows;
        }
    }
    // Parents before children, as foreign keys require.
    const std::vector<std::string> order = {"rule_profiles", "rounds", "units", "inspections", "aspects", "issues",
                                            "measures", "progress", "outcomes", "close_outs"};
    std::vector<const TableRows *> tables;
    for (const auto &name : order)
        for (const auto &t : records)
            if (t.name == name) tables.push_back(&t);
    for (const auto &t : records)
        if (std::find(order.begin(), order.end(), t.name) == order.end()) tables.push_back(&t);
    std::string listing;
    for (const TableRows *t : tables) listing += (listing.empty() ? "" : ", ") + t->name + " " + thousands(t->rows);
    std::printf("rows: %s record rows (%s); %s audit rows\n", thousands(record_rows).c_str(), listing.c_str(),
                thousands(audit.rows).c_str());
    std::fflush(stdout);

    // (b) Raw inserts of the record rows; (c) the same plus the audit rows.
    const Timing raw_b_t = raw_import(raw_b, tables);
    std::printf("raw (b): record rows through sqlite3 prepared statements %.2f s (cpu %.2f s)\n", raw_b_t.wall, raw_b_t.cpu);
    std::fflush(stdout);
    std::vector<const TableRows *> all = tables;
    all.push_back(&audit);
    const Timing raw_c_t = raw_import(raw_c, all);
    std::printf("raw (c): record rows and audit rows %.2f s (cpu %.2f s)\n", raw_c_t.wall, raw_c_t.cpu);

    // The two files must hold the same records.
    bool same = true;
    {
        Sqlite a(lib_db, SQLITE_OPEN_READONLY), b(raw_b, SQLITE_OPEN_READONLY);
        for (const TableRows *t : tables) {
            const std::string q = "SELECT count(*) || '/' || total(id) FROM \"" + t->name + "\"";
            if (a.strings(q) != b.strings(q)) same = false;
        }
    }
    {
        Sqlite a(lib_db, SQLITE_OPEN_READONLY), c(raw_c, SQLITE_OPEN_READONLY);
        for (const TableRows *t : all) {
            const std::string q = "SELECT count(*) || '/' || total(id) FROM \"" + t->name + "\"";
            if (a.strings(q) != c.strings(q)) same = false;
        }
        const char *chain = "SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1";
        if (a.strings(chain) != c.strings(chain)) same = false;
    }
    std::printf("check: the raw files hold the same rows as the library's (record rows; record and audit rows, same chain head): %s\n",
                same ? "yes" : "NO");
    std::printf("files: rectify %.2f GB, raw (b) %.2f GB, raw (c) %.2f GB\n", static_cast<double>(file_size(lib_db)) / 1e9,
                static_cast<double>(file_size(raw_b)) / 1e9, static_cast<double>(file_size(raw_c)) / 1e9);

    const double ratio_b = lib_t.wall / raw_b_t.wall, ratio_c = lib_t.wall / raw_c_t.wall;
    const std::string what = "bulk import of " + thousands(total.measures) + " measures (" +
                             thousands(total.inspections) + " documents, " + thousands(record_rows) + " records)";
    std::printf("\n%-4s %-62s rectify %8.2f s (cpu %7.2f)   raw sqlite %7.2f s (cpu %7.2f)   ratio %6.2fx   target <= %.1fx\n",
                same && ratio_c <= kTargetRatio ? "PASS" : "FAIL", what.c_str(), lib_t.wall, lib_t.cpu, raw_c_t.wall,
                raw_c_t.cpu, ratio_c, kTargetRatio);
    std::printf("info: against raw inserts of the record rows alone, without the audit rows (raw (b)): raw %.2f s (cpu %.2f), "
                "ratio %.2fx\n",
                raw_b_t.wall, raw_b_t.cpu, ratio_b);
    std::printf("(wall-clock, one run each, same machine and run; rectify parses the JSON Lines file, raw inserts from\n"
                " values already in memory; PASS/FAIL compares rectify with raw (c), every row the import writes)\n");

    if (!keep)
        for (const auto &p : {lib_db, raw_b, raw_c}) remove_db(p);
    if (!keep) std::filesystem::remove(jsonl);
    return 0;
}
