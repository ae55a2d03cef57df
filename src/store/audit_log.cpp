// The audit log in the store: appending to the chain, reading it, and walking it to verify.
#include "store/store.hpp"

#include "core/date.hpp"
#include "store/raw_rows.hpp"
#include "store/row_images.hpp"

#include <cstring>

namespace rectify::store {

namespace {

// An event's format as stored: NULL, written before formats were kept, is 1.
int stored_format(bool is_null, std::int64_t value) { return is_null ? kEventFormatJson : static_cast<int>(value); }

// The event at rows' row as it is stored, its texts in place until the next step.
void view_event(const RawRows &rows, EventView &e, std::string_view &hash) {
    e.id = rows.integer(0);
    e.at = rows.text(1);
    e.actor = rows.text(2);
    e.action = rows.text(3);
    e.kind = rows.text(4);
    e.record_id = rows.integer(5);
    e.before = rows.is_null(6) ? std::nullopt : std::optional<std::string_view>(rows.text(6));
    e.after = rows.is_null(7) ? std::nullopt : std::optional<std::string_view>(rows.text(7));
    e.prev_hash = rows.text(8); // NULL reads as ""
    hash = rows.text(9);
    e.format = stored_format(rows.is_null(10), rows.integer(10));
}

AuditRow read_event(SQLite::Statement &st) {
    AuditRow e;
    Reader rd(st);
    std::optional<std::string> prev, hash;
    rd >> e.id >> e.at >> e.actor >> e.action >> e.kind >> e.record_id >> e.before >> e.after >> prev >> hash;
    e.prev_hash = prev.value_or("");
    e.hash = hash.value_or("");
    e.format = stored_format(st.getColumn(10).isNull(), st.getColumn(10).getInt64());
    return e;
}

const char *const kEventColumns = "id, at, actor, action, kind, record_id, before, after, prev_hash, hash, format";

} // namespace

std::int64_t Store::append_audit(const AuditEvent &e) {
    try {
        AuditRow row;
        if (write_locked_ && audit_head_) {
            row.id = audit_head_->id + 1;
            row.prev_hash = std::move(audit_head_->hash);
            audit_head_.reset(); // until this event is in
        } else {
            auto &last = cached(detail::kAuditSlot, "SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1");
            detail::ResetOnExit reset_last(last);
            if (last.executeStep()) {
                row.id = last.getColumn(0).getInt64() + 1;
                row.prev_hash = last.getColumn(1).getString();
            } else {
                row.id = 1;
                row.prev_hash = kGenesisHash;
            }
        }
        row.at = e.at;
        row.actor = e.actor;
        row.action = e.action;
        row.kind = e.kind;
        row.record_id = e.record_id;
        row.before = e.before;
        row.after = e.after;
        insert_event(cached(detail::kAuditSlot + 1, kInsertEventSql), row);
        if (write_locked_) {
            audit_head_ = AuditHead{row.id, std::move(row.hash)};
            if (!last_event_ || last_event_->action != e.action || last_event_->actor != e.actor || last_event_->at != e.at)
                last_event_ = AuditEvent{e.at, e.actor, e.action, {}, 0, std::nullopt, std::nullopt};
        }
        return row.id;
    } catch (const SQLite::Exception &ex) {
        rethrow_sqlite(ex, "writing the audit log");
    }
}

void Store::write_lock_taken() noexcept {
    write_locked_ = true;
    audit_head_.reset();
    changed_rows_.clear();
    row_changes_lost_ = false;
    last_event_.reset();
}

void Store::write_lock_released() noexcept {
    write_locked_ = false;
    audit_head_.reset();
    changed_rows_.clear();
    last_event_.reset();
}

void Store::row_changed(void *store, int op, const char *database, const char *table, sqlite_int64 rowid) {
    auto &self = *static_cast<Store *>(store);
    if (std::strcmp(database, "main") != 0 || !has_row_images(table)) return;
    try {
        // Rows come in runs of one table: the last one's index is tried first.
        auto &tables = self.changed_tables_;
        std::size_t index = self.last_changed_table_;
        if (index >= tables.size() || tables[index] != table) {
            index = 0;
            while (index < tables.size() && tables[index] != table) ++index;
            if (index == tables.size()) tables.emplace_back(table);
            self.last_changed_table_ = index;
        }
        self.changed_rows_.emplace(std::make_pair(index, static_cast<std::int64_t>(rowid)), op == SQLITE_INSERT);
    } catch (...) {
        // Out of memory: audit_row_changes finds the set short and refuses to commit.
        self.row_changes_lost_ = true;
    }
}

void Store::audit_row_changes() {
    if (row_changes_lost_) {
        row_changes_lost_ = false;
        throw core::Error(core::Errc::nomem, "auditing the rows written: out of memory");
    }
    if (changed_rows_.empty()) return;
    try {
        auto changed = std::move(changed_rows_);
        changed_rows_.clear();
        const AuditEvent who = last_event_ ? *last_event_
                                           : AuditEvent{core::utc_timestamp_now(), unattributed_actor_, "write", {}, 0, std::nullopt, std::nullopt};
        for (const auto &[row, inserted] : changed) {
            // No table joins changed_tables_ while this runs (the audit log has no row images),
            // so the reference holds.
            const std::string &table = changed_tables_[row.first];
            const std::int64_t rowid = row.second;
            const std::string kind = row_kind(table);
            auto &current = cached("SELECT * FROM " + quoted_identifier(table) + " WHERE rowid = ?");
            detail::ResetOnExit reset_current(current);
            current.bind(1, static_cast<std::int64_t>(rowid));
            std::optional<std::string> image;
            if (current.executeStep()) image = row_image(current, 0);
            const std::optional<std::string> audited = latest_image(kind, rowid);
            // A row the transaction inserted first did not exist before it, so the log must say it
            // did not: otherwise a row was deleted beneath the library and this write would bury
            // the trace under a new image of the same id.
            if (inserted && audited)
                throw core::Error(core::Errc::tampered, "writing " + table + ": row " + std::to_string(rowid) +
                                                            " is in the audit log but was missing from the database (deleted behind the "
                                                            "library's back); nothing was written. Run audit verify");
            if (image == audited) continue; // written back as it was, or added and removed again
            append_audit({who.at, who.actor, who.action, kind, rowid, std::nullopt, std::move(image)});
        }
    } catch (const SQLite::Exception &ex) {
        rethrow_sqlite(ex, "auditing the rows written");
    }
}

std::optional<std::string> Store::latest_image(const std::string &kind, std::int64_t record_id) {
    try {
        auto &latest = cached(detail::kAuditSlot + 2,
                              "SELECT after FROM audit_events WHERE kind = ? AND record_id = ? ORDER BY id DESC LIMIT 1");
        detail::ResetOnExit reset(latest);
        latest.bind(1, kind);
        latest.bind(2, record_id);
        if (latest.executeStep() && !latest.getColumn(0).isNull()) return latest.getColumn(0).getString();
        return std::nullopt;
    } catch (const SQLite::Exception &ex) {
        rethrow_sqlite(ex, "reading the audit log");
    }
}

std::vector<AuditRow> Store::audit_events(const std::string &kind, std::int64_t record_id, std::int64_t offset,
                                          std::int64_t limit) {
    try {
        std::string sql = std::string("SELECT ") + kEventColumns + " FROM audit_events";
        if (!kind.empty()) sql += " WHERE kind = ? AND record_id = ?";
        sql += " ORDER BY id LIMIT ? OFFSET ?";
        SQLite::Statement st(db_, sql);
        int i = 1;
        if (!kind.empty()) {
            st.bind(i++, kind);
            st.bind(i++, record_id);
        }
        st.bind(i++, limit > 0 ? limit : std::int64_t{-1});
        st.bind(i++, offset);
        std::vector<AuditRow> out;
        while (st.executeStep()) out.push_back(read_event(st));
        return out;
    } catch (const SQLite::Exception &ex) {
        rethrow_sqlite(ex, "reading the audit log");
    }
}

std::vector<AuditRow> Store::audit_events_of_kind(const std::string &kind) {
    try {
        SQLite::Statement st(db_, std::string("SELECT ") + kEventColumns + " FROM audit_events WHERE kind = ? ORDER BY id");
        st.bind(1, kind);
        std::vector<AuditRow> out;
        while (st.executeStep()) out.push_back(read_event(st));
        return out;
    } catch (const SQLite::Exception &ex) {
        rethrow_sqlite(ex, "reading the audit log");
    }
}

std::int64_t Store::count_audit_events() {
    return with_sql_errors("counting the audit log", [&] {
        SQLite::Statement st(db_, "SELECT COUNT(*) FROM audit_events");
        st.executeStep();
        return st.getColumn(0).getInt64();
    });
}

LatestImages::LatestImages(Store &store, const std::string &kind) {
    try {
        // The index audit_by_record (kind, record_id, and the rowid id) answers the walk alone,
        // in record and then event order: the last event of each record's run is its latest.
        // Only the images asked for are read from the log's rows.
        events_ = std::make_unique<RawRows>(store.database(),
                                            "SELECT record_id, id FROM audit_events WHERE kind = ? ORDER BY record_id, id");
        events_->bind(1, kind);
        image_ = std::make_unique<RawRows>(store.database(), "SELECT after FROM audit_events WHERE id = ?");
    } catch (const SQLite::Exception &ex) {
        rethrow_sqlite(ex, "reading the audit log");
    }
}

LatestImages::~LatestImages() = default;

bool LatestImages::next() {
    try {
        // A step past the last row would start the query again (SQLite resets it): done_ stops it.
        if (done_ || (!pending_ && !events_->step())) {
            done_ = true;
            return false;
        }
        record_id_ = events_->integer(0);
        event_id_ = events_->integer(1);
        pending_ = false;
        while (!pending_) {
            if (!events_->step()) {
                done_ = true;
                break;
            }
            if (events_->integer(0) != record_id_) pending_ = true;
            else event_id_ = events_->integer(1);
        }
        have_after_ = false;
        return true;
    } catch (const SQLite::Exception &ex) {
        rethrow_sqlite(ex, "reading the audit log");
    }
}

const std::optional<std::string> &LatestImages::after() {
    if (have_after_) return after_;
    try {
        image_->reset();
        image_->bind(1, event_id_);
        if (image_->step() && !image_->is_null(0)) {
            if (!after_) after_.emplace();
            after_->assign(image_->text(0)); // into the last image's buffer
        } else {
            after_.reset();
        }
        have_after_ = true;
        return after_;
    } catch (const SQLite::Exception &ex) {
        rethrow_sqlite(ex, "reading the audit log");
    }
}

ChainCheck Store::verify_chain(const std::function<void(std::int64_t checked)> &checked) {
    ChainCheck check;
    check.head_hash = kGenesisHash;
    try {
        RawRows rows(db_, std::string("SELECT ") + kEventColumns + " FROM audit_events ORDER BY id");
        std::int64_t expected_id = 1;
        EventView e;
        std::string_view hash;
        int newest_format = kEventFormatJson; // formats only ever go up along the log
        EventHasher hasher;
        while (rows.step()) {
            view_event(rows, e, hash);
            ++check.events;
            auto broken = [&](const std::string &problem) {
                check.broken_at = e.id;
                check.problem = problem;
                return check;
            };
            if (e.id != expected_id)
                return broken("event " + std::to_string(e.id) + " follows event " + std::to_string(expected_id - 1) +
                              ": events " + std::to_string(expected_id) + ".." + std::to_string(e.id - 1) +
                              " are missing (deleted)");
            if (e.prev_hash != check.head_hash)
                return broken("event " + std::to_string(e.id) + " does not link to the event before it "
                              "(an event before it was altered, removed or inserted)");
            if (e.format != kEventFormatJson && e.format != kEventFormatBinary)
                return broken("event " + std::to_string(e.id) + " has format " + std::to_string(e.format) +
                              ", which this version does not know (written by a later version, or altered)");
            if (e.format < newest_format)
                return broken("event " + std::to_string(e.id) + " has format " + std::to_string(e.format) + " after events of format " +
                              std::to_string(newest_format) + ", which the library never writes (it was added or altered)");
            newest_format = e.format;
            if (!hasher.matches(e, hash))
                return broken("event " + std::to_string(e.id) + " does not match its hash (its content was altered)");
            check.head_hash.assign(hash.data(), hash.size());
            ++expected_id;
            if (checked) checked(check.events);
        }
        return check;
    } catch (const SQLite::Exception &ex) {
        rethrow_sqlite(ex, "verifying the audit log");
    }
}

} // namespace rectify::store
