// cli/commands_parse.cpp: `rectify parse`, a written notice read into an inspection document.
#include "choice_option.hpp"
#include "context.hpp"
#include "errors.hpp"
#include "json.hpp"

#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

namespace rectify_cli {

namespace {

struct parse_args {
    std::string file;
    std::string out;
    rectify::parse_options options;
};

std::string read_notice(const std::string &file) {
    if (file != "-") return read_input_file(file, "the notice");
    std::ostringstream buf;
    buf << std::cin.rdbuf();
    if (std::cin.bad()) throw cli_error(exit_other, "cannot read the notice from standard input");
    return buf.str();
}

// How many aspects and issues the document holds, for the line that reports a written file.
std::pair<std::size_t, std::size_t> counts(const std::string &doc) {
    const json::object root = parse_json_object(doc, "the parsed document");
    std::size_t aspects = 0, issues = 0;
    if (const auto *a = root.if_contains("aspects"); a && a->is_array()) {
        for (const auto &aspect : a->as_array()) {
            ++aspects;
            if (const auto *i = aspect.as_object().if_contains("issues"); i && i->is_array()) issues += i->as_array().size();
        }
    }
    return {aspects, issues};
}

CLI::Option *add_string_option(CLI::App *cmd, const char *name, std::optional<std::string> &target,
                               const std::string &help) {
    return cmd->add_option_function<std::string>(name, [&target](const std::string &v) { target = v; }, help);
}

} // namespace

void add_parse_command(CLI::App &app, context &ctx) {
    CLI::App *cmd = app.add_subcommand(
        "parse", "Read a written notice (整改情况通报, UTF-8 text) into an inspection document for 'rectify import' "
                 "(docs/parse.md). Needs no database.");
    auto args = std::make_shared<parse_args>();
    cmd->add_option("FILE", args->file, "the notice; - reads standard input")->required();
    cmd->add_option("--out,-o", args->out, "write the document to this file instead of standard output");
    auto &o = args->options;
    add_string_option(cmd, "--ref", o.ref, "the inspection's ref (default: <unit>-<first day on site>)");
    add_string_option(cmd, "--unit", o.unit, "the unit's name (default: the Party organisation less 党组/党委 …)");
    add_string_option(cmd, "--kind", o.kind,
                      choice_help(inspection_kind_choices()) +
                          " (the name or the label; default: from the notice's label, else routine)")
        ->transform(choice_validator(inspection_kind_choices()));
    add_string_option(cmd, "--group", o.group, "the inspecting group, when the preamble names none");
    add_string_option(cmd, "--onsite-start", o.onsite_start, "first day on site (YYYY-MM-DD), when the preamble gives none");
    add_string_option(cmd, "--onsite-end", o.onsite_end, "last day on site (YYYY-MM-DD)");
    add_string_option(cmd, "--feedback-date", o.feedback_date, "the day feedback was handed over (YYYY-MM-DD)");
    cmd->callback([&ctx, args] {
        ctx.action = [&ctx, args] {
            const std::string text = read_notice(args->file);
            const std::string source = args->file == "-" ? std::string("standard input") : args->file;
            const std::string doc = doing("parsing " + source, [&] { return rectify::notice_parse(text, args->options); });
            // The document is JSON whether or not --json was given; --json only changes the
            // report of a written file.
            if (args->out.empty()) {
                std::cout << doc;
                return exit_ok;
            }
            std::ofstream out(args->out, std::ios::binary | std::ios::trunc);
            out << doc;
            out.close();
            if (!out) throw cli_error(exit_other, "cannot write " + args->out);
            const auto [aspects, issues] = counts(doc);
            if (ctx.json) {
                json::object report;
                report["out"] = args->out;
                report["aspects"] = aspects;
                report["issues"] = issues;
                std::cout << json::serialize(report) << '\n';
            } else {
                std::cout << "parsed " << source << ": " << aspects << " aspects, " << issues << " issues; wrote "
                          << args->out << '\n';
            }
            return exit_ok;
        };
    });
}

} // namespace rectify_cli
