// cli/deadline_options.hpp: what the deadline commands (calendar, warnings, due, overdue,
// extension, escalate, escalations) share: checked dates, the scope options, the measure-row table.
#pragma once

#include <rectify/rectify.hpp>

#include "json.hpp"

#include <ostream>
#include <string>

namespace CLI {
class App;
} // namespace CLI

namespace rectify_cli {

/**
 * text, if it is a calendar date "YYYY-MM-DD" from 1900-01-01 to 9999-12-31; otherwise an
 * invalid-input error (exit 5) that names what (an option or argument) and the text, and says
 * what is wrong with it ("2019-02-30 is not a calendar date: February 2019 has 28 days").
 */
std::string checked_date(const std::string &what, const std::string &text);

/**
 * Today in Asia/Shanghai (UTC+8 all year), as the library takes it when no as-of date is given.
 * For tests only, RECTIFY_TEST_NOW ("YYYY-MM-DDTHH:MM:SSZ") replaces the system clock, as in the
 * library.
 */
std::string today_local();

/** The scope of a warnings-like query, as given on the command line (IDs or refs). */
struct scope_args {
    std::string as_of;
    std::string unit;
    std::string round;
    std::string inspection;
    std::string leader;
    std::int64_t offset = 0;
    std::int64_t limit = 0;
};

/** Adds --as-of DATE (default: today, UTC). */
void add_as_of_option(CLI::App *cmd, scope_args &args);

/** Adds --unit U, --round R, --inspection I (each an ID or ref) and --leader NAME. */
void add_scope_options(CLI::App *cmd, scope_args &args);

/** Adds --limit N and --offset N. */
void add_paging_options(CLI::App *cmd, scope_args &args);

/**
 * The warning_options args give: the date checked (today, UTC, when not given), the unit, round
 * and inspection resolved by ID or ref and checked to exist (a missing one is "not found", exit 3,
 * not an empty answer).
 */
rectify::warning_options resolve_scope(rectify::db &db, const scope_args &args);

/** "逾期5天", "今日到期", "剩12天" for a days_left value; "—" when absent. */
std::string days_left_text(const json::object &row);

/**
 * A table of measure rows (rectify_warnings, rectify_overdue, rectify_due_within): the light in
 * Chinese, id, title, leader, person, deadline, days left, status and notes (已延期 …).
 * Prints the table only; the caller prints its own count line.
 */
void print_measure_rows(std::ostream &out, const json::array &rows, bool full_text = false);

} // namespace rectify_cli
