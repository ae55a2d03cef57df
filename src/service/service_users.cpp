// Users and grants: who may act on the database, and where.
#include "service/service.hpp"
#include "service/optional_text.hpp"

#include "core/date.hpp"
#include "io/json_text.hpp"
#include "service/audit.hpp"
#include "service/transactions.hpp"

#include <boost/json.hpp>

namespace rectify::service {

namespace {

using core::Errc;
using core::Error;

boost::json::object grant_json(const core::Grant &g) {
    boost::json::object o;
    auto role = core::name(g.role), scope = core::name(g.scope);
    o["role"] = boost::json::string_view(role.data(), role.size());
    o["scope"] = boost::json::string_view(scope.data(), scope.size());
    if (g.scope == core::ScopeKind::all) o["scope_id"] = nullptr;
    else o["scope_id"] = g.scope_id;
    return o;
}

void check_user_name(std::string_view what, std::string_view name) {
    check_text(what, name);
    if (is_blank(name)) throw Error(Errc::argument, std::string(what) + ": must not be empty");
    if (name.size() > 200) throw Error(Errc::argument, std::string(what) + ": longer than 200 bytes");
    for (unsigned char c : name)
        if (c < 0x20 || c == 0x7F) throw Error(Errc::argument, std::string(what) + ": must not contain control characters");
}

// How many grants give admin on the whole database.
std::size_t whole_database_admins(store::Store &store) {
    std::size_t n = 0;
    for (const auto &g : store.grants())
        if (g.grant.role == core::Role::admin && g.grant.scope == core::ScopeKind::all) ++n;
    return n;
}

} // namespace

void Service::bootstrap_admin() {
    if (!actor_ || store_.read_only() || store_.count_users() > 0) return;
    WriteTransaction tx(store_);
    if (store_.count_users() > 0) return; // another connection got there first
    const std::string now = core::utc_timestamp_now();
    store::UserRow u;
    u.name = *actor_;
    u.created_at = now;
    u.created_by = *actor_;
    store_.insert_user(u);
    const core::Grant admin{core::Role::admin, core::ScopeKind::all, 0};
    store_.insert_grant(u.id, admin, now, *actor_);
    audit(store_, *actor_, now, "bootstrap", "grant", u.id, std::nullopt, io::to_compact_json(grant_json(admin)));
    tx.commit();
}

void Service::add_user(std::string_view name, std::optional<std::string_view> display_name) {
    const std::string &actor = require_actor();
    check_user_name("name", name);
    if (display_name) check_text("display_name", *display_name);
    WriteTransaction tx(store_);
    require(core::Permission::manage_users, {}, "adding user '" + std::string(name) + "'");
    if (store_.user(std::string(name))) throw Error(Errc::duplicate, "name: user '" + std::string(name) + "' exists already");
    store::UserRow u;
    u.name = std::string(name);
    u.display_name = given_text(display_name);
    u.created_at = core::utc_timestamp_now();
    u.created_by = actor;
    store_.insert_user(u);
    boost::json::object image;
    image["name"] = u.name;
    image["display_name"] = u.display_name ? boost::json::value(*u.display_name) : boost::json::value(nullptr);
    audit(store_, actor, u.created_at, "create", "user", u.id, std::nullopt, io::to_compact_json(image));
    tx.commit();
}

namespace {

store::UserRow existing_user(store::Store &store, std::string_view name) {
    auto u = store.user(std::string(name));
    if (!u) throw Error(Errc::not_found, "no user named '" + std::string(name) + "'");
    return *u;
}

void check_scope_exists(store::Store &store, const core::Grant &g) {
    if (g.scope == core::ScopeKind::all) {
        if (g.scope_id != 0) throw Error(Errc::argument, "scope_id: must be 0 for a grant on the whole database");
        return;
    }
    const bool exists = g.scope == core::ScopeKind::unit ? store.get<core::Unit>(g.scope_id).has_value()
                                                         : store.get<core::Round>(g.scope_id).has_value();
    if (!exists)
        throw Error(Errc::not_found, "no " + std::string(core::name(g.scope)) + " " + std::to_string(g.scope_id) + " to grant on");
}

} // namespace

void Service::grant(std::string_view user, const core::Grant &g) {
    const std::string &actor = require_actor();
    check_user_name("user", user);
    WriteTransaction tx(store_);
    require(core::Permission::manage_users, {}, "granting " + std::string(core::name(g.role)) + " to '" + std::string(user) + "'");
    auto u = existing_user(store_, user);
    check_scope_exists(store_, g);
    const std::string now = core::utc_timestamp_now();
    if (!store_.insert_grant(u.id, g, now, actor)) return; // held already: nothing to record
    audit(store_, actor, now, "grant", "grant", u.id, std::nullopt, io::to_compact_json(grant_json(g)));
    tx.commit();
}

void Service::revoke(std::string_view user, const core::Grant &g) {
    const std::string &actor = require_actor();
    check_user_name("user", user);
    WriteTransaction tx(store_);
    require(core::Permission::manage_users, {}, "revoking " + std::string(core::name(g.role)) + " from '" + std::string(user) + "'");
    auto u = existing_user(store_, user);
    const bool last_admin = g.role == core::Role::admin && g.scope == core::ScopeKind::all && whole_database_admins(store_) == 1;
    if (!store_.delete_grant(u.id, g))
        throw Error(Errc::not_found, "'" + std::string(user) + "' does not hold " + std::string(core::name(g.role)) + " on that scope");
    if (last_admin) throw Error(Errc::misuse, "the database must keep an admin on the whole database; grant another first");
    audit(store_, actor, core::utc_timestamp_now(), "revoke", "grant", u.id, io::to_compact_json(grant_json(g)), std::nullopt);
    tx.commit();
}

std::string Service::users_json() {
    ReadTransaction snapshot(store_);
    require(core::Permission::manage_users, {}, "listing users");
    auto grants = store_.grants();
    boost::json::array out;
    for (const auto &u : store_.users()) {
        boost::json::object o;
        o["name"] = u.name;
        o["display_name"] = u.display_name ? boost::json::value(*u.display_name) : boost::json::value(nullptr);
        o["created_at"] = u.created_at;
        o["created_by"] = u.created_by;
        boost::json::array gs;
        for (const auto &g : grants)
            if (g.user == u.name) gs.push_back(grant_json(g.grant));
        o["grants"] = std::move(gs);
        out.push_back(std::move(o));
    }
    return io::to_compact_json(out);
}

} // namespace rectify::service
