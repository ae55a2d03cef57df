// Calendar dates at the boundary: strict YYYY-MM-DD text in, boost::gregorian::date inside.
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rectify::core {

using Date = boost::gregorian::date;

// Parses exactly "YYYY-MM-DD" (years 1900-9999) naming a day that exists. Anything else
// (2018-02-30, 2018-2-3, trailing text) gives nullopt.
std::optional<Date> parse_date(std::string_view text);

// "YYYY-MM-DD".
std::string format_date(const Date &d);

// "2018年9月19日", as official documents write dates.
std::string format_date_chinese(const Date &d);

// Why text is not a date, for error messages, in the command line's words: "is not a date in
// YYYY-MM-DD form", "is not a calendar date: February 2025 has 28 days", "… there is no month 13",
// "is out of range: dates run from 1900-01-01 to 9999-12-31".
std::string describe_bad_date(std::string_view text);

// The current UTC time as "YYYY-MM-DDTHH:MM:SSZ", for audit records only.
std::string utc_timestamp_now();

// The clock: the current instant in seconds since 1970-01-01T00:00:00Z. For tests only, the
// environment variable RECTIFY_TEST_NOW ("YYYY-MM-DDTHH:MM:SSZ", e.g. 2026-12-06T17:30:00Z)
// replaces the system clock; a value of another shape is ignored.
std::int64_t clock_now();

// The zone a database's days are counted in: Asia/Shanghai, which is UTC+8 all year (China has
// had no daylight saving time since 1991), so a fixed offset is exact.
constexpr int kZoneOffsetSeconds = 8 * 3600;

// Today in Asia/Shanghai by clock_now(): the as-of date when a caller gives none, and the day of
// a close-out a status change makes. 2026-12-06T17:30:00Z is 2026-12-07, whatever TZ says.
Date today();

} // namespace rectify::core
