#include "core/date.hpp"

#include <chrono>
#include <cstdlib>
#include <ctime>

namespace rectify::core {

namespace {

bool is_digits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return !s.empty();
}

int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

bool has_date_shape(std::string_view t) {
    return t.size() == 10 && t[4] == '-' && t[7] == '-' && is_digits(t.substr(0, 4)) &&
           is_digits(t.substr(5, 2)) && is_digits(t.substr(8, 2));
}

int days_in_month(int year, int month) {
    return boost::gregorian::gregorian_calendar::end_of_month_day(year, month);
}

} // namespace

std::optional<Date> parse_date(std::string_view t) {
    if (!has_date_shape(t)) return std::nullopt;
    int y = to_int(t.substr(0, 4)), m = to_int(t.substr(5, 2)), d = to_int(t.substr(8, 2));
    // boost's gregorian calendar covers 1400-9999; 1900 keeps out typos such as 0201.
    if (y < 1900 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
    return Date(y, m, d);
}

std::string format_date(const Date &d) {
    // Written digit by digit: every stored date goes through here, and snprintf's parsing of its
    // format cost more than the rest. boost::gregorian years have four digits (1400-9999).
    std::string out = "0000-00-00";
    auto put = [&out](std::size_t at, int value, int digits) {
        for (int i = digits - 1; i >= 0; --i, value /= 10) out[at + static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
    };
    put(0, d.year(), 4);
    put(5, d.month(), 2);
    put(8, d.day(), 2);
    return out;
}

std::string format_date_chinese(const Date &d) {
    return std::to_string(int(d.year())) + "年" + std::to_string(int(d.month())) + "月" +
           std::to_string(int(d.day())) + "日";
}

std::string describe_bad_date(std::string_view t) {
    // The same words as the command line's checked_date(), so that a bad date reads alike
    // whether the CLI, a C caller or an imported document gave it.
    static const char *const month_names[] = {"January", "February", "March",     "April",   "May",      "June",
                                              "July",    "August",   "September", "October", "November", "December"};
    if (!has_date_shape(t)) return "is not a date in YYYY-MM-DD form";
    const int y = to_int(t.substr(0, 4)), m = to_int(t.substr(5, 2)), d = to_int(t.substr(8, 2));
    if (m < 1 || m > 12) return "is not a calendar date: there is no month " + std::to_string(m);
    if (d < 1 || d > days_in_month(y, m))
        return "is not a calendar date: " + std::string(month_names[m - 1]) + " " + std::to_string(y) + " has " +
               std::to_string(days_in_month(y, m)) + " days";
    if (y < 1900) return "is out of range: dates run from 1900-01-01 to 9999-12-31";
    return "is not a calendar date";
}

std::string utc_timestamp_now() {
    std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

namespace {

// "YYYY-MM-DDTHH:MM:SSZ" as seconds since the epoch, or nullopt.
std::optional<std::int64_t> parse_utc_instant(std::string_view t) {
    if (t.size() != 20 || t[10] != 'T' || t[13] != ':' || t[16] != ':' || t[19] != 'Z') return std::nullopt;
    auto day = parse_date(t.substr(0, 10));
    auto hh = t.substr(11, 2), mm = t.substr(14, 2), ss = t.substr(17, 2);
    if (!day || !is_digits(hh) || !is_digits(mm) || !is_digits(ss)) return std::nullopt;
    int h = to_int(hh), m = to_int(mm), s = to_int(ss);
    if (h > 23 || m > 59 || s > 59) return std::nullopt;
    std::int64_t days = (*day - Date(1970, 1, 1)).days();
    return days * 86400 + h * 3600 + m * 60 + s;
}

} // namespace

std::int64_t clock_now() {
    if (const char *fixed = std::getenv("RECTIFY_TEST_NOW"))
        if (auto t = parse_utc_instant(fixed)) return *t;
    return static_cast<std::int64_t>(std::chrono::system_clock::to_time_t(std::chrono::system_clock::now()));
}

Date today() {
    const std::int64_t local = clock_now() + kZoneOffsetSeconds;
    std::int64_t days = local / 86400;
    if (local % 86400 < 0) --days;
    return Date(1970, 1, 1) + boost::gregorian::days(static_cast<long>(days));
}

} // namespace rectify::core
