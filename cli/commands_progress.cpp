// cli/commands_progress.cpp: `rectify progress add MEASURE_ID`, a dated 整改进展 record.
#include "context.hpp"
#include "deadline_options.hpp"
#include "errors.hpp"
#include "json.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>
#include <optional>
#include <string_view>

namespace rectify_cli {

namespace {

struct progress_args {
    std::string measure;
    std::string date;
    std::string text;
    std::string author;
};

} // namespace

void add_progress_command(CLI::App &app, context &ctx) {
    CLI::App *group = app.add_subcommand("progress", "Record rectification progress (整改进展)");
    group->require_subcommand(1);
    CLI::App *cmd = group->add_subcommand("add", "Add a dated progress record to a measure; prints its id");
    auto args = std::make_shared<progress_args>();
    cmd->add_option("MEASURE_ID", args->measure, "the measure's id, or its ref")->required();
    cmd->add_option("--date,-d", args->date, "the day it records, YYYY-MM-DD")->required();
    cmd->add_option("--text,-t", args->text, "what was done (the narrative)")->required();
    CLI::Option *author_opt = cmd->add_option("--author,-a", args->author, "who wrote it (default: the actor)");
    cmd->callback([&ctx, args, author_opt] {
        ctx.action = [&ctx, args, author_opt] {
            const std::string date = checked_date("--date", args->date);
            rectify::db db = ctx.open(open_mode::write);
            const auto measure_id = resolve_id(db, rectify::kind::measure, args->measure);
            std::optional<std::string_view> author;
            if (author_opt->count() > 0) {
                author = args->author;
            }
            const auto id = doing("adding progress to measure " + args->measure, [&] {
                return db.progress_add(measure_id, date, args->text, author);
            });
            if (ctx.json) {
                json::object out;
                out["id"] = id;
                out["measure_id"] = measure_id;
                std::cout << json::serialize(out) << '\n';
            } else {
                std::cout << "progress " << id << " added to measure " << measure_id << '\n';
            }
            return exit_ok;
        };
    });
}

} // namespace rectify_cli
