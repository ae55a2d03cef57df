// cli/commands_init.cpp: `rectify init` creates the database; its first actor becomes its admin.
#include "context.hpp"
#include "errors.hpp"
#include "json.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>
#include <system_error>

namespace rectify_cli {

namespace {

/** Whether actor manages the users of the database at path (admin on the whole of it) now. */
bool manages_users(rectify::db &db) {
    try {
        db.user_list();
        return true;
    } catch (const rectify::error &) {
        return false;
    }
}

/**
 * Whether actor managed the users of an existing database before this init, asked through a
 * read-only handle, which never makes anyone admin. Any failure (not a rectify database, an older
 * schema) counts as "no": the read-write open below reports real problems.
 */
bool managed_users_before(const std::string &path, const std::string &actor) {
    try {
        rectify::db probe(path, RECTIFY_OPEN_READONLY, actor);
        return manages_users(probe);
    } catch (const rectify::error &) {
        return false;
    }
}

} // namespace

void add_init_command(CLI::App &app, context &ctx) {
    CLI::App *cmd = app.add_subcommand(
        "init", "Create the database (or upgrade an older one) and print its schema version; on a database "
                "with no users yet, --actor becomes its first admin (on the whole database)");
    cmd->callback([&ctx] {
        ctx.action = [&ctx] {
            const std::string path = ctx.db_path();
            const std::string actor = ctx.actor();
            std::error_code ec;
            // The library makes the first actor of a database without users its admin when it opens
            // it read-write. Compare before and after to say so exactly when it happened.
            const bool admin_before = std::filesystem::exists(path, ec) && managed_users_before(path, actor);
            rectify::db db = ctx.open(path, open_mode::create);
            const int schema = doing("reading the schema version of " + path, [&] { return db.schema_version(); });
            const bool became_admin = !admin_before && manages_users(db);
            if (ctx.json) {
                json::object out;
                out["path"] = path;
                out["schema_version"] = schema;
                out["first_admin"] = became_admin ? json::value(actor) : json::value(nullptr);
                std::cout << json::serialize(out) << '\n';
            } else {
                std::cout << "database: " << path << '\n' << "schema version: " << schema << '\n';
                if (became_admin) {
                    std::cout << "first admin: " << actor
                              << " (admin on the whole database; add others with 'rectify user add' and 'rectify grant')\n";
                }
            }
            return exit_ok;
        };
    });
}

} // namespace rectify_cli
