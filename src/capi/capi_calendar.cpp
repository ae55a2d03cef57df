// rectify/calendar.h: working-day calendars and legal periods. A calendar is pure core data with
// no database behind it, so these shims call core directly; there is no service operation to go
// through (nothing is stored, authorised or audited).
#include "capi/guard.hpp"

#include "core/calendar.hpp"
#include "core/calendar_bundled.hpp"
#include "core/period.hpp"
#include "core/utf8.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>


using namespace rectify;
using capi::guarded;

namespace {

core::Calendar &calendar_of(rectify_calendar *cal) {
    capi::require(cal, "cal");
    return cal->calendar;
}

const core::Calendar &calendar_of(const rectify_calendar *cal) {
    capi::require(cal, "cal");
    return cal->calendar;
}

// A caller's text for a message: at most 40 bytes, and only when it is UTF-8, so that garbage
// never reaches rectify_errmsg().
std::string shown(const char *text) {
    std::size_t n = 0;
    while (n < 41 && text[n]) ++n;
    std::string_view s(text, n);
    if (core::find_invalid_utf8(s)) return "(not UTF-8)";
    if (n > 40) {
        std::size_t cut = 40;
        while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
        return "'" + std::string(s.substr(0, cut)) + "...'";
    }
    return "'" + std::string(s) + "'";
}

core::Date date_arg(const char *text, const char *name) {
    capi::require(text, name);
    std::size_t n = 0;
    while (n < 11 && text[n]) ++n; // a date is 10 bytes; never read far into a non-date
    auto d = core::parse_date(std::string_view(text, n));
    if (!d) {
        // parse_date refuses years before 1900 too; say so rather than "not a calendar date".
        const bool early = n == 10 && std::string_view(text, 4) < "1900" && core::describe_bad_date(std::string_view(text, n)) == "is not a calendar date";
        capi::bad_argument(std::string(name) + " " + shown(text) + " " +
                           (early ? std::string("is before 1900-01-01, the first date rectify handles")
                                  : core::describe_bad_date(std::string_view(text, n))));
    }
    return *d;
}

core::UnknownPolicy policy_arg(int policy) {
    if (policy != RECTIFY_UNKNOWN_DEFAULT && policy != RECTIFY_UNKNOWN_FAIL && policy != RECTIFY_UNKNOWN_WEEKDAYS)
        capi::bad_argument("policy " + std::to_string(policy) +
                           " is not RECTIFY_UNKNOWN_DEFAULT, RECTIFY_UNKNOWN_FAIL or RECTIFY_UNKNOWN_WEEKDAYS");
    return static_cast<core::UnknownPolicy>(policy);
}

void offset_arg(int n) {
    if (n > RECTIFY_CALENDAR_MAX_OFFSET || n < -RECTIFY_CALENDAR_MAX_OFFSET)
        capi::bad_argument("n = " + std::to_string(n) + " is out of range: at most " +
                           std::to_string(RECTIFY_CALENDAR_MAX_OFFSET) + " either way");
}

// "YYYY-MM-DD" and a NUL, written digit by digit: snprintf would cost more than the arithmetic.
void write_date(char *out, const core::Date &d) {
    const auto ymd = d.year_month_day();
    const unsigned y = ymd.year, m = ymd.month, day = ymd.day;
    out[0] = char('0' + y / 1000), out[1] = char('0' + y / 100 % 10), out[2] = char('0' + y / 10 % 10),
    out[3] = char('0' + y % 10), out[4] = '-', out[5] = char('0' + m / 10), out[6] = char('0' + m % 10), out[7] = '-',
    out[8] = char('0' + day / 10), out[9] = char('0' + day % 10), out[10] = '\0';
}

// The whole file; Errc::io naming it and the system's reason (a directory fails here too).
std::string read_file(const char *path) {
    std::unique_ptr<std::FILE, int (*)(std::FILE *)> f(std::fopen(path, "rb"), &std::fclose);
    if (!f) throw core::Error(core::Errc::io, std::string(path) + ": cannot open: " + std::strerror(errno));
    std::string text;
    char buf[65536];
    std::size_t got;
    while ((got = std::fread(buf, 1, sizeof buf, f.get())) > 0) text.append(buf, got);
    if (std::ferror(f.get())) throw core::Error(core::Errc::io, std::string(path) + ": cannot read: " + std::strerror(errno));
    return text;
}

// Prefixes a message (the file a load came from) while keeping the code.
[[noreturn]] void rethrow_with(const std::string &prefix, const core::Error &e) {
    throw core::Error(e.code(), prefix + e.what());
}

static_assert(static_cast<int>(core::DayType::workday) == RECTIFY_DAY_WORKDAY);
static_assert(static_cast<int>(core::DayType::weekend) == RECTIFY_DAY_WEEKEND);
static_assert(static_cast<int>(core::DayType::holiday) == RECTIFY_DAY_HOLIDAY);
static_assert(static_cast<int>(core::DayType::adjusted_workday) == RECTIFY_DAY_ADJUSTED_WORKDAY);
static_assert(static_cast<int>(core::DayType::unknown) == RECTIFY_DAY_UNKNOWN);
static_assert(static_cast<int>(core::UnknownPolicy::calendar) == RECTIFY_UNKNOWN_DEFAULT);
static_assert(static_cast<int>(core::UnknownPolicy::fail) == RECTIFY_UNKNOWN_FAIL);
static_assert(static_cast<int>(core::UnknownPolicy::weekdays) == RECTIFY_UNKNOWN_WEEKDAYS);
static_assert(static_cast<int>(core::PeriodUnit::days) == RECTIFY_PERIOD_DAYS);
static_assert(static_cast<int>(core::PeriodUnit::months) == RECTIFY_PERIOD_MONTHS);
static_assert(static_cast<int>(core::PeriodUnit::workdays) == RECTIFY_PERIOD_WORKDAYS);
static_assert(core::kMaxOffset == RECTIFY_CALENDAR_MAX_OFFSET);

} // namespace

extern "C" {

int rectify_calendar_new(rectify_calendar **out, int flags) {
    if (out) *out = nullptr;
    return guarded([&] {
        capi::require(out, "out");
        if (flags != RECTIFY_CALENDAR_EMPTY && flags != RECTIFY_CALENDAR_CHINA)
            capi::bad_argument("flags " + std::to_string(flags) + " are not RECTIFY_CALENDAR_EMPTY or RECTIFY_CALENDAR_CHINA");
        auto cal = std::make_unique<rectify_calendar>();
        if (flags == RECTIFY_CALENDAR_CHINA) cal->calendar = core::bundled_china_calendar();
        *out = cal.release();
    });
}

int rectify_calendar_copy(rectify_calendar **out, const rectify_calendar *cal) {
    if (out) *out = nullptr;
    return guarded([&] {
        capi::require(out, "out");
        auto copy = std::make_unique<rectify_calendar>(rectify_calendar{calendar_of(cal)});
        *out = copy.release();
    });
}

void rectify_calendar_free(rectify_calendar *cal) { delete cal; }

int rectify_calendar_load_json(rectify_calendar *cal, const char *json, size_t len) {
    return guarded([&] {
        auto &c = calendar_of(cal);
        capi::require(json, "json");
        c.load_json(std::string_view(json, len));
    });
}

int rectify_calendar_load_file(rectify_calendar *cal, const char *path) {
    return guarded([&] {
        auto &c = calendar_of(cal);
        capi::require(path, "path");
        const std::string text = read_file(path);
        try {
            c.load_json(text);
        } catch (const core::Error &e) {
            rethrow_with(std::string(path) + ": ", e);
        }
    });
}

int rectify_calendar_set_day(rectify_calendar *cal, const char *date, int day_type) {
    return guarded([&] {
        auto &c = calendar_of(cal);
        auto d = date_arg(date, "date");
        switch (day_type) {
        case RECTIFY_DAY_HOLIDAY: c.set_day(d, true); break;
        case RECTIFY_DAY_WORKDAY:
        case RECTIFY_DAY_ADJUSTED_WORKDAY: c.set_day(d, false); break;
        default:
            capi::bad_argument("day_type " + std::to_string(day_type) +
                               " cannot be set: use RECTIFY_DAY_HOLIDAY for a day off, RECTIFY_DAY_WORKDAY for a "
                               "working day, rectify_calendar_clear_day() to drop the host's statement");
        }
    });
}

int rectify_calendar_clear_day(int *out_removed, rectify_calendar *cal, const char *date) {
    if (out_removed) *out_removed = 0;
    return guarded([&] {
        auto &c = calendar_of(cal);
        bool removed = c.clear_day(date_arg(date, "date"));
        if (out_removed) *out_removed = removed ? 1 : 0;
    });
}

int rectify_calendar_set_unknown_policy(rectify_calendar *cal, int policy) {
    return guarded([&] {
        auto &c = calendar_of(cal);
        if (policy != RECTIFY_UNKNOWN_FAIL && policy != RECTIFY_UNKNOWN_WEEKDAYS)
            capi::bad_argument("policy " + std::to_string(policy) +
                               " is not RECTIFY_UNKNOWN_FAIL or RECTIFY_UNKNOWN_WEEKDAYS");
        c.set_unknown_policy(static_cast<core::UnknownPolicy>(policy));
    });
}

int rectify_calendar_year_known(int *out_known, const rectify_calendar *cal, int year) {
    if (out_known) *out_known = 0;
    return guarded([&] {
        capi::require(out_known, "out_known");
        *out_known = calendar_of(cal).knows_year(year) ? 1 : 0;
    });
}

int rectify_calendar_day_type(int *out_type, const rectify_calendar *cal, const char *date) {
    if (out_type) *out_type = 0;
    return guarded([&] {
        capi::require(out_type, "out_type");
        const auto &c = calendar_of(cal);
        *out_type = static_cast<int>(c.day_type(date_arg(date, "date")));
    });
}

const char *rectify_day_type_name(int day_type) {
    if (day_type < RECTIFY_DAY_WORKDAY || day_type > RECTIFY_DAY_UNKNOWN) return nullptr;
    return core::name(static_cast<core::DayType>(day_type)).data();
}

int rectify_calendar_is_workday(int *out_is_workday, const rectify_calendar *cal, const char *date, int policy) {
    if (out_is_workday) *out_is_workday = 0;
    return guarded([&] {
        capi::require(out_is_workday, "out_is_workday");
        const auto &c = calendar_of(cal);
        auto d = date_arg(date, "date");
        *out_is_workday = c.is_workday(d, policy_arg(policy)) ? 1 : 0;
    });
}

int rectify_calendar_add_workdays(char *out_date, const rectify_calendar *cal, const char *date, int n, int policy) {
    if (out_date) out_date[0] = '\0';
    return guarded([&] {
        capi::require(out_date, "out_date");
        const auto &c = calendar_of(cal);
        auto d = date_arg(date, "date");
        offset_arg(n);
        write_date(out_date, c.add_workdays(d, n, policy_arg(policy)));
    });
}

int rectify_calendar_count_workdays(int *out_count, const rectify_calendar *cal, const char *from, const char *to,
                                    int policy) {
    if (out_count) *out_count = 0;
    return guarded([&] {
        capi::require(out_count, "out_count");
        const auto &c = calendar_of(cal);
        auto f = date_arg(from, "from");
        auto t = date_arg(to, "to");
        // 1900-9999 holds about 2.1 million working days: the count always fits an int.
        *out_count = static_cast<int>(c.count_workdays(f, t, policy_arg(policy)));
    });
}

int rectify_calendar_next_workday(char *out_date, const rectify_calendar *cal, const char *date, int policy) {
    if (out_date) out_date[0] = '\0';
    return guarded([&] {
        capi::require(out_date, "out_date");
        const auto &c = calendar_of(cal);
        auto d = date_arg(date, "date");
        write_date(out_date, c.next_workday(d, policy_arg(policy)));
    });
}

int rectify_period_end(char *out_date, const rectify_calendar *cal, const char *start, int unit, int n, int policy) {
    if (out_date) out_date[0] = '\0';
    return guarded([&] {
        capi::require(out_date, "out_date");
        const auto &c = calendar_of(cal);
        auto s = date_arg(start, "start");
        if (unit != RECTIFY_PERIOD_DAYS && unit != RECTIFY_PERIOD_MONTHS && unit != RECTIFY_PERIOD_WORKDAYS)
            capi::bad_argument("unit " + std::to_string(unit) +
                               " is not RECTIFY_PERIOD_DAYS, RECTIFY_PERIOD_MONTHS or RECTIFY_PERIOD_WORKDAYS");
        write_date(out_date, core::period_end(c, s, static_cast<core::PeriodUnit>(unit), n, policy_arg(policy)));
    });
}

} // extern "C"
