// cli/tables.hpp: the readable tables of inspections, issues and measures (list, demo).
#pragma once

#include <rectify/rectify.hpp>

#include <cstdint>
#include <ostream>

namespace rectify_cli {

/** Limits of title columns, in terminal columns, unless the caller asks for full text. */
struct table_style {
    bool full_text = false;
};

/** Each prints a table of the records of one inspection (0 for all) and a count line. */
void print_inspections_table(std::ostream &out, rectify::db &db, std::int64_t inspection_id, table_style style);
void print_issues_table(std::ostream &out, rectify::db &db, std::int64_t inspection_id, table_style style);
void print_measures_table(std::ostream &out, rectify::db &db, std::int64_t inspection_id, table_style style);

} // namespace rectify_cli
