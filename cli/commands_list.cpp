// cli/commands_list.cpp: `rectify list inspections|issues|measures`, as a table or JSON.
#include "context.hpp"
#include "errors.hpp"
#include "json.hpp"
#include "tables.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

namespace rectify_cli {

namespace {

struct list_args {
    std::string what;
    std::string inspection;
    bool full = false;
};

rectify::kind kind_of(const std::string &what) {
    if (what == "inspections") {
        return rectify::kind::inspection;
    }
    if (what == "issues") {
        return rectify::kind::issue;
    }
    return rectify::kind::measure;
}

} // namespace

void add_list_command(CLI::App &app, context &ctx) {
    CLI::App *cmd = app.add_subcommand("list", "List inspections, issues or measures as a table (or JSON with --json)");
    auto args = std::make_shared<list_args>();
    cmd->add_option("WHAT", args->what, "inspections, issues or measures")
        ->required()
        ->check(CLI::IsMember({"inspections", "issues", "measures"}));
    cmd->add_option("--inspection,-i", args->inspection, "only records of this inspection (ID or ref)");
    cmd->add_flag("--full", args->full, "do not shorten long titles in the table");
    cmd->callback([&ctx, args] {
        ctx.action = [&ctx, args] {
            rectify::db db = ctx.open(open_mode::read);
            const std::int64_t inspection_id =
                args->inspection.empty() ? 0 : resolve_id(db, rectify::kind::inspection, args->inspection);
            if (inspection_id != 0) {
                // A filter on an id that does not exist would list nothing; say so instead.
                doing("reading inspection " + args->inspection,
                      [&] { return db.record_get(rectify::kind::inspection, inspection_id); });
            }
            const rectify::kind k = kind_of(args->what);
            if (ctx.json) {
                rectify::list_options opts;
                opts.inspection_id = inspection_id;
                std::cout << with_final_newline(doing("listing " + args->what, [&] { return db.record_list(k, opts); }));
                return exit_ok;
            }
            table_style style;
            style.full_text = args->full;
            switch (k) {
            case rectify::kind::inspection:
                print_inspections_table(std::cout, db, inspection_id, style);
                break;
            case rectify::kind::issue:
                print_issues_table(std::cout, db, inspection_id, style);
                break;
            default:
                print_measures_table(std::cout, db, inspection_id, style);
                break;
            }
            return exit_ok;
        };
    });
}

} // namespace rectify_cli
