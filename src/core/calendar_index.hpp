// The precomputed form of a calendar that makes working-day arithmetic O(1): prefix counts of
// working days and of unknown days, and the position of every working day, over the span of
// days the calendar has data for. Outside that span every day is unknown and counts as a
// Monday-to-Friday working day, which closed formulas answer without any table.
//
// Counting unknown days as weekdays everywhere is what makes both policies cheap: the weekday
// answer is always computed, and the fail policy then only asks whether the days the answer
// depended on contain an unknown one (one subtraction of prefix counts).
//
// Built once per change of the calendar and never modified, so one index may be read by any
// number of threads. It costs about 13 bytes per day of the span: some 90 KB for 2007-2026; a
// host day set centuries away from the notices stretches the span (and the memory) to reach it.
#pragma once

#include "core/calendar_day.hpp"

#include <cstdint>
#include <map>
#include <set>
#include <vector>

namespace rectify::core {

class CalendarIndex {
public:
    // An index that knows no day: everything unknown.
    CalendarIndex() = default;

    // explicit_days: every date with a stated status (true = day off), notices and host
    // overrides already merged. known_years: the years a notice was loaded for.
    CalendarIndex(const std::map<DayNum, bool> &explicit_days, const std::set<int> &known_years);

    DayType type(DayNum r) const {
        if (r < start_ || r >= end()) return DayType::unknown;
        return static_cast<DayType>(types_[static_cast<std::size_t>(r - start_)]);
    }

    // Working days in [0, r), unknown days counted as weekdays. 0 <= r <= kLastDay + 1.
    std::int64_t workdays_before(std::int64_t r) const {
        if (r <= start_) return weekdays_before(r);
        if (r <= end()) return w_start_ + cum_[static_cast<std::size_t>(r - start_)];
        return w_end_ + weekdays_before(r) - weekdays_before(end());
    }

    // The day holding working day number k (0-based, the same count as workdays_before):
    // the r with workdays_before(r) == k that is itself a working day. k >= 0.
    std::int64_t select(std::int64_t k) const {
        if (k < w_start_) return nth_weekday(k);
        if (k < w_end_) return start_ + pos_[static_cast<std::size_t>(k - w_start_)];
        return nth_weekday(k - w_end_ + weekdays_before(end()));
    }

    // Whether [a, b) holds an unknown day.
    bool has_unknown(std::int64_t a, std::int64_t b) const {
        if (a >= b) return false;
        if (a < start_ || b > end()) return true;
        return ucum_[static_cast<std::size_t>(b - start_)] != ucum_[static_cast<std::size_t>(a - start_)];
    }

    // The first unknown day of [a, b); only meaningful when has_unknown(a, b).
    std::int64_t first_unknown(std::int64_t a, std::int64_t b) const;

    // The span with data, [start, end); empty when the calendar knows nothing.
    DayNum start() const { return start_; }
    DayNum end() const { return start_ + static_cast<DayNum>(types_.size()); }

private:
    DayNum start_ = 0;
    std::vector<std::uint8_t> types_;  // DayType of each day of the span
    std::vector<std::uint32_t> cum_;   // cum_[i]: working days (unknown as weekdays) in span[0, i)
    std::vector<std::uint32_t> ucum_;  // ucum_[i]: unknown days in span[0, i)
    std::vector<std::uint32_t> pos_;   // span offset of each working day, in order
    std::int64_t w_start_ = 0;         // workdays_before(start_)
    std::int64_t w_end_ = 0;           // workdays_before(end())
};

} // namespace rectify::core
