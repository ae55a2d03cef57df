// The operations of rectify. Each change runs in one transaction, names its actor, appends an
// audit event per record it touches and raises that record's version; a change that fails leaves
// the database exactly as it was.
#pragma once

#include "core/access.hpp"
#include "core/enums.hpp"
#include "io/notice.hpp"
#include "service/access_control.hpp"
#include "store/store.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace rectify::service {

struct ImportResult {
    std::int64_t inspection_id = 0;
    std::string summary_json; // {"inspection_id", "created": {kind: n}, "updated": …, "unchanged": …}
};

class Service {
public:
    Service(const std::string &path, const store::OpenOptions &options, std::optional<std::string> actor);

    void set_actor(std::optional<std::string> actor);
    int schema_version() const { return store_.schema_version(); }

    ImportResult import_json(std::string_view json);
    std::string export_json(std::int64_t inspection_id);

    std::string record_json(core::Kind kind, std::int64_t id);
    std::int64_t find(core::Kind kind, const std::string &ref);
    std::string list_json(core::Kind kind, const store::ListFilter &filter);

    // Returns the record's new version.
    std::int64_t set_status(core::Kind kind, std::int64_t id, core::Status status, std::int64_t expect_version);
    // Returns the new progress record's id. author empty → the actor.
    std::int64_t add_progress(std::int64_t measure_id, std::string_view date, std::string_view text,
                              std::optional<std::string_view> author);

    std::string render_notice(std::int64_t inspection_id, io::Audience audience);

    // Users and grants (service_users.cpp).
    void add_user(std::string_view name, std::optional<std::string_view> display_name);
    void grant(std::string_view user, const core::Grant &g);
    void revoke(std::string_view user, const core::Grant &g);
    std::string users_json();

    // The audit log (service_audit.cpp). kind empty: every event.
    std::string audit_log_json(const std::string &kind, std::int64_t record_id, std::int64_t offset, std::int64_t limit);
    struct Verification {
        bool intact = true;
        std::string report_json;
        std::string problem; // the first broken link, when not intact
    };
    Verification verify_audit();
    void backup(const std::string &dest_path);

    // The store behind the operations, for tests that watch what reaches SQLite.
    store::Store &store() { return store_; }

private:
    const std::string &require_actor() const;
    static std::optional<std::string> checked_actor(std::optional<std::string> actor);
    // A database with no users makes the first actor who opens it read-write its administrator.
    void bootstrap_admin();
    void require(core::Permission p, const core::RecordScope &where, const std::string &what) {
        access_.require(actor_, p, where, what);
    }

    // The actor is checked before the file is opened, so a refused open never creates a file.
    std::optional<std::string> actor_;
    store::Store store_;
    AccessControl access_{store_};
};

} // namespace rectify::service
