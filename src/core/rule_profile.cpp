#include "core/rule_profile.hpp"

#include "core/error.hpp"

#include <algorithm>

namespace rectify::core {

RuleProfile default_profile() {
    RuleProfile p;
    p.name = "default";
    return p;
}

void check_profile(const RuleProfile &p) {
    auto bad = [](const std::string &field, const std::string &what) { throw Error(Errc::invalid, field + ": " + what); };
    if (p.name.empty()) bad("name", "must not be empty");
    for (auto [field, o] : {std::pair<const char *, Offset>{"plan_due", p.plan_due}, {"concentrated", p.concentrated},
                            {"report_due", p.report_due}, {"evaluation_after", p.evaluation_after}})
        if (o.n < 1 || o.n > 3660) bad(std::string(field) + ".n", "must be from 1 to 3660, got " + std::to_string(o.n));
    for (std::size_t i = 0; i < p.warn_days.size(); ++i) {
        if (p.warn_days[i] < 1 || p.warn_days[i] > 3660) bad("warn_days[" + std::to_string(i) + "]", "must be from 1 to 3660");
        if (i && p.warn_days[i] >= p.warn_days[i - 1]) bad("warn_days[" + std::to_string(i) + "]", "must be less than the one before it");
    }
    if (p.unknown_dates == UnknownPolicy::calendar) bad("unknown_dates", "must be fail or weekdays");
}

DerivedDeadlines derive_deadlines(const RuleProfile &p, const Calendar &cal, const Date &feedback) {
    auto end = [&](const Date &from, const Offset &o) { return period_end(cal, from, o.unit, o.n, p.unknown_dates); };
    DerivedDeadlines d;
    d.plan_due = end(feedback, p.plan_due);
    d.concentrated_end = end(feedback, p.concentrated);
    d.report_due = end(feedback, p.report_due);
    d.evaluation_due = end(d.concentrated_end, p.evaluation_after);
    return d;
}

std::vector<int> provisional_years(const RuleProfile &p, const Calendar &cal, const Date &feedback) {
    RuleProfile strict = p;
    strict.unknown_dates = UnknownPolicy::fail;
    try {
        derive_deadlines(strict, cal, feedback);
        return {};
    } catch (const Error &e) {
        if (e.code() != Errc::unknown_date) throw;
    }
    RuleProfile loose = p;
    loose.unknown_dates = UnknownPolicy::weekdays;
    const DerivedDeadlines d = derive_deadlines(loose, cal, feedback);
    const Date last = std::max({d.plan_due, d.concentrated_end, d.report_due, d.evaluation_due});
    std::vector<int> years;
    for (int y = static_cast<int>(feedback.year()); y <= static_cast<int>(last.year()); ++y)
        if (!cal.knows_year(y)) years.push_back(y);
    if (years.empty()) years.push_back(static_cast<int>(last.year()));
    return years;
}

} // namespace rectify::core
