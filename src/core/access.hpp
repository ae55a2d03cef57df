// Who may do what: roles, the scopes they are granted on, the permissions each role carries,
// and the one decision every operation asks for. Pure rules; the grants come from the store.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rectify::core {

// Numeric values are the RECTIFY_ROLE_* of the C API.
enum class Role {
    admin = 1,  // 巡察办: everything in scope; on the whole database, also users and grants
    inspector,  // 巡察组: reads and imports the issues it feeds back
    liaison,    // 被巡察单位整改联络员: reads its unit, reports progress, moves statuses
    owner,      // 责任人: reads its unit, reports progress on its own measures
    supervisor, // 纪委监委 / 组织部: reads everything in scope, closes out and reopens
    auditor,    // reads everything in scope and the audit log
    public_,    // the public: public notices only
};

enum class ScopeKind { all = 1, round, unit };

// Appended only: the values are stable across versions.
enum class Permission {
    read,           // records, exports, internal notices
    read_public,    // public notices
    import,         // create and update inspections from documents
    change_status,  // move issues and measures, short of closing out
    close_out,      // 销号, and reopening what was closed
    add_progress,   // on any measure in scope
    add_own_progress, // on measures whose responsible person is the actor
    read_audit,     // the audit log and its verification
    backup,
    manage_users,   // users and grants (needs a grant on the whole database)
    configure,      // the database's calendar and rule profiles (whole database)
    request_extension, // ask for a later deadline on a measure in scope
    decide_extension,  // approve or refuse such a request
    escalate,       // issue 督办 documents
    read_leads,     // 问题线索 and their disposition: the inspection body and those it hands them to
};

struct Grant {
    Role role;
    ScopeKind scope;
    std::int64_t scope_id = 0; // round or unit id; 0 for the whole database
};

// Where a record sits: the unit and round of its inspection (absent for a round or unit record,
// or an inspection not yet created).
struct RecordScope {
    std::optional<std::int64_t> unit_id;
    std::optional<std::int64_t> round_id;
};

std::string_view name(Role r);
std::string_view label(Role r);
std::optional<Role> parse_role(std::string_view name);
std::string_view all_names(Role);
std::string_view name(ScopeKind s);
std::string_view name(Permission p);

bool role_has(Role role, Permission p);

// Permissions about the database as a whole (users, backups): only a grant on all of it carries them.
bool needs_whole_database(Permission p);

// True when some grant carries the permission and covers the scope.
bool permits(const std::vector<Grant> &grants, Permission p, const RecordScope &where);

// The scopes (units, rounds) where grants carry p: what a filtered list may show.
struct Visibility {
    bool everything = false;
    std::vector<std::int64_t> unit_ids;
    std::vector<std::int64_t> round_ids;
};
Visibility visible_with(const std::vector<Grant> &grants, Permission p);

// "liaison on unit 3, supervisor on the whole database", for denial messages.
std::string describe(const std::vector<Grant> &grants);

} // namespace rectify::core
