// Version, errors and memory: the calls every other part of the API relies on.
#include "capi/guard.hpp"

#include "core/date.hpp"

#include <cstdlib>

namespace rectify::capi {

namespace {

struct LastError {
    int code = RECTIFY_OK;
    std::string message;
};

LastError &last_error() {
    thread_local LastError e;
    return e;
}

// core::Errc and the public codes are one list; a mismatch would hand callers wrong codes.
static_assert(static_cast<int>(core::Errc::internal) == RECTIFY_E_INTERNAL);
static_assert(static_cast<int>(core::Errc::nomem) == RECTIFY_E_NOMEM);
static_assert(static_cast<int>(core::Errc::argument) == RECTIFY_E_ARGUMENT);
static_assert(static_cast<int>(core::Errc::not_found) == RECTIFY_E_NOT_FOUND);
static_assert(static_cast<int>(core::Errc::conflict) == RECTIFY_E_CONFLICT);
static_assert(static_cast<int>(core::Errc::transition) == RECTIFY_E_TRANSITION);
static_assert(static_cast<int>(core::Errc::json) == RECTIFY_E_JSON);
static_assert(static_cast<int>(core::Errc::invalid) == RECTIFY_E_INVALID);
static_assert(static_cast<int>(core::Errc::utf8) == RECTIFY_E_UTF8);
static_assert(static_cast<int>(core::Errc::io) == RECTIFY_E_IO);
static_assert(static_cast<int>(core::Errc::db) == RECTIFY_E_DB);
static_assert(static_cast<int>(core::Errc::busy) == RECTIFY_E_BUSY);
static_assert(static_cast<int>(core::Errc::schema_newer) == RECTIFY_E_SCHEMA_NEWER);
static_assert(static_cast<int>(core::Errc::not_a_db) == RECTIFY_E_NOT_A_DB);
static_assert(static_cast<int>(core::Errc::no_actor) == RECTIFY_E_NO_ACTOR);
static_assert(static_cast<int>(core::Errc::duplicate) == RECTIFY_E_DUPLICATE);
static_assert(static_cast<int>(core::Errc::misuse) == RECTIFY_E_MISUSE);
static_assert(static_cast<int>(core::Errc::denied) == RECTIFY_E_DENIED);
static_assert(static_cast<int>(core::Errc::unknown_date) == RECTIFY_E_UNKNOWN_DATE);
static_assert(static_cast<int>(core::Errc::tampered) == RECTIFY_E_TAMPERED);
static_assert(static_cast<int>(core::Errc::guard) == RECTIFY_E_GUARD);
static_assert(static_cast<int>(core::Errc::interrupted) == RECTIFY_E_INTERRUPTED);

static_assert(static_cast<int>(core::Kind::outcome) == RECTIFY_KIND_OUTCOME);
static_assert(static_cast<int>(core::Status::reopened) == RECTIFY_STATUS_REOPENED);

} // namespace

int set_error(int code, const char *message) noexcept {
    try {
        auto &e = last_error();
        e.code = code;
        e.message = message ? message : "";
    } catch (...) {
        // Out of memory while recording the message: the code still reaches the caller.
    }
    return code;
}

core::Kind kind_arg(int kind) {
    if (kind < RECTIFY_KIND_ROUND || kind > RECTIFY_KIND_OUTCOME)
        bad_argument("kind " + std::to_string(kind) + " is not a RECTIFY_KIND_* value");
    return static_cast<core::Kind>(kind);
}

core::Date date_arg(const char *what, const char *text) {
    require(text, what);
    auto d = core::parse_date(text);
    if (!d) bad_argument(std::string(what) + ": " + text + " " + core::describe_bad_date(text));
    return *d;
}

core::Date as_of_arg(const char *text) { return text ? date_arg("as_of", text) : core::today(); }

io::Audience audience_arg(int audience) {
    if (audience != RECTIFY_AUDIENCE_INTERNAL && audience != RECTIFY_AUDIENCE_PUBLIC)
        bad_argument("audience " + std::to_string(audience) + " is not a RECTIFY_AUDIENCE_* value");
    return audience == RECTIFY_AUDIENCE_PUBLIC ? io::Audience::public_ : io::Audience::internal;
}

core::Status status_arg(int status) {
    if (status < RECTIFY_STATUS_NOT_STARTED || status > RECTIFY_STATUS_REOPENED)
        bad_argument("status " + std::to_string(status) + " is not a RECTIFY_STATUS_* value");
    return static_cast<core::Status>(status);
}

char *copy_out(const std::string &s) {
    auto *p = static_cast<char *>(std::malloc(s.size() + 1));
    if (!p) throw std::bad_alloc();
    std::memcpy(p, s.c_str(), s.size() + 1);
    return p;
}

} // namespace rectify::capi

using namespace rectify;

extern "C" {

const char *rectify_version(void) { return RECTIFY_VERSION_STRING; }

int rectify_version_number(void) { return RECTIFY_VERSION_NUMBER; }

void rectify_free(void *p) { std::free(p); }

const char *rectify_errmsg(void) {
    try {
        return capi::last_error().message.c_str();
    } catch (...) {
        return "";
    }
}

int rectify_errcode(void) {
    try {
        return capi::last_error().code;
    } catch (...) {
        return RECTIFY_E_INTERNAL;
    }
}

const char *rectify_strerror(int code) {
    switch (code) {
    case RECTIFY_OK: return "not an error";
    case RECTIFY_E_INTERNAL: return "internal error";
    case RECTIFY_E_NOMEM: return "out of memory";
    case RECTIFY_E_ARGUMENT: return "invalid argument";
    case RECTIFY_E_NOT_FOUND: return "record not found";
    case RECTIFY_E_CONFLICT: return "version conflict: the record was changed since it was read";
    case RECTIFY_E_TRANSITION: return "status transition not allowed";
    case RECTIFY_E_JSON: return "malformed JSON";
    case RECTIFY_E_INVALID: return "invalid data";
    case RECTIFY_E_UTF8: return "invalid UTF-8";
    case RECTIFY_E_IO: return "file could not be read or written";
    case RECTIFY_E_DB: return "database error";
    case RECTIFY_E_BUSY: return "database busy";
    case RECTIFY_E_SCHEMA_NEWER: return "database written by a newer rectify";
    case RECTIFY_E_NOT_A_DB: return "not a rectify database";
    case RECTIFY_E_NO_ACTOR: return "no actor set for a change";
    case RECTIFY_E_DUPLICATE: return "already recorded: another record has the same key";
    case RECTIFY_E_MISUSE: return "call not allowed in this state";
    case RECTIFY_E_DENIED: return "permission denied";
    case RECTIFY_E_UNKNOWN_DATE: return "date in a year the calendar has no data for";
    case RECTIFY_E_TAMPERED: return "audit log or records fail verification";
    case RECTIFY_E_GUARD: return "close-out refused by a guard";
    case RECTIFY_E_INTERRUPTED: return "stopped by the progress callback";
    default: return "unknown error code";
    }
}

} // extern "C"
