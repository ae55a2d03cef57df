#include "core/calendar.hpp"

#include "core/error.hpp"

#include <string>

namespace rectify::core {

namespace {

[[noreturn]] void bad_argument(const std::string &what) { throw Error(Errc::argument, what); }

void check_offset(std::int64_t n, const char *unit) {
    if (n > kMaxOffset || n < -kMaxOffset)
        bad_argument(std::to_string(n) + " " + unit + " is out of range: at most " + std::to_string(kMaxOffset) +
                     " either way");
}

std::string plural(std::int64_t n, const char *one) {
    auto a = n < 0 ? -n : n;
    return std::to_string(a) + " " + one + (a == 1 ? "" : "s");
}

// "2007-2026" or "2007-2026, 2030" or "no year".
std::string describe_years(const std::vector<int> &years) {
    if (years.empty()) return "no year";
    std::string out;
    for (std::size_t i = 0; i < years.size();) {
        std::size_t j = i;
        while (j + 1 < years.size() && years[j + 1] == years[j] + 1) ++j;
        if (!out.empty()) out += ", ";
        out += std::to_string(years[i]);
        if (j > i) out += "-" + std::to_string(years[j]);
        i = j + 1;
    }
    return out;
}

} // namespace

Calendar::Calendar() : index_(std::make_shared<const CalendarIndex>()) {}

std::shared_ptr<const CalendarIndex> Calendar::build(const std::map<int, std::map<DayNum, bool>> &notices,
                                                     const std::map<DayNum, bool> &overrides) {
    // Rank by increasing authority, each overwriting the last: older notice years, newer ones,
    // then the host.
    std::map<DayNum, bool> merged;
    std::set<int> years;
    for (const auto &[year, days] : notices) {
        years.insert(year);
        for (const auto &[day, off] : days) merged[day] = off;
    }
    for (const auto &[day, off] : overrides) merged[day] = off;
    return std::make_shared<const CalendarIndex>(merged, years);
}

void Calendar::load_json(std::string_view json) { load(parse_holiday_notices(json)); }

void Calendar::load(const std::vector<HolidayNotice> &notices) {
    auto next = notices_;
    for (const auto &n : notices) {
        const std::string at = n.path.empty() ? "" : n.path + ".";
        if (n.year < 1900 || n.year > 9999)
            throw Error(Errc::invalid, at + "year: must be a whole year from 1900 to 9999, got " + std::to_string(n.year));
        if (n.papers.empty()) {
            // holiday-cn's placeholder for a year not yet announced; it says nothing.
            if (!n.days.empty())
                throw Error(Errc::invalid, at + "papers: is empty, so the notice for " + std::to_string(n.year) +
                                               " carries no data, yet it lists " + plural(std::int64_t(n.days.size()), "day") +
                                               "; name the notice in papers or leave days empty");
            continue;
        }
        std::map<DayNum, bool> days;
        std::map<DayNum, std::size_t> first_seen;
        for (std::size_t i = 0; i < n.days.size(); ++i) {
            const auto &day = n.days[i];
            const std::string path = at + "days[" + std::to_string(i) + "].date";
            if (day.date.is_special() || to_daynum(day.date) < kFirstDay || to_daynum(day.date) > kLastDay)
                throw Error(Errc::invalid, path + ": not a date within 1900-01-01 .. 9999-12-31");
            const DayNum r = to_daynum(day.date);
            auto [it, inserted] = days.emplace(r, day.off);
            if (inserted) {
                first_seen.emplace(r, i);
            } else if (it->second != day.off) {
                throw Error(Errc::invalid, path + ": " + format_date(day.date) + " is listed as " +
                                               (day.off ? "a day off" : "a working day") + " here but as " +
                                               (day.off ? "a working day" : "a day off") + " at " + at + "days[" +
                                               std::to_string(first_seen[r]) + "], in the notice for " +
                                               std::to_string(n.year));
            }
        }
        next[n.year] = std::move(days); // a later notice for a year replaces the earlier one
    }
    auto index = build(next, overrides_);
    notices_.swap(next);
    index_ = std::move(index);
}

void Calendar::set_day(const Date &d, bool off) {
    const DayNum r = checked_daynum(d, "date");
    auto next = overrides_;
    next[r] = off;
    auto index = build(notices_, next);
    overrides_.swap(next);
    index_ = std::move(index);
}

bool Calendar::clear_day(const Date &d) {
    const DayNum r = checked_daynum(d, "date");
    if (!overrides_.count(r)) return false;
    auto next = overrides_;
    next.erase(r);
    auto index = build(notices_, next);
    overrides_.swap(next);
    index_ = std::move(index);
    return true;
}

void Calendar::set_unknown_policy(UnknownPolicy p) {
    if (p != UnknownPolicy::fail && p != UnknownPolicy::weekdays)
        bad_argument("unknown-date policy " + std::to_string(static_cast<int>(p)) +
                     " is not one a calendar can hold (fail or weekdays)");
    policy_ = p;
}

UnknownPolicy Calendar::effective(UnknownPolicy p) const {
    switch (p) {
    case UnknownPolicy::calendar: return policy_;
    case UnknownPolicy::fail:
    case UnknownPolicy::weekdays: return p;
    }
    bad_argument("unknown-date policy " + std::to_string(static_cast<int>(p)) + " is not a policy");
}

std::vector<int> Calendar::known_years() const {
    std::vector<int> years;
    years.reserve(notices_.size());
    for (const auto &kv : notices_) years.push_back(kv.first);
    return years;
}

void Calendar::fail_unknown(std::int64_t a, std::int64_t b, const std::string &context) const {
    const Date d = from_daynum(static_cast<DayNum>(index_->first_unknown(a, b)));
    const int year = d.year();
    throw Error(Errc::unknown_date, context + " depends on " + format_date(d) + ", but the calendar has no data for " +
                                        std::to_string(year) + " (it knows " + describe_years(known_years()) +
                                        "); load a notice for " + std::to_string(year) +
                                        " or use the weekdays-only fallback");
}

DayType Calendar::day_type(const Date &d) const { return index_->type(checked_daynum(d, "date")); }

bool Calendar::is_workday(const Date &d, UnknownPolicy p) const {
    const DayNum r = checked_daynum(d, "date");
    const UnknownPolicy policy = effective(p);
    const DayType t = index_->type(r);
    if (t != DayType::unknown) return is_working(t);
    if (policy == UnknownPolicy::fail) fail_unknown(r, r + 1, "whether " + format_date(d) + " is a working day");
    return is_weekday(r);
}

Date Calendar::add_workdays(const Date &d, std::int64_t n, UnknownPolicy p) const {
    const DayNum r = checked_daynum(d, "date");
    check_offset(n, "working days");
    const UnknownPolicy policy = effective(p);
    if (n == 0) return d;
    const auto &ix = *index_;
    std::int64_t t, a, b; // the result, and [a, b): the days it depends on
    if (n > 0) {
        t = ix.select(ix.workdays_before(r + 1) + n - 1);
        if (t > kLastDay)
            bad_argument("adding " + plural(n, "working day") + " to " + format_date(d) + " goes past 9999-12-31");
        a = r + 1, b = t + 1;
    } else {
        const std::int64_t k = ix.workdays_before(r) + n;
        if (k < 0)
            bad_argument("going back " + plural(n, "working day") + " from " + format_date(d) + " goes before 1900-01-01");
        t = ix.select(k);
        a = t, b = r;
    }
    if (ix.has_unknown(a, b) && policy == UnknownPolicy::fail)
        fail_unknown(a, b, (n > 0 ? "adding " : "going back ") + plural(n, "working day") + (n > 0 ? " to " : " from ") +
                               format_date(d));
    return from_daynum(static_cast<DayNum>(t));
}

std::int64_t Calendar::count_workdays(const Date &from, const Date &to, UnknownPolicy p) const {
    const DayNum f = checked_daynum(from, "from");
    const DayNum t = checked_daynum(to, "to");
    const UnknownPolicy policy = effective(p);
    const auto &ix = *index_;
    std::int64_t count, a, b;
    if (t >= f) {
        count = ix.workdays_before(t + 1) - ix.workdays_before(f + 1);
        a = f + 1, b = t + 1;
    } else {
        count = ix.workdays_before(t) - ix.workdays_before(f);
        a = t, b = f;
    }
    if (ix.has_unknown(a, b) && policy == UnknownPolicy::fail)
        fail_unknown(a, b, "counting working days from " + format_date(from) + " to " + format_date(to));
    return count;
}

Date Calendar::next_workday(const Date &d, UnknownPolicy p) const {
    const DayNum r = checked_daynum(d, "date");
    const UnknownPolicy policy = effective(p);
    const auto &ix = *index_;
    const std::int64_t t = ix.select(ix.workdays_before(r));
    if (t > kLastDay) bad_argument("there is no working day on or after " + format_date(d) + " before 9999-12-31");
    if (ix.has_unknown(r, t + 1) && policy == UnknownPolicy::fail)
        fail_unknown(r, t + 1, "the first working day on or after " + format_date(d));
    return from_daynum(static_cast<DayNum>(t));
}

} // namespace rectify::core
