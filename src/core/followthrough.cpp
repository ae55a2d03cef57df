#include "core/followthrough.hpp"

#include "core/error.hpp"
#include "core/period.hpp"

namespace rectify::core {

std::string_view name(Verdict v) {
    switch (v) {
    case Verdict::held: return "held";
    case Verdict::relapsed: return "relapsed";
    case Verdict::incomplete: return "incomplete";
    case Verdict::false_rectification: return "false";
    }
    return "?";
}

std::string_view label(Verdict v) {
    switch (v) {
    case Verdict::held: return "巩固";
    case Verdict::relapsed: return "反弹";
    case Verdict::incomplete: return "整改不到位";
    case Verdict::false_rectification: return "虚假整改";
    }
    return "?";
}

std::optional<Verdict> parse_verdict(std::string_view n) {
    for (auto v : {Verdict::held, Verdict::relapsed, Verdict::incomplete, Verdict::false_rectification})
        if (name(v) == n) return v;
    return std::nullopt;
}

std::string_view name(Cadence c) {
    switch (c) {
    case Cadence::monthly: return "monthly";
    case Cadence::quarterly: return "quarterly";
    case Cadence::half_yearly: return "half_yearly";
    case Cadence::yearly: return "yearly";
    }
    return "?";
}

std::optional<Cadence> parse_cadence(std::string_view n) {
    for (auto c : {Cadence::monthly, Cadence::quarterly, Cadence::half_yearly, Cadence::yearly})
        if (name(c) == n) return c;
    return std::nullopt;
}

int months_of(Cadence c) {
    switch (c) {
    case Cadence::monthly: return 1;
    case Cadence::quarterly: return 3;
    case Cadence::half_yearly: return 6;
    case Cadence::yearly: return 12;
    }
    return 1;
}

Date followup_due(const Date &start, Cadence c, std::int64_t k) { return add_months(start, k * months_of(c)); }

FollowupState followup_state(const Date &start, Cadence c, const std::vector<Date> &recorded, const Date &as_of) {
    FollowupState s;
    // The number of whole periods passed: estimated from months, then corrected at month ends.
    // A period's due date is its last day and belongs to it: the period has passed only once
    // as_of is after its due date, so a follow-up on the due date itself still meets it.
    std::int64_t months = (as_of.year() - start.year()) * 12 + (as_of.month() - start.month());
    std::int64_t k = std::max<std::int64_t>(0, months / months_of(c) - 1);
    while (followup_due(start, c, k + 1) < as_of) ++k;
    while (k > 0 && followup_due(start, c, k) >= as_of) --k;
    s.next_due = followup_due(start, c, k + 1);
    if (k == 0) return s; // the first period has not ended yet
    s.last_due = followup_due(start, c, k);
    const Date from = k == 1 ? start : followup_due(start, c, k - 1);
    s.missed = true;
    for (const auto &d : recorded)
        if (d > from && d <= *s.last_due) s.missed = false;
    return s;
}

std::string_view name(Rating r) {
    switch (r) {
    case Rating::good: return "good";
    case Rating::fairly_good: return "fairly_good";
    case Rating::fair: return "fair";
    case Rating::poor: return "poor";
    }
    return "?";
}

std::string_view label(Rating r) {
    switch (r) {
    case Rating::good: return "好";
    case Rating::fairly_good: return "较好";
    case Rating::fair: return "一般";
    case Rating::poor: return "差";
    }
    return "?";
}

std::int64_t score_of(const std::vector<Deduction> &deductions) {
    std::int64_t total = 0;
    for (std::size_t i = 0; i < deductions.size(); ++i) {
        const auto &d = deductions[i];
        if (d.points < 0 || d.points > 100)
            throw Error(Errc::invalid, "deductions[" + std::to_string(i) + "].points: must be from 0 to 100");
        if (d.item.empty()) throw Error(Errc::invalid, "deductions[" + std::to_string(i) + "].item: must not be empty");
        total += d.points;
    }
    return std::max<std::int64_t>(0, 100 - total);
}

Rating rate(std::int64_t score, const RatingThresholds &t) {
    if (!(t.good > t.fairly_good && t.fairly_good > t.fair && t.fair > 0 && t.good <= 100))
        throw Error(Errc::invalid, "thresholds: must satisfy 100 >= good > fairly_good > fair > 0");
    if (score >= t.good) return Rating::good;
    if (score >= t.fairly_good) return Rating::fairly_good;
    if (score >= t.fair) return Rating::fair;
    return Rating::poor;
}

} // namespace rectify::core
