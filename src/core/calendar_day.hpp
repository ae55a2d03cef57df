// The vocabulary of working-day calendars: day types, the policy for years without data, and the
// plain day numbers the calendar computes with (days since 1900-01-01), so that the hot paths
// never touch year/month/day fields.
#pragma once

#include "core/date.hpp"

#include <cstdint>
#include <string_view>

namespace rectify::core {

// What a calendar says about one date. Values mirror RECTIFY_DAY_* in include/rectify/calendar.h.
enum class DayType : int {
    workday = 1,          // an ordinary Monday-Friday working day
    weekend = 2,          // Saturday or Sunday, not moved by any notice
    holiday = 3,          // a statutory day off (法定节假日), also when it falls on a weekend
    adjusted_workday = 4, // a Saturday or Sunday made a working day (调休上班)
    unknown = 5,          // no data: the date lies outside every year the calendar knows
};

// "workday", "weekend", "holiday", "adjusted_workday", "unknown".
std::string_view name(DayType t);

inline bool is_working(DayType t) { return t == DayType::workday || t == DayType::adjusted_workday; }

// What to do when an answer depends on a day of unknown type. Mirrors RECTIFY_UNKNOWN_*.
enum class UnknownPolicy : int {
    calendar = 0, // per call only: use the calendar's own policy
    fail = 1,     // throw Errc::unknown_date naming the first unknown day (the default)
    weekdays = 2, // treat unknown days as Monday-Friday working, Saturday/Sunday off
};

// Limit on the n of working-day and period arithmetic: 100000 working days is about 400 years,
// far beyond any real deadline, and keeps every intermediate value far from overflow.
inline constexpr std::int64_t kMaxOffset = 100000;

// Days since 1900-01-01, a Monday: day % 7 is the weekday (0 Monday ... 6 Sunday).
using DayNum = std::int32_t;

// The dates the calendar accepts: what parse_date accepts, 1900-01-01 to 9999-12-31.
inline constexpr DayNum kFirstDay = 0;
inline constexpr DayNum kLastDay = 2958463; // 9999-12-31; core_calendar_test pins it

// boost's day number (Julian day number) of 1900-01-01; core_calendar_test pins it too.
inline constexpr std::int64_t kEpochJdn = 2415021;

inline DayNum to_daynum(const Date &d) { return static_cast<DayNum>(static_cast<std::int64_t>(d.day_number()) - kEpochJdn); }

inline Date from_daynum(DayNum r) { return Date(static_cast<Date::date_int_type>(r + kEpochJdn)); }

inline bool is_weekday(DayNum r) { return r % 7 < 5; }

// Mondays-to-Fridays in [0, r), for r >= 0.
inline std::int64_t weekdays_before(std::int64_t r) { return 5 * (r / 7) + (r % 7 < 5 ? r % 7 : 5); }

// The k-th Monday-to-Friday (0-based) counted from 1900-01-01: the inverse of weekdays_before.
inline std::int64_t nth_weekday(std::int64_t k) { return 7 * (k / 5) + k % 5; }

// Throws Errc::argument unless d is a real date within 1900-01-01 .. 9999-12-31; what names it.
DayNum checked_daynum(const Date &d, std::string_view what);

} // namespace rectify::core
