// What every fuzz target checks of the C API's answers, and the throwaway database they use.
// A broken promise abort()s with a message, so that libFuzzer (and the replay runner) report
// the input as a crash.
#pragma once

#include <rectify/rectify.h>

#include <cstddef>
#include <cstdint>

namespace rectify_fuzz {

// Reports what promise was broken and aborts.
[[noreturn]] void fail(const char *what, const char *detail = nullptr);

// rc is RECTIFY_OK or a code the library knows (rectify_strerror does not call it unknown);
// rectify_errmsg() is never NULL, and after a failure it says something and rectify_errcode()
// is rc. Returns rc, so that calls read `if (checked(rectify_x(...), "rectify_x") == RECTIFY_OK)`.
int checked(int rc, const char *call);

// Like checked(), and on failure the caller-owned pointer *out must have been set to NULL.
// It takes the out-parameter's address, not its value: a value would be an argument of the same
// call as rc, and C++ may read it before the call that sets it has run.
int checked_owned(int rc, const char *call, const void *out_value);
template <class T> int checked_out(int rc, const char *call, T *const *out) { return checked_owned(rc, call, *out); }

// A new database of the current schema, in memory, with "fuzzer" as its first actor (and so its
// administrator). Closed with rectify_db_close(). Aborts if it cannot be opened: the fuzz targets
// test what happens to a database, not whether one can be made.
rectify_db *open_scratch_db();

// Number of audit events in the database (each holds one "prev_hash" member).
int64_t audit_event_count(rectify_db *db);

} // namespace rectify_fuzz
