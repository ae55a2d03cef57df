/**
 * @file
 * rectify/audit.h: the audit log, signed heads of its Merkle tree and proofs, backups.
 *
 * Every change appends one event per record it touches: who (the actor), when (UTC), what, and
 * the record before and after. Events form a hash chain (SHA-256 of the previous event and of
 * the event's own content); nothing in the library deletes or rewrites them.
 */
#ifndef RECTIFY_AUDIT_H
#define RECTIFY_AUDIT_H

#include "db.h"

RECTIFY_BEGIN_DECLS

/**
 * Audit events as a JSON array, oldest first: id, at, actor, action, kind, record_id, before,
 * after, prev_hash, hash, format (the recipe of the hash, 1 or 2; see
 * rectify_audit_prove_inclusion()). With kind 0 every event (needs read_audit on the whole database);
 * otherwise the events of one record (RECTIFY_KIND_*, id). offset and limit page (limit 0: all).
 * *out_json is freed with rectify_free().
 *
 * @par Permission
 * read_audit: on the whole database for kind 0, on the record's scope otherwise.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when kind is unknown, record_id is not 0 with kind 0 or not positive
 *         otherwise, or offset or limit is negative.
 * @retval RECTIFY_E_NOT_FOUND when the record does not exist.
 * @retval RECTIFY_E_DENIED when the actor lacks read_audit there.
 */
RECTIFY_API int rectify_audit_log(char **out_json, rectify_db *db, int kind, int64_t record_id, int64_t offset,
                                  int64_t limit);

/**
 * Walks the whole chain and compares every record with its last audited state.
 * Returns RECTIFY_OK when all is whole, RECTIFY_E_TAMPERED when not (rectify_errmsg() names the
 * first broken link). In both cases *out_report (may be NULL) is a JSON object: intact, events,
 * head_hash, broken_at, problem; freed with rectify_free(). Keep head_hash: a later report whose
 * chain no longer passes through it means the log was rewritten.
 *
 * Memory stays bounded whatever the size of the database: events and records are read as
 * streams. Reports progress (rectify_db_set_progress()) as operation "audit_verify", done
 * counting the events checked and then the records compared, out of one total (events plus
 * records, counted first); a progress callback that asks to stop makes it return
 * RECTIFY_E_INTERRUPTED, with *out_report NULL.
 *
 * @par Permission
 * read_audit on the whole database.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_TAMPERED when the chain or a record fails verification (the report is set).
 * @retval RECTIFY_E_INTERRUPTED when the progress callback asked to stop.
 * @retval RECTIFY_E_DENIED when the actor lacks read_audit on the whole database.
 */
RECTIFY_API int rectify_audit_verify(char **out_report, rectify_db *db);

/**
 * Writes a consistent copy of the whole database to dest_path (which must not exist) while other
 * connections go on writing. Needs admin or auditor on the whole database.
 *
 * The pages are copied in steps inside one read transaction on the source, so the copy is the
 * database as of one commit. Reports progress (rectify_db_set_progress()) as operation "backup",
 * done counting the pages copied out of the database's pages; a progress callback that asks to
 * stop makes it return RECTIFY_E_INTERRUPTED, and a stopped or failed backup leaves no file.
 *
 * @par Permission
 * backup on the whole database (admin or auditor).
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when dest_path is NULL or empty.
 * @retval RECTIFY_E_UTF8 when dest_path is not valid UTF-8.
 * @retval RECTIFY_E_IO when dest_path exists already or cannot be written.
 * @retval RECTIFY_E_INTERRUPTED when the progress callback asked to stop (no file is left).
 * @retval RECTIFY_E_DENIED when the actor lacks backup on the whole database.
 */
RECTIFY_API int rectify_backup(rectify_db *db, const char *dest_path);

/**
 * A signed head of the audit log's Merkle tree: the number of events and the root of the tree
 * over them (RFC 9162 section 2.1; leaf i is event i + 1, its input the 32 bytes of the event's
 * hash), signed with the host's Ed25519 key. *out_head_json is the JSON object {"size", "root"
 * (hex), "algorithm": "ed25519", "public_key" (hex of the raw 32 bytes), "signature" (hex)};
 * the signature covers the bytes "rectify-audit-tree-head-v1\n" SIZE "\n" ROOT "\n" (size in
 * decimal, root in lower-case hex). Keep heads outside the database (the library never stores
 * one): a later head or log that does not extend a kept head shows the log was rewritten.
 * Freed with rectify_free().
 *
 * The hash chain is walked first and no head is signed over a broken one. The records are not
 * compared with the log here: rectify_audit_verify() does that, and a head proves only the log.
 *
 * @par Permission
 * read_audit on the whole database.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when out_head_json or private_key_pem is NULL, or private_key_pem
 *         is not an Ed25519 private key in PEM (what `openssl genpkey -algorithm ed25519` writes).
 * @retval RECTIFY_E_TAMPERED when the hash chain is broken (the message names the event).
 * @retval RECTIFY_E_DENIED when the actor lacks read_audit on the whole database.
 */
RECTIFY_API int rectify_audit_head(char **out_head_json, rectify_db *db, const char *private_key_pem);

/**
 * A consistency proof (RFC 9162 section 2.1.4) that a later head, or the log now, extends an
 * earlier head (rectify_audit_head()): *out_proof_json is {"from_size", "from_root", "to_size",
 * "to_root", "proof": [hex]}, to_size and to_root being to_head_json's, or the log's now when
 * to_head_json is NULL. Freed with rectify_free(). The heads' signatures are not checked here
 * (see rectify_audit_verify_head()); a checker holding both signed heads needs nothing else.
 *
 * @par Permission
 * read_audit on the whole database.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when out_proof_json or from_head_json is NULL, a head is not one
 *         (bad JSON, a field missing, a size that is not a non-negative integer, hex of the wrong
 *         length), or to_head_json has fewer events than from_head_json.
 * @retval RECTIFY_E_TAMPERED when the log does not extend a head (fewer events, or another
 *         root over the head's events).
 * @retval RECTIFY_E_DENIED when the actor lacks read_audit on the whole database.
 */
RECTIFY_API int rectify_audit_prove_consistency(char **out_proof_json, rectify_db *db, const char *from_head_json,
                                                const char *to_head_json);

/**
 * An inclusion proof (RFC 9162 section 2.1.3) that event event_id is in the tree of a head:
 * *out_proof_json is {"event_id", "leaf_index", "event_hash", "event", "tree_size", "root",
 * "proof": [hex]}. Freed with rectify_free(). "event" is the event as the chain hashed it:
 * {"id", "at", "actor", "action", "kind", "record_id", "before", "after", "prev_hash", "hash",
 * "format"}, before and after being the stored JSON texts (strings, or null), so that a checker
 * can recompute event_hash, the SHA-256 in hex of the nine fields id … prev_hash by the recipe
 * of the event's format:
 * - format 2 (every event written since schema 8): the bytes "rectify audit event 2" and a
 *   newline, then each field as one type byte and its value: 'i' and the integer in 8 bytes
 *   big-endian (id, record_id); 't', the length in 8 bytes big-endian and the UTF-8 bytes of a
 *   text; 'n' alone for null.
 * - format 1 (events written before): the compact JSON array [id, at, actor, action, kind,
 *   record_id, before, after, prev_hash], each string quoted with only the quote, the backslash
 *   and the control characters escaped (backspace, tab, newline, form feed and carriage return
 *   by their short escapes, the others as u00xx) and every other byte as it is.
 *
 * @par Permission
 * read_audit on the whole database.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when an argument is NULL, event_id is not positive or beyond the
 *         head's size, or head_json is not a head.
 * @retval RECTIFY_E_TAMPERED when the log does not extend the head.
 * @retval RECTIFY_E_DENIED when the actor lacks read_audit on the whole database.
 */
RECTIFY_API int rectify_audit_prove_inclusion(char **out_proof_json, rectify_db *db, int64_t event_id,
                                              const char *head_json);

/**
 * Checks a head against the public key its holder trusts (PEM, as `openssl pkey -pubout`
 * writes it): the head's public_key must be that key, its signature must verify, and the log
 * now must extend it. In both outcomes *out_report (may be NULL) is {"intact", "head_size",
 * "head_root", "size", "root", "problem"}, freed with rectify_free(); rectify_errmsg() names
 * the problem when the head fails.
 *
 * @par Permission
 * read_audit on the whole database.
 * @retval RECTIFY_OK when the head is signed by the key and the log extends it.
 * @retval RECTIFY_E_TAMPERED when the head was signed by another key, its signature fails, or
 *         the log does not extend it (the report is set).
 * @retval RECTIFY_E_ARGUMENT when head_json or public_key_pem is NULL, head_json is not a head,
 *         or public_key_pem is not an Ed25519 public key in PEM.
 * @retval RECTIFY_E_DENIED when the actor lacks read_audit on the whole database.
 */
RECTIFY_API int rectify_audit_verify_head(char **out_report, rectify_db *db, const char *head_json,
                                          const char *public_key_pem);

RECTIFY_END_DECLS

#endif /* RECTIFY_AUDIT_H */
