/**
 * @file
 * rectify/audit.h: the audit log and backups.
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
 * after, prev_hash, hash. With kind 0 every event (needs read_audit on the whole database);
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

RECTIFY_END_DECLS

#endif /* RECTIFY_AUDIT_H */
