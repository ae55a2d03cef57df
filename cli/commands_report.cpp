// cli/commands_report.cpp: `rectify report`, one inspection as the notice (text, Markdown), the
// ledger (CSV, XLSX), the dashboard (HTML) or an OSCAL plan of action and milestones.
#include "choice_option.hpp"
#include "context.hpp"
#include "deadline_options.hpp"
#include "errors.hpp"
#include "json.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <map>
#include <memory>
#include <unistd.h>

namespace rectify_cli {

namespace {

struct report_args {
    std::string inspection;
    std::string format = "text";
    std::string audience = "internal";
    std::string as_of;
    std::string template_file;
    std::string out;
    bool count_shown_only = false;
};

const std::map<std::string, rectify::format> &formats() {
    static const std::map<std::string, rectify::format> f = {
        {"text", rectify::format::text}, {"md", rectify::format::markdown}, {"markdown", rectify::format::markdown},
        {"html", rectify::format::html}, {"csv", rectify::format::csv},     {"xlsx", rectify::format::xlsx},
        {"oscal", rectify::format::oscal}};
    return f;
}

bool is_binary(rectify::format f) { return f == rectify::format::xlsx; }

} // namespace

void add_report_command(CLI::App &app, context &ctx) {
    CLI::App *cmd = app.add_subcommand(
        "report", "Render an inspection: the notice (text, md), the ledger (csv, xlsx), the dashboard (html) or OSCAL");
    auto args = std::make_shared<report_args>();
    cmd->add_option("--inspection,-i", args->inspection, "the inspection's ID or ref")->required();
    cmd->add_option("--format,-f", args->format,
                    "text or md: the notice (通报); csv or xlsx: the ledger (台账); html: the dashboard; "
                    "oscal: a plan of action and milestones")
        ->check(CLI::IsMember({"text", "md", "markdown", "html", "csv", "xlsx", "oscal"}))
        ->capture_default_str();
    add_choice_option(cmd, "--audience", args->audience, audience_choices(),
                      " (the name or the label; public leaves out the text of what is marked non-public)")
        ->capture_default_str();
    cmd->add_option("--as-of", args->as_of, "the day to judge deadlines and warnings on, YYYY-MM-DD (default: today in Asia/Shanghai)");
    cmd->add_option("--template", args->template_file,
                    "a mustache template to render the notice with (text, md) instead of the bundled one");
    cmd->add_option("--out,-o", args->out, "write to this file instead of standard output");
    cmd->add_flag("--count-shown-only", args->count_shown_only,
                  "public totals leave out what is marked non-public (by default they still count it)");
    cmd->callback([&ctx, args] {
        ctx.action = [&ctx, args] {
            rectify::report_options o;
            o.format = formats().at(args->format);
            o.audience = args->audience == "public" ? rectify::audience::public_ : rectify::audience::internal;
            o.as_of = args->as_of.empty() ? std::nullopt : std::optional<std::string>(checked_date("--as-of", args->as_of));
            o.count_shown_only = args->count_shown_only;
            if (!args->template_file.empty()) o.template_text = read_input_file(args->template_file, "the template");
            if (is_binary(o.format) && args->out.empty() && (ctx.json || isatty(STDOUT_FILENO)))
                throw cli_error(exit_usage, "an xlsx workbook is binary: give --out FILE, or redirect standard output");

            rectify::db db = ctx.open(open_mode::read);
            const auto id = resolve_id(db, rectify::kind::inspection, args->inspection);
            const std::string bytes = doing("rendering the " + args->format + " report of inspection " + args->inspection,
                                            [&] { return db.report_render(id, o); });
            if (!args->out.empty()) {
                write_output_file(args->out, bytes, "the report");
                if (ctx.json) {
                    json::object out;
                    out["inspection_id"] = id;
                    out["format"] = args->format;
                    out["audience"] = args->audience;
                    out["out"] = args->out;
                    out["bytes"] = bytes.size();
                    std::cout << json::serialize(out) << '\n';
                } else {
                    std::cout << "wrote the " << args->format << " report of inspection " << id << " to " << args->out
                              << " (" << bytes.size() << " bytes)\n";
                }
            } else if (ctx.json) {
                json::object out;
                out["inspection_id"] = id;
                out["format"] = args->format;
                out["audience"] = args->audience;
                out["text"] = bytes;
                std::cout << json::serialize(out) << '\n';
            } else {
                std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
            }
            return exit_ok;
        };
    });
}

} // namespace rectify_cli
