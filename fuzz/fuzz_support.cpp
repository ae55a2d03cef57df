#include "fuzz_support.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace rectify_fuzz {

void fail(const char *what, const char *detail) {
    std::fprintf(stderr, "rectify fuzz: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    std::abort();
}

int checked(int rc, const char *call) {
    const char *msg = rectify_errmsg();
    if (!msg) fail("rectify_errmsg() returned NULL after", call);
    if (rc == RECTIFY_OK) return rc;
    if (rc > 0 || std::strcmp(rectify_strerror(rc), "unknown error code") == 0) {
        char detail[128];
        std::snprintf(detail, sizeof detail, "%s returned %d", call, rc);
        fail("a code that is neither RECTIFY_OK nor a known error", detail);
    }
    if (msg[0] == '\0') fail("an empty rectify_errmsg() after a failure of", call);
    if (rectify_errcode() != rc) fail("rectify_errcode() differs from the failed call's code", call);
    return rc;
}

int checked_owned(int rc, const char *call, const void *out_value) {
    if (checked(rc, call) != RECTIFY_OK && out_value != nullptr) fail("an out-parameter left set after a failure of", call);
    return rc;
}

rectify_db *open_scratch_db() {
    rectify_open_options opts = RECTIFY_OPEN_OPTIONS_INIT;
    opts.actor = "fuzzer";
    rectify_db *db = nullptr;
    // SQLite's ":memory:" gives each handle its own private database: nothing to clean up, no
    // fsync per transaction, and no state shared between inputs.
    if (rectify_db_open(&db, ":memory:", &opts) != RECTIFY_OK || !db) fail("cannot open a scratch database", rectify_errmsg());
    return db;
}

int64_t audit_event_count(rectify_db *db) {
    char *json = nullptr;
    if (rectify_audit_log(&json, db, 0, 0, 0, 0) != RECTIFY_OK || !json) fail("cannot read the audit log", rectify_errmsg());
    int64_t count = 0;
    for (const char *p = json; (p = std::strstr(p, "\"prev_hash\"")) != nullptr; p += 11) ++count;
    rectify_free(json);
    return count;
}

} // namespace rectify_fuzz
