// Rule profiles: the offsets a locality sets (plan due after feedback, the concentrated
// rectification period, report due, evaluation after the period, the warning ladder). Named and
// versioned, because they differ by place and change over time; an inspection keeps the version
// it was given, and its derived deadlines with it.
#pragma once

#include "core/date.hpp"
#include "core/period.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace rectify::core {

struct Offset {
    PeriodUnit unit = PeriodUnit::months;
    std::int64_t n = 1;
};

struct RuleProfile {
    std::string name;
    std::int64_t version = 1;
    Offset plan_due{PeriodUnit::months, 1};         // 整改方案 due, after feedback
    Offset concentrated{PeriodUnit::months, 2};     // 集中整改期, from feedback
    Offset report_due{PeriodUnit::months, 2};       // 整改情况报告 due, after feedback
    Offset evaluation_after{PeriodUnit::months, 1}; // 整改评估, after the concentrated period
    std::vector<std::int64_t> warn_days{20, 10};    // yellow from the first; strictly descending, > 0
    // How derived deadlines treat unknown years: weekdays (the default) counts Monday-Friday and the
    // deadline is provisional until the year is loaded; fail refuses to derive it.
    UnknownPolicy unknown_dates = UnknownPolicy::weekdays;
};

// The profile every new database has: report due 2 months after feedback, a 1-month plan, a
// 2-month concentrated period, evaluation 1 month after it, warnings at 20 and 10 days.
RuleProfile default_profile();

// Throws Errc::invalid naming the field when the profile cannot be used.
void check_profile(const RuleProfile &p);

struct DerivedDeadlines {
    Date plan_due;
    Date concentrated_end;
    Date report_due;
    Date evaluation_due;
};

// Deadlines of an inspection fed back on `feedback`, as legal periods on the calendar.
DerivedDeadlines derive_deadlines(const RuleProfile &p, const Calendar &cal, const Date &feedback);

// The years without a notice that those deadlines depend on, in order: empty when they are final;
// otherwise they are provisional (counted on the plain Monday-Friday rule) until those years are
// loaded, and are derived again then.
std::vector<int> provisional_years(const RuleProfile &p, const Calendar &cal, const Date &feedback);

} // namespace rectify::core
