// What every extern "C" body uses: the per-thread last error, a guard that turns every
// exception into a code (nothing crosses the ABI), argument checks, and copies of strings into
// memory the caller frees with rectify_free().
#pragma once

#include "core/calendar.hpp"
#include "core/enums.hpp"
#include "core/error.hpp"
#include "rectify/rectify.h"
#include "service/service.hpp"

#include <SQLiteCpp/Exception.h>

#include <cstring>
#include <memory>
#include <new>
#include <string>

struct rectify_db {
    std::unique_ptr<rectify::service::Service> service;
};

struct rectify_calendar {
    rectify::core::Calendar calendar;
};

namespace rectify::capi {

int set_error(int code, const char *message) noexcept;

template <class F> int guarded(F &&body) noexcept {
    try {
        body();
        return RECTIFY_OK;
    } catch (const core::Error &e) {
        return set_error(static_cast<int>(e.code()), e.what());
    } catch (const std::bad_alloc &) {
        return set_error(RECTIFY_E_NOMEM, "out of memory");
    } catch (const SQLite::Exception &e) {
        // A database failure no store call put into words: SQLite's text stays out of the message.
        return set_error(RECTIFY_E_DB, ("the database reported an error (database result code " +
                                        std::to_string(e.getExtendedErrorCode()) + ")").c_str());
    } catch (const std::exception &e) {
        return set_error(RECTIFY_E_INTERNAL, e.what());
    } catch (...) {
        return set_error(RECTIFY_E_INTERNAL, "unknown internal failure");
    }
}

[[noreturn]] inline void bad_argument(const std::string &what) { throw core::Error(core::Errc::argument, what); }

template <class T> void require(const T *p, const char *name) {
    if (!p) bad_argument(std::string(name) + " must not be NULL");
}

inline service::Service &service_of(rectify_db *db) {
    require(db, "db");
    if (!db->service) throw core::Error(core::Errc::misuse, "db: the handle is closed");
    return *db->service;
}

core::Kind kind_arg(int kind);

// A date argument in YYYY-MM-DD form naming a real day; RECTIFY_E_ARGUMENT naming `what` if not.
core::Date date_arg(const char *what, const char *text);
// The as-of date: the one given, or today in UTC when text is NULL.
core::Date as_of_arg(const char *text);
core::Status status_arg(int status);
// A RECTIFY_AUDIENCE_* value; RECTIFY_E_ARGUMENT if not.
io::Audience audience_arg(int audience);

// A malloc'ed NUL-terminated copy the caller frees with rectify_free().
char *copy_out(const std::string &s);

} // namespace rectify::capi
