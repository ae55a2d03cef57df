// Legal periods (期间) by the Civil Code, arts. 200-203, as docs/design.md "Deadlines" states them:
//   - the start day is not counted (art. 201): a period runs from the day after it;
//   - n days ends on start + n;
//   - n months ends on the same-numbered day of the last month, or that month's last day where
//     there is none (art. 202 with 201: 01-31 + 1 month -> 02-28, or 02-29 in a leap year);
//   - when that last day is a rest day (a statutory holiday, or a weekend day that is not an
//     adjusted working day) the period ends on the first working day after it (art. 203);
//   - n working days ends on the n-th working day after the start day (never a rest day).
// The calendar decides what is a working day; a period ending in a year it has no data for
// follows the unknown-date policy (by default Monday-Friday, provisionally: see period_is_provisional).
#pragma once

#include "core/calendar.hpp"

#include <cstdint>
#include <string_view>

namespace rectify::core {

// Values mirror RECTIFY_PERIOD_* in include/rectify/calendar.h.
enum class PeriodUnit : int { days = 1, months = 2, workdays = 3 };

std::string_view name(PeriodUnit u); // "days", "months", "workdays"

// The same-numbered day n months after d, or the last day of that month where there is none.
// Not boost's month arithmetic, which snaps to month ends (02-28 + 1 month would give 03-31).
// Errc::argument when |n| > kMaxOffset or the result would leave 1900-01-01 .. 9999-12-31.
Date add_months(const Date &d, std::int64_t n);

// The last day of a period of n units (n >= 1) starting on `start`, per the rules above.
// Depends on the calendar only from the nominal last day to the day the period ends (for days
// and months), or on every day counted (for working days).
// Errc::argument when n < 1, n > kMaxOffset, or the end would pass 9999-12-31.
Date period_end(const Calendar &cal, const Date &start, PeriodUnit unit, std::int64_t n,
                UnknownPolicy policy = UnknownPolicy::calendar);

// Whether period_end() depends on a day the calendar has no data for: an answer counted on the
// plain Monday-Friday rule, to be computed again once that year's notice is loaded.
bool period_is_provisional(const Calendar &cal, const Date &start, PeriodUnit unit, std::int64_t n);

} // namespace rectify::core
