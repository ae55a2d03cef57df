// cli/commands_stats.cpp: `rectify stats`, the counts behind the notices as of a date, for an
// inspection, a unit, a round or every inspection the actor may read.
#include "choice_option.hpp"
#include "context.hpp"
#include "deadline_options.hpp"
#include "errors.hpp"
#include "json.hpp"
#include "output.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

namespace rectify_cli {

namespace {

struct stats_args {
    scope_args scope;
    std::string audience = "internal";
    bool count_shown_only = false;
};

std::string n(const json::object &o, std::string_view key) { return std::to_string(get_int(o, key).value_or(0)); }

std::string rate_or_none(const json::object &o, std::string_view key) {
    auto r = get_string(o, key);
    return r ? *r : std::string(none_mark);
}

// "11550.00元（1.155万元）": an amount as the library rendered it, in 元 and in 万元.
std::string money_text(const json::object &m) {
    return text_or_none(m, "yuan") + "（" + text_or_none(m, "wan_yuan") + "）";
}

// "11项：已完成11项，基本完成0项，正在推进0项，未启动0项；延期0项，逾期0项；完成率100.00%"
std::string tally_line(const json::object &t) {
    return n(t, "total") + "项：已完成" + n(t, "done") + "项，基本完成" + n(t, "substantially_done") + "项，正在推进" +
           n(t, "in_progress") + "项，未启动" + n(t, "not_done") + "项；延期" + n(t, "extended") + "项，逾期" +
           n(t, "overdue") + "项；完成率" + rate_or_none(t, "completion_rate");
}

// The flat "issues_…" fields as a tally object, so one printer serves both.
json::object flat_tally(const json::object &s, const std::string &prefix, const std::string &rate_key) {
    json::object t;
    for (const char *k : {"total", "done", "substantially_done", "in_progress", "not_done", "extended", "overdue"})
        t[k] = get_int(s, prefix + "_" + k).value_or(0);
    if (auto r = get_string(s, rate_key)) t["completion_rate"] = *r;
    return t;
}

void print_stats(std::ostream &out, const json::object &s) {
    out << "统计截至" << text_or_none(s, "as_of") << "，共" << n(s, "inspections") << "次巡察\n";
    out << "整改任务" << tally_line(flat_tally(s, "issues", "completion_rate")) << '\n';
    out << "整改措施" << tally_line(flat_tally(s, "measures", "measures_completion_rate")) << '\n';

    const auto &aspects = s.at("aspects").as_array();
    if (!aspects.empty()) {
        table t({{"方面", table::align::left, 40},
                 {"任务", table::align::right},
                 {"已完成", table::align::right},
                 {"基本完成", table::align::right},
                 {"推进中", table::align::right},
                 {"未启动", table::align::right},
                 {"逾期措施", table::align::right},
                 {"完成率", table::align::right}});
        for (const auto &a : aspects) {
            const auto &o = a.as_object();
            const auto &i = o.at("issues").as_object();
            t.add_row({text_or_none(o, "title"), n(i, "total"), n(i, "done"), n(i, "substantially_done"),
                       n(i, "in_progress"), n(i, "not_done"), n(o.at("measures").as_object(), "overdue"),
                       rate_or_none(i, "completion_rate")});
        }
        out << '\n';
        t.print(out);
    }

    const auto &oc = s.at("outcomes").as_object();
    out << "\n整改成果：建立制度" << n(oc, "rules_made") << "项，修订完善制度" << n(oc, "rules_revised") << "项";
    for (const auto &m : oc.at("money").as_array()) {
        const auto &o = m.as_object();
        if (get_int(o, "items").value_or(0) == 0) continue;
        out << "；" << text_or_none(o, "label") << money_text(o);
    }
    out << "；资金合计" << money_text(oc.at("money_total").as_object());
    out << "；问责" << n(oc, "accountability_total") << "人次";
    for (const auto &a : oc.at("accountability").as_array()) {
        const auto &o = a.as_object();
        if (get_int(o, "people").value_or(0) == 0) continue;
        out << "（" << text_or_none(o, "label") << n(o, "people") << "人次）";
    }
    out << "；召开会议" << n(oc, "meetings") << "次\n";

    const auto &leads = s.at("leads").as_object();
    const std::int64_t withheld = get_int(leads, "withheld_inspections").value_or(0);
    if (withheld > 0 && get_int(leads, "handed_over").value_or(0) == 0 &&
        get_int(s, "inspections").value_or(0) == withheld) {
        out << "问题线索：无权查看（需 read_leads 权限），未列入\n";
    } else {
        out << "问题线索：移交" << n(leads, "handed_over") << "件，办结" << n(leads, "concluded") << "件，办结率"
            << rate_or_none(leads, "completion_rate");
        if (withheld > 0) out << "（另有" << withheld << "个巡察的问题线索无权查看，未列入）";
        out << '\n';
    }

    const auto &units = s.at("units").as_object();
    const auto &rows = units.at("rows").as_array();
    if (rows.size() > 1) {
        out << "\n各单位整改完成情况：全部完成" << n(units, "complete") << "个，完成率低于80%的" << n(units, "below_80")
            << "个\n";
        table t({{"单位", table::align::left, 30},
                 {"任务", table::align::right},
                 {"已完成", table::align::right},
                 {"完成率", table::align::right},
                 {"措施", table::align::right},
                 {"逾期措施", table::align::right}});
        for (const auto &r : rows) {
            const auto &o = r.as_object();
            const auto &i = o.at("issues").as_object();
            const auto &m = o.at("measures").as_object();
            t.add_row({text_or_none(o, "name"), n(i, "total"), n(i, "done"), rate_or_none(i, "completion_rate"),
                       n(m, "total"), n(m, "overdue")});
        }
        t.print(out);
    }
}

} // namespace

void add_stats_command(CLI::App &app, context &ctx) {
    CLI::App *cmd = app.add_subcommand(
        "stats", "Count issues, measures, outcomes and leads as of a date, for an inspection, a unit, a round or all");
    auto args = std::make_shared<stats_args>();
    add_as_of_option(cmd, args->scope);
    cmd->add_option("--inspection,-i", args->scope.inspection, "only this inspection (its ID or ref)");
    cmd->add_option("--unit,-u", args->scope.unit, "only this unit's inspections (被巡察单位; its ID or ref)");
    cmd->add_option("--round,-r", args->scope.round, "only this round's inspections (轮次; its ID or ref)");
    add_choice_option(cmd, "--audience", args->audience, audience_choices(),
                      " (the name or the label; public needs only the public role)")
        ->capture_default_str();
    cmd->add_flag("--count-shown-only", args->count_shown_only,
                  "public totals leave out what is marked non-public (by default they still count it)");
    cmd->callback([&ctx, args] {
        ctx.action = [&ctx, args] {
            if (!args->scope.inspection.empty() && (!args->scope.unit.empty() || !args->scope.round.empty()))
                throw cli_error(exit_usage, "give --inspection, or --unit and/or --round, not both");
            rectify::db db = ctx.open(open_mode::read);
            // IDs or refs resolved without reading the records: the public role may count what it
            // may not read, and the library says "not found" for what does not exist.
            rectify::stats_options o;
            const auto &a = args->scope;
            if (!a.inspection.empty()) o.inspection_id = resolve_id(db, rectify::kind::inspection, a.inspection);
            if (!a.unit.empty()) o.unit_id = resolve_id(db, rectify::kind::unit, a.unit);
            if (!a.round.empty()) o.round_id = resolve_id(db, rectify::kind::round, a.round);
            o.as_of = a.as_of.empty() ? today_local() : checked_date("--as-of", a.as_of);
            o.audience = args->audience == "public" ? rectify::audience::public_ : rectify::audience::internal;
            o.count_shown_only = args->count_shown_only;
            const std::string stats = doing("counting", [&] { return db.stats_json(o); });
            if (ctx.json) {
                std::cout << stats << '\n';
            } else {
                print_stats(std::cout, parse_json_object(stats, "statistics"));
            }
            return exit_ok;
        };
    });
}

} // namespace rectify_cli
