// cli/commands_users.cpp: `rectify user add|list`, `rectify grant` and `rectify revoke`: who may do
// what, and where (docs/access.md). All of them need admin on the whole database.
#include "choice_option.hpp"
#include "context.hpp"
#include "errors.hpp"
#include "json.hpp"
#include "labels.hpp"
#include "output.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>

namespace rectify_cli {

namespace {

struct user_add_args {
    std::string name;
    std::string display_name;
};

struct grant_args {
    std::string name;
    std::string role;
    std::string unit;
    std::string round;
};

/** "liaison（整改联络员）". */
std::string role_text(const std::string &role) {
    const std::string label = role_label(role);
    return label == role ? role : role + "（" + label + "）";
}

/**
 * Scope texts as a clerk reads them: 全库, 轮次 <name>, 单位 <name>. Names are read once each;
 * a record that cannot be read (deleted, or not visible to the actor) shows its id.
 */
class scope_names {
public:
    explicit scope_names(rectify::db &db) : db_(db) {}

    std::string text(const std::string &scope, std::optional<std::int64_t> id) {
        if (scope == "all") {
            return "全库";
        }
        const bool unit = scope == "unit";
        const std::string prefix = unit ? "单位 " : scope == "round" ? "轮次 " : scope + " ";
        if (!id) {
            return prefix + std::string(none_mark);
        }
        auto &cache = unit ? units_ : rounds_;
        auto it = cache.find(*id);
        if (it == cache.end()) {
            std::string name = std::to_string(*id);
            try {
                const json::object rec = parse_json_object(
                    db_.record_get(unit ? rectify::kind::unit : rectify::kind::round, *id), "a scope record");
                if (auto n = get_string(rec, "name"); n && !n->empty()) {
                    name = *n;
                }
            } catch (const rectify::error &) {
                // keep the id
            }
            it = cache.emplace(*id, name).first;
        }
        return prefix + it->second;
    }

private:
    rectify::db &db_;
    std::map<std::int64_t, std::string> units_;
    std::map<std::int64_t, std::string> rounds_;
};

/** The scope a grant or revoke names: --unit U, --round R (id or ref) or the whole database. */
struct scope_choice {
    rectify::scope kind = rectify::scope::all;
    std::int64_t id = 0;
};

scope_choice resolve_scope(rectify::db &db, const grant_args &args) {
    scope_choice s;
    if (!args.unit.empty()) {
        s.kind = rectify::scope::unit;
        s.id = resolve_id(db, rectify::kind::unit, args.unit);
    } else if (!args.round.empty()) {
        s.kind = rectify::scope::round;
        s.id = resolve_id(db, rectify::kind::round, args.round);
    }
    return s;
}

std::string scope_word(rectify::scope s) {
    switch (s) {
    case rectify::scope::unit:
        return "unit";
    case rectify::scope::round:
        return "round";
    default:
        return "all";
    }
}

void add_grant_options(CLI::App *cmd, grant_args &args) {
    cmd->add_option("NAME", args.name, "the user")->required();
    add_choice_option(cmd, "ROLE", args.role, role_choices())->required();
    CLI::Option *unit = cmd->add_option("--unit", args.unit, "on this unit only (its ID or ref)");
    CLI::Option *round = cmd->add_option("--round", args.round, "on this round only (its ID or ref)");
    unit->excludes(round);
    round->excludes(unit);
}

/** Runs grant (granting) or revoke (!granting) and prints what was done. */
int grant_or_revoke(context &ctx, const grant_args &args, bool granting) {
    const rectify::role role = parse_role(args.role);
    const std::string role_name(rectify::role_name(role));
    rectify::db db = ctx.open(open_mode::write);
    const scope_choice scope = resolve_scope(db, args);
    const std::string verb = granting ? "granting " : "revoking ";
    doing(verb + role_name + (granting ? " to '" : " from '") + args.name + "'", [&] {
        if (granting) {
            db.user_grant(args.name, role, scope.kind, scope.id);
        } else {
            db.user_revoke(args.name, role, scope.kind, scope.id);
        }
    });
    if (ctx.json) {
        json::object out;
        out["user"] = args.name;
        out["role"] = role_name;
        out["scope"] = scope_word(scope.kind);
        out["scope_id"] = scope.kind == rectify::scope::all ? json::value(nullptr) : json::value(scope.id);
        out[granting ? "granted" : "revoked"] = true;
        std::cout << json::serialize(out) << '\n';
        return exit_ok;
    }
    scope_names names(db);
    const std::string where =
        names.text(scope_word(scope.kind), scope.kind == rectify::scope::all ? std::nullopt : std::optional(scope.id));
    std::cout << (granting ? "granted " : "revoked ") << role_text(role_name) << " on " << where
              << (granting ? " to " : " from ") << args.name << '\n';
    return exit_ok;
}

void print_users_table(std::ostream &out, rectify::db &db, const json::array &users) {
    using align = table::align;
    table t({{"用户", align::left}, {"显示名", align::left}, {"角色", align::left}, {"范围", align::left, 40}});
    scope_names names(db);
    for (const json::value &v : users) {
        const json::object &u = v.as_object();
        const std::string name = text_or_none(u, "name");
        const std::string display = text_or_none(u, "display_name");
        const json::value *grants = u.if_contains("grants");
        if (grants == nullptr || !grants->is_array() || grants->as_array().empty()) {
            t.add_row({name, display, std::string(none_mark), std::string(none_mark)});
            continue;
        }
        for (const json::value &g : grants->as_array()) {
            const json::object &o = g.as_object();
            t.add_row({name, display, role_text(get_string(o, "role").value_or("?")),
                       names.text(get_string(o, "scope").value_or("?"), get_int(o, "scope_id"))});
        }
    }
    t.print(out);
    out << "共 " << t.size() << " 条（" << users.size() << " 个用户）\n";
}

} // namespace

void add_user_commands(CLI::App &app, context &ctx) {
    CLI::App *group = app.add_subcommand("user", "Users of the database: add and list them (admin on the whole database)");
    group->require_subcommand(1);

    CLI::App *add = group->add_subcommand(
        "add", "Add a user: NAME is the name it acts as (--actor); it may do nothing until granted a role");
    auto add_args = std::make_shared<user_add_args>();
    add->add_option("NAME", add_args->name, "the user's name, as given to --actor")->required();
    CLI::Option *display = add->add_option("--display-name", add_args->display_name, "the name shown for it (张三)");
    add->callback([&ctx, add_args, display] {
        ctx.action = [&ctx, add_args, display] {
            rectify::db db = ctx.open(open_mode::write);
            std::optional<std::string_view> display_name;
            if (display->count() > 0) {
                display_name = add_args->display_name;
            }
            doing("adding user '" + add_args->name + "'", [&] { db.user_add(add_args->name, display_name); });
            if (ctx.json) {
                json::object out;
                out["user"] = add_args->name;
                out["display_name"] = display_name ? json::value(add_args->display_name) : json::value(nullptr);
                std::cout << json::serialize(out) << '\n';
            } else {
                std::cout << "user " << add_args->name << " added; grant it a role with: rectify grant "
                          << add_args->name << " ROLE [--unit U | --round R]\n";
            }
            return exit_ok;
        };
    });

    CLI::App *list = group->add_subcommand("list", "List the users and their roles as a table (or JSON with --json)");
    list->callback([&ctx] {
        ctx.action = [&ctx] {
            rectify::db db = ctx.open(open_mode::read);
            const std::string text = doing("listing users", [&] { return db.user_list(); });
            if (ctx.json) {
                std::cout << with_final_newline(text);
                return exit_ok;
            }
            print_users_table(std::cout, db, parse_json_array(text, "the users"));
            return exit_ok;
        };
    });

    CLI::App *grant = app.add_subcommand(
        "grant", "Grant a user a role on the whole database, or with --unit or --round on one unit or round");
    auto grant_a = std::make_shared<grant_args>();
    add_grant_options(grant, *grant_a);
    grant->callback([&ctx, grant_a] { ctx.action = [&ctx, grant_a] { return grant_or_revoke(ctx, *grant_a, true); }; });

    CLI::App *revoke = app.add_subcommand(
        "revoke", "Revoke a role a user holds on the whole database, or with --unit or --round on one unit or round");
    auto revoke_a = std::make_shared<grant_args>();
    add_grant_options(revoke, *revoke_a);
    revoke->callback(
        [&ctx, revoke_a] { ctx.action = [&ctx, revoke_a] { return grant_or_revoke(ctx, *revoke_a, false); }; });
}

} // namespace rectify_cli
