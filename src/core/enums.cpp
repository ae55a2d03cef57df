#include "core/enums.hpp"

#include <array>
#include <string>

namespace rectify::core {

namespace {

template <class E> struct Entry {
    E value;
    std::string_view name;
    std::string_view label;
};

// Each table lists the values in numeric order, starting at 1.
constexpr Entry<Kind> kKinds[] = {
    {Kind::round, "round", "巡察轮次"},         {Kind::unit, "unit", "被巡察单位"},
    {Kind::inspection, "inspection", "巡察"},   {Kind::aspect, "aspect", "方面"},
    {Kind::issue, "issue", "问题"},             {Kind::measure, "measure", "整改措施"},
    {Kind::progress, "progress", "整改进展"},   {Kind::outcome, "outcome", "整改成效"},
};
constexpr Entry<Status> kStatuses[] = {
    {Status::not_started, "not_started", "未启动"},
    {Status::in_progress, "in_progress", "整改中"},
    {Status::substantially_done, "substantially_done", "基本完成"},
    {Status::done, "done", "已完成"},
    {Status::closed, "closed", "已销号"},
    {Status::reopened, "reopened", "重新整改"},
};
constexpr Entry<InspectionKind> kInspectionKinds[] = {
    {InspectionKind::routine, "routine", "常规巡察"},   {InspectionKind::special, "special", "专项巡察"},
    {InspectionKind::mobile, "mobile", "机动巡察"},     {InspectionKind::lookback, "lookback", "巡察“回头看”"},
    {InspectionKind::elevated, "elevated", "提级巡察"}, {InspectionKind::cross, "cross", "交叉巡察"},
    {InspectionKind::linked, "linked", "上下联动巡察"},
};
constexpr Entry<MeasureCategory> kCategories[] = {
    {MeasureCategory::immediate, "immediate", "立行立改"},
    {MeasureCategory::deadline, "deadline", "限期整改"},
    {MeasureCategory::ongoing, "ongoing", "长期坚持"},
};
constexpr Entry<OutcomeType> kOutcomeTypes[] = {
    {OutcomeType::rule, "rule", "建章立制"},
    {OutcomeType::money, "money", "资金"},
    {OutcomeType::accountability, "accountability", "问责"},
    {OutcomeType::meeting, "meeting", "会议"},
};
constexpr Entry<RuleAction> kRuleActions[] = {
    {RuleAction::made, "made", "制定"},
    {RuleAction::revised, "revised", "修订完善"},
};
constexpr Entry<MoneyCategory> kMoneyCategories[] = {
    {MoneyCategory::returned, "returned", "清退"},
    {MoneyCategory::recovered, "recovered", "追缴"},
    {MoneyCategory::retrieved, "retrieved", "挽回"},
    {MoneyCategory::other, "other", "其他"},
};
constexpr Entry<AccountabilityForm> kForms[] = {
    {AccountabilityForm::reminder_talk, "reminder_talk", "提醒谈话"},
    {AccountabilityForm::criticism, "criticism", "批评教育"},
    {AccountabilityForm::admonishment, "admonishment", "诫勉"},
    {AccountabilityForm::organisational, "organisational", "组织处理"},
    {AccountabilityForm::discipline, "discipline", "党纪政务处分"},
    {AccountabilityForm::referral, "referral", "移送"},
};

template <class E, std::size_t N> const Entry<E> &entry(const Entry<E> (&table)[N], E v) {
    auto i = static_cast<std::size_t>(v) - 1;
    return table[i < N ? i : 0];
}

template <class E, std::size_t N>
std::optional<E> find_name(const Entry<E> (&table)[N], std::string_view name) {
    for (const auto &e : table)
        if (e.name == name) return e.value;
    return std::nullopt;
}

template <class E, std::size_t N>
std::optional<E> find_name_or_label(const Entry<E> (&table)[N], std::string_view text) {
    for (const auto &e : table)
        if (e.name == text || e.label == text) return e.value;
    return std::nullopt;
}

template <class E, std::size_t N> std::string make_all_choices(const Entry<E> (&table)[N]) {
    std::string out;
    for (const auto &e : table) {
        if (!out.empty()) out += ", ";
        out += std::string(e.name) + " " + std::string(e.label);
    }
    return out;
}

template <class E, std::size_t N> std::string make_all_names(const Entry<E> (&table)[N]) {
    std::string out;
    for (const auto &e : table) {
        if (!out.empty()) out += ", ";
        out += e.name;
    }
    return out;
}

} // namespace

#define RECTIFY_ENUM_DEFINE(Type, parse_fn, table)                                                 \
    std::string_view name(Type v) { return entry(table, v).name; }                                 \
    std::string_view label(Type v) { return entry(table, v).label; }                               \
    std::optional<Type> parse_fn(std::string_view n) { return find_name(table, n); }               \
    std::optional<Type> parse_fn##_or_label(std::string_view t) { return find_name_or_label(table, t); } \
    std::string_view all_names(Type) {                                                             \
        static const std::string names = make_all_names(table);                                    \
        return names;                                                                              \
    }                                                                                              \
    std::string_view all_choices(Type) {                                                           \
        static const std::string choices = make_all_choices(table);                                \
        return choices;                                                                            \
    }

RECTIFY_ENUM_DEFINE(Kind, parse_kind, kKinds)
RECTIFY_ENUM_DEFINE(Status, parse_status, kStatuses)
RECTIFY_ENUM_DEFINE(InspectionKind, parse_inspection_kind, kInspectionKinds)
RECTIFY_ENUM_DEFINE(MeasureCategory, parse_measure_category, kCategories)
RECTIFY_ENUM_DEFINE(OutcomeType, parse_outcome_type, kOutcomeTypes)
RECTIFY_ENUM_DEFINE(RuleAction, parse_rule_action, kRuleActions)
RECTIFY_ENUM_DEFINE(MoneyCategory, parse_money_category, kMoneyCategories)
RECTIFY_ENUM_DEFINE(AccountabilityForm, parse_accountability_form, kForms)
#undef RECTIFY_ENUM_DEFINE

std::optional<Status> parse_status_label(std::string_view l) {
    for (const auto &e : kStatuses)
        if (e.label == l) return e.value;
    return std::nullopt;
}

} // namespace rectify::core
