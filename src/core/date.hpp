// Calendar dates at the boundary: strict YYYY-MM-DD text in, boost::gregorian::date inside.
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>

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

// Why text is not a date, for error messages: "is not a calendar date", "is not in YYYY-MM-DD form".
std::string describe_bad_date(std::string_view text);

// The current UTC time as "YYYY-MM-DDTHH:MM:SSZ", for audit records only.
std::string utc_timestamp_now();

// Today in UTC: the as-of date when a caller gives none, and the day of a close-out a status
// change makes.
Date utc_today();

} // namespace rectify::core
