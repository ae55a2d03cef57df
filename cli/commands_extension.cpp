// cli/commands_extension.cpp: `rectify extension request|approve|refuse|list` (申请延期): a new
// deadline asked for with a reason, decided by someone else (admin or supervisor); both dates stay.
#include "context.hpp"
#include "deadline_options.hpp"
#include "errors.hpp"
#include "json.hpp"
#include "labels.hpp"
#include "output.hpp"

#include <CLI/CLI.hpp>

#include <charconv>
#include <iostream>
#include <memory>
#include <optional>
#include <string_view>

namespace rectify_cli {

namespace {

struct extension_args {
    std::string measure;
    std::string to;
    std::string reason;
    std::string id;
    std::string note;
    bool pending = false;
    bool full = false;
};

std::int64_t parse_extension_id(const std::string &text) {
    std::int64_t id = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || id <= 0) {
        throw cli_error(exit_usage, "extension ID '" + text + "' is not a positive number (see: rectify extension list)");
    }
    return id;
}

/** The request with this id, as the library lists it; "not found" if the actor cannot see it. */
json::object find_extension(rectify::db &db, std::int64_t measure_id, std::int64_t id) {
    const std::string what = "listing extensions";
    const json::array all = parse_json_array(doing(what, [&] { return db.extension_list(measure_id); }), what);
    for (const json::value &v : all) {
        if (v.is_object() && get_int(v.as_object(), "id") == id) {
            return v.as_object();
        }
    }
    throw cli_error(exit_not_found, "no extension " + std::to_string(id));
}

std::string state_text(const json::object &e) {
    const std::string state = get_string(e, "state").value_or("?");
    return state + "（" + extension_state_label(state) + "）";
}

void print_extensions(std::ostream &out, const json::array &rows, bool full) {
    using align = table::align;
    table t({{"编号", align::right},
             {"措施", align::right},
             {"原时限", align::left},
             {"申请时限", align::left},
             {"理由", align::left, full ? 0u : 30u},
             {"申请人", align::left},
             {"状态", align::left},
             {"审批人", align::left},
             {"意见", align::left, full ? 0u : 20u}});
    for (const json::value &v : rows) {
        const json::object &e = v.as_object();
        t.add_row({int_or_none(e, "id"), int_or_none(e, "measure_id"), text_or_none(e, "original_deadline"),
                   text_or_none(e, "requested_deadline"), text_or_none(e, "reason"), text_or_none(e, "requested_by"),
                   extension_state_label(get_string(e, "state").value_or("?")), text_or_none(e, "decided_by"),
                   text_or_none(e, "decision_note")});
    }
    t.print(out);
    out << "共 " << t.size() << " 条\n";
}

int decide(context &ctx, const extension_args &args, CLI::Option *note_opt, bool approve) {
    const std::int64_t id = parse_extension_id(args.id);
    rectify::db db = ctx.open(open_mode::write);
    std::optional<std::string_view> note;
    if (note_opt->count() > 0) {
        note = args.note;
    }
    doing(std::string(approve ? "approving" : "refusing") + " extension " + std::to_string(id),
          [&] { db.extension_decide(id, approve, note); });
    const json::object e = find_extension(db, 0, id);
    if (ctx.json) {
        std::cout << json::serialize(e) << '\n';
        return exit_ok;
    }
    const std::string measure = int_or_none(e, "measure_id");
    std::cout << "extension " << id << ' ' << state_text(e) << ": measure " << measure;
    if (approve) {
        std::cout << "'s deadline moves from " << text_or_none(e, "original_deadline") << " to "
                  << text_or_none(e, "requested_deadline") << '\n';
    } else {
        std::cout << " keeps its deadline " << text_or_none(e, "original_deadline") << '\n';
    }
    return exit_ok;
}

} // namespace

void add_extension_command(CLI::App &app, context &ctx) {
    CLI::App *group = app.add_subcommand(
        "extension", "Extensions (申请延期): request a later deadline for a measure; someone else (admin or "
                     "supervisor) approves or refuses it; both dates stay on record");
    group->require_subcommand(1);

    CLI::App *request = group->add_subcommand(
        "request", "Ask for a new deadline for MEASURE (after its current one), with a reason; prints the "
                   "request's id. Liaisons, and owners for their own measures.");
    auto ra = std::make_shared<extension_args>();
    request->add_option("MEASURE", ra->measure, "the measure (its ID or ref)")->required();
    request->add_option("--to", ra->to, "the new deadline asked for, YYYY-MM-DD")->required();
    request->add_option("--reason", ra->reason, "why (延期理由)")->required();
    request->callback([&ctx, ra] {
        ctx.action = [&ctx, ra] {
            const std::string to = checked_date("--to", ra->to);
            rectify::db db = ctx.open(open_mode::write);
            const std::int64_t measure_id = resolve_id(db, rectify::kind::measure, ra->measure);
            const std::int64_t id = doing("requesting an extension of measure " + ra->measure,
                                          [&] { return db.extension_request(measure_id, to, ra->reason); });
            const json::object e = find_extension(db, measure_id, id);
            if (ctx.json) {
                std::cout << json::serialize(e) << '\n';
            } else {
                std::cout << "extension " << id << " requested for measure " << measure_id << ": "
                          << text_or_none(e, "original_deadline") << " -> " << text_or_none(e, "requested_deadline")
                          << ", " << state_text(e) << '\n';
            }
            return exit_ok;
        };
    });

    for (const bool approve : {true, false}) {
        CLI::App *cmd = group->add_subcommand(
            approve ? "approve" : "refuse",
            approve ? "Approve a pending request: the measure's deadline moves to the date asked for. Admin or "
                      "supervisor, and not the one who asked."
                    : "Refuse a pending request: the measure keeps its deadline. Admin or supervisor, and not the "
                      "one who asked.");
        auto a = std::make_shared<extension_args>();
        cmd->add_option("ID", a->id, "the request's id (from extension list)")->required();
        CLI::Option *note = cmd->add_option("--note", a->note, "the decision's note (审批意见)");
        cmd->callback([&ctx, a, note, approve] {
            ctx.action = [&ctx, a, note, approve] { return decide(ctx, *a, note, approve); };
        });
    }

    CLI::App *list = group->add_subcommand("list", "List extension requests with both dates, oldest first");
    auto la = std::make_shared<extension_args>();
    list->add_option("--measure,-m", la->measure, "only this measure's (its ID or ref)");
    list->add_flag("--pending", la->pending, "only those not decided yet");
    list->add_flag("--full", la->full, "do not shorten long reasons in the table");
    list->callback([&ctx, la] {
        ctx.action = [&ctx, la] {
            rectify::db db = ctx.open(open_mode::read);
            std::int64_t measure_id = 0;
            if (!la->measure.empty()) {
                measure_id = resolve_id(db, rectify::kind::measure, la->measure);
                const std::string what = "reading measure " + la->measure;
                doing(what, [&] { return db.record_get(rectify::kind::measure, measure_id); });
            }
            const std::string text =
                doing("listing extensions", [&] { return db.extension_list(measure_id, la->pending); });
            if (ctx.json) {
                std::cout << with_final_newline(text);
            } else {
                print_extensions(std::cout, parse_json_array(text, "the extensions"), la->full);
            }
            return exit_ok;
        };
    });
}

} // namespace rectify_cli
