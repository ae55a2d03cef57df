// A working-day calendar: which dates are working days, built from the State Council's holiday
// notices (holiday-cn JSON) and the host's own local days, with O(1) working-day arithmetic.
//
// What a date is
//   A date some loaded notice or host override lists is a holiday (listed off, even on a weekend)
//   or a working day (listed working: adjusted_workday on Saturday/Sunday, else workday).
//   Any other date of a known year is a workday (Monday-Friday) or a weekend day.
//   Any other date is unknown. A year is known once a notice for it (its "year" field) with a
//   non-empty "papers" list has been loaded; a listed date counts as data for itself even when its
//   own year is unknown (2006-12-30 from the 2007 notice).
//
// Which statement wins when several speak of one date
//   1. a host override (set_day), whenever it was made;
//   2. the notice with the greatest year among those listing the date: the 2019 notice, issued in
//      December 2018, outranks the 2018 notice on 2018-12-29;
//   3. within one year, the notice loaded last: loading a notice for a year replaces everything
//      the earlier notice for that year said, including its dates in the year before.
//
// Unknown days
//   day_type() reports them as DayType::unknown. Every other question whose answer depends on
//   an unknown day follows the policy given to the call, or the calendar's (default: fail):
//   fail throws Errc::unknown_date naming the first unknown day; weekdays treats it as an
//   ordinary Monday-Friday week. Only the days the answer depends on matter (see each call).
//
// Copies are cheap (the precomputed index is shared and immutable) and independent: a copy of
// the bundled calendar plus a locality's overrides leaves the bundled one untouched. Const calls
// may run on several threads at once; a change must not run alongside any other call.
#pragma once

#include "core/calendar_day.hpp"
#include "core/calendar_index.hpp"
#include "core/calendar_json.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace rectify::core {

class Calendar {
public:
    // A calendar that knows no year: every day is unknown.
    Calendar();

    // ---- loading and local changes (strong guarantee: on any error nothing changes) ----

    // Loads holiday-cn JSON text: one notice object or an array of them, applied in order.
    // A notice with an empty "papers" list is a placeholder (holiday-cn's file for a year not yet
    // announced): it changes nothing, and must list no days (Errc::invalid otherwise).
    // One date listed twice in one notice with different isOffDay is contradictory
    // (Errc::invalid naming the date, both paths and the notice's year); listed twice alike, or
    // listing a weekday as working or a weekend day as off, is redundant and accepted.
    // Errors of the text itself: see parse_holiday_notices().
    void load_json(std::string_view json);
    void load(const std::vector<HolidayNotice> &notices);

    // A host's own day: off (an extra local day off) or working (an extra working day), over
    // whatever the notices say. The date becomes known even when its year is not.
    void set_day(const Date &d, bool off);
    // Drops the host's statement about d; returns whether there was one.
    bool clear_day(const Date &d);

    // The policy used when a call passes UnknownPolicy::calendar. Errc::argument for
    // UnknownPolicy::calendar itself.
    void set_unknown_policy(UnknownPolicy p);
    UnknownPolicy unknown_policy() const { return policy_; }

    // ---- questions ----

    // Whether a notice for this year has been loaded.
    bool knows_year(int year) const { return notices_.count(year) != 0; }
    std::vector<int> known_years() const;

    // The type of one date; never throws for a date within 1900-01-01 .. 9999-12-31 and never
    // consults the policy (unknown is an answer here).
    DayType day_type(const Date &d) const;

    // Whether d is a working day. Depends on d alone.
    bool is_workday(const Date &d, UnknownPolicy p = UnknownPolicy::calendar) const;

    // n > 0: the n-th working day after d; n < 0: the |n|-th working day before d; d itself is
    // never counted, whatever its type. n == 0: d unchanged, even on a rest day.
    // Depends on the days strictly between d and the result, and the result.
    // Errc::argument when |n| > kMaxOffset or the result would leave 1900-01-01 .. 9999-12-31.
    Date add_workdays(const Date &d, std::int64_t n, UnknownPolicy p = UnknownPolicy::calendar) const;

    // The working days passed walking from `from` to `to`, the start day excluded and the end day
    // included: the working days in (from, to] when to >= from, minus those in [to, from) when
    // to < from. So count_workdays(d, add_workdays(d, n)) == n for every n, and the count is 0
    // for from == to. Depends on the days counted.
    std::int64_t count_workdays(const Date &from, const Date &to, UnknownPolicy p = UnknownPolicy::calendar) const;

    // The first working day on or after d: d itself when it is a working day. (The first working
    // day strictly after d is add_workdays(d, 1).) Depends on d up to the result.
    Date next_workday(const Date &d, UnknownPolicy p = UnknownPolicy::calendar) const;

private:
    std::map<int, std::map<DayNum, bool>> notices_; // notice year -> listed date -> off
    std::map<DayNum, bool> overrides_;              // the host's days -> off
    UnknownPolicy policy_ = UnknownPolicy::fail;
    std::shared_ptr<const CalendarIndex> index_;

    static std::shared_ptr<const CalendarIndex> build(const std::map<int, std::map<DayNum, bool>> &notices,
                                                      const std::map<DayNum, bool> &overrides);
    UnknownPolicy effective(UnknownPolicy p) const;
    // Errc::unknown_date for the first unknown day of [a, b); context says what needed it.
    [[noreturn]] void fail_unknown(std::int64_t a, std::int64_t b, const std::string &context) const;
};

} // namespace rectify::core
