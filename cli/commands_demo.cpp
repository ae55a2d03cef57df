// cli/commands_demo.cpp: `rectify demo`, the seed case end to end in a scratch database.
#include "context.hpp"
#include "errors.hpp"
#include "json.hpp"
#include "seed_case.hpp"
#include "tables.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

namespace rectify_cli {

namespace {

/**
 * Who the demo acts as, whatever --actor, RECTIFY_ACTOR or USER say: demo.db's first actor is its
 * admin and nobody else may use it, so a fixed name keeps the demo working for whoever runs it
 * next (another login, a CI job). The "Try next" lines pass it on with --actor.
 */
const std::string demo_actor = "演示管理员";

/** path as a shell word: as it is when it is plain, else single-quoted. Non-ASCII bytes (UTF-8
    text such as 演示管理员) need no quoting in a POSIX shell. */
std::string shell_word(const std::string &path) {
    bool plain = !path.empty();
    for (char c : path) {
        const auto u = static_cast<unsigned char>(c);
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                        c == '.' || c == '_' || c == '-' || c == '/' || u >= 0x80;
        plain = plain && ok;
    }
    if (plain) {
        return path;
    }
    std::string quoted = "'";
    for (char c : path) {
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return quoted + "'";
}

/** The seed's inspection ref, to find it again when a re-import is refused. */
std::string seed_inspection_ref() {
    const json::object doc = parse_json_object(seed_case(), "the embedded seed case");
    if (const json::value *insp = doc.if_contains("inspection"); insp != nullptr && insp->is_object()) {
        if (auto ref = get_string(insp->as_object(), "ref")) {
            return *ref;
        }
    }
    throw cli_error(exit_other, "the embedded seed case has no inspection.ref");
}

/**
 * Imports the seed. Import is idempotent, so a second demo updates the same records and prints
 * the same. If the clerk has since moved a record where the seed's status cannot follow (closed
 * it, say), the import is refused as a whole; the demo then shows the database as it stands.
 */
std::int64_t import_seed(rectify::db &db, const std::string &path) {
    try {
        return db.import_json(seed_case()).inspection_id;
    } catch (const rectify::error &e) {
        if (e.code() == RECTIFY_E_DENIED) {
            throw rectify::error(e.code(), "importing the demo case into " + path + ": " + e.what() +
                                               " (the demo acts as " + demo_actor + "; " + path +
                                               " was made by someone else: remove it, or give the demo another --db)");
        }
        if (e.code() != RECTIFY_E_TRANSITION && e.code() != RECTIFY_E_CONFLICT) {
            throw rectify::error(e.code(), "importing the demo case into " + path + ": " + e.what());
        }
        const std::string ref = seed_inspection_ref();
        const std::int64_t id = doing("finding the demo inspection " + ref + " in " + path,
                                      [&] { return db.record_find(rectify::kind::inspection, ref); });
        std::cerr << "rectify: note: " << path << " has changes the demo case cannot overwrite (" << e.what()
                  << "); showing it as it stands\n";
        return id;
    }
}

/** A measure worth trying `status set … done` on: the first in progress, else the first. */
std::int64_t sample_measure(rectify::db &db, std::int64_t inspection_id) {
    rectify::list_options opts;
    opts.inspection_id = inspection_id;
    const json::array measures =
        parse_json_array(doing("listing measures", [&] { return db.record_list(rectify::kind::measure, opts); }),
                         "the measures");
    std::int64_t first = 0;
    for (const json::value &v : measures) {
        const json::object &o = v.as_object();
        const std::int64_t id = get_int(o, "id").value_or(0);
        if (first == 0) {
            first = id;
        }
        if (get_string(o, "status").value_or("") == "in_progress") {
            return id;
        }
    }
    return first;
}

} // namespace

void add_demo_command(CLI::App &app, context &ctx) {
    CLI::App *cmd = app.add_subcommand(
        "demo", "Import the bundled seed case into demo.db in this folder (or --db when given), print its notice "
                "and its measures; running it again gives the same output. The demo always acts as " + demo_actor +
                    " (not --actor), the admin of its database; the commands it suggests pass that on");
    cmd->callback([&ctx] {
        ctx.action = [&ctx] {
            // RECTIFY_DB is meant for the clerk's real database; the demo never touches it.
            const std::string path = ctx.db_given() ? ctx.db_path() : std::string("demo.db");
            rectify::db db = ctx.open_as(path, open_mode::create, demo_actor);
            const std::int64_t id = import_seed(db, path);
            const std::string notice =
                doing("rendering the demo notice", [&] { return db.notice_render(id, rectify::audience::internal); });
            std::cout << with_final_newline(notice) << '\n';
            std::cout << "整改任务（措施）一览\n";
            print_measures_table(std::cout, db, id, table_style{});
            const std::string db_arg = "rectify --db " + shell_word(path) + " --actor " + shell_word(demo_actor);
            const std::string ref = seed_inspection_ref();
            std::cout << '\n'
                      << "Try next:\n"
                      << "  " << db_arg << " list issues\n"
                      << "  " << db_arg << " show measure " << sample_measure(db, id) << '\n'
                      << "  " << db_arg << " status set measure " << sample_measure(db, id) << " done\n"
                      << "  " << db_arg << " notice --inspection " << shell_word(ref) << " --audience public\n"
                      << "  " << db_arg << " export --inspection " << shell_word(ref) << " --out case.json\n";
            return exit_ok;
        };
    });
}

} // namespace rectify_cli
