// The records rectify keeps. Plain values, no behaviour: the rules live in the other core
// files, storage in src/store, JSON in src/io.
#pragma once

#include "core/date.hpp"
#include "core/enums.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rectify::core {

using OptText = std::optional<std::string>;
using OptDate = std::optional<Date>;
using OptInt = std::optional<std::int64_t>;

// What every stored record has besides its own fields.
struct RecordMeta {
    std::int64_t id = 0;
    std::int64_t version = 0;
    std::string ref;
    std::string created_at;
    std::string updated_at;
};

struct Round {
    RecordMeta meta;
    std::string name;
    OptInt year;
};

struct Unit {
    RecordMeta meta;
    std::string name;
    OptText party_org;
};

// The notice's closing section: (七)巩固整改成果… and its paragraphs.
struct Closing {
    std::string heading;
    std::vector<std::string> paragraphs;
};

struct Inspection {
    RecordMeta meta;
    OptInt round_id;
    std::int64_t unit_id = 0;
    InspectionKind kind = InspectionKind::routine;
    OptText label;
    OptText authority;
    std::string group;
    Date onsite_start;
    OptDate onsite_end;
    OptDate feedback_date;
    OptText title;
    std::optional<Closing> closing;
    // Derived from feedback_date by the rule profile the inspection was given; kept as derived,
    // so a later change of the profile does not move them.
    OptInt profile_id;
    OptDate plan_due;
    OptDate concentrated_end;
    OptDate report_due;
    OptDate evaluation_due;
};

struct Aspect {
    RecordMeta meta;
    std::int64_t inspection_id = 0;
    std::int64_t seq = 0;
    std::string title;
};

struct Issue {
    RecordMeta meta;
    std::int64_t inspection_id = 0;
    std::int64_t aspect_id = 0;
    OptInt parent_id;
    std::int64_t seq = 0;
    std::string title;
    OptText description;
    bool is_public = true;
    OptText non_public_reason;
    Status status = Status::not_started;
    std::int64_t relapse_count = 0;
};

struct Measure {
    RecordMeta meta;
    std::int64_t inspection_id = 0;
    std::int64_t issue_id = 0;
    std::int64_t seq = 0;
    std::string title;
    MeasureCategory category = MeasureCategory::deadline;
    OptText leader;
    OptText department;
    OptText person;
    OptDate deadline;
    OptDate completed_date;
    bool is_public = true;
    OptText non_public_reason;
    Status status = Status::not_started;
};

struct Progress {
    RecordMeta meta;
    std::int64_t inspection_id = 0;
    std::int64_t measure_id = 0;
    std::int64_t seq = 0;
    OptDate date;
    std::string text;
    OptText author;
};

struct Outcome {
    RecordMeta meta;
    std::int64_t inspection_id = 0;
    OptInt issue_id;
    std::int64_t seq = 0;
    OutcomeType type = OutcomeType::rule;
    OptText name;
    std::optional<RuleAction> action;
    std::optional<MoneyCategory> category;
    OptInt amount_fen;
    std::optional<AccountabilityForm> form;
    OptInt count;
    OptDate date;
    OptText note;
};

} // namespace rectify::core
