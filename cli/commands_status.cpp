// cli/commands_status.cpp: `rectify status set KIND ID STATUS`, one move of the status machine.
#include "choice_option.hpp"
#include "context.hpp"
#include "errors.hpp"
#include "json.hpp"
#include "labels.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

namespace rectify_cli {

namespace {

struct status_args {
    std::string kind;
    std::string id;
    std::string status;
    std::int64_t expect_version = 0;
};

} // namespace

void add_status_command(CLI::App &app, context &ctx) {
    CLI::App *group = app.add_subcommand("status", "Change the status of an issue or a measure");
    group->require_subcommand(1);
    CLI::App *cmd = group->add_subcommand(
        "set", "Move an issue or measure to STATUS if the status machine allows it (docs/schema.md); prints the new version");
    auto args = std::make_shared<status_args>();
    cmd->add_option("KIND", args->kind, "issue or measure")->required()->check(CLI::IsMember({"issue", "measure"}));
    cmd->add_option("ID", args->id, "the record's id, or its ref")->required();
    add_choice_option(cmd, "STATUS", args->status, status_choices())->required();
    cmd->add_option("--expect-version", args->expect_version,
                    "fail with a conflict unless the record still has this version (from show)")
        ->check(CLI::NonNegativeNumber);
    cmd->callback([&ctx, args] {
        ctx.action = [&ctx, args] {
            const rectify::kind k = parse_kind(args->kind);
            const rectify::status target = parse_status(args->status);
            const std::string target_name(rectify::status_name(target));
            rectify::db db = ctx.open(open_mode::write);
            const auto id = resolve_id(db, k, args->id);
            // Read the current status first, so that a refused move can be named in full.
            const std::string what = "reading " + args->kind + " " + args->id;
            const json::object before = parse_json_object(doing(what, [&] { return db.record_get(k, id); }), what);
            const std::string from = get_string(before, "status").value_or("?");
            const std::string move = args->kind + " " + std::to_string(id) + " from " + from + "（" +
                                     status_label(from) + "）to " + target_name + "（" + status_label(target_name) + "）";
            std::int64_t version = 0;
            try {
                version = db.status_set(k, id, target, args->expect_version);
            } catch (const rectify::error &e) {
                if (e.code() == RECTIFY_E_TRANSITION || e.code() == RECTIFY_E_CONFLICT) {
                    throw rectify::error(e.code(), "cannot move " + move + ": " + e.what());
                }
                throw rectify::error(e.code(), "moving " + move + ": " + e.what());
            }
            if (ctx.json) {
                json::object out;
                out["kind"] = args->kind;
                out["id"] = id;
                out["status"] = target_name;
                out["version"] = version;
                std::cout << json::serialize(out) << '\n';
            } else {
                std::cout << args->kind << ' ' << id << ": " << from << " -> " << target_name << "（"
                          << status_label(target_name) << "）, version " << version << '\n';
            }
            return exit_ok;
        };
    });
}

} // namespace rectify_cli
