// The audit log as a hash chain: each event carries the SHA-256 of the event before it and of its
// own content, so that an event edited, removed or slipped in afterwards breaks the chain at that
// point. The chain's head, kept by the host, anchors it against a rewrite of the whole log.
#pragma once

#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rectify::store {

// The prev_hash of the first event.
inline const std::string kGenesisHash(64, '0');

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
};

// Lower-case hex SHA-256 (OpenSSL libcrypto).
std::string sha256_hex(std::string_view data);

// The hash of an event's content and its predecessor's hash. The content is serialised as a JSON
// array, which keeps NULL apart from "" and no field can bleed into the next.
std::string event_hash(const AuditRow &e);

// The statement every event is appended with, its columns in AuditRow's order.
inline constexpr const char *kInsertEventSql =
    "INSERT INTO audit_events (id, at, actor, action, kind, record_id, before, after, prev_hash, hash) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

// Sets row.hash from row's content and prev_hash, and inserts row with insert (a statement of
// kInsertEventSql, reset afterwards). The one way an event enters the log.
void insert_event(SQLite::Statement &insert, AuditRow &row);

} // namespace rectify::store
