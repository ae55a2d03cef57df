// Opening the benchmark databases as the benchmarks need them.
#pragma once

#include "bench_child.hpp"

#include <rectify/rectify.h>

#include <cstdio>
#include <cstdlib>
#include <string>

// Where the benchmark database is and how it is made; CMake sets both for the build tree.
#ifndef RECTIFY_BENCH_DEFAULT_DB
#define RECTIFY_BENCH_DEFAULT_DB "build-bench/province.db"
#endif
#ifndef RECTIFY_GEN_PATH
#define RECTIFY_GEN_PATH "rectify-gen"
#endif

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

// The province db a benchmark runs on: $RECTIFY_BENCH_DB (which must exist), else
// RECTIFY_BENCH_DEFAULT_DB, made with rectify-gen's defaults when missing; upgraded either way.
inline std::string province_database(const char *program) {
    const char *given = std::getenv("RECTIFY_BENCH_DB");
    const std::string path = given && *given ? given : RECTIFY_BENCH_DEFAULT_DB;
    if (file_size(path) < 0) {
        if (given && *given) die(program, "RECTIFY_BENCH_DB=" + path + ": no such file");
        generate(program, RECTIFY_GEN_PATH, path, "");
    }
    upgrade_schema(path);
    return path;
}

} // namespace rectify_bench
