// Rules of the second half of rectification: look-back verdicts, follow-up cadences of ongoing
// measures, and evaluation scores. Pure; the records live in the store.
#pragma once

#include "core/date.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rectify::core {

// A look-back review's (回头看) finding on one issue.
enum class Verdict { held = 1, relapsed, incomplete, false_rectification };
std::string_view name(Verdict v);  // "held", "relapsed", "incomplete", "false"
std::string_view label(Verdict v); // "巩固", "反弹", "整改不到位", "虚假整改"
std::optional<Verdict> parse_verdict(std::string_view name);
// Relapsed, incomplete and false rectification reopen the issue and raise its relapse count.
inline bool reopens(Verdict v) { return v != Verdict::held; }

// How often an ongoing (长期坚持) measure must be followed up.
enum class Cadence { monthly = 1, quarterly, half_yearly, yearly };
std::string_view name(Cadence c);
std::optional<Cadence> parse_cadence(std::string_view name);
int months_of(Cadence c);

// The follow-up due dates of a plan started on `start`: start + k periods, k = 1, 2, …
// (month arithmetic as for legal periods: 01-31 + 1 month is 02-28).
Date followup_due(const Date &start, Cadence c, std::int64_t k);

struct FollowupState {
    std::optional<Date> last_due;   // the latest due date before as_of (its period has passed), if any
    std::optional<Date> next_due;   // the first due date on or after as_of (the period still open)
    bool missed = false;            // no follow-up recorded in the period ending at last_due
};

// Where a plan stands as of a date, given the dates follow-ups were recorded on. A period runs
// from the day after the previous due date (or the start) to its due date, both included: on
// the due date itself the period is still open, and it is missed from the day after.
FollowupState followup_state(const Date &start, Cadence c, const std::vector<Date> &recorded, const Date &as_of);

// Evaluation (整改评估): 100 points less the deductions, rated by thresholds.
enum class Rating { good = 1, fairly_good, fair, poor };
std::string_view name(Rating r);  // "good", "fairly_good", "fair", "poor"
std::string_view label(Rating r); // "好", "较好", "一般", "差"

struct RatingThresholds {
    std::int64_t good = 90;        // score >= good: 好
    std::int64_t fairly_good = 80; // >= fairly_good: 较好
    std::int64_t fair = 60;        // >= fair: 一般; below: 差
};

struct Deduction {
    std::string item;
    std::int64_t points = 0;
    std::optional<std::int64_t> issue_id; // the issue it concerns, if one
    std::optional<std::string> note;
};

// Throws Errc::invalid naming the field for negative points or thresholds out of order.
std::int64_t score_of(const std::vector<Deduction> &deductions);
Rating rate(std::int64_t score, const RatingThresholds &t);
// 一般 and 差 open re-rectification (二次整改).
inline bool needs_rerectification(Rating r) { return r == Rating::fair || r == Rating::poor; }

} // namespace rectify::core
