// Authorisation of every call: the host authenticates and names the actor; this decides what
// that actor may do, from the grants stored in the database. A denial names the permission that
// was missing and where, and is raised before anything is written.
#pragma once

#include "core/access.hpp"
#include "store/store.hpp"

#include <optional>
#include <string>
#include <utility>

namespace rectify::service {

class AccessControl {
public:
    explicit AccessControl(store::Store &store) : store_(store) {}

    // The actor's grants; none for no actor or a name that is not a user.
    std::vector<core::Grant> grants(const std::optional<std::string> &actor);

    // While a Pin lives, grants are read from the database once per actor and kept: for a long
    // run of checks inside one write transaction that changes no user or grant (a batch
    // import checks every document and every close-out it makes).
    class Pin {
    public:
        explicit Pin(AccessControl &ac) : ac_(ac) { ac_.pinned_ = true; }
        ~Pin() {
            ac_.pinned_ = false;
            ac_.kept_.reset();
        }
        Pin(const Pin &) = delete;
        Pin &operator=(const Pin &) = delete;

    private:
        AccessControl &ac_;
    };

    // Throws Errc::denied unless the actor holds p on `where`. `what` says what was attempted.
    void require(const std::optional<std::string> &actor, core::Permission p, const core::RecordScope &where,
                 const std::string &what);

    // Throws Errc::denied unless the actor is a user of the database (whatever its grants).
    void require_user(const std::optional<std::string> &actor, const std::string &what);

    // True when the actor holds p on `where`.
    bool allows(const std::optional<std::string> &actor, core::Permission p, const core::RecordScope &where);

    // Where the actor holds p; throws denied when nowhere.
    core::Visibility visibility(const std::optional<std::string> &actor, core::Permission p, const std::string &what);

    // Reading one record. A unit or round is readable where the actor reads one of its
    // inspections, as lists show them; any other record by the scope of its inspection.
    void require_read(const std::optional<std::string> &actor, core::Kind kind, std::int64_t id, const std::string &what);

    // A read narrowed to an inspection, a unit and/or a round (0: not narrowed) needs p there,
    // as a statistics query does: a count or list the actor may not see is refused, never empty.
    // A unit or round narrows to its own scope, so a grant on a round does not open "all of unit
    // U" and a grant on a unit does not open "all of round R"; both together need either grant.
    // Unknown ids are not_found. `what` is extended with "of round R", "of unit U", "of inspection I".
    void require_scope(const std::optional<std::string> &actor, core::Permission p, std::int64_t inspection_id,
                       std::int64_t unit_id, std::int64_t round_id, const std::string &what);

    // The scope of any record: its inspection's unit and round; a unit or round record is its own.
    core::RecordScope scope_of(core::Kind kind, std::int64_t id);

private:
    [[noreturn]] void deny(const std::optional<std::string> &actor, const std::vector<core::Grant> &grants,
                           core::Permission p, const std::string &what);

    store::Store &store_;
    bool pinned_ = false;
    std::optional<std::pair<std::string, std::vector<core::Grant>>> kept_; // actor, grants
};

} // namespace rectify::service
