// The store: the only place that speaks SQL. It opens (and upgrades) a database file and gives
// typed access to records through the traits in tables.hpp. It knows nothing of actors or rules:
// src/service decides what may be written and wraps every change in a transaction.
#pragma once

#include "core/access.hpp"
#include "core/error.hpp"
#include "core/model.hpp"
#include "store/audit_chain.hpp"
#include "store/tables.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <functional>
#include <memory>
#include <optional>
#include <map>
#include <utility>
#include <string>
#include <unordered_map>
#include <vector>

namespace rectify::store {

struct OpenOptions {
    bool create = true;
    bool read_only = false;
    int busy_timeout_ms = 5000;
};

// Which records a list returns; 0 means "any".
struct ListFilter {
    std::int64_t inspection_id = 0;
    std::int64_t parent_id = 0;
    std::int64_t offset = 0;
    std::int64_t limit = 0;
    // Only records in these units and rounds; nullptr for no restriction.
    const core::Visibility *visible = nullptr;
    // Order by position (seq, then id) only, not by the full display order: enough for a caller
    // that groups the records under their parents (each group is then in display order), and
    // much cheaper, since the display order of issues and what hangs off them is computed by
    // subqueries for every row.
    bool position_order = false;
};

struct AuditEvent {
    std::string at;
    std::string actor;
    std::string action;
    std::string kind; // a record kind ("issue"), or "user" / "grant"
    std::int64_t record_id;
    std::optional<std::string> before;
    std::optional<std::string> after;
};

struct UserRow {
    std::int64_t id = 0;
    std::string name;
    std::optional<std::string> display_name;
    std::string created_at;
    std::string created_by;
};

struct GrantRow {
    std::string user;
    core::Grant grant;
    std::string granted_at;
    std::string granted_by;
};

// The first link where the chain breaks, if any.
struct ChainCheck {
    std::int64_t events = 0;
    std::string head_hash; // hash of the last event (the genesis hash when there is none)
    std::optional<std::int64_t> broken_at;
    std::string problem;
};

class Store {
public:
    // Opens the file; throws core::Error (not_a_db, schema_newer, io, busy, db) leaving it untouched.
    Store(const std::string &path, const OpenOptions &options);
    // Not copied or moved: SQLite's update hook holds its address.
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    int schema_version() const { return schema_version_; }
    bool read_only() const { return read_only_; }
    SQLite::Database &database() { return db_; }

    template <class R> std::optional<R> get(std::int64_t id);
    template <class R> std::optional<std::int64_t> find_id(const std::string &ref);
    template <class R> std::vector<R> list(const ListFilter &filter);
    template <class R> std::int64_t count(const ListFilter &filter);
    // The ids of the records a filter selects (offset and limit aside), in id order.
    template <class R> std::vector<std::int64_t> ids(const ListFilter &filter);
    // The issues directly under an issue, in id order.
    std::vector<std::int64_t> sub_issue_ids(std::int64_t issue_id);
    // Calls f(const R &) for every record of a type in id order, one record in memory at a time.
    template <class R, class F> void for_each_by_id(F &&f);

    // Inserts r with version 1 and the given timestamp; sets r.meta.id and version.
    template <class R> void insert(R &r, const std::string &now);
    // The same, except that a ref another record of the kind holds already is not an error: it
    // returns false and writes nothing, for a caller that looks the ref up only then.
    template <class R> bool insert_if_ref_free(R &r, const std::string &now);

    // Writes r's fields if the stored version is still r.meta.version, then raises it by one.
    // Returns false (and writes nothing) when the stored version differs.
    template <class R> bool update(R &r, const std::string &now);

    // The next free position among the children of parent_id in a table.
    template <class R> std::int64_t next_seq(std::int64_t parent_id);

    // Appends one event to the audit chain; returns its id. Call inside a write transaction.
    std::int64_t append_audit(const AuditEvent &e);
    // Between these two calls the connection holds the write lock (BEGIN IMMEDIATE), so no other
    // writer can extend the chain: its head is kept in memory instead of being read back for
    // every event. Both forget it; WriteTransaction calls them.
    void write_lock_taken() noexcept;
    void write_lock_released() noexcept;
    // Appends the row images of what the transaction wrote to tables with row images
    // (store/row_images.hpp): one event per row whose content differs from its last audited
    // image, under the actor, time and action of the transaction's last event. WriteTransaction
    // calls it just before it commits, so no write of any operation goes unaudited.
    void audit_row_changes();
    // Who row images are attributed to when a transaction wrote rows but no event of its own.
    void set_unattributed_actor(std::string actor) { unattributed_actor_ = std::move(actor); }
    // Events of one record (kind "" and id 0: all), oldest first, paged like lists.
    std::vector<AuditRow> audit_events(const std::string &kind, std::int64_t record_id, std::int64_t offset,
                                       std::int64_t limit);
    // Every event of one kind ("grant", "user" …), oldest first.
    std::vector<AuditRow> audit_events_of_kind(const std::string &kind);
    // The "after" image of the latest event of one record (nullopt: none, or the record was deleted).
    std::optional<std::string> latest_image(const std::string &kind, std::int64_t record_id);
    // The number of events in the audit log.
    std::int64_t count_audit_events();
    // Walks the chain; checked (may be empty) is told how many events were checked so far, and
    // may throw to stop the walk.
    ChainCheck verify_chain(const std::function<void(std::int64_t checked)> &checked = {});

    std::optional<UserRow> user(const std::string &name);
    std::vector<UserRow> users();
    std::int64_t count_users();
    void insert_user(UserRow &u);
    std::vector<core::Grant> grants_of(std::int64_t user_id);
    std::vector<GrantRow> grants();
    bool insert_grant(std::int64_t user_id, const core::Grant &g, const std::string &now, const std::string &by);
    bool delete_grant(std::int64_t user_id, const core::Grant &g);

    // Whether some inspection links the unit to one of the rounds, or the round to one of the units.
    bool unit_in_rounds(std::int64_t unit_id, const std::vector<std::int64_t> &round_ids);
    bool round_has_units(std::int64_t round_id, const std::vector<std::int64_t> &unit_ids);

    // The unit and round of an inspection.
    core::RecordScope scope_of_inspection(std::int64_t inspection_id);

    // A prepared statement kept for the life of the handle, keyed by its SQL text, reset and ready
    // to bind: for queries built from a filter (lists, counts), the lookups every authorisation
    // makes, and the repositories' statements on hot paths. Reset it when done
    // (detail::ResetOnExit), so that no read stays open.
    SQLite::Statement &cached(const std::string &sql);

    // This connection's page cache in KiB (SQLite's cache_size). A bulk write raises it for its
    // transaction, so that pages are not spilled to the WAL and written again.
    std::int64_t cache_kib();
    void set_cache_kib(std::int64_t kib);

    // A consistent copy of the whole database to dest_path (SQLite's online backup), taken from
    // one read snapshot while other connections go on writing. copied (may be empty) is told the
    // pages copied so far of the total; when it throws, the copy stops and leaves no file.
    void backup_to(const std::string &dest_path,
                   const std::function<void(std::int64_t copied, std::int64_t total)> &copied = {});

private:
    // own_table_only: from the record's table alone, without the joins the display order needs.
    template <class R> static std::string select_sql(bool own_table_only = false);
    // A prepared statement kept for the life of the handle, reset; its callers bind every parameter.
    SQLite::Statement &cached(int slot, const std::string &sql);

    SQLite::Database db_;
    int schema_version_ = 0;
    bool read_only_ = false;
    std::vector<std::unique_ptr<SQLite::Statement>> statements_;
    std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> statements_by_sql_;
    // The last event appended under the write lock held now (see write_lock_taken).
    struct AuditHead {
        std::int64_t id;
        std::string hash;
    };
    bool write_locked_ = false;
    std::optional<AuditHead> audit_head_;
    // Rows written since the write lock was taken, in tables with row images (SQLite's update
    // hook collects them), and who, when and what the transaction's last event said.
    static void row_changed(void *store, int op, const char *database, const char *table, sqlite_int64 rowid);
    // Tables by their index in changed_tables_; a row maps to whether the transaction inserted it
    // first (then it had no audited state before, and none is looked up).
    std::vector<std::string> changed_tables_;
    std::size_t last_changed_table_ = 0;
    std::map<std::pair<std::size_t, std::int64_t>, bool> changed_rows_;
    std::optional<AuditEvent> last_event_;
    std::string unattributed_actor_ = "rectify";
    bool row_changes_lost_ = false;
};

class RawRows;

// The latest event the audit log holds for each record of a kind, one record at a time in
// record id order, so that memory stays one image however many records there are. The walk
// reads the index alone; an event's after image is read when it is asked for.
class LatestImages {
public:
    LatestImages(Store &store, const std::string &kind);
    // Moves to the next record; false after the last.
    bool next();
    std::int64_t record_id() const { return record_id_; }
    std::int64_t event_id() const { return event_id_; }
    // The latest event's after image (nullopt when it removed the record).
    const std::optional<std::string> &after();

    LatestImages(const LatestImages &) = delete;
    LatestImages &operator=(const LatestImages &) = delete;
    ~LatestImages();

private:
    std::unique_ptr<RawRows> events_, image_;
    bool pending_ = false; // events_ is on the first event of the next record
    bool done_ = false;    // events_ is past its last row
    std::int64_t record_id_ = 0, event_id_ = 0;
    bool have_after_ = false;
    std::optional<std::string> after_;
};

// Maps a SQLite exception to the library's error, naming what was being done.
[[noreturn]] void rethrow_sqlite(const SQLite::Exception &e, const std::string &doing);

// Runs f, turning a SQLite exception into the library's error for `doing`.
template <class F> auto with_sql_errors(const char *doing, F &&f) {
    try {
        return f();
    } catch (const SQLite::Exception &e) {
        rethrow_sqlite(e, doing);
    }
}

} // namespace rectify::store

#include "store/store_impl.hpp"
