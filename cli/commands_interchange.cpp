// cli/commands_interchange.cpp: `rectify import` and `rectify export`, whole inspections as JSON.
#include "context.hpp"
#include "errors.hpp"
#include "json.hpp"
#include "progress_bar.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <system_error>

namespace rectify_cli {

namespace {

std::string read_stdin() {
    std::ostringstream buf;
    buf << std::cin.rdbuf();
    if (std::cin.bad()) {
        throw cli_error(exit_other, "cannot read the document from standard input");
    }
    return buf.str();
}

/** One summary value as text: a number, a string, or an object of counts ("issue 11, measure 28"). */
std::string summary_value(const json::value &v) {
    if (v.is_object()) {
        // Counts by kind: only the non-zero ones say anything.
        std::string s;
        for (const auto &kv : v.as_object()) {
            const json::value &n = kv.value();
            if ((n.is_int64() && n.as_int64() == 0) || (n.is_uint64() && n.as_uint64() == 0)) {
                continue;
            }
            s += s.empty() ? "" : ", ";
            s += std::string(kv.key()) + " " + summary_value(n);
        }
        return s.empty() ? "none" : s;
    }
    if (v.is_string()) {
        return std::string(v.as_string());
    }
    return json::serialize(v);
}

/** The actor, when this import created the database (and so made the actor its first admin). */
using first_admin = std::optional<std::string>;

void print_import(const std::string &source, const rectify::import_result &r, bool as_json, const first_admin &admin) {
    if (as_json) {
        json::object out;
        out["inspection_id"] = r.inspection_id;
        out["summary"] = parse_json(r.summary, "the import summary");
        if (admin) {
            out["first_admin"] = *admin;
        }
        std::cout << json::serialize(out) << '\n';
        return;
    }
    if (admin) {
        std::cout << "created the database; first admin: " << *admin << " (admin on the whole database)\n";
    }
    std::cout << "imported " << source << '\n';
    const json::value summary = parse_json(r.summary, "the import summary");
    if (summary.is_object()) {
        for (const auto &kv : summary.as_object()) {
            if (kv.key() == "inspection_id") {
                continue; // printed below, as the last line, where scripts look for it
            }
            std::cout << "  " << std::string(kv.key()) << ": " << summary_value(kv.value()) << '\n';
        }
    } else {
        std::cout << "  " << summary_value(summary) << '\n';
    }
    std::cout << "inspection id: " << r.inspection_id << '\n';
}

/** A batch import's summary: documents, then the summed counts. */
void print_batch(const std::string &source, const std::string &summary_text, bool as_json, const first_admin &admin) {
    const json::value summary = parse_json(summary_text, "the import summary");
    if (as_json) {
        json::object out;
        out["summary"] = summary;
        if (admin) {
            out["first_admin"] = *admin;
        }
        std::cout << json::serialize(out) << '\n';
        return;
    }
    if (admin) {
        std::cout << "created the database; first admin: " << *admin << " (admin on the whole database)\n";
    }
    std::cout << "imported " << source << " in one transaction\n";
    if (summary.is_object()) {
        for (const auto &kv : summary.as_object()) {
            std::cout << "  " << std::string(kv.key()) << ": " << summary_value(kv.value()) << '\n';
        }
    }
}

} // namespace

void add_import_command(CLI::App &app, context &ctx) {
    CLI::App *cmd = app.add_subcommand(
        "import", "Import one inspection document (docs/schema.md); creates or updates records by ref, "
                  "all or nothing. Creates the database if missing. With --batch, FILE is JSON Lines "
                  "(one document a line) imported in one transaction. Shows a progress bar when "
                  "standard error is a terminal.");
    auto file = std::make_shared<std::string>();
    auto batch = std::make_shared<bool>(false);
    cmd->add_option("FILE", *file, "the JSON document (with --batch, the JSON Lines file); - reads standard input")
        ->required();
    cmd->add_flag("--batch", *batch,
                  "FILE holds one document per line (JSON Lines, blank lines skipped): import them all in one "
                  "transaction, or none; an error names the line");
    cmd->callback([&ctx, file, batch] {
        ctx.action = [&ctx, file, batch] {
            rectify::import_result r;
            // A database this import creates has no users: its actor becomes the first admin.
            std::error_code exists_ec;
            const first_admin admin =
                std::filesystem::exists(ctx.db_path(), exists_ec) ? first_admin() : first_admin(ctx.actor());
            if (*batch) {
                if (*file != "-") {
                    std::error_code ec;
                    if (!std::filesystem::exists(*file, ec)) {
                        throw cli_error(exit_not_found, "cannot import " + *file + ": no such file");
                    }
                    if (std::filesystem::is_directory(*file, ec)) {
                        throw cli_error(exit_other, "cannot import " + *file + ": it is a directory");
                    }
                }
                const std::string source = *file == "-" ? std::string("standard input") : *file;
                const std::string text = *file == "-" ? read_stdin() : std::string();
                rectify::db db = ctx.open(open_mode::create);
                progress_bar bar("importing " + source, "bytes");
                bar.attach(db);
                const std::string summary = doing("importing " + source, [&] {
                    return *file == "-" ? db.import_batch_json(text) : db.import_batch_file(*file);
                });
                bar.finish();
                print_batch(source, summary, ctx.json, admin);
                return exit_ok;
            }
            if (*file == "-") {
                const std::string doc = read_stdin();
                rectify::db db = ctx.open(open_mode::create);
                r = doing("importing standard input", [&] { return db.import_json(doc); });
                print_import("standard input", r, ctx.json, admin);
            } else {
                // Checked here so that a mistyped name is "not found", like a mistyped ref.
                std::error_code ec;
                if (!std::filesystem::exists(*file, ec)) {
                    throw cli_error(exit_not_found, "cannot import " + *file + ": no such file");
                }
                if (std::filesystem::is_directory(*file, ec)) {
                    throw cli_error(exit_other, "cannot import " + *file + ": it is a directory");
                }
                rectify::db db = ctx.open(open_mode::create);
                progress_bar bar("importing " + *file, "records");
                bar.attach(db);
                r = doing("importing " + *file, [&] { return db.import_file(*file); });
                bar.finish();
                print_import(*file, r, ctx.json, admin);
            }
            return exit_ok;
        };
    });
}

void add_export_command(CLI::App &app, context &ctx) {
    CLI::App *cmd = app.add_subcommand(
        "export", "Write one inspection as a document (docs/schema.md), or with --all every inspection you may read as "
                  "JSON Lines (one compact document per line), to standard output or a file");
    auto inspection = std::make_shared<std::string>();
    auto out_file = std::make_shared<std::string>();
    auto all = std::make_shared<bool>(false);
    CLI::Option *one = cmd->add_option("--inspection,-i", *inspection, "the inspection's ID or ref");
    cmd->add_flag("--all", *all,
                  "every inspection, in id order, from one consistent snapshot; a file is written whole or not at "
                  "all (a progress bar on a terminal)")
        ->excludes(one);
    cmd->add_option("--out,-o", *out_file, "write to this file instead of standard output");
    cmd->callback([&ctx, inspection, out_file, all] {
        if (!*all && inspection->empty()) {
            throw CLI::RequiredError("--inspection or --all");
        }
        ctx.action = [&ctx, inspection, out_file, all] {
            if (*all) {
                progress_bar bar("exporting", "inspections");
                rectify::db db = ctx.open(open_mode::read);
                bar.attach(db);
                if (out_file->empty()) {
                    doing("exporting the database", [&] {
                        db.export_all([](std::string_view line) {
                            std::cout << line << '\n';
                            return static_cast<bool>(std::cout);
                        });
                    });
                    bar.finish();
                    std::cout.flush();
                    if (!std::cout) {
                        throw cli_error(exit_other, "cannot write to standard output");
                    }
                    return exit_ok;
                }
                doing("exporting the database to " + *out_file, [&] { db.export_all_file(*out_file); });
                bar.finish();
                std::cout << "exported the database to " << *out_file << '\n';
                return exit_ok;
            }
            rectify::db db = ctx.open(open_mode::read);
            const auto id = resolve_id(db, rectify::kind::inspection, *inspection);
            const std::string doc = doing("exporting inspection " + *inspection, [&] { return db.export_json(id); });
            if (out_file->empty()) {
                std::cout << doc;
                std::cout.flush();
                return exit_ok;
            }
            std::ofstream out(*out_file, std::ios::binary | std::ios::trunc);
            out << doc;
            out.close();
            if (!out) {
                throw cli_error(exit_other, "cannot write " + *out_file);
            }
            std::cout << "exported inspection " << id << " to " << *out_file << '\n';
            return exit_ok;
        };
    });
}

} // namespace rectify_cli
