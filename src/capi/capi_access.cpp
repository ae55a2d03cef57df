// rectify/access.h: users and grants.
#include "capi/guard.hpp"

using namespace rectify;
using capi::guarded;

namespace {

core::Grant grant_arg(int role, int scope, int64_t scope_id) {
    if (role < RECTIFY_ROLE_ADMIN || role > RECTIFY_ROLE_PUBLIC)
        capi::bad_argument("role " + std::to_string(role) + " is not a RECTIFY_ROLE_* value");
    if (scope < RECTIFY_SCOPE_ALL || scope > RECTIFY_SCOPE_UNIT)
        capi::bad_argument("scope " + std::to_string(scope) + " is not a RECTIFY_SCOPE_* value");
    if (scope == RECTIFY_SCOPE_ALL && scope_id != 0) capi::bad_argument("scope_id must be 0 with RECTIFY_SCOPE_ALL");
    if (scope != RECTIFY_SCOPE_ALL && scope_id <= 0)
        capi::bad_argument("scope_id must be the positive id of the round or unit, got " + std::to_string(scope_id));
    return core::Grant{static_cast<core::Role>(role), static_cast<core::ScopeKind>(scope), scope_id};
}

} // namespace

static_assert(static_cast<int>(core::Role::public_) == RECTIFY_ROLE_PUBLIC);
static_assert(static_cast<int>(core::ScopeKind::unit) == RECTIFY_SCOPE_UNIT);

extern "C" {

int rectify_role_from_name(int *out_role, const char *name) {
    if (out_role) *out_role = 0;
    return guarded([&] {
        capi::require(out_role, "out_role");
        capi::require(name, "name");
        auto r = core::parse_role(name);
        if (!r) capi::bad_argument(std::string("role '") + name + "' is unknown (expected one of: " +
                                   std::string(core::all_names(core::Role{})) + ")");
        *out_role = static_cast<int>(*r);
    });
}

const char *rectify_role_name(int role) {
    if (role < RECTIFY_ROLE_ADMIN || role > RECTIFY_ROLE_PUBLIC) return nullptr;
    return core::name(static_cast<core::Role>(role)).data();
}

int rectify_user_add(rectify_db *db, const char *name, const char *display_name) {
    return guarded([&] {
        auto &svc = capi::service_of(db);
        capi::require(name, "name");
        svc.add_user(name, display_name ? std::optional<std::string_view>(display_name) : std::nullopt);
    });
}

int rectify_user_grant(rectify_db *db, const char *name, int role, int scope, int64_t scope_id) {
    return guarded([&] {
        auto &svc = capi::service_of(db);
        capi::require(name, "name");
        svc.grant(name, grant_arg(role, scope, scope_id));
    });
}

int rectify_user_revoke(rectify_db *db, const char *name, int role, int scope, int64_t scope_id) {
    return guarded([&] {
        auto &svc = capi::service_of(db);
        capi::require(name, "name");
        svc.revoke(name, grant_arg(role, scope, scope_id));
    });
}

int rectify_user_list(char **out_json, rectify_db *db) {
    if (out_json) *out_json = nullptr;
    return guarded([&] {
        capi::require(out_json, "out_json");
        *out_json = capi::copy_out(capi::service_of(db).users_json());
    });
}

} // extern "C"
