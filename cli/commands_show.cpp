// cli/commands_show.cpp: `rectify show KIND ID`, one record as key: value lines or JSON.
#include "context.hpp"
#include "errors.hpp"
#include "json.hpp"
#include "labels.hpp"
#include "output.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>
#include <memory>

namespace rectify_cli {

namespace {

struct show_args {
    std::string kind;
    std::string id;
};

/** Continuation lines of a multi-line value are indented to the value column. */
std::string indent_lines(const std::string &text, std::size_t indent) {
    std::string out;
    for (char c : text) {
        out += c;
        if (c == '\n') {
            out.append(indent, ' ');
        }
    }
    return out;
}

/** One value as a clerk reads it; key decides the Chinese label added to coded values. */
std::string readable(const std::string &key, const json::value &v, std::size_t indent) {
    if (v.is_null()) {
        return std::string(none_mark);
    }
    if (v.is_bool()) {
        return v.as_bool() ? "yes" : "no";
    }
    if (v.is_string()) {
        const std::string s(v.as_string());
        if (s.empty()) {
            return std::string(none_mark);
        }
        if (key == "status") {
            return s + "（" + status_label(s) + "）";
        }
        if (key == "category") {
            const std::string label = category_label(s);
            return label == s ? s : s + "（" + label + "）";
        }
        if (key == "kind_of_inspection") {
            return s + "（" + inspection_kind_label(s) + "）";
        }
        return indent_lines(s, indent);
    }
    if (v.is_object() && key == "closing") {
        // The notice's closing section: its heading, then one paragraph a line.
        const json::object &o = v.as_object();
        std::string s = get_string(o, "heading").value_or(std::string(none_mark));
        if (const json::value *ps = o.if_contains("paragraphs"); ps != nullptr && ps->is_array()) {
            for (const json::value &p : ps->as_array()) {
                s += "\n" + (p.is_string() ? std::string(p.as_string()) : json::serialize(p));
            }
        }
        return indent_lines(s, indent);
    }
    return json::serialize(v);
}

} // namespace

void add_show_command(CLI::App &app, context &ctx) {
    CLI::App *cmd = app.add_subcommand("show", "Show one record as key: value lines (or JSON with --json)");
    auto args = std::make_shared<show_args>();
    cmd->add_option("KIND", args->kind, "round, unit, inspection, aspect, issue, measure, progress or outcome")
        ->required()
        ->check(CLI::IsMember({"round", "unit", "inspection", "aspect", "issue", "measure", "progress", "outcome"}));
    cmd->add_option("ID", args->id, "the record's id, or its ref")->required();
    cmd->callback([&ctx, args] {
        ctx.action = [&ctx, args] {
            const rectify::kind k = parse_kind(args->kind);
            rectify::db db = ctx.open(open_mode::read);
            const auto id = resolve_id(db, k, args->id);
            const std::string what = "reading " + args->kind + " " + args->id;
            const std::string rec = doing(what, [&] { return db.record_get(k, id); });
            if (ctx.json) {
                std::cout << with_final_newline(rec);
                return exit_ok;
            }
            const json::object o = parse_json_object(rec, what);
            std::size_t key_width = 0;
            for (const auto &kv : o) {
                key_width = std::max(key_width, display_width(kv.key()));
            }
            for (const auto &kv : o) {
                const std::string key(kv.key());
                std::cout << key << ':' << std::string(key_width - display_width(key) + 1, ' ')
                          << readable(key, kv.value(), key_width + 2) << '\n';
            }
            return exit_ok;
        };
    });
}

} // namespace rectify_cli
