/*
 * rectify/rectify.hpp: a header-only C++17 wrapper over the rectify C API.
 *
 * Why header-only: the C ABI (rectify/rectify.h) is the only promise librectify makes. C++ types
 * never cross it, so this wrapper must be compiled into the caller, with the caller's compiler and
 * standard library; it adds ownership (RAII) and exceptions, and nothing else. Every call maps to
 * exactly one C function, so the C headers' documentation holds for the C++ call too.
 *
 * - Failures throw rectify::error carrying the negative RECTIFY_E_* code and the message of
 *   rectify_errmsg(), read at once, because the next rectify call on the thread replaces it.
 * - Strings the library allocates are moved into std::string and released with rectify_free()
 *   through a unique_ptr deleter, so no path (including a throwing std::string constructor) leaks.
 * - Strings passed in are std::string_view; they are copied to NUL-terminated strings for the C
 *   call, and refused (RECTIFY_E_ARGUMENT) if they contain a NUL byte, which C would silently
 *   truncate at.
 * - rectify::db is move-only: it owns one rectify_db handle and closes it in its destructor. Like
 *   the handle, it may be used by one thread at a time; that is why even the reading members are
 *   not const (a const member would suggest concurrent reads are safe; they are not).
 * - Every call, reads included, is authorised by the handle's actor (rectify/access.h); a call the
 *   actor may not make throws RECTIFY_E_DENIED, whose message names the missing permission.
 * - One exception to "failures throw": db::audit_verify() returns a tampered log as its answer
 *   (audit_verification::intact false) instead of throwing, because finding tampering is what a
 *   verification is for; pass on_tampered::raise to have it throw RECTIFY_E_TAMPERED instead.
 */
#ifndef RECTIFY_RECTIFY_HPP
#define RECTIFY_RECTIFY_HPP

#include "rectify.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace rectify {

/** Record kinds, as RECTIFY_KIND_*. */
enum class kind : int {
    round = RECTIFY_KIND_ROUND,
    unit = RECTIFY_KIND_UNIT,
    inspection = RECTIFY_KIND_INSPECTION,
    aspect = RECTIFY_KIND_ASPECT,
    issue = RECTIFY_KIND_ISSUE,
    measure = RECTIFY_KIND_MEASURE,
    progress = RECTIFY_KIND_PROGRESS,
    outcome = RECTIFY_KIND_OUTCOME,
};

/** Statuses of issues and measures, as RECTIFY_STATUS_*. */
enum class status : int {
    not_started = RECTIFY_STATUS_NOT_STARTED,
    in_progress = RECTIFY_STATUS_IN_PROGRESS,
    substantially_done = RECTIFY_STATUS_SUBSTANTIALLY_DONE,
    done = RECTIFY_STATUS_DONE,
    closed = RECTIFY_STATUS_CLOSED,
    reopened = RECTIFY_STATUS_REOPENED,
};

/** Notice audiences, as RECTIFY_AUDIENCE_*. */
enum class audience : int {
    internal = RECTIFY_AUDIENCE_INTERNAL,
    public_ = RECTIFY_AUDIENCE_PUBLIC, /**< trailing underscore: `public` is a keyword */
};

/** Notice formats, as RECTIFY_FORMAT_*. */
enum class format : int {
    text = RECTIFY_FORMAT_TEXT,
};

/** Roles, as RECTIFY_ROLE_* (docs/access.md lists what each may do). */
enum class role : int {
    admin = RECTIFY_ROLE_ADMIN,           /**< 巡察办 */
    inspector = RECTIFY_ROLE_INSPECTOR,   /**< 巡察组 */
    liaison = RECTIFY_ROLE_LIAISON,       /**< 整改联络员 */
    owner = RECTIFY_ROLE_OWNER,           /**< 责任人 */
    supervisor = RECTIFY_ROLE_SUPERVISOR, /**< 纪委监委/组织部 */
    auditor = RECTIFY_ROLE_AUDITOR,       /**< 审计 */
    public_ = RECTIFY_ROLE_PUBLIC,        /**< 社会公众; trailing underscore: `public` is a keyword */
};

/** What a role is granted on, as RECTIFY_SCOPE_*. */
enum class scope : int {
    all = RECTIFY_SCOPE_ALL,     /**< the whole database (scope id 0) */
    round = RECTIFY_SCOPE_ROUND, /**< one round (scope id: the round's id) */
    unit = RECTIFY_SCOPE_UNIT,   /**< one unit (scope id: the unit's id) */
};

/** What db::audit_verify() does when the log or the records fail verification. */
enum class on_tampered {
    report, /**< return the verification with intact == false (the default) */
    raise,  /**< throw rectify::error with RECTIFY_E_TAMPERED and the first broken link */
};

/**
 * A failed rectify call. code() is the negative RECTIFY_E_* code (compare it with those macros;
 * new codes may appear, so treat unknown ones as plain failures); what() is the message
 * rectify_errmsg() gave, or rectify_strerror(code) when that was empty.
 */
class error : public std::runtime_error {
public:
    error(int code, const std::string &message)
        : std::runtime_error(message.empty() ? std::string(::rectify_strerror(code)) : message),
          code_(code) {}

    /** The RECTIFY_E_* code, always negative. */
    int code() const noexcept { return code_; }

private:
    int code_;
};

namespace detail {

/** Releases library-owned memory; the one deleter for every pointer the C API hands out. */
struct free_deleter {
    void operator()(void *p) const noexcept { ::rectify_free(p); }
};

/** A string the library allocated; owning it from the moment the C call returns. */
using c_string = std::unique_ptr<char, free_deleter>;

/** Throws rectify::error for a negative code, capturing the thread's message first. */
inline void check(int rc) {
    if (rc < 0) {
        throw error(rc, ::rectify_errmsg());
    }
}

/** Copies a library string into a std::string (an empty one for NULL). */
inline std::string take(const c_string &s) { return s ? std::string(s.get()) : std::string(); }

/** As take(), for a string whose byte length the library reported. */
inline std::string take(const c_string &s, std::size_t len) {
    return s ? std::string(s.get(), len) : std::string();
}

/**
 * A NUL-terminated copy of text for a C call. C stops at the first NUL, so a string_view holding
 * one would be silently cut short; refuse it instead, naming the argument.
 */
inline std::string c_arg(std::string_view text, const char *what) {
    if (text.find('\0') != std::string_view::npos) {
        throw error(RECTIFY_E_ARGUMENT, std::string(what) + ": contains a NUL byte");
    }
    return std::string(text);
}

} // namespace detail

/** The library's version, "MAJOR.MINOR.PATCH" (may differ from RECTIFY_VERSION_STRING). */
inline std::string_view version() noexcept { return ::rectify_version(); }

/** The library's version as MAJOR * 10000 + MINOR * 100 + PATCH. */
inline int version_number() noexcept { return ::rectify_version_number(); }

/** The schema version this library writes. */
inline int schema_version() noexcept { return ::rectify_schema_version(); }

/** Static English text for a code. */
inline std::string_view strerror(int code) noexcept { return ::rectify_strerror(code); }

/** The JSON name of a kind ("issue"). Throws RECTIFY_E_ARGUMENT for a value outside the enum. */
inline std::string_view kind_name(kind k) {
    const char *name = ::rectify_kind_name(static_cast<int>(k));
    if (name == nullptr) {
        throw error(RECTIFY_E_ARGUMENT, "unknown kind " + std::to_string(static_cast<int>(k)));
    }
    return name;
}

/** The kind named "issue", "measure" … Throws RECTIFY_E_ARGUMENT if unknown. */
inline kind kind_from_name(std::string_view name) {
    int k = 0;
    detail::check(::rectify_kind_from_name(&k, detail::c_arg(name, "kind name").c_str()));
    return static_cast<kind>(k);
}

/** The JSON name of a status ("in_progress"). Throws RECTIFY_E_ARGUMENT if unknown. */
inline std::string_view status_name(status s) {
    const char *name = ::rectify_status_name(static_cast<int>(s));
    if (name == nullptr) {
        throw error(RECTIFY_E_ARGUMENT, "unknown status " + std::to_string(static_cast<int>(s)));
    }
    return name;
}

/** The Chinese label of a status ("整改中"), UTF-8. Throws RECTIFY_E_ARGUMENT if unknown. */
inline std::string_view status_label(status s) {
    const char *label = ::rectify_status_label(static_cast<int>(s));
    if (label == nullptr) {
        throw error(RECTIFY_E_ARGUMENT, "unknown status " + std::to_string(static_cast<int>(s)));
    }
    return label;
}

/** The status named "in_progress" … Throws RECTIFY_E_ARGUMENT if unknown. */
inline status status_from_name(std::string_view name) {
    int s = 0;
    detail::check(::rectify_status_from_name(&s, detail::c_arg(name, "status name").c_str()));
    return static_cast<status>(s);
}

/** The name of a role ("liaison"). Throws RECTIFY_E_ARGUMENT for a value outside the enum. */
inline std::string_view role_name(role r) {
    const char *name = ::rectify_role_name(static_cast<int>(r));
    if (name == nullptr) {
        throw error(RECTIFY_E_ARGUMENT, "unknown role " + std::to_string(static_cast<int>(r)));
    }
    return name;
}

/** The role named "admin", "inspector" … Throws RECTIFY_E_ARGUMENT if unknown. */
inline role role_from_name(std::string_view name) {
    int r = 0;
    detail::check(::rectify_role_from_name(&r, detail::c_arg(name, "role name").c_str()));
    return static_cast<role>(r);
}

/** What an import did: the inspection's id and the JSON object counting what changed. */
struct import_result {
    std::int64_t inspection_id = 0;
    std::string summary;
};

/** Filters for db::record_list(); 0 means "no filter" / "no limit", as in the C struct. */
struct list_options {
    std::int64_t inspection_id = 0; /**< only records of this inspection */
    std::int64_t parent_id = 0;     /**< only children of this record */
    std::int64_t offset = 0;        /**< records to skip */
    std::int64_t limit = 0;         /**< at most this many */
};

/**
 * The answer of db::audit_verify(). With on_tampered::report it is returned whether the log is
 * whole or not; report is the library's JSON object either way (intact, events, head_hash,
 * broken_at, problem: rectify/audit.h). Keep head_hash somewhere else: a later log that no longer
 * passes through it was rewritten.
 */
struct audit_verification {
    bool intact = false;
    std::string report;  /**< the JSON report */
    std::string problem; /**< the first broken link (rectify_errmsg()) when not intact; else empty */

    explicit operator bool() const noexcept { return intact; }
};

/**
 * An open rectify database; owns one rectify_db handle.
 *
 * Move-only, because two owners of one handle would close it twice. A moved-from or default-built
 * db holds no handle: is_open() is false and every operation throws RECTIFY_E_MISUSE rather than
 * passing NULL to the library.
 */
class db {
public:
    /** A db that holds no handle; assign an opened one to it. */
    db() noexcept = default;

    /**
     * Opens (and with RECTIFY_OPEN_CREATE creates) the database at path. actor names who acts
     * through this handle: every call is authorised by it and every change audited under it.
     * Empty means none, and then every call but opening is refused (RECTIFY_E_DENIED, or
     * RECTIFY_E_NO_ACTOR for changes). A database with no users yet makes the first actor that
     * opens it read-write its admin on the whole database.
     * busy_timeout_ms 0 means the library's default (5000).
     */
    explicit db(const std::string &path, unsigned flags = RECTIFY_OPEN_CREATE,
                std::string_view actor = {}, int busy_timeout_ms = 0) {
        const std::string c_path = detail::c_arg(path, "path");
        const std::string c_actor = detail::c_arg(actor, "actor");
        rectify_open_options opts = RECTIFY_OPEN_OPTIONS_INIT;
        opts.flags = flags;
        opts.busy_timeout_ms = busy_timeout_ms;
        opts.actor = c_actor.empty() ? nullptr : c_actor.c_str();
        detail::check(::rectify_db_open(&handle_, c_path.c_str(), &opts));
    }

    /** Named form of the constructor, for call sites that read better with a verb. */
    static db open(const std::string &path, unsigned flags = RECTIFY_OPEN_CREATE,
                   std::string_view actor = {}, int busy_timeout_ms = 0) {
        return db(path, flags, actor, busy_timeout_ms);
    }

    db(const db &) = delete;
    db &operator=(const db &) = delete;

    db(db &&other) noexcept : handle_(std::exchange(other.handle_, nullptr)) {}

    db &operator=(db &&other) noexcept {
        if (this != &other) {
            close();
            handle_ = std::exchange(other.handle_, nullptr);
        }
        return *this;
    }

    ~db() { close(); }

    /** Closes the handle now (the destructor would otherwise). Safe to call twice. */
    void close() noexcept {
        ::rectify_db_close(handle_);
        handle_ = nullptr;
    }

    /** Whether this object holds an open handle. */
    bool is_open() const noexcept { return handle_ != nullptr; }
    explicit operator bool() const noexcept { return is_open(); }

    /** The C handle, for calls this wrapper does not cover; still owned by this object. */
    rectify_db *get() noexcept { return handle_; }

    /**
     * Sets who acts through this handle; every later call is authorised by that name and every
     * change audited under it. On a read-write handle to a database with no users yet, the actor
     * becomes its admin (as on open).
     */
    void set_actor(std::string_view actor) {
        const std::string c_actor = detail::c_arg(actor, "actor");
        detail::check(::rectify_db_set_actor(h(), c_actor.c_str()));
    }

    /** Clears the actor; later changes fail with RECTIFY_E_NO_ACTOR, reads with RECTIFY_E_DENIED. */
    void clear_actor() { detail::check(::rectify_db_set_actor(h(), nullptr)); }

    /** The schema version of the open database, after any upgrade on open. */
    int schema_version() {
        int v = 0;
        detail::check(::rectify_db_schema_version(&v, h()));
        return v;
    }

    /** Imports one "rectify-inspection" document; all of it or nothing (docs/schema.md). */
    import_result import_json(std::string_view json) {
        import_result r;
        char *summary = nullptr;
        const int rc = ::rectify_import_json(&r.inspection_id, &summary, h(), json.data(), json.size());
        detail::c_string owned(summary);
        detail::check(rc);
        r.summary = detail::take(owned);
        return r;
    }

    /** As import_json(), reading the document from the file at path. */
    import_result import_file(const std::string &path) {
        const std::string c_path = detail::c_arg(path, "path");
        import_result r;
        char *summary = nullptr;
        const int rc = ::rectify_import_file(&r.inspection_id, &summary, h(), c_path.c_str());
        detail::c_string owned(summary);
        detail::check(rc);
        r.summary = detail::take(owned);
        return r;
    }

    /** One inspection as a document, byte for byte as the library wrote it. */
    std::string export_json(std::int64_t inspection_id) {
        char *json = nullptr;
        std::size_t len = 0;
        const int rc = ::rectify_export_json(&json, &len, h(), inspection_id);
        detail::c_string owned(json);
        detail::check(rc);
        return detail::take(owned, len);
    }

    /** One record as a JSON object (docs/records.md). Throws RECTIFY_E_NOT_FOUND if none. */
    std::string record_get(kind k, std::int64_t id) {
        char *json = nullptr;
        const int rc = ::rectify_record_get(&json, h(), static_cast<int>(k), id);
        detail::c_string owned(json);
        detail::check(rc);
        return detail::take(owned);
    }

    /** The id of the record of kind k whose host key is ref. Throws RECTIFY_E_NOT_FOUND if none. */
    std::int64_t record_find(kind k, std::string_view ref) {
        const std::string c_ref = detail::c_arg(ref, "ref");
        std::int64_t id = 0;
        detail::check(::rectify_record_find(&id, h(), static_cast<int>(k), c_ref.c_str()));
        return id;
    }

    /** Records of kind k as a JSON array, in display order. */
    std::string record_list(kind k, const list_options &options = {}) {
        rectify_list_options opts = RECTIFY_LIST_OPTIONS_INIT;
        opts.inspection_id = options.inspection_id;
        opts.parent_id = options.parent_id;
        opts.offset = options.offset;
        opts.limit = options.limit;
        char *json = nullptr;
        const int rc = ::rectify_record_list(&json, h(), static_cast<int>(k), &opts);
        detail::c_string owned(json);
        detail::check(rc);
        return detail::take(owned);
    }

    /**
     * Moves an issue or measure to status s and returns its new version. expect_version is the
     * version last seen (0 skips the check): a stale one throws RECTIFY_E_CONFLICT, a move the
     * status machine forbids RECTIFY_E_TRANSITION; either way nothing changes.
     */
    std::int64_t status_set(kind k, std::int64_t id, status s, std::int64_t expect_version = 0) {
        std::int64_t v = 0;
        detail::check(::rectify_status_set(&v, h(), static_cast<int>(k), id, static_cast<int>(s),
                                           expect_version));
        return v;
    }

    /**
     * Adds a dated progress record to a measure and returns its id. date is "YYYY-MM-DD";
     * no author means the handle's actor.
     */
    std::int64_t progress_add(std::int64_t measure_id, std::string_view date, std::string_view text,
                              std::optional<std::string_view> author = std::nullopt) {
        const std::string c_date = detail::c_arg(date, "date");
        const std::string c_text = detail::c_arg(text, "text");
        const std::string c_author = author ? detail::c_arg(*author, "author") : std::string();
        std::int64_t id = 0;
        detail::check(::rectify_progress_add(&id, h(), measure_id, c_date.c_str(), c_text.c_str(),
                                             author ? c_author.c_str() : nullptr));
        return id;
    }

    /** The notice (整改情况通报) of one inspection, rendered for an audience. */
    std::string notice_render(std::int64_t inspection_id, audience a = audience::internal,
                              format f = format::text) {
        rectify_notice_options opts = RECTIFY_NOTICE_OPTIONS_INIT;
        opts.audience = static_cast<int>(a);
        opts.format = static_cast<int>(f);
        char *text = nullptr;
        const int rc = ::rectify_notice_render(&text, h(), inspection_id, &opts);
        detail::c_string owned(text);
        detail::check(rc);
        return detail::take(owned);
    }

    // --- Users and grants (rectify/access.h); all need admin on the whole database. ---

    /**
     * Adds a user: name is the actor name the host authenticates; display_name may be omitted.
     * Throws RECTIFY_E_DUPLICATE if the name is taken.
     */
    void user_add(std::string_view name, std::optional<std::string_view> display_name = std::nullopt) {
        const std::string c_name = detail::c_arg(name, "name");
        const std::string c_display = display_name ? detail::c_arg(*display_name, "display_name") : std::string();
        detail::check(::rectify_user_add(h(), c_name.c_str(), display_name ? c_display.c_str() : nullptr));
    }

    /**
     * Grants role r on a scope to the user name: scope::all with scope_id 0, or scope::round /
     * scope::unit with that record's id. Granting what the user holds already does nothing.
     */
    void user_grant(std::string_view name, role r, scope s = scope::all, std::int64_t scope_id = 0) {
        const std::string c_name = detail::c_arg(name, "name");
        detail::check(::rectify_user_grant(h(), c_name.c_str(), static_cast<int>(r), static_cast<int>(s), scope_id));
    }

    /**
     * Revokes role r on a scope from the user name. Throws RECTIFY_E_NOT_FOUND if the user does
     * not hold it, RECTIFY_E_MISUSE for the last admin on the whole database.
     */
    void user_revoke(std::string_view name, role r, scope s = scope::all, std::int64_t scope_id = 0) {
        const std::string c_name = detail::c_arg(name, "name");
        detail::check(::rectify_user_revoke(h(), c_name.c_str(), static_cast<int>(r), static_cast<int>(s), scope_id));
    }

    /** The users and their grants as a JSON array (rectify/access.h). */
    std::string user_list() {
        char *json = nullptr;
        const int rc = ::rectify_user_list(&json, h());
        detail::c_string owned(json);
        detail::check(rc);
        return detail::take(owned);
    }

    // --- The audit log and backups (rectify/audit.h). ---

    /**
     * Every audit event as a JSON array, oldest first; offset and limit page (limit 0: all).
     * Needs read_audit on the whole database.
     */
    std::string audit_log(std::int64_t offset = 0, std::int64_t limit = 0) {
        char *json = nullptr;
        const int rc = ::rectify_audit_log(&json, h(), 0, 0, offset, limit);
        detail::c_string owned(json);
        detail::check(rc);
        return detail::take(owned);
    }

    /** The audit events of one record as a JSON array, oldest first; paged as audit_log(). */
    std::string audit_log(kind k, std::int64_t record_id, std::int64_t offset = 0, std::int64_t limit = 0) {
        char *json = nullptr;
        const int rc = ::rectify_audit_log(&json, h(), static_cast<int>(k), record_id, offset, limit);
        detail::c_string owned(json);
        detail::check(rc);
        return detail::take(owned);
    }

    /**
     * Walks the whole audit chain and compares every record with its last audited state.
     * A broken chain or a record changed behind the library's back is the answer, not a failure:
     * it comes back with intact == false and the first broken link in problem, unless
     * on_tampered::raise asks for RECTIFY_E_TAMPERED to be thrown. Any other failure (denied,
     * I/O) throws as usual.
     */
    audit_verification audit_verify(on_tampered what = on_tampered::report) {
        char *report = nullptr;
        const int rc = ::rectify_audit_verify(&report, h());
        detail::c_string owned(report);
        audit_verification v;
        if (rc == RECTIFY_E_TAMPERED) {
            v.problem = ::rectify_errmsg(); // read before anything else can call the library
            if (what == on_tampered::raise) {
                throw error(rc, v.problem);
            }
        } else {
            detail::check(rc);
        }
        v.intact = rc == RECTIFY_OK;
        v.report = detail::take(owned);
        return v;
    }

    /**
     * Writes a consistent copy of the whole database to dest_path, which must not exist, while
     * other connections go on writing. Needs admin or auditor on the whole database.
     */
    void backup(const std::string &dest_path) {
        const std::string c_path = detail::c_arg(dest_path, "dest_path");
        detail::check(::rectify_backup(h(), c_path.c_str()));
    }

private:
    /** The handle for a C call; a closed db is a programming error, reported as MISUSE. */
    rectify_db *h() const {
        if (handle_ == nullptr) {
            throw error(RECTIFY_E_MISUSE, "rectify::db: the database is not open");
        }
        return handle_;
    }

    rectify_db *handle_ = nullptr;
};

} // namespace rectify

#endif /* RECTIFY_RECTIFY_HPP */
