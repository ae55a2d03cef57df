#include "core/access.hpp"

#include <doctest/doctest.h>

using namespace rectify::core;

TEST_CASE("a grant covers its own scope and nothing else") {
    const std::vector<Grant> liaison{{Role::liaison, ScopeKind::unit, 3}};
    CHECK(permits(liaison, Permission::add_progress, {3, 1}));
    CHECK_FALSE(permits(liaison, Permission::add_progress, {4, 1}));
    CHECK_FALSE(permits(liaison, Permission::close_out, {3, 1}));
    CHECK_FALSE(permits(liaison, Permission::read, {std::nullopt, 1})); // a round record, not its unit

    const std::vector<Grant> inspector{{Role::inspector, ScopeKind::round, 7}};
    CHECK(permits(inspector, Permission::import, {9, 7}));
    CHECK_FALSE(permits(inspector, Permission::import, {9, 8}));
    CHECK_FALSE(permits(inspector, Permission::import, {}));  // a new unit in no round
}

TEST_CASE("users and backups need a grant on the whole database") {
    CHECK_FALSE(permits({{Role::admin, ScopeKind::unit, 3}}, Permission::manage_users, {3, std::nullopt}));
    CHECK(permits({{Role::admin, ScopeKind::all, 0}}, Permission::manage_users, {}));
    CHECK_FALSE(permits({{Role::auditor, ScopeKind::round, 2}}, Permission::backup, {std::nullopt, 2}));
    CHECK(permits({{Role::auditor, ScopeKind::all, 0}}, Permission::backup, {}));
}

TEST_CASE("only supervisors and admins close out, the public reads public notices only") {
    for (Role r : {Role::admin, Role::inspector, Role::liaison, Role::owner, Role::supervisor, Role::auditor, Role::public_}) {
        CAPTURE(name(r));
        CHECK(role_has(r, Permission::close_out) == (r == Role::admin || r == Role::supervisor));
        CHECK(role_has(r, Permission::read) == (r != Role::public_));
        CHECK(role_has(r, Permission::read_public));
    }
}

TEST_CASE("leads are read by the inspection body and those it hands them to, not by the inspected unit") {
    for (Role r : {Role::admin, Role::inspector, Role::liaison, Role::owner, Role::supervisor, Role::auditor, Role::public_}) {
        CAPTURE(name(r));
        CHECK(role_has(r, Permission::read_leads) ==
              (r == Role::admin || r == Role::inspector || r == Role::supervisor || r == Role::auditor));
        // The audit log holds the leads' events: whoever reads it must read leads too.
        if (role_has(r, Permission::read_audit)) CHECK(role_has(r, Permission::read_leads));
    }
    CHECK(name(Permission::read_leads) == "read_leads");
    CHECK_FALSE(permits({{Role::liaison, ScopeKind::unit, 3}}, Permission::read_leads, {3, 1}));
    CHECK(permits({{Role::supervisor, ScopeKind::unit, 3}}, Permission::read_leads, {3, 1}));
    CHECK_FALSE(permits({{Role::supervisor, ScopeKind::unit, 3}}, Permission::read_leads, {4, 1}));
}

TEST_CASE("visibility collects the scopes where a permission holds") {
    auto v = visible_with({{Role::liaison, ScopeKind::unit, 3}, {Role::inspector, ScopeKind::round, 2},
                           {Role::public_, ScopeKind::all, 0}},
                          Permission::read);
    CHECK_FALSE(v.everything); // the public grant does not read records
    CHECK(v.unit_ids == std::vector<std::int64_t>{3});
    CHECK(v.round_ids == std::vector<std::int64_t>{2});
    CHECK(describe({{Role::liaison, ScopeKind::unit, 3}}) == "liaison on unit 3");
}
