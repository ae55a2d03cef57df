// Opening the benchmark databases as the benchmarks need them.
#pragma once

#include <rectify/rectify.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace rectify_bench {

// A database made by an older rectify is upgraded by its first read-write open, and refused by a
// read-only one until then. The benchmarks open theirs read-only, so they open it once this way
// first, as a host would after installing a newer library; on a current database it changes
// nothing.
inline void upgrade_schema(const std::string &path) {
    rectify_db *db = nullptr;
    rectify_open_options oo = RECTIFY_OPEN_OPTIONS_INIT;
    if (rectify_db_open(&db, path.c_str(), &oo) != RECTIFY_OK) {
        std::fprintf(stderr, "%s: %s\n", path.c_str(), rectify_errmsg());
        std::exit(1);
    }
    rectify_db_close(db);
}

} // namespace rectify_bench
