#include "core/calendar_day.hpp"

#include "core/error.hpp"

#include <string>

namespace rectify::core {

std::string_view name(DayType t) {
    switch (t) {
    case DayType::workday: return "workday";
    case DayType::weekend: return "weekend";
    case DayType::holiday: return "holiday";
    case DayType::adjusted_workday: return "adjusted_workday";
    case DayType::unknown: return "unknown";
    }
    return "unknown";
}

DayNum checked_daynum(const Date &d, std::string_view what) {
    if (d.is_special()) throw Error(Errc::argument, std::string(what) + " is not a date");
    const std::int64_t r = static_cast<std::int64_t>(d.day_number()) - kEpochJdn;
    if (r < kFirstDay || r > kLastDay)
        throw Error(Errc::argument, std::string(what) + " " + format_date(d) + " is outside 1900-01-01 .. 9999-12-31");
    return static_cast<DayNum>(r);
}

} // namespace rectify::core
