// The closed vocabularies of the model, each with its JSON name and its Chinese label.
// Numeric values of Kind and Status are the RECTIFY_KIND_* / RECTIFY_STATUS_* of the C API.
#pragma once

#include <optional>
#include <string_view>

namespace rectify::core {

enum class Kind { round = 1, unit, inspection, aspect, issue, measure, progress, outcome };
enum class Status { not_started = 1, in_progress, substantially_done, done, closed, reopened };
enum class InspectionKind { routine = 1, special, mobile, lookback, elevated, cross, linked };
enum class MeasureCategory { immediate = 1, deadline, ongoing };
enum class OutcomeType { rule = 1, money, accountability, meeting };
enum class RuleAction { made = 1, revised };
enum class MoneyCategory { returned = 1, recovered, retrieved, other };
enum class AccountabilityForm { reminder_talk = 1, criticism, admonishment, organisational, discipline, referral };

// name(): the JSON/SQL name ("in_progress"); label(): the Chinese label ("整改中").
// parse_*(): the value named by a JSON name, or nullopt. parse_*_or_label(): the same, or the
// value whose Chinese label this is, as a document written by hand from the docs may give it.
// all_choices(): "name 标签, …", for the error that refuses a value.
#define RECTIFY_ENUM_FUNCTIONS(Type, parse_fn)                                                     \
    std::string_view name(Type v);                                                                 \
    std::string_view label(Type v);                                                                \
    std::optional<Type> parse_fn(std::string_view name);                                           \
    std::optional<Type> parse_fn##_or_label(std::string_view text);                                \
    std::string_view all_names(Type);                                                              \
    std::string_view all_choices(Type);

RECTIFY_ENUM_FUNCTIONS(Kind, parse_kind)
RECTIFY_ENUM_FUNCTIONS(Status, parse_status)
RECTIFY_ENUM_FUNCTIONS(InspectionKind, parse_inspection_kind)
RECTIFY_ENUM_FUNCTIONS(MeasureCategory, parse_measure_category)
RECTIFY_ENUM_FUNCTIONS(OutcomeType, parse_outcome_type)
RECTIFY_ENUM_FUNCTIONS(RuleAction, parse_rule_action)
RECTIFY_ENUM_FUNCTIONS(MoneyCategory, parse_money_category)
RECTIFY_ENUM_FUNCTIONS(AccountabilityForm, parse_accountability_form)
#undef RECTIFY_ENUM_FUNCTIONS

// The status given its Chinese label ("整改中"), or nullopt.
std::optional<Status> parse_status_label(std::string_view label);

} // namespace rectify::core
