// rectify-gen: makes a deterministic province-scale rectify database from a seed, through the
// public C API only (one rectify_import_json per inspection). The same options give the same
// database; running it again on that database changes nothing (every record comes back
// "unchanged"), so an interrupted run is finished by running it again.
//
//   rectify-gen --db build-bench/province.db       (the defaults: ~3,000 units, 5 years of rounds,
//                                                   1,000,000 measures, 5,000,000 progress records)
//   rectify-gen --db p.db --progress 1000000        (the lighter db of the first benchmarks)
//   rectify-gen --db small.db --units 200 --measures 20000 --progress 100000   (a quick one)
//   rectify-gen --print-document 0                                 (inspection 0's JSON on stdout)
//
// A progress bar (the rectify command's, cli/progress_bar.cpp) goes to stderr when stderr is a
// terminal; otherwise only the final summary line (stdout) is printed.
#include "generator.hpp"
#include "progress_bar.hpp"
#include "bench_text.hpp"

#include <rectify/rectify.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <unistd.h>

namespace {

using rectify_bench::thousands;

const char *const kUsage =
    "usage: rectify-gen --db PATH [--seed N] [--units U] [--rounds YEARS] [--measures M] [--progress P]\n"
    "                   [--as-of-spread YYYY-MM-DD] [--extensions PERMILLE] [--actor NAME]\n"
    "       rectify-gen --print-document K [same data options]\n"
    "\n"
    "  --db PATH             the database to create or complete (created if missing)\n"
    "  --seed N              the seed; the same seed and options give the same database (default 1)\n"
    "  --units U             inspected units, ~200 per city, ~40 per round (default 3000)\n"
    "  --rounds YEARS        years of rounds, ending the year before the as-of date; every unit is\n"
    "                        inspected once a year (default 5)\n"
    "  --measures M          measures in all, spread over the inspections (default 1000000)\n"
    "  --progress P          progress records in all, spread over started measures (default 5000000)\n"
    "  --as-of-spread DATE   statuses and deadlines are realistic as of this date: recent deadlines\n"
    "                        are often missed, old ones seldom (default 2026-06-30)\n"
    "  --extensions PERMILLE per mille of the open measures due within a year before the as-of date or\n"
    "                        later that get an extension request, 40% refused, the rest pending (default 300)\n"
    "  --actor NAME          who imports; the first actor of a new database is its admin (default rectify-gen);\n"
    "                        NAME-supervisor, made a supervisor, refuses the refused extensions\n"
    "  --print-document K    print inspection K's document (0-based) and exit; no database\n";

[[noreturn]] void usage_error(const std::string &what) {
    std::fprintf(stderr, "rectify-gen: %s\n\n%s", what.c_str(), kUsage);
    std::exit(2);
}

std::int64_t parse_int(const char *opt, const char *v, std::int64_t lo, std::int64_t hi) {
    char *end = nullptr;
    errno = 0;
    const long long n = std::strtoll(v, &end, 10);
    if (errno || end == v || *end || n < lo || n > hi)
        usage_error(std::string(opt) + ": expected an integer in " + std::to_string(lo) + ".." + std::to_string(hi) +
                    ", got '" + v + "'");
    return n;
}

// The import summary {"inspection_id":…, "created":{kind:n…}, "updated":{…}, "unchanged":{…}}:
// the sum of the counts in one of its objects.
std::int64_t summary_total(const char *json, const char *key) {
    const std::string k = std::string("\"") + key + "\"";
    const char *p = std::strstr(json, k.c_str());
    if (!p) return 0;
    p = std::strchr(p, '{');
    if (!p) return 0;
    std::int64_t total = 0;
    for (++p; *p && *p != '}'; ++p)
        if (*p == ':') total += std::strtoll(p + 1, nullptr, 10);
    return total;
}

} // namespace

int main(int argc, char **argv) {
    rectify_gen::Options o;
    std::string db_path, actor = "rectify-gen";
    std::int64_t print_k = -1;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "-h" || a == "--help") {
            std::fputs(kUsage, stdout);
            return 0;
        }
        static const char *const known[] = {"--db", "--seed", "--units", "--rounds", "--measures", "--progress",
                                            "--as-of-spread", "--extensions", "--actor", "--print-document"};
        if (std::find(std::begin(known), std::end(known), a) == std::end(known)) usage_error("unknown option '" + a + "'");
        if (i + 1 >= argc) usage_error(a + " needs a value");
        const char *v = argv[++i];
        if (a == "--db") db_path = v;
        else if (a == "--seed") o.seed = static_cast<std::uint64_t>(parse_int("--seed", v, 0, INT64_MAX));
        else if (a == "--units") o.units = static_cast<int>(parse_int("--units", v, 1, 10000000));
        else if (a == "--rounds") o.years = static_cast<int>(parse_int("--rounds", v, 1, 50));
        else if (a == "--measures") o.measures = parse_int("--measures", v, 1, INT64_MAX / 4);
        else if (a == "--progress") o.progress = parse_int("--progress", v, 0, INT64_MAX / 4);
        else if (a == "--as-of-spread") o.as_of = v;
        else if (a == "--extensions") o.extension_permille = static_cast<int>(parse_int("--extensions", v, 0, 1000));
        else if (a == "--actor") actor = v;
        else if (a == "--print-document") print_k = parse_int("--print-document", v, 0, INT64_MAX);
    }

    std::unique_ptr<rectify_gen::Generator> gen;
    try {
        gen = std::make_unique<rectify_gen::Generator>(o);
    } catch (const std::invalid_argument &e) {
        usage_error(e.what());
    }
    std::string doc;
    doc.reserve(1 << 20);
    if (print_k >= 0) {
        if (print_k >= gen->inspections())
            usage_error("--print-document: there are " + std::to_string(gen->inspections()) + " inspections");
        gen->document(print_k, doc);
        std::fwrite(doc.data(), 1, doc.size(), stdout);
        std::fputc('\n', stdout);
        return 0;
    }
    if (db_path.empty()) usage_error("--db is required");

    auto fail = [&](const std::string &what) {
        std::fprintf(stderr, "rectify-gen: %s: %s\n", what.c_str(), rectify_errmsg());
        std::exit(1);
    };
    rectify_open_options oo = RECTIFY_OPEN_OPTIONS_INIT;
    oo.actor = actor.c_str();
    rectify_db *db = nullptr;
    if (rectify_db_open(&db, db_path.c_str(), &oo) != RECTIFY_OK) fail(db_path);
    // The generated issues that are closed (销号) carry no evidence files: the close-out guards of a
    // generated database ask for none (set once; a later run finds them so and changes nothing).
    {
        char *guards = nullptr;
        if (rectify_close_out_guards(&guards, db) != RECTIFY_OK) fail("reading the close-out guards");
        const bool relaxed = std::strstr(guards, "\"min_evidence\":0") != nullptr;
        rectify_free(guards);
        static const char kGuards[] = "{\"min_evidence\": 0}";
        if (!relaxed && rectify_close_out_guards_set(db, kGuards, sizeof kGuards - 1) != RECTIFY_OK)
            fail("setting the close-out guards");
    }
    // Extensions are refused by someone else than who requested them: a supervisor of the whole db.
    const std::string supervisor = actor + "-supervisor";
    rectify_db *sup = nullptr;
    if (o.extension_permille > 0) {
        const int rc = rectify_user_add(db, supervisor.c_str(), "督查员（rectify-gen）");
        if (rc != RECTIFY_OK && rc != RECTIFY_E_DUPLICATE) fail("adding user " + supervisor);
        if (rectify_user_grant(db, supervisor.c_str(), RECTIFY_ROLE_SUPERVISOR, RECTIFY_SCOPE_ALL, 0) != RECTIFY_OK)
            fail("granting supervisor to " + supervisor);
        oo.actor = supervisor.c_str();
        if (rectify_db_open(&sup, db_path.c_str(), &oo) != RECTIFY_OK) fail(db_path + " as " + supervisor);
    }

    rectify_cli::progress_bar bar("rectify-gen", "inspections"); // drawn only on a terminal
    const std::int64_t n = gen->inspections();
    using clock = std::chrono::steady_clock;
    const auto t0 = clock::now();
    rectify_gen::Counts total;
    std::int64_t created = 0, updated = 0, unchanged = 0, ext_made = 0;
    std::vector<rectify_gen::ExtensionPlan> plans;
    for (std::int64_t k = 0; k < n; ++k) {
        total += gen->document(k, doc, &plans);
        char *summary = nullptr;
        const int rc = rectify_import_json(nullptr, &summary, db, doc.data(), doc.size());
        if (rc != RECTIFY_OK) {
            bar.finish();
            std::fprintf(stderr, "rectify-gen: inspection %" PRId64 " (%s): %s (%s)\n", k, gen->inspection_ref(k).c_str(),
                         rectify_errmsg(), rectify_strerror(rc));
            return 1;
        }
        created += summary_total(summary, "created");
        updated += summary_total(summary, "updated");
        unchanged += summary_total(summary, "unchanged");
        rectify_free(summary);
        // Its extension requests, unless made by an earlier run: one request per measure here.
        for (const auto &x : plans) {
            std::int64_t mid = 0, xid = 0;
            if (rectify_record_find(&mid, db, RECTIFY_KIND_MEASURE, x.measure_ref.c_str()) != RECTIFY_OK) fail(x.measure_ref);
            char *list = nullptr;
            if (rectify_extension_list(&list, db, mid, 0) != RECTIFY_OK) fail("extensions of " + x.measure_ref);
            const bool there = std::strcmp(list, "[]") != 0;
            rectify_free(list);
            if (there) continue;
            if (rectify_extension_request(&xid, db, mid, x.new_deadline.c_str(), x.reason.c_str()) != RECTIFY_OK)
                fail("requesting an extension of " + x.measure_ref);
            if (x.refuse && rectify_extension_decide(sup, xid, 0, "理由不充分，请按原定时限完成整改") != RECTIFY_OK)
                fail("refusing extension " + std::to_string(xid));
            ++ext_made;
        }
        bar.update(k + 1, n);
    }
    bar.finish();
    rectify_db_close(sup);
    rectify_db_close(db);
    const double s = std::chrono::duration<double>(clock::now() - t0).count();
    const std::int64_t records = created + updated + unchanged;
    std::printf("rectify-gen: %s: seed %" PRIu64 ", %s units, %d years %d-%d, %s inspections, %s aspects, %s issues, "
                "%s measures, %s progress, %s outcomes, %s extension requests (%s made now); %s overdue as of %s; "
                "records created %s, updated %s, unchanged %s; %.1f s, %s records/s\n",
                db_path.c_str(), o.seed, thousands(o.units).c_str(), o.years, gen->first_year(),
                gen->first_year() + o.years - 1, thousands(total.inspections).c_str(), thousands(total.aspects).c_str(),
                thousands(total.issues).c_str(), thousands(total.measures).c_str(), thousands(total.progress).c_str(),
                thousands(total.outcomes).c_str(), thousands(total.extensions).c_str(), thousands(ext_made).c_str(),
                thousands(total.overdue).c_str(), o.as_of.c_str(),
                thousands(created).c_str(), thousands(updated).c_str(), thousands(unchanged).c_str(), s,
                thousands(static_cast<std::int64_t>(static_cast<double>(records) / (s > 0 ? s : 1))).c_str());
    return 0;
}
