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
 * - rectify::calendar owns one rectify_calendar (rectify/calendar.h). Unlike db it is copyable
 *   (a copy is an independent calendar, rectify_calendar_copy) and its questions are const: the C
 *   API lets calls that only read a calendar run on several threads at once.
 * - Callbacks (db::warnings() with a callable) are called from inside a C call; an exception a
 *   callback throws stops the stream, is carried across the C frames (never through them) and
 *   rethrown once the C call has returned.
 * - One exception to "failures throw": db::audit_verify() returns a tampered log as its answer
 *   (audit_verification::intact false) instead of throwing, because finding tampering is what a
 *   verification is for; pass on_tampered::raise to have it throw RECTIFY_E_TAMPERED instead.
 */
#ifndef RECTIFY_RECTIFY_HPP
#define RECTIFY_RECTIFY_HPP

#include "rectify.h"

#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
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
    text = RECTIFY_FORMAT_TEXT,         /**< the notice, plain text */
    markdown = RECTIFY_FORMAT_MARKDOWN, /**< the notice, Markdown */
    html = RECTIFY_FORMAT_HTML,         /**< the dashboard */
    csv = RECTIFY_FORMAT_CSV,           /**< the ledger (台账), CSV with a BOM */
    xlsx = RECTIFY_FORMAT_XLSX,         /**< the ledger, an Excel workbook (bytes) */
    oscal = RECTIFY_FORMAT_OSCAL,       /**< OSCAL plan of action and milestones, JSON */
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

/** What a date is in a calendar, as RECTIFY_DAY_* (rectify/calendar.h). */
enum class day_type : int {
    workday = RECTIFY_DAY_WORKDAY,                   /**< Monday-Friday working day (工作日) */
    weekend = RECTIFY_DAY_WEEKEND,                   /**< Saturday or Sunday off (周末) */
    holiday = RECTIFY_DAY_HOLIDAY,                   /**< statutory or local day off (法定节假日) */
    adjusted_workday = RECTIFY_DAY_ADJUSTED_WORKDAY, /**< weekend day made a working day (调休上班) */
    unknown = RECTIFY_DAY_UNKNOWN,                   /**< in a year the calendar has no data for */
};

/** What a calendar call does with a date in a year it has no data for, as RECTIFY_UNKNOWN_*. */
enum class unknown_policy : int {
    calendar_default = RECTIFY_UNKNOWN_DEFAULT, /**< per call only: the calendar's own policy */
    fail = RECTIFY_UNKNOWN_FAIL,                /**< throw RECTIFY_E_UNKNOWN_DATE naming the first such day */
    weekdays = RECTIFY_UNKNOWN_WEEKDAYS,        /**< count unknown days as an ordinary Monday-Friday week */
};

/** Units of a legal period, as RECTIFY_PERIOD_*. */
enum class period_unit : int {
    days = RECTIFY_PERIOD_DAYS,         /**< natural days */
    months = RECTIFY_PERIOD_MONTHS,     /**< calendar months */
    workdays = RECTIFY_PERIOD_WORKDAYS, /**< working days */
};

/** Warning lights (预警), as RECTIFY_LIGHT_*; their order is severity. */
enum class light : int {
    green = RECTIFY_LIGHT_GREEN,   /**< 绿: on track, or done */
    blue = RECTIFY_LIGHT_BLUE,     /**< 蓝: ongoing (长期坚持, 持续整改) */
    yellow = RECTIFY_LIGHT_YELLOW, /**< 黄: within the profile's warning days */
    red = RECTIFY_LIGHT_RED,       /**< 红: overdue */
};

/** The bit of one light in warning_options::lights (as 1 << RECTIFY_LIGHT_x). */
constexpr unsigned light_bit(light l) noexcept { return 1u << static_cast<unsigned>(l); }

/** What a warnings row stands for, as RECTIFY_ROLLUP_*. */
enum class rollup : int {
    measure = RECTIFY_ROLLUP_MEASURE,
    issue = RECTIFY_ROLLUP_ISSUE,
    inspection = RECTIFY_ROLLUP_INSPECTION,
    unit = RECTIFY_ROLLUP_UNIT,
    round = RECTIFY_ROLLUP_ROUND,
};

/** The escalation (督办) chain, in order of severity, as RECTIFY_ESCALATION_*. */
enum class escalation_level : int {
    notice = RECTIFY_ESCALATION_NOTICE,                 /**< 督办通知书 */
    guidance = RECTIFY_ESCALATION_GUIDANCE,             /**< 阶段督查指导书 */
    reminder = RECTIFY_ESCALATION_REMINDER,             /**< 提醒书 */
    warning = RECTIFY_ESCALATION_WARNING,               /**< 告诫书 */
    accountability = RECTIFY_ESCALATION_ACCOUNTABILITY, /**< 问责书 */
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

// The answer of a verification call, whose report the library sets whether or not the check
// passes: RECTIFY_E_TAMPERED is an answer (intact false, problem the library's message, read
// before anything else can call the library) unless what asks for it to be thrown; any other
// failure throws. V has intact, report and problem.
template <class V> V verification(int rc, char *report, on_tampered what) {
    c_string owned(report);
    V v;
    if (rc == RECTIFY_E_TAMPERED) {
        v.problem = ::rectify_errmsg();
        if (what == on_tampered::raise) {
            throw error(rc, v.problem);
        }
    } else {
        check(rc);
    }
    v.intact = rc == RECTIFY_OK;
    v.report = take(owned);
    return v;
}

// A name the C API returns for an enum value, or an error for a value outside the enum.
inline std::string_view name_or_throw(const char *name, const char *what, int value) {
    if (name == nullptr) throw error(RECTIFY_E_ARGUMENT, std::string("unknown ") + what + " " + std::to_string(value));
    return name;
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
    return detail::name_or_throw(::rectify_kind_name(static_cast<int>(k)), "kind", static_cast<int>(k));
}

/** The kind named "issue", "measure" … Throws RECTIFY_E_ARGUMENT if unknown. */
inline kind kind_from_name(std::string_view name) {
    int k = 0;
    detail::check(::rectify_kind_from_name(&k, detail::c_arg(name, "kind name").c_str()));
    return static_cast<kind>(k);
}

/** The JSON name of a status ("in_progress"). Throws RECTIFY_E_ARGUMENT if unknown. */
inline std::string_view status_name(status s) {
    return detail::name_or_throw(::rectify_status_name(static_cast<int>(s)), "status", static_cast<int>(s));
}

/** The Chinese label of a status ("整改中"), UTF-8. Throws RECTIFY_E_ARGUMENT if unknown. */
inline std::string_view status_label(status s) {
    return detail::name_or_throw(::rectify_status_label(static_cast<int>(s)), "status", static_cast<int>(s));
}

/** The status named "in_progress" … Throws RECTIFY_E_ARGUMENT if unknown. */
inline status status_from_name(std::string_view name) {
    int s = 0;
    detail::check(::rectify_status_from_name(&s, detail::c_arg(name, "status name").c_str()));
    return static_cast<status>(s);
}

/** The name of a role ("liaison"). Throws RECTIFY_E_ARGUMENT for a value outside the enum. */
inline std::string_view role_name(role r) {
    return detail::name_or_throw(::rectify_role_name(static_cast<int>(r)), "role", static_cast<int>(r));
}

/** The role named "admin", "inspector" … Throws RECTIFY_E_ARGUMENT if unknown. */
inline role role_from_name(std::string_view name) {
    int r = 0;
    detail::check(::rectify_role_from_name(&r, detail::c_arg(name, "role name").c_str()));
    return static_cast<role>(r);
}

/** The name of a day type ("workday", "adjusted_workday" …). Throws RECTIFY_E_ARGUMENT outside the enum. */
inline std::string_view day_type_name(day_type t) {
    return detail::name_or_throw(::rectify_day_type_name(static_cast<int>(t)), "day type", static_cast<int>(t));
}

/**
 * A working-day calendar; owns one rectify_calendar handle (rectify/calendar.h, whose comments
 * hold for each member here). Dates are "YYYY-MM-DD" in and out.
 *
 * Copyable: a copy is an independent calendar (rectify_calendar_copy). A moved-from or
 * default-built calendar holds no handle: is_open() is false and every operation throws
 * RECTIFY_E_MISUSE. The questions are const and, as in C, may run on several threads at once;
 * a change must not run alongside anything else on the same calendar.
 */
class calendar {
public:
    /** A calendar that holds no handle; assign a made one to it. */
    calendar() noexcept = default;

    /** Takes ownership of a handle made by the C API (rectify_calendar_new, rectify_db_calendar). */
    explicit calendar(rectify_calendar *adopt) noexcept : handle_(adopt) {}

    /** A copy of the bundled China calendar (the notices of 2007-2026); RECTIFY_CALENDAR_CHINA. */
    static calendar china() { return make(RECTIFY_CALENDAR_CHINA); }

    /** A calendar that knows no year: every date is unknown until notices are loaded. */
    static calendar empty() { return make(RECTIFY_CALENDAR_EMPTY); }

    calendar(const calendar &other) : handle_(nullptr) {
        if (other.handle_ != nullptr) {
            detail::check(::rectify_calendar_copy(&handle_, other.handle_));
        }
    }

    calendar &operator=(const calendar &other) {
        if (this != &other) {
            calendar copy(other); // may throw; this stays as it was
            std::swap(handle_, copy.handle_);
        }
        return *this;
    }

    calendar(calendar &&other) noexcept : handle_(std::exchange(other.handle_, nullptr)) {}

    calendar &operator=(calendar &&other) noexcept {
        if (this != &other) {
            ::rectify_calendar_free(handle_);
            handle_ = std::exchange(other.handle_, nullptr);
        }
        return *this;
    }

    ~calendar() { ::rectify_calendar_free(handle_); }

    /** Whether this object holds a calendar. */
    bool is_open() const noexcept { return handle_ != nullptr; }
    explicit operator bool() const noexcept { return is_open(); }

    /** The C handle, for calls this wrapper does not cover; still owned by this object. */
    rectify_calendar *get() noexcept { return handle_; }
    const rectify_calendar *get() const noexcept { return handle_; }

    /** Gives the handle up: the caller frees it with rectify_calendar_free(). */
    rectify_calendar *release() noexcept { return std::exchange(handle_, nullptr); }

    /**
     * Loads holiday notices (holiday-cn JSON: one notice or an array). A bad notice throws
     * (RECTIFY_E_JSON, RECTIFY_E_INVALID naming the path, RECTIFY_E_UTF8) and changes nothing.
     */
    void load_json(std::string_view json) { detail::check(::rectify_calendar_load_json(h(), json.data(), json.size())); }

    /** As load_json(), from the file at path. */
    void load_file(const std::string &path) {
        const std::string c_path = detail::c_arg(path, "path");
        detail::check(::rectify_calendar_load_file(h(), c_path.c_str()));
    }

    /**
     * The host's own statement about one date, over the notices: day_type::holiday makes it a day
     * off; day_type::workday or day_type::adjusted_workday a working day.
     */
    void set_day(std::string_view date, ::rectify::day_type t) {
        const std::string c_date = detail::c_arg(date, "date");
        detail::check(::rectify_calendar_set_day(h(), c_date.c_str(), static_cast<int>(t)));
    }

    /** Drops the host's statement about date; true if there was one. */
    bool clear_day(std::string_view date) {
        const std::string c_date = detail::c_arg(date, "date");
        int removed = 0;
        detail::check(::rectify_calendar_clear_day(&removed, h(), c_date.c_str()));
        return removed != 0;
    }

    /** The calendar's own policy for unknown dates: unknown_policy::fail or ::weekdays. */
    void set_unknown_policy(unknown_policy p) {
        detail::check(::rectify_calendar_set_unknown_policy(h(), static_cast<int>(p)));
    }

    /** Whether a notice for year has been loaded. */
    bool year_known(int year) const {
        int known = 0;
        detail::check(::rectify_calendar_year_known(&known, h(), year));
        return known != 0;
    }

    /** What date is (day_type::unknown included; no policy applies). */
    ::rectify::day_type day_type(std::string_view date) const {
        const std::string c_date = detail::c_arg(date, "date");
        int t = 0;
        detail::check(::rectify_calendar_day_type(&t, h(), c_date.c_str()));
        return static_cast<::rectify::day_type>(t);
    }

    /** Whether date is a working day. */
    bool is_workday(std::string_view date, unknown_policy p = unknown_policy::calendar_default) const {
        const std::string c_date = detail::c_arg(date, "date");
        int yes = 0;
        detail::check(::rectify_calendar_is_workday(&yes, h(), c_date.c_str(), static_cast<int>(p)));
        return yes != 0;
    }

    /** The n-th working day after date (n > 0), before it (n < 0), or date itself (n == 0). */
    std::string add_workdays(std::string_view date, int n, unknown_policy p = unknown_policy::calendar_default) const {
        const std::string c_date = detail::c_arg(date, "date");
        char out[RECTIFY_DATE_SIZE] = {};
        detail::check(::rectify_calendar_add_workdays(out, h(), c_date.c_str(), n, static_cast<int>(p)));
        return out;
    }

    /** The working days walking from `from` to `to`: the start excluded, the end included. */
    int count_workdays(std::string_view from, std::string_view to,
                       unknown_policy p = unknown_policy::calendar_default) const {
        const std::string c_from = detail::c_arg(from, "from");
        const std::string c_to = detail::c_arg(to, "to");
        int count = 0;
        detail::check(::rectify_calendar_count_workdays(&count, h(), c_from.c_str(), c_to.c_str(), static_cast<int>(p)));
        return count;
    }

    /** The first working day on or after date. */
    std::string next_workday(std::string_view date, unknown_policy p = unknown_policy::calendar_default) const {
        const std::string c_date = detail::c_arg(date, "date");
        char out[RECTIFY_DATE_SIZE] = {};
        detail::check(::rectify_calendar_next_workday(out, h(), c_date.c_str(), static_cast<int>(p)));
        return out;
    }

    /** The last day of a legal period of n units from start (Civil Code arts. 200-203). */
    std::string period_end(std::string_view start, period_unit unit, int n,
                           unknown_policy p = unknown_policy::calendar_default) const {
        const std::string c_start = detail::c_arg(start, "start");
        char out[RECTIFY_DATE_SIZE] = {};
        detail::check(::rectify_period_end(out, h(), c_start.c_str(), static_cast<int>(unit), n, static_cast<int>(p)));
        return out;
    }

private:
    static calendar make(int flags) {
        rectify_calendar *c = nullptr;
        detail::check(::rectify_calendar_new(&c, flags));
        return calendar(c);
    }

    rectify_calendar *h() const {
        if (handle_ == nullptr) {
            throw error(RECTIFY_E_MISUSE, "rectify::calendar: the calendar holds no handle");
        }
        return handle_;
    }

    rectify_calendar *handle_ = nullptr;
};

/**
 * Which measures a warnings query looks at, as rectify_warning_options (rectify/deadlines.h);
 * 0 and empty mean "any" / "no limit", as there. The version field is the wrapper's business.
 */
struct warning_options {
    std::optional<std::string> as_of;  /**< "YYYY-MM-DD"; none for today in Asia/Shanghai (UTC+8) */
    std::int64_t inspection_id = 0;    /**< 0: any */
    std::int64_t unit_id = 0;          /**< 0: any */
    std::int64_t round_id = 0;         /**< 0: any */
    std::optional<std::string> leader; /**< responsible leader (责任领导); none: any */
    ::rectify::rollup rollup = ::rectify::rollup::measure; /**< what a row stands for */
    unsigned lights = 0;               /**< light_bit() of each light to include; 0: all */
    std::int64_t offset = 0;           /**< rows to skip */
    std::int64_t limit = 0;            /**< at most this many rows; 0: no limit */
};

/** How a report is rendered, as rectify_report_options (rectify/report.h). */
struct report_options {
    ::rectify::format format = ::rectify::format::text;
    ::rectify::audience audience = ::rectify::audience::internal;
    std::optional<std::string> as_of;         /**< "YYYY-MM-DD"; none for today in Asia/Shanghai (UTC+8) */
    std::optional<std::string> template_text; /**< a mustache template (text, markdown); none: bundled */
    bool count_shown_only = false;            /**< public totals count only what is shown */
};

/** What statistics cover, as rectify_stats_options (rectify/report.h); all 0: every readable inspection. */
struct stats_options {
    std::int64_t inspection_id = 0;
    std::int64_t unit_id = 0;
    std::int64_t round_id = 0;
    std::optional<std::string> as_of; /**< "YYYY-MM-DD"; none for today in Asia/Shanghai (UTC+8) */
    ::rectify::audience audience = ::rectify::audience::internal;
    bool count_shown_only = false;
};

namespace detail {

/** A rectify_warning_options with NUL-checked copies of the strings, alive as long as this. */
class c_warning_options {
public:
    explicit c_warning_options(const warning_options &o)
        : as_of_(o.as_of ? c_arg(*o.as_of, "as_of") : std::string()),
          leader_(o.leader ? c_arg(*o.leader, "leader") : std::string()) {
        opts_.as_of = o.as_of ? as_of_.c_str() : nullptr;
        opts_.inspection_id = o.inspection_id;
        opts_.unit_id = o.unit_id;
        opts_.round_id = o.round_id;
        opts_.leader = o.leader ? leader_.c_str() : nullptr;
        opts_.rollup = static_cast<int>(o.rollup);
        opts_.lights = o.lights;
        opts_.offset = o.offset;
        opts_.limit = o.limit;
    }
    c_warning_options(const c_warning_options &) = delete;
    c_warning_options &operator=(const c_warning_options &) = delete;

    const rectify_warning_options *get() const noexcept { return &opts_; }

private:
    std::string as_of_;
    std::string leader_;
    rectify_warning_options opts_ = RECTIFY_WARNING_OPTIONS_INIT;
};

/**
 * Runs call(callback, context), a C function streaming rows to a rectify_row_callback, and hands
 * each row to f as a std::string_view. If f returns bool, false stops the stream; if it returns
 * nothing, every row comes. An exception f throws stops the stream and is rethrown here.
 */
template <class F, class Call>
void stream_rows(F &f, Call &&call) {
    struct state {
        F &f;
        std::exception_ptr thrown;
    } st{f, nullptr};
    const rectify_row_callback trampoline = [](void *ctx, const char *row, std::size_t len) -> int {
        auto *s = static_cast<state *>(ctx);
        try {
            if constexpr (std::is_void_v<std::invoke_result_t<F &, std::string_view>>) {
                std::invoke(s->f, std::string_view(row, len));
                return 0;
            } else {
                return static_cast<bool>(std::invoke(s->f, std::string_view(row, len))) ? 0 : 1;
            }
        } catch (...) {
            s->thrown = std::current_exception();
            return 1;
        }
    };
    const int rc = std::forward<Call>(call)(trampoline, static_cast<void *>(&st));
    if (st.thrown) {
        std::rethrow_exception(st.thrown);
    }
    check(rc);
}

/** Calls a JSON-returning C function through f(&out) and takes its string. */
template <class F>
std::string json_out(F &&f) {
    char *json = nullptr;
    const int rc = std::forward<F>(f)(&json);
    c_string owned(json);
    check(rc);
    return take(owned);
}

} // namespace detail

/**
 * What a notice does not say, as rectify_parse_options (rectify/notice.h); none means "from the
 * notice, or derived". The version field is the wrapper's business.
 */
struct parse_options {
    std::optional<std::string> ref;           /**< the inspection's ref */
    std::optional<std::string> unit;          /**< the unit's name */
    std::optional<std::string> kind;          /**< "routine", "special" … */
    std::optional<std::string> group;         /**< the inspecting group */
    std::optional<std::string> onsite_start;  /**< "YYYY-MM-DD" */
    std::optional<std::string> onsite_end;    /**< "YYYY-MM-DD" */
    std::optional<std::string> feedback_date; /**< "YYYY-MM-DD" */
};

/**
 * A written notice (UTF-8 text) parsed into an inspection document that db::import_json() takes.
 * Throws rectify::error; for text it cannot place, what() names the line.
 */
inline std::string notice_parse(std::string_view text, const parse_options &o = {}) {
    // NUL-checked copies, alive for the call.
    const auto arg = [](const std::optional<std::string> &v, const char *what) {
        return v ? std::optional<std::string>(detail::c_arg(*v, what)) : std::nullopt;
    };
    const auto ref = arg(o.ref, "ref"), unit = arg(o.unit, "unit"), kind = arg(o.kind, "kind"),
               group = arg(o.group, "group"), onsite_start = arg(o.onsite_start, "onsite_start"),
               onsite_end = arg(o.onsite_end, "onsite_end"), feedback_date = arg(o.feedback_date, "feedback_date");
    const auto c = [](const std::optional<std::string> &v) { return v ? v->c_str() : nullptr; };
    rectify_parse_options opts = RECTIFY_PARSE_OPTIONS_INIT;
    opts.ref = c(ref);
    opts.unit = c(unit);
    opts.kind = c(kind);
    opts.group = c(group);
    opts.onsite_start = c(onsite_start);
    opts.onsite_end = c(onsite_end);
    opts.feedback_date = c(feedback_date);
    const char *bytes = text.data() ? text.data() : ""; // an empty view may hold no pointer at all
    return detail::json_out([&](char **out) { return ::rectify_notice_parse(out, bytes, text.size(), &opts); });
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

/** What a look-back review (回头看) covers, as RECTIFY_REVIEW_*. */
enum class review_scope : int {
    inspection = RECTIFY_REVIEW_INSPECTION, /**< one inspection */
    round = RECTIFY_REVIEW_ROUND,           /**< every inspection of a round */
};

/**
 * One item of evidence (佐证材料) for db::evidence_add(), as rectify_evidence
 * (rectify/followthrough.h). Give path (the library hashes the file) or uri; the version field
 * is the wrapper's business.
 */
struct evidence {
    std::string title;                     /**< required */
    std::optional<std::string> kind;       /**< 文件, 照片, 会议记录 …; none: unset */
    std::optional<std::string> path;       /**< a file the library reads for its SHA-256 and size */
    std::optional<std::string> uri;        /**< where the host keeps it; needed without path */
    std::optional<std::string> media_type; /**< e.g. "application/pdf" */
};

/**
 * The answer of db::evidence_verify(): intact when every evidence file is as recorded; report is
 * the library's JSON object {"intact", "checked", "changed", "missing"} either way.
 */
struct evidence_verification {
    bool intact = false;
    std::string report;  /**< the JSON report */
    std::string problem; /**< rectify_errmsg() when not intact; else empty */

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

    // The progress function lives on the heap, so the pointer the library holds survives a move.
    db(db &&other) noexcept
        : handle_(std::exchange(other.handle_, nullptr)), progress_(std::move(other.progress_)) {}

    db &operator=(db &&other) noexcept {
        if (this != &other) {
            close();
            handle_ = std::exchange(other.handle_, nullptr);
            progress_ = std::move(other.progress_);
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

    /**
     * What rectify_db_set_progress() calls during long operations: the operation's name, the work
     * done and the total (0 when unknown). Return false to stop the operation, which then throws
     * rectify::error with RECTIFY_E_INTERRUPTED and changes nothing; an exception thrown by the
     * function stops it the same way.
     */
    using progress_function = std::function<bool(std::string_view operation, std::int64_t done, std::int64_t total)>;

    /** Sets the progress function (rectify_db_set_progress()); an empty one removes it. */
    void set_progress(progress_function fn) {
        if (!fn) {
            detail::check(::rectify_db_set_progress(h(), nullptr, nullptr));
            progress_.reset();
            return;
        }
        auto holder = std::make_unique<progress_function>(std::move(fn));
        detail::check(::rectify_db_set_progress(h(), &db::progress_trampoline, holder.get()));
        progress_ = std::move(holder);
    }

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

    /**
     * Imports a JSON Lines file of "rectify-inspection" documents, one a line, in one transaction:
     * all or nothing. Returns the summary JSON ({"documents", "created", "updated", "unchanged"}).
     */
    std::string import_batch_file(const std::string &path) {
        const std::string c_path = detail::c_arg(path, "path");
        char *summary = nullptr;
        const int rc = ::rectify_import_batch_file(&summary, h(), c_path.c_str());
        detail::c_string owned(summary);
        detail::check(rc);
        return detail::take(owned);
    }

    /** As import_batch_file(), from JSON Lines in memory. */
    std::string import_batch_json(std::string_view jsonl) {
        char *summary = nullptr;
        const int rc = ::rectify_import_batch_json(&summary, h(), jsonl.data(), jsonl.size());
        detail::c_string owned(summary);
        detail::check(rc);
        return detail::take(owned);
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

    /**
     * The whole database, one document at a time (rectify_export_all()): on_document(std::string_view
     * line) is called with each readable inspection's document on one line, in id order. If it
     * returns bool, false stops the stream; if it returns nothing, every document comes. An
     * exception it throws stops the stream and is rethrown.
     */
    template <class F, class = std::enable_if_t<std::is_invocable_v<F &, std::string_view>>>
    void export_all(F &&on_document) {
        detail::stream_rows(on_document, [&](rectify_row_callback cb, void *ctx) { return ::rectify_export_all(h(), cb, ctx); });
    }

    /** The whole database as JSON Lines in the file at path, put in place when complete (rectify_export_all_file()). */
    void export_all_file(const std::string &path) {
        const std::string c_path = detail::c_arg(path, "path");
        detail::check(::rectify_export_all_file(h(), c_path.c_str()));
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

    /**
     * One inspection rendered as a report (rectify/report.h): the notice, ledger, dashboard or
     * OSCAL document. The bytes of the output; binary for format::xlsx.
     */
    std::string report_render(std::int64_t inspection_id, const report_options &o = {}) {
        const std::string as_of = o.as_of ? detail::c_arg(*o.as_of, "as_of") : std::string();
        const std::string tmpl = o.template_text ? detail::c_arg(*o.template_text, "template_text") : std::string();
        rectify_report_options opts = RECTIFY_REPORT_OPTIONS_INIT;
        opts.format = static_cast<int>(o.format);
        opts.audience = static_cast<int>(o.audience);
        opts.as_of = o.as_of ? as_of.c_str() : nullptr;
        opts.template_text = o.template_text ? tmpl.c_str() : nullptr;
        opts.flags = o.count_shown_only ? RECTIFY_REPORT_COUNT_SHOWN_ONLY : 0u;
        unsigned char *data = nullptr;
        std::size_t size = 0;
        const int rc = ::rectify_report_render(&data, &size, h(), inspection_id, &opts);
        std::unique_ptr<unsigned char, void (*)(unsigned char *)> owned(data, [](unsigned char *p) { ::rectify_free(p); });
        detail::check(rc);
        return std::string(reinterpret_cast<const char *>(data), size);
    }

    /** Statistics as of a date as JSON (rectify_stats_json; fields in docs/statistics.md). */
    std::string stats_json(const stats_options &o = {}) {
        const std::string as_of = o.as_of ? detail::c_arg(*o.as_of, "as_of") : std::string();
        rectify_stats_options opts = RECTIFY_STATS_OPTIONS_INIT;
        opts.inspection_id = o.inspection_id;
        opts.unit_id = o.unit_id;
        opts.round_id = o.round_id;
        opts.as_of = o.as_of ? as_of.c_str() : nullptr;
        opts.audience = static_cast<int>(o.audience);
        opts.flags = o.count_shown_only ? RECTIFY_REPORT_COUNT_SHOWN_ONLY : 0u;
        return detail::json_out([&](char **out) { return ::rectify_stats_json(out, h(), &opts); });
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
        return detail::verification<audit_verification>(rc, report, what);
    }

    /**
     * A signed head of the audit log's Merkle tree, as JSON {"size", "root", "algorithm",
     * "public_key", "signature"}, signed with the Ed25519 private key in PEM. Keep it outside the
     * database. Throws RECTIFY_E_TAMPERED when the hash chain is broken. Needs read_audit on the
     * whole database.
     */
    std::string audit_head(std::string_view private_key_pem) {
        const std::string key = detail::c_arg(private_key_pem, "private_key_pem");
        char *json = nullptr;
        const int rc = ::rectify_audit_head(&json, h(), key.c_str());
        detail::c_string owned(json);
        detail::check(rc);
        return detail::take(owned);
    }

    /**
     * A consistency proof, as JSON, that the later head to_head_json (empty: the log now) extends
     * the earlier head from_head_json. Throws RECTIFY_E_TAMPERED when the log does not extend
     * them. Needs read_audit on the whole database.
     */
    std::string audit_prove_consistency(std::string_view from_head_json, std::string_view to_head_json = {}) {
        const std::string from = detail::c_arg(from_head_json, "from_head_json");
        const std::string to = detail::c_arg(to_head_json, "to_head_json");
        char *json = nullptr;
        const int rc = ::rectify_audit_prove_consistency(&json, h(), from.c_str(), to.empty() ? nullptr : to.c_str());
        detail::c_string owned(json);
        detail::check(rc);
        return detail::take(owned);
    }

    /**
     * An inclusion proof, as JSON, that audit event event_id is in the tree of head_json.
     * Throws RECTIFY_E_TAMPERED when the log does not extend the head. Needs read_audit on the
     * whole database.
     */
    std::string audit_prove_inclusion(std::int64_t event_id, std::string_view head_json) {
        const std::string head = detail::c_arg(head_json, "head_json");
        char *json = nullptr;
        const int rc = ::rectify_audit_prove_inclusion(&json, h(), event_id, head.c_str());
        detail::c_string owned(json);
        detail::check(rc);
        return detail::take(owned);
    }

    /**
     * Checks a kept head against the trusted Ed25519 public key (PEM) and the log now. As with
     * audit_verify(), a head that fails is the answer (intact false, problem set) unless
     * on_tampered::raise asks for RECTIFY_E_TAMPERED to be thrown; the report is
     * {"intact", "head_size", "head_root", "size", "root", "problem"}.
     */
    audit_verification audit_verify_head(std::string_view head_json, std::string_view public_key_pem,
                                         on_tampered what = on_tampered::report) {
        const std::string head = detail::c_arg(head_json, "head_json");
        const std::string key = detail::c_arg(public_key_pem, "public_key_pem");
        char *report = nullptr;
        const int rc = ::rectify_audit_verify_head(&report, h(), head.c_str(), key.c_str());
        return detail::verification<audit_verification>(rc, report, what);
    }

    /**
     * Writes a consistent copy of the whole database to dest_path, which must not exist, while
     * other connections go on writing. Needs admin or auditor on the whole database.
     */
    void backup(const std::string &dest_path) {
        const std::string c_path = detail::c_arg(dest_path, "dest_path");
        detail::check(::rectify_backup(h(), c_path.c_str()));
    }

    // --- The database's calendar, rule profiles, warnings, extensions, escalations
    //     (rectify/deadlines.h). ---

    /**
     * Stores holiday notices (holiday-cn JSON) in the database; they apply over the bundled China
     * calendar for every handle from then on. Needs admin on the whole database.
     */
    void calendar_load_json(std::string_view json) {
        detail::check(::rectify_db_calendar_load_json(h(), json.data(), json.size()));
    }

    /**
     * As calendar_load_json(), and returns the derived deadlines it moved as a JSON array
     * (rectify_db_calendar_load_json_changes).
     */
    std::string calendar_load_json_changes(std::string_view json) {
        return detail::json_out(
            [&](char **out) { return ::rectify_db_calendar_load_json_changes(out, h(), json.data(), json.size()); });
    }

    /** As calendar_load_json(), from the file at path. */
    void calendar_load_file(const std::string &path) {
        const std::string c_path = detail::c_arg(path, "path");
        detail::check(::rectify_db_calendar_load_file(h(), c_path.c_str()));
    }

    /**
     * Stores a local day over the notices: day_type::holiday for a day off, day_type::workday for
     * a working day. Needs admin on the whole database.
     */
    void calendar_set_day(std::string_view date, day_type t) {
        const std::string c_date = detail::c_arg(date, "date");
        detail::check(::rectify_db_calendar_set_day(h(), c_date.c_str(), static_cast<int>(t)));
    }

    /** The database's calendar as it is now (bundled, stored notices, local days), to query. */
    ::rectify::calendar calendar() {
        rectify_calendar *c = nullptr;
        detail::check(::rectify_db_calendar(&c, h()));
        return ::rectify::calendar(c);
    }

    /** Stores a rule profile (docs/deadlines.md) and returns its version. Needs admin on the whole database. */
    std::int64_t profile_add(std::string_view json) {
        std::int64_t version = 0;
        detail::check(::rectify_profile_add(&version, h(), json.data(), json.size()));
        return version;
    }

    /** Every stored profile version as a JSON array, oldest first. */
    std::string profile_list() {
        return detail::json_out([&](char **out) { return ::rectify_profile_list(out, h()); });
    }

    /** Gives an inspection the latest version of the named profile and derives its deadlines. */
    void apply_profile(std::int64_t inspection_id, std::string_view profile_name) {
        const std::string c_name = detail::c_arg(profile_name, "profile_name");
        detail::check(::rectify_inspection_apply_profile(h(), inspection_id, c_name.c_str()));
    }

    /** Warnings as of a date: the JSON object {"as_of", "rollup", "totals", "rows"}, and "provisional_years" when some are provisional. */
    std::string warnings(const warning_options &options = {}) {
        const detail::c_warning_options opts(options);
        return detail::json_out([&](char **out) { return ::rectify_warnings(out, h(), opts.get()); });
    }

    /**
     * The rows of warnings() one at a time: on_row(std::string_view row) is called with each
     * row's JSON object (valid during the call). If it returns bool, false stops the stream; if it
     * returns nothing, every row comes. An exception it throws stops the stream and is rethrown.
     */
    template <class F, class = std::enable_if_t<std::is_invocable_v<F &, std::string_view>>>
    void warnings(const warning_options &options, F &&on_row) {
        const detail::c_warning_options opts(options);
        detail::stream_rows(on_row, [&](rectify_row_callback cb, void *ctx) {
            return ::rectify_warnings_each(h(), opts.get(), cb, ctx);
        });
    }

    /** Open measures overdue as of options.as_of, earliest deadline first, as a JSON array of rows. */
    std::string overdue(const warning_options &options = {}) {
        const detail::c_warning_options opts(options);
        return detail::json_out([&](char **out) { return ::rectify_overdue(out, h(), opts.get()); });
    }

    /** How many open measures are overdue as of options.as_of in its scope. */
    std::int64_t overdue_count(const warning_options &options = {}) {
        const detail::c_warning_options opts(options);
        std::int64_t n = 0;
        detail::check(::rectify_overdue_count(&n, h(), opts.get()));
        return n;
    }

    /** Open measures falling due within days of options.as_of, earliest first, as a JSON array. */
    std::string due_within(int days, const warning_options &options = {}) {
        const detail::c_warning_options opts(options);
        return detail::json_out([&](char **out) { return ::rectify_due_within(out, h(), days, opts.get()); });
    }

    /** Requests a new deadline for a measure, with a reason; returns the request's id. */
    std::int64_t extension_request(std::int64_t measure_id, std::string_view new_deadline, std::string_view reason) {
        const std::string c_deadline = detail::c_arg(new_deadline, "new_deadline");
        const std::string c_reason = detail::c_arg(reason, "reason");
        std::int64_t id = 0;
        detail::check(::rectify_extension_request(&id, h(), measure_id, c_deadline.c_str(), c_reason.c_str()));
        return id;
    }

    /**
     * Approves (approve true) or refuses a pending request; someone other than the requester,
     * with admin or supervisor rights, must decide. Approval moves the measure's deadline.
     */
    void extension_decide(std::int64_t extension_id, bool approve,
                          std::optional<std::string_view> note = std::nullopt) {
        const std::string c_note = note ? detail::c_arg(*note, "note") : std::string();
        detail::check(::rectify_extension_decide(h(), extension_id, approve ? 1 : 0, note ? c_note.c_str() : nullptr));
    }

    /** Extension requests as a JSON array: of one measure (measure_id > 0) or all; pending ones only if asked. */
    std::string extension_list(std::int64_t measure_id = 0, bool pending_only = false) {
        return detail::json_out(
            [&](char **out) { return ::rectify_extension_list(out, h(), measure_id, pending_only ? 1 : 0); });
    }

    /**
     * Records an escalation (督办) against an issue or a measure (k is kind::issue or
     * kind::measure), issued on date to issued_to; never below the target's highest level so far.
     * new_deadline sets the measure's new deadline. Returns the escalation's id.
     */
    std::int64_t escalate(kind k, std::int64_t target_id, escalation_level level, std::string_view date,
                          std::string_view issued_to, std::optional<std::string_view> new_deadline = std::nullopt,
                          std::optional<std::string_view> note = std::nullopt) {
        const std::string c_date = detail::c_arg(date, "date");
        const std::string c_to = detail::c_arg(issued_to, "issued_to");
        const std::string c_deadline = new_deadline ? detail::c_arg(*new_deadline, "new_deadline") : std::string();
        const std::string c_note = note ? detail::c_arg(*note, "note") : std::string();
        std::int64_t id = 0;
        detail::check(::rectify_escalate(&id, h(), static_cast<int>(k), target_id, static_cast<int>(level),
                                         c_date.c_str(), c_to.c_str(), new_deadline ? c_deadline.c_str() : nullptr,
                                         note ? c_note.c_str() : nullptr));
        return id;
    }

    /** Escalations whose target is still open, oldest first, as a JSON array; options give the scope. */
    std::string escalations_open(const warning_options &options = {}) {
        const detail::c_warning_options opts(options);
        return detail::json_out([&](char **out) { return ::rectify_escalation_list_open(out, h(), opts.get()); });
    }

    // --- Evidence, close-out, look-back reviews, follow-ups, evaluation, leads
    //     (rectify/followthrough.h). ---

    /**
     * Attaches evidence to an issue or a measure (k is kind::issue or kind::measure) and returns
     * its id. With a path the library hashes the file (RECTIFY_E_IO when it cannot read it).
     */
    std::int64_t evidence_add(kind k, std::int64_t target_id, const evidence &e) {
        const std::string c_title = detail::c_arg(e.title, "title");
        const std::string c_kind = e.kind ? detail::c_arg(*e.kind, "kind") : std::string();
        const std::string c_path = e.path ? detail::c_arg(*e.path, "path") : std::string();
        const std::string c_uri = e.uri ? detail::c_arg(*e.uri, "uri") : std::string();
        const std::string c_media = e.media_type ? detail::c_arg(*e.media_type, "media_type") : std::string();
        rectify_evidence c = RECTIFY_EVIDENCE_INIT;
        c.title = c_title.c_str();
        c.kind = e.kind ? c_kind.c_str() : nullptr;
        c.path = e.path ? c_path.c_str() : nullptr;
        c.uri = e.uri ? c_uri.c_str() : nullptr;
        c.media_type = e.media_type ? c_media.c_str() : nullptr;
        std::int64_t id = 0;
        detail::check(::rectify_evidence_add(&id, h(), static_cast<int>(k), target_id, &c));
        return id;
    }

    /** The evidence of one issue or measure as a JSON array. */
    std::string evidence_list(kind k, std::int64_t target_id) {
        return detail::json_out(
            [&](char **out) { return ::rectify_evidence_list(out, h(), static_cast<int>(k), target_id); });
    }

    /**
     * Re-hashes every evidence file of an inspection (0: every one the actor reads). A changed or
     * missing file is the answer (intact false), not a failure, unless on_tampered::raise asks
     * for RECTIFY_E_TAMPERED to be thrown.
     */
    evidence_verification evidence_verify(std::int64_t inspection_id = 0, on_tampered what = on_tampered::report) {
        char *report = nullptr;
        const int rc = ::rectify_evidence_verify(&report, h(), inspection_id);
        return detail::verification<evidence_verification>(rc, report, what);
    }

    /**
     * The actor, as verifier, closes out (销号) a done issue on date and returns its new version.
     * A guard that fails throws RECTIFY_E_GUARD naming it; nothing changes.
     */
    std::int64_t close_out(std::int64_t issue_id, std::string_view date,
                           std::optional<std::string_view> note = std::nullopt) {
        const std::string c_date = detail::c_arg(date, "date");
        const std::string c_note = note ? detail::c_arg(*note, "note") : std::string();
        std::int64_t v = 0;
        detail::check(::rectify_close_out(&v, h(), issue_id, c_date.c_str(), note ? c_note.c_str() : nullptr));
        return v;
    }

    /** The close-out guards in force, as JSON {"measures_done", "min_evidence", "verifier_not_owner"}. */
    std::string close_out_guards() {
        return detail::json_out([&](char **out) { return ::rectify_close_out_guards(out, h()); });
    }

    /** Sets the close-out guards from JSON (keys left out keep their defaults). Needs admin on the whole database. */
    void close_out_guards_set(std::string_view json) {
        detail::check(::rectify_close_out_guards_set(h(), json.data(), json.size()));
    }

    /** The close-outs of an issue (verifier, closed_on, note) as a JSON array. */
    std::string close_out_list(std::int64_t issue_id) {
        return detail::json_out([&](char **out) { return ::rectify_close_out_list(out, h(), issue_id); });
    }

    /** Schedules a look-back review of an inspection or a round on date by team; returns its id. */
    std::int64_t review_schedule(review_scope scope, std::int64_t scope_id, std::string_view date,
                                 std::string_view team, std::optional<std::string_view> title = std::nullopt) {
        const std::string c_date = detail::c_arg(date, "date");
        const std::string c_team = detail::c_arg(team, "team");
        const std::string c_title = title ? detail::c_arg(*title, "title") : std::string();
        std::int64_t id = 0;
        detail::check(::rectify_review_schedule(&id, h(), static_cast<int>(scope), scope_id, c_date.c_str(),
                                                c_team.c_str(), title ? c_title.c_str() : nullptr));
        return id;
    }

    /**
     * Records a verdict ("held", "relapsed", "incomplete", "false") on one issue; returns its id.
     * Anything but held needs findings and reopens the issue; new_measures_json is a JSON array
     * of re-rectification measures (二次整改).
     */
    std::int64_t review_verdict(std::int64_t review_id, std::int64_t issue_id, std::string_view verdict,
                                std::string_view date, std::optional<std::string_view> findings = std::nullopt,
                                std::optional<std::string_view> new_measures_json = std::nullopt) {
        const std::string c_verdict = detail::c_arg(verdict, "verdict");
        const std::string c_date = detail::c_arg(date, "date");
        const std::string c_findings = findings ? detail::c_arg(*findings, "findings") : std::string();
        const std::string c_measures = new_measures_json ? detail::c_arg(*new_measures_json, "new_measures_json") : std::string();
        std::int64_t id = 0;
        detail::check(::rectify_review_verdict(&id, h(), review_id, issue_id, c_verdict.c_str(), c_date.c_str(),
                                               findings ? c_findings.c_str() : nullptr,
                                               new_measures_json ? c_measures.c_str() : nullptr));
        return id;
    }

    /** The review's report (verdicts, counts, reopened issues) as JSON. */
    std::string review_report(std::int64_t review_id) {
        return detail::json_out([&](char **out) { return ::rectify_review_report(out, h(), review_id); });
    }

    /** Plans follow-ups of an ongoing measure: cadence "monthly", "quarterly", "half_yearly" or "yearly". */
    void followup_plan(std::int64_t measure_id, std::string_view cadence, std::string_view start) {
        const std::string c_cadence = detail::c_arg(cadence, "cadence");
        const std::string c_start = detail::c_arg(start, "start");
        detail::check(::rectify_followup_plan(h(), measure_id, c_cadence.c_str(), c_start.c_str()));
    }

    /** Records a follow-up (its narrative required) on date; returns its id. */
    std::int64_t followup_record(std::int64_t measure_id, std::string_view date, std::string_view narrative) {
        const std::string c_date = detail::c_arg(date, "date");
        const std::string c_text = detail::c_arg(narrative, "narrative");
        std::int64_t id = 0;
        detail::check(::rectify_followup_record(&id, h(), measure_id, c_date.c_str(), c_text.c_str()));
        return id;
    }

    /** Follow-ups due within days of options.as_of, or missed, as a JSON array. */
    std::string followups_due(int days, const warning_options &options = {}) {
        const detail::c_warning_options opts(options);
        return detail::json_out([&](char **out) { return ::rectify_followups_due(out, h(), days, opts.get()); });
    }

    /**
     * Scores an inspection's rectification by deductions (a JSON array) from 100, rated by
     * thresholds (JSON; none for 90/80/60); the result as JSON.
     */
    std::string evaluate(std::int64_t inspection_id, std::string_view date, std::string_view deductions_json,
                         std::optional<std::string_view> thresholds_json = std::nullopt) {
        const std::string c_date = detail::c_arg(date, "date");
        const std::string c_deductions = detail::c_arg(deductions_json, "deductions_json");
        const std::string c_thresholds = thresholds_json ? detail::c_arg(*thresholds_json, "thresholds_json") : std::string();
        return detail::json_out([&](char **out) {
            return ::rectify_evaluate(out, h(), inspection_id, c_date.c_str(), c_deductions.c_str(),
                                      thresholds_json ? c_thresholds.c_str() : nullptr);
        });
    }

    /** Records a lead (问题线索) handed to a body on a date; returns its id. */
    std::int64_t lead_add(std::int64_t inspection_id, std::string_view summary, std::string_view handed_to,
                          std::string_view handed_on) {
        const std::string c_summary = detail::c_arg(summary, "summary");
        const std::string c_to = detail::c_arg(handed_to, "handed_to");
        const std::string c_on = detail::c_arg(handed_on, "handed_on");
        std::int64_t id = 0;
        detail::check(::rectify_lead_add(&id, h(), inspection_id, c_summary.c_str(), c_to.c_str(), c_on.c_str()));
        return id;
    }

    /** Records a lead's disposition: "in_progress", "concluded" or "no_case" (the last two with concluded_on). */
    void lead_dispose(std::int64_t lead_id, std::string_view disposition,
                      std::optional<std::string_view> concluded_on = std::nullopt,
                      std::optional<std::string_view> note = std::nullopt) {
        const std::string c_disposition = detail::c_arg(disposition, "disposition");
        const std::string c_on = concluded_on ? detail::c_arg(*concluded_on, "concluded_on") : std::string();
        const std::string c_note = note ? detail::c_arg(*note, "note") : std::string();
        detail::check(::rectify_lead_dispose(h(), lead_id, c_disposition.c_str(), concluded_on ? c_on.c_str() : nullptr,
                                             note ? c_note.c_str() : nullptr));
    }

    /** The leads of an inspection (0: all the actor reads) with the completion rate, as JSON. */
    std::string lead_list(std::int64_t inspection_id = 0) {
        return detail::json_out([&](char **out) { return ::rectify_lead_list(out, h(), inspection_id); });
    }

private:
    /** The handle for a C call; a closed db is a programming error, reported as MISUSE. */
    rectify_db *h() const {
        if (handle_ == nullptr) {
            throw error(RECTIFY_E_MISUSE, "rectify::db: the database is not open");
        }
        return handle_;
    }

    static int progress_trampoline(void *ctx, const char *operation, std::int64_t done, std::int64_t total) noexcept {
        try {
            return (*static_cast<progress_function *>(ctx))(operation, done, total) ? 0 : 1;
        } catch (...) {
            return 1; // an exception must not unwind through the library: stop instead
        }
    }

    rectify_db *handle_ = nullptr;
    std::unique_ptr<progress_function> progress_;
};

} // namespace rectify

#endif /* RECTIFY_RECTIFY_HPP */
