#include "core/statistics.hpp"

#include "core/figures.hpp"

#include <algorithm>

namespace rectify::core {

void Tally::add(Status status, bool is_extended, bool is_overdue) {
    ++total;
    switch (status) {
    case Status::done:
    case Status::closed: ++done; break;
    case Status::substantially_done: ++substantially_done; break;
    case Status::in_progress:
    case Status::reopened: ++in_progress; break;
    case Status::not_started: ++not_done; break;
    }
    if (is_extended) ++extended;
    if (is_overdue) ++overdue;
}

void Tally::add(const Tally &o) {
    total += o.total;
    done += o.done;
    substantially_done += o.substantially_done;
    in_progress += o.in_progress;
    not_done += o.not_done;
    extended += o.extended;
    overdue += o.overdue;
}

std::optional<std::string> Tally::completion_rate() const { return core::completion_rate(done, total); }

std::int64_t Tally::completion_basis_points() const { return core::completion_basis_points(done, total); }

void OutcomeTally::add(const Outcome &o) {
    switch (o.type) {
    case OutcomeType::rule:
        if (o.action == RuleAction::revised) ++rules_revised;
        else ++rules_made;
        break;
    case OutcomeType::money: {
        auto &m = money[static_cast<std::size_t>(o.category.value_or(MoneyCategory::other)) - 1];
        ++m.items;
        m.fen += o.amount_fen.value_or(0);
        money_fen += o.amount_fen.value_or(0);
        break;
    }
    case OutcomeType::accountability: {
        const std::int64_t people = o.count.value_or(1);
        accountability[static_cast<std::size_t>(o.form.value_or(AccountabilityForm::reminder_talk)) - 1] += people;
        accountability_total += people;
        break;
    }
    case OutcomeType::meeting: meetings += o.count.value_or(1); break;
    }
}

void OutcomeTally::add(const OutcomeTally &o) {
    rules_made += o.rules_made;
    rules_revised += o.rules_revised;
    for (std::size_t i = 0; i < money.size(); ++i) {
        money[i].items += o.money[i].items;
        money[i].fen += o.money[i].fen;
    }
    money_fen += o.money_fen;
    for (std::size_t i = 0; i < accountability.size(); ++i) accountability[i] += o.accountability[i];
    accountability_total += o.accountability_total;
    meetings += o.meetings;
}

void LeadTally::add(std::string_view disposition) {
    ++handed_over;
    if (disposition == "in_progress") ++in_progress;
    else ++concluded;
}

void LeadTally::add(const LeadTally &o) {
    handed_over += o.handed_over;
    concluded += o.concluded;
    in_progress += o.in_progress;
    withheld_inspections += o.withheld_inspections;
}

std::optional<std::string> LeadTally::completion_rate() const { return core::completion_rate(concluded, handed_over); }

void finish_rollup(RoundRollup &r) {
    std::sort(r.units.begin(), r.units.end(), [](const UnitTally &a, const UnitTally &b) {
        return a.name != b.name ? a.name < b.name : a.unit_id < b.unit_id;
    });
    r.units_complete = r.units_below_80 = 0;
    for (const auto &u : r.units) {
        if (u.issues.total == 0) continue;
        if (u.issues.done == u.issues.total) ++r.units_complete;
        if (u.issues.completion_basis_points() < kLowCompletionBasisPoints) ++r.units_below_80;
    }
}

} // namespace rectify::core
