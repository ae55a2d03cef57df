// cli/context.hpp: what every command shares: the global options, opening the database, and
// turning an ID argument (numeric id or ref) into a record id.
#pragma once

#include <rectify/rectify.hpp>

#include <cstdint>
#include <functional>
#include <string>

namespace CLI {
class App;
class Option;
} // namespace CLI

namespace rectify_cli {

/** How a command needs the database. */
enum class open_mode {
    read,   ///< read-only; the file must exist (acts as the actor all the same: reads are authorised)
    write,  ///< read-write; the file must exist
    create, ///< read-write; created when missing
};

struct context {
    // Global options as parsed; empty strings mean "not given".
    std::string db_option;
    std::string actor_option;
    bool json = false;
    CLI::Option *db_flag = nullptr; ///< to tell whether --db was given explicitly

    /** The command chosen on the command line; set by its CLI11 callback, run after parsing. */
    std::function<int()> action;

    /** Whether --db was given on the command line (not from RECTIFY_DB). */
    bool db_given() const;

    /** --db, else $RECTIFY_DB, else rectify.db in the current folder. */
    std::string db_path() const;

    /** --actor, else $RECTIFY_ACTOR, else $USER, else "cli". */
    std::string actor() const;

    /**
     * Opens the database at path as actor(); for read and write, a missing file is a not-found
     * error. A read-write open of a database with no users makes the actor its admin.
     */
    rectify::db open(const std::string &path, open_mode mode) const { return open_as(path, mode, actor()); }

    /** As open(), acting as the given actor instead of actor() (the demo's fixed actor). */
    rectify::db open_as(const std::string &path, open_mode mode, const std::string &as_actor) const;

    /** open(db_path(), mode). */
    rectify::db open(open_mode mode) const { return open(db_path(), mode); }
};

/**
 * The id of the record of kind k that arg names: an all-digit arg is its numeric id, anything
 * else its ref, looked up with rectify_record_find.
 */
std::int64_t resolve_id(rectify::db &db, rectify::kind k, const std::string &arg);

/** The kind named by a command-line word (issue, measure …); a usage error if unknown. */
rectify::kind parse_kind(const std::string &name);

/** The status named by its JSON name (in_progress) or Chinese label (整改中); usage error if neither. */
rectify::status parse_status(const std::string &word);

/** The role named by its name (liaison) or Chinese label (整改联络员); usage error if neither. */
rectify::role parse_role(const std::string &word);

// One function per command (or command group); each adds its subcommand to app.
void add_init_command(CLI::App &app, context &ctx);
void add_import_command(CLI::App &app, context &ctx);
void add_export_command(CLI::App &app, context &ctx);
void add_list_command(CLI::App &app, context &ctx);
void add_show_command(CLI::App &app, context &ctx);
void add_status_command(CLI::App &app, context &ctx);
void add_progress_command(CLI::App &app, context &ctx);
void add_notice_command(CLI::App &app, context &ctx);
void add_report_command(CLI::App &app, context &ctx);
void add_stats_command(CLI::App &app, context &ctx);
void add_parse_command(CLI::App &app, context &ctx);
void add_demo_command(CLI::App &app, context &ctx);
void add_user_commands(CLI::App &app, context &ctx); // user add|list, grant, revoke
void add_audit_command(CLI::App &app, context &ctx); // audit log|verify
void add_backup_command(CLI::App &app, context &ctx);
void add_calendar_command(CLI::App &app, context &ctx);  // calendar is-workday|add-workdays|period|load|set-day
void add_profile_command(CLI::App &app, context &ctx);   // profile add|list|apply
void add_warnings_commands(CLI::App &app, context &ctx); // warnings, due, overdue
void add_extension_command(CLI::App &app, context &ctx); // extension request|approve|refuse|list
void add_escalate_commands(CLI::App &app, context &ctx); // escalate, escalations
void add_followthrough_commands(CLI::App &app, context &ctx); // evidence, close-out, review, followups, evaluate, lead

/** A file's bytes, for commands that read input files; "not found" (3) when it does not exist. */
std::string read_input_file(const std::string &path, const std::string &what);

/**
 * Writes bytes to path whole or not at all: into a temporary file beside it, renamed over path
 * once complete, so a failure (a full disk, a missing folder) never leaves a truncated file.
 */
void write_output_file(const std::string &path, const std::string &bytes, const std::string &what);

} // namespace rectify_cli
