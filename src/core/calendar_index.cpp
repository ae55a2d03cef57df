#include "core/calendar_index.hpp"

#include <algorithm>

namespace rectify::core {

namespace {

DayNum jan1(int year) { return to_daynum(Date(static_cast<unsigned short>(year), 1, 1)); }

} // namespace

CalendarIndex::CalendarIndex(const std::map<DayNum, bool> &explicit_days, const std::set<int> &known_years) {
    if (explicit_days.empty() && known_years.empty()) return;

    // The span runs from the first day with data to the last: whole known years, plus dates a
    // notice or the host stated outside them (a December day in the next year's notice).
    DayNum first = kLastDay, last = kFirstDay;
    if (!known_years.empty()) {
        first = jan1(*known_years.begin());
        int last_year = *known_years.rbegin();
        last = last_year >= 9999 ? kLastDay : jan1(last_year + 1) - 1;
    }
    if (!explicit_days.empty()) {
        first = std::min(first, explicit_days.begin()->first);
        last = std::max(last, explicit_days.rbegin()->first);
    }

    start_ = first;
    const auto size = static_cast<std::size_t>(last - first + 1);
    types_.resize(size);
    cum_.resize(size + 1);
    ucum_.resize(size + 1);
    pos_.reserve(size * 5 / 7 + 16);

    auto next_explicit = explicit_days.begin();
    int year = from_daynum(first).year();
    DayNum next_jan1 = year >= 9999 ? kLastDay + 1 : jan1(year + 1);
    bool year_known = known_years.count(year) != 0;
    std::uint32_t workdays = 0, unknowns = 0;

    for (std::size_t i = 0; i < size; ++i) {
        const DayNum r = first + static_cast<DayNum>(i);
        if (r == next_jan1) {
            ++year;
            next_jan1 = year >= 9999 ? kLastDay + 1 : jan1(year + 1);
            year_known = known_years.count(year) != 0;
        }
        DayType t;
        if (next_explicit != explicit_days.end() && next_explicit->first == r) {
            // A stated day off is a holiday even on a weekend (the Saturday inside National Day
            // week is part of the holiday); a stated working day on a weekend is 调休.
            t = next_explicit->second ? DayType::holiday : is_weekday(r) ? DayType::workday : DayType::adjusted_workday;
            ++next_explicit;
        } else if (year_known) {
            t = is_weekday(r) ? DayType::workday : DayType::weekend;
        } else {
            t = DayType::unknown;
        }
        types_[i] = static_cast<std::uint8_t>(t);
        const bool works = is_working(t) || (t == DayType::unknown && is_weekday(r));
        if (works) {
            pos_.push_back(static_cast<std::uint32_t>(i));
            ++workdays;
        }
        if (t == DayType::unknown) ++unknowns;
        cum_[i + 1] = workdays;
        ucum_[i + 1] = unknowns;
    }
    w_start_ = weekdays_before(start_);
    w_end_ = w_start_ + workdays;
}

std::int64_t CalendarIndex::first_unknown(std::int64_t a, std::int64_t b) const {
    if (a < start_ || start_ == end()) return a;
    if (a >= end()) return a;
    // The first i > a - start_ where the unknown count rises; ucum_ is sorted.
    const auto from = static_cast<std::size_t>(a - start_);
    const auto limit = static_cast<std::size_t>(std::min<std::int64_t>(b, end()) - start_);
    auto it = std::upper_bound(ucum_.begin() + static_cast<std::ptrdiff_t>(from) + 1,
                               ucum_.begin() + static_cast<std::ptrdiff_t>(limit) + 1, ucum_[from]);
    if (it == ucum_.begin() + static_cast<std::ptrdiff_t>(limit) + 1) return end(); // past the span
    return start_ + (it - ucum_.begin()) - 1;
}

} // namespace rectify::core
