#include "core/period.hpp"

#include "core/error.hpp"

#include <string>

namespace rectify::core {

namespace {

[[noreturn]] void bad_argument(const std::string &what) { throw Error(Errc::argument, what); }

std::string count_of(std::int64_t n, PeriodUnit u) {
    switch (u) {
    case PeriodUnit::days: return std::to_string(n) + (n == 1 ? " day" : " days");
    case PeriodUnit::months: return std::to_string(n) + (n == 1 ? " month" : " months");
    case PeriodUnit::workdays: return std::to_string(n) + (n == 1 ? " working day" : " working days");
    }
    return std::to_string(n);
}

Date end_of(const Calendar &cal, const Date &start, DayNum s, PeriodUnit unit, std::int64_t n, UnknownPolicy policy) {
    Date last;
    switch (unit) {
    case PeriodUnit::workdays:
        // The n-th working day after the start day is a working day already.
        return cal.add_workdays(start, n, policy);
    case PeriodUnit::days:
        if (s + n > kLastDay)
            bad_argument("a period of " + count_of(n, unit) + " from " + format_date(start) + " passes 9999-12-31");
        last = from_daynum(static_cast<DayNum>(s + n));
        break;
    case PeriodUnit::months:
        last = add_months(start, n);
        break;
    default:
        bad_argument("period unit " + std::to_string(static_cast<int>(unit)) + " is not days, months or workdays");
    }
    // Art. 203: a last day that is a rest day gives way to the first working day after it.
    return cal.next_workday(last, policy);
}

} // namespace

std::string_view name(PeriodUnit u) {
    switch (u) {
    case PeriodUnit::days: return "days";
    case PeriodUnit::months: return "months";
    case PeriodUnit::workdays: return "workdays";
    }
    return "?";
}

Date add_months(const Date &d, std::int64_t n) {
    checked_daynum(d, "date");
    if (n > kMaxOffset || n < -kMaxOffset)
        bad_argument(std::to_string(n) + " months is out of range: at most " + std::to_string(kMaxOffset) + " either way");
    // Months since year 0, so that the year and month of the result come from one division.
    const std::int64_t months = std::int64_t(d.year()) * 12 + (d.month() - 1) + n;
    const std::int64_t year = months / 12, month = months % 12 + 1;
    if (year < 1900 || year > 9999)
        bad_argument("moving " + format_date(d) + " by " + std::to_string(n) + " months leaves 1900-01-01 .. 9999-12-31");
    const int last = boost::gregorian::gregorian_calendar::end_of_month_day(static_cast<unsigned short>(year),
                                                                            static_cast<unsigned short>(month));
    const int day = d.day() < last ? int(d.day()) : last;
    return Date(static_cast<unsigned short>(year), static_cast<unsigned short>(month), static_cast<unsigned short>(day));
}

Date period_end(const Calendar &cal, const Date &start, PeriodUnit unit, std::int64_t n, UnknownPolicy policy) {
    const DayNum s = checked_daynum(start, "start");
    if (n < 1 || n > kMaxOffset)
        bad_argument("a period of " + count_of(n, unit) + " is out of range: from 1 to " + std::to_string(kMaxOffset));
    try {
        return end_of(cal, start, s, unit, n, policy);
    } catch (const Error &e) {
        // Say which period needed the missing year, not only which step of it.
        if (e.code() != Errc::unknown_date) throw;
        throw Error(e.code(), "a period of " + count_of(n, unit) + " from " + format_date(start) + ": " + e.what());
    }
}

bool period_is_provisional(const Calendar &cal, const Date &start, PeriodUnit unit, std::int64_t n) {
    try {
        period_end(cal, start, unit, n, UnknownPolicy::fail);
        return false;
    } catch (const Error &e) {
        if (e.code() != Errc::unknown_date) throw;
        return true;
    }
}

} // namespace rectify::core
