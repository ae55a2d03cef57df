#include "core/access.hpp"

#include <algorithm>
#include <initializer_list>

namespace rectify::core {

namespace {

struct RoleEntry {
    Role role;
    std::string_view name;
    std::string_view label;
    std::initializer_list<Permission> permissions;
};

using P = Permission;
const RoleEntry kRoles[] = {
    {Role::admin, "admin", "巡察办",
     {P::read, P::read_public, P::import, P::change_status, P::close_out, P::add_progress, P::add_own_progress,
      P::read_audit, P::backup, P::manage_users, P::configure, P::request_extension, P::decide_extension, P::escalate, P::read_leads}},
    {Role::inspector, "inspector", "巡察组", {P::read, P::read_public, P::import, P::escalate, P::read_leads}},
    {Role::liaison, "liaison", "整改联络员",
     {P::read, P::read_public, P::change_status, P::add_progress, P::add_own_progress, P::request_extension}},
    {Role::owner, "owner", "责任人", {P::read, P::read_public, P::add_own_progress}},
    {Role::supervisor, "supervisor", "纪委监委/组织部", {P::read, P::read_public, P::close_out, P::decide_extension, P::escalate, P::read_leads}},
    {Role::auditor, "auditor", "审计", {P::read, P::read_public, P::read_audit, P::backup, P::read_leads}},
    {Role::public_, "public", "社会公众", {P::read_public}},
};

const RoleEntry &entry(Role r) {
    for (const auto &e : kRoles)
        if (e.role == r) return e;
    return kRoles[0];
}

bool covers(const Grant &g, const RecordScope &where) {
    switch (g.scope) {
    case ScopeKind::all: return true;
    case ScopeKind::round: return where.round_id && *where.round_id == g.scope_id;
    case ScopeKind::unit: return where.unit_id && *where.unit_id == g.scope_id;
    }
    return false;
}

} // namespace

bool needs_whole_database(Permission p) { return p == P::manage_users || p == P::backup || p == P::configure; }

std::string_view name(Role r) { return entry(r).name; }
std::string_view label(Role r) { return entry(r).label; }

std::optional<Role> parse_role(std::string_view n) {
    for (const auto &e : kRoles)
        if (e.name == n) return e.role;
    return std::nullopt;
}

std::string_view all_names(Role) { return "admin, inspector, liaison, owner, supervisor, auditor, public"; }

std::string_view name(ScopeKind s) {
    switch (s) {
    case ScopeKind::all: return "all";
    case ScopeKind::round: return "round";
    case ScopeKind::unit: return "unit";
    }
    return "?";
}

std::string_view name(Permission p) {
    switch (p) {
    case P::read: return "read";
    case P::read_public: return "read_public";
    case P::import: return "import";
    case P::change_status: return "change_status";
    case P::close_out: return "close_out";
    case P::add_progress: return "add_progress";
    case P::add_own_progress: return "add_own_progress";
    case P::read_audit: return "read_audit";
    case P::backup: return "backup";
    case P::manage_users: return "manage_users";
    case P::configure: return "configure";
    case P::request_extension: return "request_extension";
    case P::decide_extension: return "decide_extension";
    case P::escalate: return "escalate";
    case P::read_leads: return "read_leads";
    }
    return "?";
}

bool role_has(Role role, Permission p) {
    const auto &perms = entry(role).permissions;
    return std::find(perms.begin(), perms.end(), p) != perms.end();
}

bool permits(const std::vector<Grant> &grants, Permission p, const RecordScope &where) {
    for (const auto &g : grants) {
        if (!role_has(g.role, p)) continue;
        if (needs_whole_database(p) ? g.scope == ScopeKind::all : covers(g, where)) return true;
    }
    return false;
}

Visibility visible_with(const std::vector<Grant> &grants, Permission p) {
    Visibility v;
    for (const auto &g : grants) {
        if (!role_has(g.role, p)) continue;
        if (g.scope == ScopeKind::all) v.everything = true;
        else if (g.scope == ScopeKind::unit) v.unit_ids.push_back(g.scope_id);
        else v.round_ids.push_back(g.scope_id);
    }
    return v;
}

std::string describe(const std::vector<Grant> &grants) {
    if (grants.empty()) return "no roles";
    std::string out;
    for (const auto &g : grants) {
        if (!out.empty()) out += ", ";
        out += std::string(name(g.role)) + " on ";
        out += g.scope == ScopeKind::all ? std::string("the whole database")
                                         : std::string(name(g.scope)) + " " + std::to_string(g.scope_id);
    }
    return out;
}

} // namespace rectify::core
