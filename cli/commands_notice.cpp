// cli/commands_notice.cpp: `rectify notice`, the 整改情况通报 of one inspection.
#include "choice_option.hpp"
#include "context.hpp"
#include "errors.hpp"
#include "json.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

namespace rectify_cli {

namespace {

struct notice_args {
    std::string inspection;
    std::string audience = "internal";
};

} // namespace

void add_notice_command(CLI::App &app, context &ctx) {
    CLI::App *cmd = app.add_subcommand("notice", "Print the rectification notice (整改情况通报) of an inspection");
    auto args = std::make_shared<notice_args>();
    cmd->add_option("--inspection,-i", args->inspection, "the inspection's ID or ref")->required();
    add_choice_option(cmd, "--audience", args->audience, audience_choices(),
                      " (the name or the label; public leaves out what is marked non-public)")
        ->capture_default_str();
    cmd->callback([&ctx, args] {
        ctx.action = [&ctx, args] {
            rectify::db db = ctx.open(open_mode::read);
            const auto id = resolve_id(db, rectify::kind::inspection, args->inspection);
            const auto audience = args->audience == "public" ? rectify::audience::public_ : rectify::audience::internal;
            const std::string text = doing("rendering the notice of inspection " + args->inspection,
                                           [&] { return db.notice_render(id, audience); });
            if (ctx.json) {
                json::object out;
                out["inspection_id"] = id;
                out["audience"] = args->audience;
                out["text"] = text;
                std::cout << json::serialize(out) << '\n';
            } else {
                std::cout << with_final_newline(text);
            }
            return exit_ok;
        };
    });
}

} // namespace rectify_cli
