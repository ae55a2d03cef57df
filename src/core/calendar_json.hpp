// Holiday notices in the JSON format of holiday-cn (data/calendars/holiday-cn/schema.json):
// one notice object {"year", "papers", "days": [{"name", "date", "isOffDay"}]}, or a JSON array
// of them. Parsing checks types and dates only; Calendar::load decides what the notices mean.
#pragma once

#include "core/date.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace rectify::core {

struct NoticeDay {
    Date date;
    bool off = false; // isOffDay: true for a day off, false for a working day
    std::string name; // the festival (春节); kept for messages and tools, not for arithmetic
};

// The State Council's holiday arrangement for one year, as one holiday-cn object.
struct HolidayNotice {
    int year = 0;
    std::vector<std::string> papers; // URLs of the notices; empty means "no notice yet"
    std::vector<NoticeDay> days;     // in the order of the document
    std::string path;                // where it came from in the document ("" or "[2]"), for messages
};

// Parses one notice object or an array of them. Throws core::Error:
//   utf8    the text is not UTF-8 (names the byte offset),
//   json    the text is not JSON (names line and column),
//   invalid a value has the wrong type, a date is not a YYYY-MM-DD calendar date or lies more
//           than a year from the notice's year; the message names the path ("[1].days[3].date").
// Members other than year, papers and days ($schema, $id) are ignored.
std::vector<HolidayNotice> parse_holiday_notices(std::string_view json);

} // namespace rectify::core
