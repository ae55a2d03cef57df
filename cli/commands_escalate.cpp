// cli/commands_escalate.cpp: `rectify escalate` records one 督办 document against an issue or a
// measure (督办通知书 → 阶段督查指导书 → 提醒书 → 告诫书 → 问责书); `rectify escalations` lists
// the open ones.
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
#include <optional>
#include <string_view>

namespace rectify_cli {

namespace {

struct escalate_args {
    std::string kind;
    std::string id;
    std::string level;
    std::string date;
    std::string to;
    std::string new_deadline;
    std::string note;
};

struct escalations_args {
    scope_args scope;
    bool full = false;
};

rectify::escalation_level parse_level(const std::string &word) {
    static const std::pair<const char *, rectify::escalation_level> names[] = {
        {"notice", rectify::escalation_level::notice},
        {"guidance", rectify::escalation_level::guidance},
        {"reminder", rectify::escalation_level::reminder},
        {"warning", rectify::escalation_level::warning},
        {"accountability", rectify::escalation_level::accountability}};
    if (const auto code = choice_code(escalation_choices(), word)) {
        for (const auto &[name, level] : names) {
            if (*code == name) {
                return level;
            }
        }
    }
    throw cli_error(exit_usage, "--level: " + choice_error(escalation_choices(), word));
}

std::string level_name(rectify::escalation_level level) {
    switch (level) {
    case rectify::escalation_level::notice:
        return "notice";
    case rectify::escalation_level::guidance:
        return "guidance";
    case rectify::escalation_level::reminder:
        return "reminder";
    case rectify::escalation_level::warning:
        return "warning";
    default:
        return "accountability";
    }
}

std::string target_text(const json::object &e) {
    const std::string kind = get_string(e, "target_kind").value_or("?");
    const std::string word = kind == "issue" ? "问题" : kind == "measure" ? "措施" : kind;
    return word + " " + int_or_none(e, "target_id");
}

void print_escalations(std::ostream &out, const json::array &rows, bool full) {
    using align = table::align;
    table t({{"编号", align::right},
             {"对象", align::left},
             {"文书", align::left},
             {"签发日期", align::left},
             {"签发人", align::left},
             {"发往", align::left, full ? 0u : 20u},
             {"新时限", align::left},
             {"备注", align::left, full ? 0u : 24u}});
    for (const json::value &v : rows) {
        const json::object &e = v.as_object();
        t.add_row({int_or_none(e, "id"), target_text(e), text_or_none(e, "document"), text_or_none(e, "issued_on"),
                   text_or_none(e, "issued_by"), text_or_none(e, "issued_to"), text_or_none(e, "new_deadline"),
                   text_or_none(e, "note")});
    }
    t.print(out);
    out << "共 " << t.size() << " 条\n";
}

} // namespace

void add_escalate_commands(CLI::App &app, context &ctx) {
    CLI::App *cmd = app.add_subcommand(
        "escalate", "Record a 督办 document against an issue or a measure: 督办通知书 → 阶段督查指导书 → 提醒书 → "
                    "告诫书 → 问责书, never stepping back; --new-deadline moves a measure's deadline. Admin, "
                    "inspector or supervisor.");
    auto a = std::make_shared<escalate_args>();
    cmd->add_option("KIND", a->kind, "issue or measure")->required()->check(CLI::IsMember({"issue", "measure"}));
    cmd->add_option("ID", a->id, "the issue or measure (its ID or ref)")->required();
    add_choice_option(cmd, "--level", a->level, escalation_choices(), " (the name or the document)")->required();
    cmd->add_option("--date", a->date, "the day it is issued, YYYY-MM-DD")->required();
    cmd->add_option("--to", a->to, "whom it goes to (市妇联党组)")->required();
    CLI::Option *deadline = cmd->add_option("--new-deadline", a->new_deadline, "the new deadline it sets, YYYY-MM-DD");
    CLI::Option *note = cmd->add_option("--note", a->note, "a note (督办要求)");
    cmd->callback([&ctx, a, deadline, note] {
        ctx.action = [&ctx, a, deadline, note] {
            const rectify::kind k = parse_kind(a->kind);
            const rectify::escalation_level level = parse_level(a->level);
            const std::string date = checked_date("--date", a->date);
            std::optional<std::string> new_deadline;
            if (deadline->count() > 0) {
                new_deadline = checked_date("--new-deadline", a->new_deadline);
            }
            rectify::db db = ctx.open(open_mode::write);
            const std::int64_t target = resolve_id(db, k, a->id);
            std::optional<std::string_view> note_text;
            if (note->count() > 0) {
                note_text = a->note;
            }
            const std::string document = escalation_label(level_name(level));
            const std::int64_t id = doing("issuing a " + document + " on " + a->kind + " " + a->id, [&] {
                return db.escalate(k, target, level, date, a->to,
                                   new_deadline ? std::optional<std::string_view>(*new_deadline) : std::nullopt,
                                   note_text);
            });
            if (ctx.json) {
                json::object out;
                out["id"] = id;
                out["target_kind"] = a->kind;
                out["target_id"] = target;
                out["level"] = level_name(level);
                out["document"] = document;
                out["issued_on"] = date;
                out["issued_to"] = a->to;
                out["new_deadline"] = new_deadline ? json::value(*new_deadline) : json::value(nullptr);
                std::cout << json::serialize(out) << '\n';
            } else {
                std::cout << "escalation " << id << ": " << document << " (" << level_name(level) << ") on " << a->kind
                          << ' ' << target << ", issued " << date << " to " << a->to;
                if (new_deadline) {
                    std::cout << ", new deadline " << *new_deadline;
                }
                std::cout << '\n';
            }
            return exit_ok;
        };
    });

    CLI::App *list = app.add_subcommand(
        "escalations", "List the open escalations (督办): those whose issue or measure is not done or closed, oldest "
                       "first");
    auto la = std::make_shared<escalations_args>();
    add_scope_options(list, la->scope);
    list->add_flag("--full", la->full, "do not shorten long texts in the table");
    list->callback([&ctx, la] {
        ctx.action = [&ctx, la] {
            rectify::db db = ctx.open(open_mode::read);
            const rectify::warning_options opts = resolve_scope(db, la->scope);
            const std::string text = doing("listing open escalations", [&] { return db.escalations_open(opts); });
            if (ctx.json) {
                std::cout << with_final_newline(text);
            } else {
                print_escalations(std::cout, parse_json_array(text, "the escalations"), la->full);
            }
            return exit_ok;
        };
    });
}

} // namespace rectify_cli
