// The second half of audit verification: every table that holds facts, as it is now, against
// the last state the audit log gives each of its rows. The tables come from the schema itself,
// so a table added later is checked without anyone listing it.
#pragma once

#include "store/store.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace rectify::service {

struct TableMismatch {
    std::string table;          // "issues", "close_outs"
    std::int64_t record_id = 0; // the row's id (rowid)
    std::string change;         // "changed", "added", "deleted"
    std::vector<std::string> fields; // for "changed": the fields that differ, when they can be told
    std::string problem;        // the sentence for the user
};

// The number of rows first_table_mismatch compares (for progress): every row of every table.
std::int64_t count_checks(store::Store &store);

// The first row, in table name and then id order, that differs from its last audited state, was
// added without a trail, or is in the log but gone from the database; a table that is in the
// log but gone from the schema counts as deleted. checked is told each row compared.
std::optional<TableMismatch> first_table_mismatch(store::Store &store, const std::function<void()> &checked);

// The records (rounds … outcomes) as the model reads them, against the images their operations'
// events give (io::record_json), where a record's latest event is not followed by its row's
// image: an event forged onto the end of the log with a valid hash, which says a record was
// changed when its row was not, shows here. Run after first_table_mismatch, which proves the
// rows themselves.
std::optional<TableMismatch> first_record_mismatch(store::Store &store);

} // namespace rectify::service
