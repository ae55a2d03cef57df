#include "store/constraint_text.hpp"

#include <cctype>

namespace rectify::store {

namespace {

constexpr std::string_view kUnique = "UNIQUE constraint failed: ";
constexpr std::string_view kCheck = "CHECK constraint failed: ";
constexpr std::string_view kNotNull = "NOT NULL constraint failed: ";
constexpr std::string_view kForeignKey = "FOREIGN KEY constraint failed";

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// The column a CHECK expression tests: its first word ("status" of "status = 'done' OR ...").
std::string_view first_word(std::string_view s) {
    std::size_t n = 0;
    while (n < s.size() && (std::isalnum(static_cast<unsigned char>(s[n])) || s[n] == '_')) ++n;
    return s.substr(0, n);
}

} // namespace

const std::vector<UniqueKeySentence> &unique_key_sentences() {
    static const std::vector<UniqueKeySentence> keys = {
        {"rounds.ref", "another round already has this ref"},
        {"units.ref", "another unit already has this ref"},
        {"inspections.ref", "another inspection already has this ref"},
        {"aspects.ref", "another aspect already has this ref"},
        {"issues.ref", "another issue already has this ref"},
        {"measures.ref", "another measure already has this ref"},
        {"progress.ref", "another progress entry already has this ref"},
        {"outcomes.ref", "another outcome already has this ref"},
        {"users.name", "a user of this name already exists"},
        {"grants.user_id, grants.role, grants.scope, grants.scope_id", "the user already holds this role in this scope"},
        {"calendar_days.date", "the calendar already has an entry for this day"},
        {"rule_profiles.name, rule_profiles.version", "a rule profile of this name and version already exists"},
        {"review_verdicts.review_id, review_verdicts.issue_id", "the issue already has a verdict in this review"},
        {"followup_plans.measure_id", "the measure already has a follow-up plan"},
        {"settings.key", "the setting is already stored"},
    };
    return keys;
}

std::string constraint_sentence(std::string_view m) {
    if (starts_with(m, kUnique)) {
        const std::string_view columns = m.substr(kUnique.size());
        for (const auto &k : unique_key_sentences())
            if (k.columns == columns) return std::string(k.sentence);
        return "a record with the same key already exists";
    }
    if (starts_with(m, kCheck)) {
        const std::string_view column = first_word(m.substr(kCheck.size()));
        if (column.empty()) return "a value is not one the database allows";
        return "the value of " + std::string(column) + " is not one the database allows";
    }
    if (starts_with(m, kNotNull)) return "a required value is missing (" + std::string(m.substr(kNotNull.size())) + ")";
    if (starts_with(m, kForeignKey)) return "the record it refers to does not exist";
    return "the change breaks a rule of the database";
}

} // namespace rectify::store
