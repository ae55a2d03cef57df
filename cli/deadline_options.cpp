// cli/deadline_options.cpp: checked dates, scope options and the measure-row table of the
// deadline commands.
#include "deadline_options.hpp"

#include "context.hpp"
#include "errors.hpp"
#include "labels.hpp"
#include "output.hpp"

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <ctime>

namespace rectify_cli {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int digits(const std::string &s, std::size_t from, std::size_t count) {
    int v = 0;
    for (std::size_t i = from; i < from + count; ++i) {
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : days[m - 1];
}

const char *const month_names[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};

/** Fails with "not found" unless the record exists and the actor may read it. */
void must_exist(rectify::db &db, rectify::kind k, std::int64_t id, const std::string &given) {
    const std::string what = "reading " + std::string(rectify::kind_name(k)) + " " + given;
    doing(what, [&] { return db.record_get(k, id); });
}

} // namespace

std::string today_local() {
    std::time_t now = std::time(nullptr);
    if (const char *fixed = std::getenv("RECTIFY_TEST_NOW")) {
        std::tm given{};
        const char *end = strptime(fixed, "%Y-%m-%dT%H:%M:%SZ", &given);
        if (end && *end == '\0') now = timegm(&given);
    }
    now += 8 * 3600; // Asia/Shanghai: UTC+8, no daylight saving time since 1991
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

std::string checked_date(const std::string &what, const std::string &text) {
    const std::string prefix = what + ": '" + text + "' ";
    const bool shape = text.size() == 10 && text[4] == '-' && text[7] == '-' && is_digit(text[0]) &&
                       is_digit(text[1]) && is_digit(text[2]) && is_digit(text[3]) && is_digit(text[5]) &&
                       is_digit(text[6]) && is_digit(text[8]) && is_digit(text[9]);
    if (!shape) {
        throw cli_error(exit_invalid, prefix + "is not a date in YYYY-MM-DD form");
    }
    const int y = digits(text, 0, 4);
    const int m = digits(text, 5, 2);
    const int d = digits(text, 8, 2);
    if (m < 1 || m > 12) {
        throw cli_error(exit_invalid, prefix + "is not a calendar date: there is no month " + std::to_string(m));
    }
    if (d < 1 || d > days_in_month(y, m)) {
        throw cli_error(exit_invalid, prefix + "is not a calendar date: " + month_names[m - 1] + " " +
                                          std::to_string(y) + " has " + std::to_string(days_in_month(y, m)) +
                                          " days");
    }
    if (y < 1900) {
        throw cli_error(exit_invalid, prefix + "is out of range: dates run from 1900-01-01 to 9999-12-31");
    }
    return text;
}

void add_as_of_option(CLI::App *cmd, scope_args &args) {
    cmd->add_option("--as-of", args.as_of, "the day to judge deadlines on, YYYY-MM-DD (default: today in Asia/Shanghai)");
}

void add_scope_options(CLI::App *cmd, scope_args &args) {
    cmd->add_option("--unit,-u", args.unit, "only this unit (被巡察单位; its ID or ref)");
    cmd->add_option("--round,-r", args.round, "only this round (轮次; its ID or ref)");
    cmd->add_option("--inspection,-i", args.inspection, "only this inspection (its ID or ref)");
    cmd->add_option("--leader", args.leader, "only measures of this responsible leader (责任领导)");
}

void add_paging_options(CLI::App *cmd, scope_args &args) {
    cmd->add_option("--limit", args.limit, "at most this many rows (default: all)")->check(CLI::NonNegativeNumber);
    cmd->add_option("--offset", args.offset, "skip this many rows first")->check(CLI::NonNegativeNumber);
}

rectify::warning_options resolve_scope(rectify::db &db, const scope_args &args) {
    rectify::warning_options o;
    // Always explicit, so that what is printed names the day the answer is for.
    o.as_of = args.as_of.empty() ? today_local() : checked_date("--as-of", args.as_of);
    if (!args.unit.empty()) {
        o.unit_id = resolve_id(db, rectify::kind::unit, args.unit);
        must_exist(db, rectify::kind::unit, o.unit_id, args.unit);
    }
    if (!args.round.empty()) {
        o.round_id = resolve_id(db, rectify::kind::round, args.round);
        must_exist(db, rectify::kind::round, o.round_id, args.round);
    }
    if (!args.inspection.empty()) {
        o.inspection_id = resolve_id(db, rectify::kind::inspection, args.inspection);
        must_exist(db, rectify::kind::inspection, o.inspection_id, args.inspection);
    }
    if (!args.leader.empty()) {
        o.leader = args.leader;
    }
    o.offset = args.offset;
    o.limit = args.limit;
    return o;
}

std::string days_left_text(const json::object &row) {
    const auto status = get_string(row, "status");
    if (status == "done" || status == "closed") {
        return "已完成"; // done is done: never overdue, whatever its deadline was
    }
    const auto left = get_int(row, "days_left");
    if (!left) {
        return std::string(none_mark);
    }
    if (*left < 0) {
        return "逾期" + std::to_string(-*left) + "天";
    }
    if (*left == 0) {
        return "今日到期";
    }
    return "剩" + std::to_string(*left) + "天";
}

void print_measure_rows(std::ostream &out, const json::array &rows, bool full_text) {
    using align = table::align;
    table t({{"预警", align::left},
             {"编号", align::right},
             {"整改措施", align::left, full_text ? 0u : 40u},
             {"责任领导", align::left, full_text ? 0u : 10u},
             {"责任人", align::left, full_text ? 0u : 10u},
             {"整改时限", align::left},
             {"剩余", align::left},
             {"状态", align::left},
             {"备注", align::left}});
    for (const json::value &v : rows) {
        if (!v.is_object()) {
            continue;
        }
        const json::object &o = v.as_object();
        std::string notes;
        auto flag = [&](std::string_view key, const char *label) {
            const json::value *f = o.if_contains(key);
            if (f != nullptr && f->is_bool() && f->as_bool()) {
                notes += notes.empty() ? "" : "，";
                notes += label;
            }
        };
        flag("extended", "已延期");
        flag("followup_missed", "跟踪未按期");
        if (auto stage = get_int(o, "stage"); stage && *stage > 1 && get_string(o, "light") == "yellow") {
            notes += notes.empty() ? "" : "，";
            notes += "预警第" + std::to_string(*stage) + "级";
        }
        t.add_row({light_label(get_string(o, "light").value_or("?")), int_or_none(o, "id"), text_or_none(o, "title"),
                   text_or_none(o, "leader"), text_or_none(o, "person"), text_or_none(o, "deadline"),
                   days_left_text(o), status_label(get_string(o, "status").value_or("")),
                   notes.empty() ? std::string(none_mark) : notes});
    }
    t.print(out);
}

} // namespace rectify_cli
