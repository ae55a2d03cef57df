// cli/commands_init.cpp: `rectify init` creates the database.
#include "context.hpp"
#include "errors.hpp"
#include "json.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

namespace rectify_cli {

void add_init_command(CLI::App &app, context &ctx) {
    CLI::App *cmd = app.add_subcommand("init", "Create the database (or upgrade an older one) and print its schema version");
    cmd->callback([&ctx] {
        ctx.action = [&ctx] {
            const std::string path = ctx.db_path();
            rectify::db db = ctx.open(path, open_mode::create);
            const int schema = doing("reading the schema version of " + path, [&] { return db.schema_version(); });
            if (ctx.json) {
                json::object out;
                out["path"] = path;
                out["schema_version"] = schema;
                std::cout << json::serialize(out) << '\n';
            } else {
                std::cout << "database: " << path << '\n' << "schema version: " << schema << '\n';
            }
            return exit_ok;
        };
    });
}

} // namespace rectify_cli
