// Statistics as reports print them: how many issues and measures are done, substantially done,
// in progress or not started, how many were extended or are overdue as of a date, per aspect;
// the outcomes by kind; a round's units by completion; the leads handed over. Pure counting: the
// service decides what is overdue or extended and feeds each record in.
#pragma once

#include "core/date.hpp"
#include "core/enums.hpp"
#include "core/model.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rectify::core {

// One count per bucket. The four status buckets partition the total: done (done and closed out),
// substantially done, in progress (in progress and reopened), not done (not started). Extended
// and overdue cut across them.
struct Tally {
    std::int64_t total = 0;
    std::int64_t done = 0;
    std::int64_t substantially_done = 0;
    std::int64_t in_progress = 0;
    std::int64_t not_done = 0;
    std::int64_t extended = 0;
    std::int64_t overdue = 0;

    void add(Status status, bool extended, bool overdue);
    void add(const Tally &other);
    // done / total as the reports print it ("98.71%"); nullopt when total is 0.
    std::optional<std::string> completion_rate() const;
    std::int64_t completion_basis_points() const;
};

struct AspectTally {
    std::int64_t aspect_id = 0;
    std::int64_t seq = 0;
    std::string title;
    Tally issues;
    Tally measures;
};

struct MoneyTally {
    MoneyCategory category = MoneyCategory::other;
    std::int64_t items = 0;
    std::int64_t fen = 0;
};

struct OutcomeTally {
    std::int64_t rules_made = 0;
    std::int64_t rules_revised = 0;
    // One entry per money category, in the order of the enum (清退, 追缴, 挽回, 其他).
    std::array<MoneyTally, 4> money{{{MoneyCategory::returned, 0, 0},
                                     {MoneyCategory::recovered, 0, 0},
                                     {MoneyCategory::retrieved, 0, 0},
                                     {MoneyCategory::other, 0, 0}}};
    std::int64_t money_fen = 0;
    // People held accountable, per form in the order of the enum (an outcome without a count is one).
    std::array<std::int64_t, 6> accountability{};
    std::int64_t accountability_total = 0;
    std::int64_t meetings = 0;

    void add(const Outcome &o);
    void add(const OutcomeTally &other);
};

struct LeadTally {
    std::int64_t handed_over = 0;
    std::int64_t concluded = 0; // concluded, or closed with no case to answer
    std::int64_t in_progress = 0;
    // Inspections in scope whose leads were left out: the reader lacks read_leads there.
    std::int64_t withheld_inspections = 0;

    void add(std::string_view disposition);
    void add(const LeadTally &other);
    std::optional<std::string> completion_rate() const;
};

// A unit's line in a round roll-up.
struct UnitTally {
    std::int64_t unit_id = 0;
    std::string name;
    Tally issues;
    Tally measures;
};

struct RoundRollup {
    std::vector<UnitTally> units;      // by unit name
    std::int64_t units_complete = 0;   // every issue done
    std::int64_t units_below_80 = 0;   // issue completion under 80%
};

// Threshold of the roll-up's "below 80%", in hundredths of a percent.
constexpr std::int64_t kLowCompletionBasisPoints = 8000;

struct Statistics {
    Date as_of;
    std::int64_t inspections = 0;
    Tally issues;   // the 整改任务: top-level issues
    Tally measures; // every measure, sub-issues' included
    std::vector<AspectTally> aspects; // of a single inspection; empty for wider scopes
    OutcomeTally outcomes;
    LeadTally leads;
    RoundRollup units; // one line per unit in scope
};

// Fills units_complete and units_below_80 from units, and sorts units by name.
void finish_rollup(RoundRollup &r);

} // namespace rectify::core
