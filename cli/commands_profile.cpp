// cli/commands_profile.cpp: `rectify profile add|list|apply`: the rule profiles (规则) whose offsets
// derive an inspection's deadlines from its feedback date (docs/deadlines.md).
#include "context.hpp"
#include "errors.hpp"
#include "json.hpp"
#include "output.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <system_error>

namespace rectify_cli {

namespace {

struct profile_args {
    std::string file;
    std::string inspection;
    std::string name;
};

std::string read_document(const std::string &path) {
    if (path == "-") {
        std::ostringstream buf;
        buf << std::cin.rdbuf();
        return buf.str();
    }
    return read_input_file(path, "the profile");
}

/** "1个月", "15个工作日", "30天" for an offset {"unit", "n"}. */
std::string offset_text(const json::object &profile, std::string_view key) {
    const json::value *v = profile.if_contains(key);
    if (v == nullptr || !v->is_object()) {
        return std::string(none_mark);
    }
    const auto n = get_int(v->as_object(), "n");
    const std::string unit = get_string(v->as_object(), "unit").value_or("");
    if (!n) {
        return std::string(none_mark);
    }
    const std::string count = std::to_string(*n);
    if (unit == "months") {
        return count + "个月";
    }
    if (unit == "workdays") {
        return count + "个工作日";
    }
    if (unit == "days") {
        return count + "天";
    }
    return count + " " + unit;
}

std::string warn_days_text(const json::object &profile) {
    const json::value *v = profile.if_contains("warn_days");
    if (v == nullptr || !v->is_array()) {
        return std::string(none_mark);
    }
    std::string s;
    for (const json::value &d : v->as_array()) {
        s += s.empty() ? "" : "/";
        s += json::serialize(d);
    }
    return s.empty() ? std::string(none_mark) : s + "天";
}

void print_profiles(std::ostream &out, const json::array &profiles) {
    using align = table::align;
    table t({{"名称", align::left},
             {"版本", align::right},
             {"整改方案", align::left},
             {"集中整改", align::left},
             {"整改报告", align::left},
             {"整改评估", align::left},
             {"预警", align::left},
             {"未知日期", align::left},
             {"创建者", align::left},
             {"创建时间", align::left}});
    for (const json::value &v : profiles) {
        const json::object &row = v.as_object();
        json::object profile;
        if (const json::value *p = row.if_contains("profile"); p != nullptr && p->is_object()) {
            profile = p->as_object();
        }
        const std::string unknown = get_string(profile, "unknown_dates").value_or("");
        t.add_row({text_or_none(row, "name"), int_or_none(row, "version"), offset_text(profile, "plan_due"),
                   offset_text(profile, "concentrated"), offset_text(profile, "report_due"),
                   offset_text(profile, "evaluation_after"), warn_days_text(profile),
                   unknown == "weekdays" ? "按周一至周五" : unknown == "fail" ? "报错" : std::string(none_mark),
                   text_or_none(row, "created_by"), text_or_none(row, "created_at")});
    }
    t.print(out);
    out << "共 " << t.size() << " 条\n";
}

} // namespace

void add_profile_command(CLI::App &app, context &ctx) {
    CLI::App *group = app.add_subcommand(
        "profile", "Rule profiles: the offsets that derive an inspection's deadlines from its feedback date");
    group->require_subcommand(1);

    CLI::App *add = group->add_subcommand(
        "add", "Store a rule profile from a JSON file (docs/deadlines.md); a name stored again gets its next "
               "version, and inspections keep the version they were given. Admin on the whole database.");
    auto add_args = std::make_shared<profile_args>();
    add->add_option("FILE", add_args->file, "the profile as JSON; - reads standard input")->required();
    add->callback([&ctx, add_args] {
        ctx.action = [&ctx, add_args] {
            const std::string text = read_document(add_args->file);
            rectify::db db = ctx.open(open_mode::write);
            const std::int64_t version =
                doing("storing the profile in " + add_args->file, [&] { return db.profile_add(text); });
            std::string name;
            boost::system::error_code ec;
            const json::value doc = json::parse(text, ec);
            if (!ec && doc.is_object()) {
                name = get_string(doc.as_object(), "name").value_or("");
            }
            if (ctx.json) {
                json::object out;
                out["name"] = name;
                out["version"] = version;
                std::cout << json::serialize(out) << '\n';
            } else {
                std::cout << "stored rule profile " << name << ", version " << version << '\n';
            }
            return exit_ok;
        };
    });

    CLI::App *list = group->add_subcommand("list", "List every stored profile version, oldest first");
    list->callback([&ctx] {
        ctx.action = [&ctx] {
            rectify::db db = ctx.open(open_mode::read);
            const std::string text = doing("listing rule profiles", [&] { return db.profile_list(); });
            if (ctx.json) {
                std::cout << with_final_newline(text);
            } else {
                print_profiles(std::cout, parse_json_array(text, "the rule profiles"));
            }
            return exit_ok;
        };
    });

    CLI::App *apply = group->add_subcommand(
        "apply", "Give an inspection the latest version of profile NAME and derive its deadlines again from its "
                 "feedback date; prints them. Import rights on the inspection.");
    auto apply_args = std::make_shared<profile_args>();
    apply->add_option("--inspection,-i", apply_args->inspection, "the inspection (its ID or ref)")->required();
    apply->add_option("NAME", apply_args->name, "the profile's name")->required();
    apply->callback([&ctx, apply_args] {
        ctx.action = [&ctx, apply_args] {
            rectify::db db = ctx.open(open_mode::write);
            const std::int64_t id = resolve_id(db, rectify::kind::inspection, apply_args->inspection);
            doing("applying profile '" + apply_args->name + "' to inspection " + apply_args->inspection,
                  [&] { db.apply_profile(id, apply_args->name); });
            const std::string what = "reading inspection " + apply_args->inspection;
            const json::object in =
                parse_json_object(doing(what, [&] { return db.record_get(rectify::kind::inspection, id); }), what);
            static const char *const keys[] = {"plan_due", "concentrated_end", "report_due", "evaluation_due"};
            static const char *const labels[] = {"整改方案", "集中整改期满", "整改报告", "整改评估"};
            if (ctx.json) {
                json::object out;
                out["inspection_id"] = id;
                out["profile"] = apply_args->name;
                out["profile_id"] = in.contains("profile_id") ? in.at("profile_id") : json::value(nullptr);
                out["feedback_date"] = in.contains("feedback_date") ? in.at("feedback_date") : json::value(nullptr);
                for (const char *key : keys) {
                    out[key] = in.contains(key) ? in.at(key) : json::value(nullptr);
                }
                out["provisional"] = in.contains("provisional") ? in.at("provisional") : json::value(false);
                if (in.contains("provisional_years")) {
                    out["provisional_years"] = in.at("provisional_years");
                }
                std::cout << json::serialize(out) << '\n';
            } else {
                std::cout << "inspection " << id << " now follows profile " << apply_args->name << " (feedback "
                          << text_or_none(in, "feedback_date") << "):\n";
                for (std::size_t i = 0; i < 4; ++i) {
                    std::cout << "  " << labels[i] << ' ' << keys[i] << ": " << text_or_none(in, keys[i]) << '\n';
                }
                // Counted on the plain Monday-Friday rule: say so, and for which years.
                if (const json::value *ys = in.if_contains("provisional_years"); ys != nullptr && ys->is_array()) {
                    std::string list;
                    for (const json::value &y : ys->as_array()) {
                        list += (list.empty() ? "" : "、") + json::serialize(y);
                    }
                    std::cerr << "注：" << list << "年节假日安排未载入，相关期限暂按常规工作日计算\n";
                }
            }
            return exit_ok;
        };
    });
}

} // namespace rectify_cli
