// The audit log as a hash chain: each event carries the SHA-256 of the event before it and of its
// own content, so that an event edited, removed or slipped in afterwards breaks the chain at that
// point. The chain's head, kept by the host, anchors it against a rewrite of the whole log.
#pragma once

#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace rectify::store {

// The prev_hash of the first event.
inline const std::string kGenesisHash(64, '0');

// How an event's hash is computed, kept with each event (the column format):
//   1  SHA-256 of the compact JSON array [id, at, actor, action, kind, record_id, before, after,
//      prev_hash], texts escaped as JSON strings: the events of schema 7 and earlier, whose
//      column is NULL. Hashing means escaping every text again.
//   2  SHA-256 of the same nine fields in a binary form (kEventHashTag, then each field as a
//      type byte, 'n' null, 'i' integer as 8 bytes big-endian, 't' text as its length in 8 bytes
//      big-endian and its bytes), computed over the stored bytes as they are read.
inline constexpr int kEventFormatJson = 1;
inline constexpr int kEventFormatBinary = 2;
inline constexpr int kEventFormat = kEventFormatBinary; // every event written now
inline constexpr std::string_view kEventHashTag = "rectify audit event 2\n";

struct AuditRow {
    std::int64_t id = 0;
    std::string at;
    std::string actor;
    std::string action;
    std::string kind;
    std::int64_t record_id = 0;
    std::optional<std::string> before;
    std::optional<std::string> after;
    std::string prev_hash;
    std::string hash;
    int format = kEventFormat;
};

// An event's content as read, its texts in place (a statement's columns): what the chain is
// verified from, with no copy.
struct EventView {
    std::int64_t id = 0;
    std::string_view at, actor, action, kind;
    std::int64_t record_id = 0;
    std::optional<std::string_view> before, after;
    std::string_view prev_hash;
    int format = kEventFormat;
};
EventView view_of(const AuditRow &e);

// Lower-case hex SHA-256 (OpenSSL libcrypto).
std::string sha256_hex(std::string_view data);

// The hash of an event's content and its predecessor's hash, by the recipe of its format. Both
// keep NULL apart from "" and let no field bleed into the next.
std::string event_hash(const EventView &e);
inline std::string event_hash(const AuditRow &e) { return event_hash(view_of(e)); }

// Hashes event after event in one digest context, for a walk of the whole log.
class EventHasher {
public:
    EventHasher();
    ~EventHasher();
    EventHasher(const EventHasher &) = delete;
    EventHasher &operator=(const EventHasher &) = delete;
    // Whether hash, as stored (lower-case hex), is e's hash.
    bool matches(const EventView &e, std::string_view hash);

private:
    struct State;
    std::unique_ptr<State> state_;
};

// The statement every event is appended with, its columns in AuditRow's order.
inline constexpr const char *kInsertEventSql =
    "INSERT INTO audit_events (id, at, actor, action, kind, record_id, before, after, prev_hash, hash, format) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
// The same for a schema before 8, which has no column format: events of format 1.
inline constexpr const char *kInsertJsonEventSql =
    "INSERT INTO audit_events (id, at, actor, action, kind, record_id, before, after, prev_hash, hash) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

// Sets row.hash from row's content and prev_hash, and inserts row with insert (a statement of
// kInsertEventSql, or of kInsertJsonEventSql for a row of format 1; reset afterwards). The one
// way an event enters the log.
void insert_event(SQLite::Statement &insert, AuditRow &row);

} // namespace rectify::store
