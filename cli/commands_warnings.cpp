// cli/commands_warnings.cpp: `rectify warnings` (预警 红黄绿蓝 as of a date, per measure or rolled
// up), `rectify due` (falling due within N days) and `rectify overdue` (逾期), as tables or JSON.
#include "choice_option.hpp"
#include "context.hpp"
#include "deadline_options.hpp"
#include "errors.hpp"
#include "json.hpp"
#include "labels.hpp"
#include "output.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>
#include <sstream>

namespace rectify_cli {

namespace {

struct warnings_args {
    scope_args scope;
    std::string by = "measure";
    std::string only;
    bool full = false;
};

struct due_args {
    scope_args scope;
    int within = 0;
    bool count = false;
    bool full = false;
};

rectify::rollup parse_rollup(const std::string &word) {
    static const std::pair<const char *, rectify::rollup> names[] = {{"measure", rectify::rollup::measure},
                                                                      {"issue", rectify::rollup::issue},
                                                                      {"inspection", rectify::rollup::inspection},
                                                                      {"unit", rectify::rollup::unit},
                                                                      {"round", rectify::rollup::round}};
    if (const auto code = choice_code(rollup_choices(), word)) {
        for (const auto &[name, r] : names) {
            if (*code == name) {
                return r;
            }
        }
    }
    throw cli_error(exit_usage, "--by: " + choice_error(rollup_choices(), word));
}

/** The light bits of "red,yellow" (or 红,黄; separated by commas or spaces). */
unsigned parse_lights(const std::string &text) {
    unsigned bits = 0;
    std::string word;
    auto flush = [&] {
        if (word.empty()) {
            return;
        }
        static const std::pair<const char *, rectify::light> names[] = {{"red", rectify::light::red},
                                                                         {"yellow", rectify::light::yellow},
                                                                         {"green", rectify::light::green},
                                                                         {"blue", rectify::light::blue}};
        const auto code = choice_code(light_choices(), word);
        bool known = false;
        for (const auto &[name, l] : names) {
            if (code && *code == name) {
                bits |= rectify::light_bit(l);
                known = true;
            }
        }
        if (!known) {
            throw cli_error(exit_usage, "--only: " + choice_error(light_choices(), word));
        }
        word.clear();
    };
    for (char c : text) {
        if (c == ',' || c == ' ') {
            flush();
        } else {
            word += c;
        }
    }
    flush();
    if (bits == 0) {
        throw cli_error(exit_usage, "--only: name at least one light (red,yellow,green,blue)");
    }
    return bits;
}

/** "红 1，黄 1，蓝 13，绿 13" from a totals object, most urgent first. */
std::string totals_text(const json::object &totals) {
    std::string s;
    for (const char *light : {"red", "yellow", "blue", "green"}) {
        s += s.empty() ? "" : "，";
        s += light_label(light) + " " + std::to_string(get_int(totals, light).value_or(0));
    }
    return s;
}

std::string rollup_label(const std::string &rollup) {
    if (rollup == "issue") return "问题";
    if (rollup == "inspection") return "巡察";
    if (rollup == "unit") return "单位";
    if (rollup == "round") return "轮次";
    return "措施";
}

void print_rollup_rows(std::ostream &out, const json::array &rows, const std::string &rollup, bool full) {
    using align = table::align;
    table t({{"预警", align::left},
             {"编号", align::right},
             {rollup_label(rollup), align::left, full ? 0u : 40u},
             {"红", align::right},
             {"黄", align::right},
             {"蓝", align::right},
             {"绿", align::right}});
    for (const json::value &v : rows) {
        const json::object &o = v.as_object();
        json::object counts;
        if (const json::value *c = o.if_contains("counts"); c != nullptr && c->is_object()) {
            counts = c->as_object();
        }
        t.add_row({light_label(get_string(o, "light").value_or("?")), int_or_none(o, "id"), text_or_none(o, "name"),
                   int_or_none(counts, "red"), int_or_none(counts, "yellow"), int_or_none(counts, "blue"),
                   int_or_none(counts, "green")});
    }
    t.print(out);
}

/** "共 28 条" or, when paged, "显示第 11-20 条，共 28 条". */
std::string count_line(std::int64_t shown, std::int64_t total, std::int64_t offset) {
    if (shown == total && offset == 0) {
        return "共 " + std::to_string(total) + " 条";
    }
    if (shown == 0) {
        return "显示 0 条，共 " + std::to_string(total) + " 条";
    }
    return "显示第 " + std::to_string(offset + 1) + "-" + std::to_string(offset + shown) + " 条，共 " +
           std::to_string(total) + " 条";
}

/**
 * "注：2027年节假日安排尚未载入，相关期限暂按常规工作日计算。" when the answer's "provisional_years"
 * names years with no holiday notice loaded (the deadlines it counts were derived on the plain
 * Monday-Friday rule); empty otherwise. The library's ledger and notice end with the same line.
 */
std::string provisional_note(const json::object &doc) {
    const json::value *ys = doc.if_contains("provisional_years");
    if (ys == nullptr || !ys->is_array() || ys->as_array().empty()) {
        return {};
    }
    std::string list;
    for (const json::value &y : ys->as_array()) {
        list += (list.empty() ? "" : "、") + json::serialize(y);
    }
    return "注：" + list + "年节假日安排尚未载入，相关期限暂按常规工作日计算。";
}

int run_warnings(context &ctx, const warnings_args &args) {
    const rectify::rollup by = parse_rollup(args.by);
    const unsigned lights = args.only.empty() ? 0u : parse_lights(args.only);
    if (!args.scope.as_of.empty()) {
        checked_date("--as-of", args.scope.as_of); // before opening anything
    }
    rectify::db db = ctx.open(open_mode::read);
    rectify::warning_options opts = resolve_scope(db, args.scope);
    opts.rollup = by;
    opts.lights = lights;
    const std::string text = doing("reading warnings", [&] { return db.warnings(opts); });
    if (ctx.json) {
        std::cout << with_final_newline(text);
        return exit_ok;
    }
    const json::object doc = parse_json_object(text, "the warnings");
    json::array rows;
    if (const json::value *r = doc.if_contains("rows"); r != nullptr && r->is_array()) {
        rows = r->as_array();
    }
    json::object totals;
    if (const json::value *t = doc.if_contains("totals"); t != nullptr && t->is_object()) {
        totals = t->as_object();
    }
    const std::string rollup = get_string(doc, "rollup").value_or("measure");
    std::cout << "预警 截至 " << text_or_none(doc, "as_of") << "（按" << rollup_label(rollup) << "）\n";
    if (rollup == "measure") {
        print_measure_rows(std::cout, rows, args.full);
    } else {
        print_rollup_rows(std::cout, rows, rollup, args.full);
    }
    std::int64_t total = 0;
    for (const char *light : {"red", "yellow", "blue", "green"}) {
        total += get_int(totals, light).value_or(0);
    }
    std::cout << "合计：" << totals_text(totals) << "；其中延期措施 " << get_int(totals, "extended").value_or(0)
              << " 项\n";
    std::cout << count_line(static_cast<std::int64_t>(rows.size()), total, args.scope.offset) << '\n';
    if (const std::string note = provisional_note(doc); !note.empty()) {
        std::cout << note << '\n';
    }
    return exit_ok;
}

int run_due(context &ctx, const due_args &args) {
    if (!args.scope.as_of.empty()) {
        checked_date("--as-of", args.scope.as_of);
    }
    if (args.within < 0) {
        throw cli_error(exit_invalid, "--within: " + std::to_string(args.within) + " is negative");
    }
    rectify::db db = ctx.open(open_mode::read);
    const rectify::warning_options opts = resolve_scope(db, args.scope);
    const std::string text = doing("listing measures falling due within " + std::to_string(args.within) + " days",
                                   [&] { return db.due_within(args.within, opts); });
    if (ctx.json) {
        std::cout << with_final_newline(text);
        return exit_ok;
    }
    const json::array rows = parse_json_array(text, "the measures falling due");
    std::cout << "截至 " << opts.as_of.value_or("") << "，" << args.within
              << " 天内到期的整改措施\n";
    print_measure_rows(std::cout, rows, args.full);
    std::cout << "共 " << rows.size() << " 条\n";
    return exit_ok;
}

int run_overdue(context &ctx, const due_args &args) {
    if (!args.scope.as_of.empty()) {
        checked_date("--as-of", args.scope.as_of);
    }
    rectify::db db = ctx.open(open_mode::read);
    const rectify::warning_options opts = resolve_scope(db, args.scope);
    if (args.count) {
        const std::int64_t n = doing("counting overdue measures", [&] { return db.overdue_count(opts); });
        if (ctx.json) {
            json::object out;
            out["as_of"] = opts.as_of.value_or("");
            out["count"] = n;
            std::cout << json::serialize(out) << '\n';
        } else {
            std::cout << n << '\n';
        }
        return exit_ok;
    }
    const std::string text = doing("listing overdue measures", [&] { return db.overdue(opts); });
    if (ctx.json) {
        std::cout << with_final_newline(text);
        return exit_ok;
    }
    const json::array rows = parse_json_array(text, "the overdue measures");
    std::cout << "截至 " << opts.as_of.value_or("") << " 逾期未完成的整改措施\n";
    print_measure_rows(std::cout, rows, args.full);
    std::cout << "共 " << rows.size() << " 条\n";
    return exit_ok;
}

} // namespace

void add_warnings_commands(CLI::App &app, context &ctx) {
    CLI::App *w = app.add_subcommand(
        "warnings", "Warning lights (预警) as of a date, most urgent first: 红 overdue, 黄 near its deadline, 蓝 "
                    "ongoing (长期坚持), 绿 on track or done; per measure or rolled up (--by), with totals");
    auto wa = std::make_shared<warnings_args>();
    add_as_of_option(w, wa->scope);
    add_scope_options(w, wa->scope);
    w->add_option("--by", wa->by, "one row per " + choice_help(rollup_choices()) + " (the name or the label; default measure)");
    w->add_option("--only", wa->only,
                  "only these lights, separated by commas: " + choice_help(light_choices()) +
                      " (the name or the label; e.g. red,yellow or 红,黄)");
    add_paging_options(w, wa->scope);
    w->add_flag("--full", wa->full, "do not shorten long titles in the table");
    w->callback([&ctx, wa] { ctx.action = [&ctx, wa] { return run_warnings(ctx, *wa); }; });

    CLI::App *due = app.add_subcommand(
        "due", "Open measures falling due within N days of a date (deadline from --as-of to --as-of + N), "
               "earliest first");
    auto da = std::make_shared<due_args>();
    due->add_option("--within", da->within, "how many days ahead (0-3660)")->required();
    add_as_of_option(due, da->scope);
    add_scope_options(due, da->scope);
    add_paging_options(due, da->scope);
    due->add_flag("--full", da->full, "do not shorten long titles in the table");
    due->callback([&ctx, da] { ctx.action = [&ctx, da] { return run_due(ctx, *da); }; });

    CLI::App *overdue = app.add_subcommand(
        "overdue", "Open measures whose deadline is before a date (逾期), earliest deadline first; --count for "
                   "how many");
    auto oa = std::make_shared<due_args>();
    add_as_of_option(overdue, oa->scope);
    add_scope_options(overdue, oa->scope);
    overdue->add_flag("--count", oa->count, "print only how many");
    add_paging_options(overdue, oa->scope);
    overdue->add_flag("--full", oa->full, "do not shorten long titles in the table");
    overdue->callback([&ctx, oa] { ctx.action = [&ctx, oa] { return run_overdue(ctx, *oa); }; });
}

} // namespace rectify_cli
