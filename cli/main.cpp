// cli/main.cpp: the rectify command: global options, the subcommands, and how failures end.
#include "context.hpp"
#include "errors.hpp"
#include "suggest.hpp"

#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>
#include <new>

using namespace rectify_cli;

namespace {

void print_error(const std::string &message) { std::cerr << "rectify: " << message << '\n'; }

} // namespace

int main(int argc, char **argv) {
    context ctx;
    try {
        CLI::App app("rectify: track Party inspection (巡察) rectification work: issues, measures, progress, notices, "
                     "deadlines and warnings.",
                     "rectify");
        app.footer(exit_code_help);
        // Global options may also follow the subcommand (rectify list issues --json).
        app.fallthrough();
        app.require_subcommand(1);
        app.set_version_flag("--version", "rectify " + std::string(rectify::version()));
        ctx.db_flag = app.add_option("--db", ctx.db_option, "the database file (default: $RECTIFY_DB, else rectify.db)");
        app.add_option("--actor", ctx.actor_option, "who is acting: every command is authorised by it and every change audited under it "
                       "(default: $RECTIFY_ACTOR, else $USER, else cli)");
        app.add_flag("--json", ctx.json, "machine-readable JSON output instead of text");

        add_init_command(app, ctx);
        add_import_command(app, ctx);
        add_export_command(app, ctx);
        add_list_command(app, ctx);
        add_show_command(app, ctx);
        add_status_command(app, ctx);
        add_progress_command(app, ctx);
        add_notice_command(app, ctx);
        add_report_command(app, ctx);
        add_stats_command(app, ctx);
        add_parse_command(app, ctx);
        add_demo_command(app, ctx);
        add_user_commands(app, ctx);
        add_audit_command(app, ctx);
        add_backup_command(app, ctx);
        add_calendar_command(app, ctx);
        add_profile_command(app, ctx);
        add_warnings_commands(app, ctx);
        add_extension_command(app, ctx);
        add_escalate_commands(app, ctx);
        add_followthrough_commands(app, ctx);

        try {
            app.parse(argc, argv);
        } catch (const CLI::ParseError &e) {
            if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) {
                return app.exit(e); // --help, --version
            }
            if (const auto unknown = unknown_command_message(app)) {
                print_error(*unknown);
                return exit_usage;
            }
            print_error(std::string(e.what()) + "\nRun 'rectify --help' or 'rectify COMMAND --help' for usage.");
            return exit_usage;
        }
        if (!ctx.action) {
            print_error("no command given; run 'rectify --help'");
            return exit_usage;
        }
        const int rc = ctx.action();
        std::cout.flush();
        if (!std::cout) {
            print_error("cannot write to standard output");
            return exit_other;
        }
        return rc;
    } catch (const cli_error &e) {
        print_error(e.what());
        return e.exit();
    } catch (const rectify::error &e) {
        print_error(std::string(e.what()) + " [" + std::string(rectify::strerror(e.code())) + "]");
        return exit_code_for(e.code());
    } catch (const std::bad_alloc &) {
        print_error("out of memory");
        return exit_other;
    } catch (const std::exception &e) {
        print_error(std::string("internal error: ") + e.what());
        return exit_other;
    } catch (...) {
        print_error("internal error: unknown exception");
        return exit_other;
    }
}
