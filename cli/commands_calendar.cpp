// cli/commands_calendar.cpp: `rectify calendar is-workday|add-workdays|period` (questions, asked of
// the database's calendar when there is a database, else of the bundled China calendar) and
// `rectify calendar load|set-day` (changing the database's calendar; admin on the whole database).
#include "context.hpp"
#include "deadline_options.hpp"
#include "errors.hpp"
#include "json.hpp"
#include "labels.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <set>
#include <sstream>
#include <system_error>
#include <vector>

namespace rectify_cli {

namespace {

struct calendar_args {
    std::string date;
    int n = 0;
    std::string unknown;
    int months = 0;
    int days = 0;
    int workdays = 0;
    std::string file;
    bool off = false;
    bool working = false;
};

/** The calendar a question is asked of, and which one it is ("database" or "bundled"). */
struct chosen_calendar {
    rectify::calendar cal;
    std::string source;
};

/**
 * The database's calendar (bundled notices, those loaded into it, its local days) when the
 * database (--db, $RECTIFY_DB, else rectify.db) exists; otherwise the bundled China calendar.
 */
chosen_calendar calendar_for(const context &ctx) {
    const std::string path = ctx.db_path();
    std::error_code ec;
    if (std::filesystem::exists(path, ec)) {
        rectify::db db = ctx.open(path, open_mode::read);
        return {doing("reading the calendar of " + path, [&] { return db.calendar(); }), "database"};
    }
    return {rectify::calendar::china(), "bundled"};
}

rectify::unknown_policy parse_policy(const std::string &word) {
    if (word.empty() || word == "weekdays") {
        // The command line's default: work does not stop before next year's notice is published.
        // The answer is marked provisional (mark_provisional); --unknown refuse keeps it strict.
        return rectify::unknown_policy::weekdays;
    }
    if (word == "fail" || word == "refuse") {
        return rectify::unknown_policy::fail;
    }
    throw cli_error(exit_usage, "--unknown: '" + word + "' is none of weekdays, refuse or fail");
}

/** Whether f fails only because it depends on a day the calendar has no data for. */
template <class F>
bool needs_unknown_day(F &&f) {
    try {
        std::forward<F>(f)();
        return false;
    } catch (const rectify::error &e) {
        if (e.code() == RECTIFY_E_UNKNOWN_DATE) {
            return true;
        }
        throw;
    }
}

/** The years from `from` to `to` (either order) the calendar has no notice for. */
std::vector<int> unknown_years(const rectify::calendar &cal, const std::string &from, const std::string &to) {
    int a = std::stoi(from.substr(0, 4));
    int b = std::stoi(to.substr(0, 4));
    if (a > b) {
        std::swap(a, b);
    }
    std::vector<int> years;
    for (int y = a; y <= b; ++y) {
        if (!cal.year_known(y)) {
            years.push_back(y);
        }
    }
    return years;
}

/**
 * Marks an answer counted on the plain Monday-Friday rule: "provisional" (and the years) in JSON,
 * else a line on stderr, "2027年日历未载入，暂按常规工作日计算", so that stdout stays the answer.
 */
void mark_provisional(json::object *out, const std::vector<int> &years) {
    if (out) {
        (*out)["provisional"] = !years.empty();
        if (!years.empty()) {
            json::array ys;
            for (int y : years) {
                ys.push_back(y);
            }
            (*out)["provisional_years"] = std::move(ys);
        }
        return;
    }
    if (years.empty()) {
        return;
    }
    std::string list;
    for (int y : years) {
        list += (list.empty() ? "" : "、") + std::to_string(y);
    }
    std::cerr << "注意：" << list << "年日历未载入，暂按常规工作日计算（rectify calendar load FILE.json 载入后重新计算）\n";
}

void add_unknown_option(CLI::App *cmd, calendar_args &args) {
    cmd->add_option("--unknown", args.unknown,
                    "for a date in a year the calendar has no data for: weekdays (the default: count it as an "
                    "ordinary Monday-Friday week, marked provisional) or refuse (also fail: an error naming the day)")
        ->check(CLI::IsMember({"weekdays", "refuse", "fail"}));
}

/**
 * Runs a question, adding what to do about a date the calendar has no data for. The library's
 * message already says which question needed the date (a period of 1 month from ...), so no
 * context is added in front of it.
 */
template <class F>
auto asking(F &&f) -> decltype(f()) {
    try {
        return std::forward<F>(f)();
    } catch (const rectify::error &e) {
        std::string message = e.what();
        if (e.code() == RECTIFY_E_UNKNOWN_DATE) {
            message += " (rectify calendar load FILE.json loads a year's notice into the database; leave out --unknown refuse to count Monday-Friday provisionally)";
        }
        throw rectify::error(e.code(), message);
    }
}

const char *const calendar_help_tail =
    " Asks the database's calendar (--db, $RECTIFY_DB, else rectify.db) when that file exists, else the "
    "bundled China calendar (2007-2026).";

/** The years of the notices in a holiday-cn document (one notice or an array), for the report. */
std::set<std::int64_t> notice_years(const std::string &text) {
    std::set<std::int64_t> years;
    boost::system::error_code ec;
    const json::value v = json::parse(text, ec);
    if (ec) {
        return years;
    }
    auto add = [&](const json::value &n) {
        if (n.is_object()) {
            if (auto y = get_int(n.as_object(), "year")) {
                years.insert(*y);
            }
        }
    };
    if (v.is_array()) {
        for (const json::value &n : v.as_array()) {
            add(n);
        }
    } else {
        add(v);
    }
    return years;
}

void add_is_workday(CLI::App *group, context &ctx) {
    CLI::App *cmd = group->add_subcommand(
        "is-workday", std::string("Whether DATE is a working day: prints yes or no and what the day is "
                                  "(工作日, 周末, 法定节假日, 调休上班, 未知).") +
                          calendar_help_tail);
    auto args = std::make_shared<calendar_args>();
    cmd->add_option("DATE", args->date, "the day, YYYY-MM-DD")->required();
    add_unknown_option(cmd, *args);
    cmd->callback([&ctx, args] {
        ctx.action = [&ctx, args] {
            const std::string date = checked_date("DATE", args->date);
            const rectify::unknown_policy policy = parse_policy(args->unknown);
            chosen_calendar c = calendar_for(ctx);
            const rectify::day_type type = asking([&] { return c.cal.day_type(date); });
            const bool yes = asking([&] { return c.cal.is_workday(date, policy); });
            const std::string label = day_type_label(static_cast<int>(type));
            const std::vector<int> years =
                type == rectify::day_type::unknown ? unknown_years(c.cal, date, date) : std::vector<int>{};
            if (ctx.json) {
                json::object out;
                out["date"] = date;
                out["workday"] = yes;
                out["day_type"] = std::string(rectify::day_type_name(type));
                out["label"] = label;
                out["calendar"] = c.source;
                mark_provisional(&out, years);
                std::cout << json::serialize(out) << '\n';
            } else {
                std::cout << (yes ? "yes " : "no ") << label << '\n';
                mark_provisional(nullptr, years);
            }
            return exit_ok;
        };
    });
}

void add_add_workdays(CLI::App *group, context &ctx) {
    CLI::App *cmd = group->add_subcommand(
        "add-workdays", std::string("The N-th working day after DATE (before it for a negative N; "
                                    "DATE itself is never counted); prints it as YYYY-MM-DD.") +
                            calendar_help_tail);
    auto args = std::make_shared<calendar_args>();
    cmd->add_option("DATE", args->date, "the day to count from, YYYY-MM-DD")->required();
    cmd->add_option("N", args->n, "how many working days; a negative N counts back")
        ->required();
    add_unknown_option(cmd, *args);
    cmd->callback([&ctx, args] {
        ctx.action = [&ctx, args] {
            const std::string date = checked_date("DATE", args->date);
            const rectify::unknown_policy policy = parse_policy(args->unknown);
            chosen_calendar c = calendar_for(ctx);
            const std::string result = asking([&] { return c.cal.add_workdays(date, args->n, policy); });
            const std::vector<int> years =
                needs_unknown_day([&] { c.cal.add_workdays(date, args->n, rectify::unknown_policy::fail); })
                    ? unknown_years(c.cal, date, result)
                    : std::vector<int>{};
            if (ctx.json) {
                json::object out;
                out["date"] = date;
                out["n"] = args->n;
                out["result"] = result;
                out["calendar"] = c.source;
                mark_provisional(&out, years);
                std::cout << json::serialize(out) << '\n';
            } else {
                std::cout << result << '\n';
                mark_provisional(nullptr, years);
            }
            return exit_ok;
        };
    });
}

void add_period(CLI::App *group, context &ctx) {
    CLI::App *cmd = group->add_subcommand(
        "period",
        std::string("The last day of a legal period (Civil Code arts. 200-203) starting on DATE: the start day "
                    "is not counted; months end on the same-numbered day or the month's last day; a last day that "
                    "is a rest day moves to the next working day. Prints it as YYYY-MM-DD.") +
            calendar_help_tail);
    auto args = std::make_shared<calendar_args>();
    cmd->add_option("DATE", args->date, "the start day, YYYY-MM-DD (not counted)")->required();
    CLI::Option *months = cmd->add_option("--months", args->months, "a period of N months");
    CLI::Option *days = cmd->add_option("--days", args->days, "a period of N natural days");
    CLI::Option *workdays = cmd->add_option("--workdays", args->workdays, "a period of N working days");
    months->excludes(days)->excludes(workdays);
    days->excludes(months)->excludes(workdays);
    workdays->excludes(months)->excludes(days);
    add_unknown_option(cmd, *args);
    cmd->callback([&ctx, args, months, days, workdays] {
        ctx.action = [&ctx, args, months, days, workdays] {
            rectify::period_unit unit = rectify::period_unit::months;
            int n = 0;
            std::string unit_name;
            if (months->count() > 0) {
                unit = rectify::period_unit::months;
                n = args->months;
                unit_name = "months";
            } else if (days->count() > 0) {
                unit = rectify::period_unit::days;
                n = args->days;
                unit_name = "days";
            } else if (workdays->count() > 0) {
                unit = rectify::period_unit::workdays;
                n = args->workdays;
                unit_name = "workdays";
            } else {
                throw cli_error(exit_usage, "period: give the length with --months N, --days N or --workdays N");
            }
            const std::string date = checked_date("DATE", args->date);
            const rectify::unknown_policy policy = parse_policy(args->unknown);
            chosen_calendar c = calendar_for(ctx);
            const std::string end =
                asking([&] { return c.cal.period_end(date, unit, n, policy); });
            const std::vector<int> years =
                needs_unknown_day([&] { c.cal.period_end(date, unit, n, rectify::unknown_policy::fail); })
                    ? unknown_years(c.cal, date, end)
                    : std::vector<int>{};
            if (ctx.json) {
                json::object out;
                out["start"] = date;
                out["unit"] = unit_name;
                out["n"] = n;
                out["end"] = end;
                out["calendar"] = c.source;
                mark_provisional(&out, years);
                std::cout << json::serialize(out) << '\n';
            } else {
                std::cout << end << '\n';
                mark_provisional(nullptr, years);
            }
            return exit_ok;
        };
    });
}

void add_load(CLI::App *group, context &ctx) {
    CLI::App *cmd = group->add_subcommand(
        "load", "Store holiday notices (holiday-cn JSON: one notice or an array, as the State Council's "
                "notices are published) in the database; from then on they apply over the bundled calendar "
                "for everyone. All or nothing; admin on the whole database.");
    auto args = std::make_shared<calendar_args>();
    cmd->add_option("FILE", args->file, "the JSON file of notices")->required();
    cmd->callback([&ctx, args] {
        ctx.action = [&ctx, args] {
            const std::string text = read_input_file(args->file, "holiday notices");
            rectify::db db = ctx.open(open_mode::write);
            const std::string changed = doing("loading holiday notices from " + args->file,
                                              [&] { return db.calendar_load_json_changes(text); });
            const json::value changes = json::parse(changed);
            const std::set<std::int64_t> years = notice_years(text);
            if (ctx.json) {
                json::object out;
                out["file"] = args->file;
                json::array ys;
                for (std::int64_t y : years) {
                    ys.push_back(y);
                }
                out["years"] = std::move(ys);
                out["changes"] = changes;
                std::cout << json::serialize(out) << '\n';
            } else {
                std::string list;
                for (std::int64_t y : years) {
                    list += (list.empty() ? "" : ", ") + std::to_string(y);
                }
                std::cout << "loaded holiday notices" << (list.empty() ? "" : " for " + list) << " from "
                          << args->file << " into the calendar of " << ctx.db_path() << '\n';
                // One line per derived deadline the notices moved: record, old date → new date.
                for (const json::value &v : changes.as_array()) {
                    const json::object &c = v.as_object();
                    std::cout << "inspection " << json::value_to<std::int64_t>(c.at("inspection_id")) << ' '
                              << c.at("ref").as_string().c_str() << ' ' << c.at("label").as_string().c_str() << ' '
                              << c.at("deadline").as_string().c_str() << ": " << c.at("from").as_string().c_str()
                              << " → " << c.at("to").as_string().c_str()
                              << (c.at("provisional").as_bool() ? "（仍暂按常规工作日计算）" : "") << '\n';
                }
                std::cout << changes.as_array().size() << " derived deadline"
                          << (changes.as_array().size() == 1 ? "" : "s") << " changed\n";
            }
            return exit_ok;
        };
    });
}

void add_set_day(CLI::App *group, context &ctx) {
    CLI::App *cmd = group->add_subcommand(
        "set-day", "Make DATE a day off (--off) or a working day (--working) in the database's calendar, over "
                   "what the notices say: a locality's own days. Admin on the whole database.");
    auto args = std::make_shared<calendar_args>();
    cmd->add_option("DATE", args->date, "the day, YYYY-MM-DD")->required();
    CLI::Option *off = cmd->add_flag("--off", args->off, "a day off (法定节假日 or a local one)");
    CLI::Option *working = cmd->add_flag("--working", args->working, "a working day (调休上班 on a weekend)");
    off->excludes(working);
    working->excludes(off);
    cmd->callback([&ctx, args] {
        ctx.action = [&ctx, args] {
            if (!args->off && !args->working) {
                throw cli_error(exit_usage, "set-day: say --off or --working");
            }
            const std::string date = checked_date("DATE", args->date);
            rectify::db db = ctx.open(open_mode::write);
            doing("setting " + date + " in the calendar",
                  [&] { db.calendar_set_day(date, args->off ? rectify::day_type::holiday : rectify::day_type::workday); });
            const rectify::day_type now = doing("reading the calendar", [&] { return db.calendar().day_type(date); });
            if (ctx.json) {
                json::object out;
                out["date"] = date;
                out["day_type"] = std::string(rectify::day_type_name(now));
                out["label"] = day_type_label(static_cast<int>(now));
                std::cout << json::serialize(out) << '\n';
            } else {
                std::cout << date << " is now " << (args->off ? "a day off" : "a working day") << "（"
                          << day_type_label(static_cast<int>(now)) << "）in the calendar of " << ctx.db_path() << '\n';
            }
            return exit_ok;
        };
    });
}

} // namespace

void add_calendar_command(CLI::App &app, context &ctx) {
    CLI::App *group = app.add_subcommand(
        "calendar", "The working-day calendar: ask about days and periods, load notices, set local days");
    group->require_subcommand(1);
    add_is_workday(group, ctx);
    add_add_workdays(group, ctx);
    add_period(group, ctx);
    add_load(group, ctx);
    add_set_day(group, ctx);
}

} // namespace rectify_cli
