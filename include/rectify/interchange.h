/**
 * @file
 * rectify/interchange.h: a whole inspection in and out as JSON.
 *
 * The format is "rectify-inspection" version 1, documented in docs/schema.md and
 * data/schema/rectify-inspection.schema.json. Import is idempotent by the host's ref keys, never
 * deletes, and either applies the whole document or nothing.
 */
#ifndef RECTIFY_INTERCHANGE_H
#define RECTIFY_INTERCHANGE_H

#include "db.h"
#include "deadlines.h" /* rectify_row_callback */

RECTIFY_BEGIN_DECLS

/**
 * Imports one inspection document of len bytes (json need not be NUL-terminated).
 * With a progress callback set (rectify_db_set_progress()) it reports operation "import", done
 * and total counting the document's records applied so far and in all.
 * On success *out_inspection_id (may be NULL) is the inspection's id and *out_summary (may be
 * NULL) a JSON object counting what was created and updated, freed with rectify_free().
 * On failure nothing in the database has changed and rectify_errmsg() names the field path,
 * e.g. "aspects[2].issues[0].measures[1].deadline: 2018-02-30 is not a calendar date".
 *
 * @par Permission
 * import on the scope the document writes into (its unit and round where they exist, the inspection's own
 * scope if it exists; a new unit in a new round needs a whole-database grant); close_out for statuses that
 * close or reopen.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when json is NULL.
 * @retval RECTIFY_E_JSON when the document is not well-formed JSON (line and column).
 * @retval RECTIFY_E_INVALID when it breaks the schema or a data rule (the message names the field path).
 * @retval RECTIFY_E_UTF8 when it is not valid UTF-8.
 * @retval RECTIFY_E_DUPLICATE when a ref is already used by another record of the kind.
 * @retval RECTIFY_E_TRANSITION when a status it sets is a move the status machine forbids.
 * @retval RECTIFY_E_GUARD when it closes an issue a close-out guard refuses.
 * @retval RECTIFY_E_UNKNOWN_DATE when deriving the deadlines needs a year the calendar has no data for and
 *         the profile's policy is to fail.
 * @retval RECTIFY_E_CONFLICT when another writer changed a record during the import.
 * @retval RECTIFY_E_DENIED when the actor lacks import on the target scope (close_out for a status that
 *         closes or reopens).
 * @retval RECTIFY_E_NO_ACTOR when the handle has no actor.
 * @retval RECTIFY_E_MISUSE when the handle is open read-only or closed.
 * @retval RECTIFY_E_INTERRUPTED when the progress callback asked to stop.
 */
RECTIFY_API int rectify_import_json(int64_t *out_inspection_id, char **out_summary, rectify_db *db,
                                    const char *json, size_t len);

/**
 * As rectify_import_json(), reading the document from the file at path.
 *
 * @par Permission
 * import on the scope the document writes into (its unit and round where they exist, the inspection's own
 * scope if it exists; a new unit in a new round needs a whole-database grant); close_out for statuses that
 * close or reopen.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when path is NULL.
 * @retval RECTIFY_E_IO when the file cannot be read.
 * @retval RECTIFY_E_JSON when the document is not well-formed JSON (line and column).
 * @retval RECTIFY_E_INVALID when it breaks the schema or a data rule (the message names the field path).
 * @retval RECTIFY_E_UTF8 when it is not valid UTF-8.
 * @retval RECTIFY_E_DUPLICATE when a ref is already used by another record of the kind.
 * @retval RECTIFY_E_TRANSITION when a status it sets is a move the status machine forbids.
 * @retval RECTIFY_E_GUARD when it closes an issue a close-out guard refuses.
 * @retval RECTIFY_E_UNKNOWN_DATE when deriving the deadlines needs a year the calendar has no data for and
 *         the profile's policy is to fail.
 * @retval RECTIFY_E_CONFLICT when another writer changed a record during the import.
 * @retval RECTIFY_E_DENIED when the actor lacks import on the target scope (close_out for a status that
 *         closes or reopens).
 * @retval RECTIFY_E_NO_ACTOR when the handle has no actor.
 * @retval RECTIFY_E_MISUSE when the handle is open read-only or closed.
 * @retval RECTIFY_E_INTERRUPTED when the progress callback asked to stop.
 */
RECTIFY_API int rectify_import_file(int64_t *out_inspection_id, char **out_summary, rectify_db *db,
                                    const char *path);

/**
 * Imports many inspection documents in one transaction: all of them, or nothing.
 *
 * path names a JSON Lines file: one "rectify-inspection" document per line, each as
 * rectify_import_json() takes it; blank lines are skipped, a line may end in CR LF. The file is
 * read a line at a time, so memory is bounded by the longest line, not by the file. Each document
 * is applied exactly as rectify_import_json() applies it (authorisation, an audit event per record
 * changed, versions, close-outs), in the one transaction.
 *
 * On success *out_summary (may be NULL) is a JSON object freed with rectify_free():
 * {"documents": n, "created": {kind: n, …}, "updated": {…}, "unchanged": {…}}, summed over the
 * documents. On failure nothing in the database has changed and rectify_errmsg() names the file,
 * the line and the field path, e.g. "batch.jsonl: line 1207: aspects[2].issues[0].title: …".
 *
 * With a progress callback set (rectify_db_set_progress()) it reports operation "import" with
 * done = bytes of the file read so far and total = the file's size; a callback that asks to stop
 * gets RECTIFY_E_INTERRUPTED and nothing is changed.
 *
 * @par Permission
 * import on the scope the document writes into (its unit and round where they exist, the inspection's own
 * scope if it exists; a new unit in a new round needs a whole-database grant); close_out for statuses that
 * close or reopen. Each document is checked.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when path is NULL.
 * @retval RECTIFY_E_IO when the file cannot be read.
 * @retval RECTIFY_E_JSON when the document is not well-formed JSON (line and column).
 * @retval RECTIFY_E_INVALID when it breaks the schema or a data rule (the message names the field path).
 * @retval RECTIFY_E_UTF8 when it is not valid UTF-8.
 * @retval RECTIFY_E_DUPLICATE when a ref is already used by another record of the kind.
 * @retval RECTIFY_E_TRANSITION when a status it sets is a move the status machine forbids.
 * @retval RECTIFY_E_GUARD when it closes an issue a close-out guard refuses.
 * @retval RECTIFY_E_UNKNOWN_DATE when deriving the deadlines needs a year the calendar has no data for and
 *         the profile's policy is to fail.
 * @retval RECTIFY_E_CONFLICT when another writer changed a record during the import.
 * @retval RECTIFY_E_DENIED when the actor lacks import on the target scope (close_out for a status that
 *         closes or reopens).
 * @retval RECTIFY_E_NO_ACTOR when the handle has no actor.
 * @retval RECTIFY_E_MISUSE when the handle is open read-only or closed.
 * @retval RECTIFY_E_INTERRUPTED when the progress callback asked to stop.
 */
RECTIFY_API int rectify_import_batch_file(char **out_summary, rectify_db *db, const char *path);

/**
 * As rectify_import_batch_file(), from len bytes of JSON Lines in memory (jsonl need not be
 * NUL-terminated); errors name the line without a file name, progress counts bytes of jsonl.
 *
 * @par Permission
 * import on the scope the document writes into (its unit and round where they exist, the inspection's own
 * scope if it exists; a new unit in a new round needs a whole-database grant); close_out for statuses that
 * close or reopen. Each document is checked.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when jsonl is NULL.
 * @retval RECTIFY_E_JSON when the document is not well-formed JSON (line and column).
 * @retval RECTIFY_E_INVALID when it breaks the schema or a data rule (the message names the field path).
 * @retval RECTIFY_E_UTF8 when it is not valid UTF-8.
 * @retval RECTIFY_E_DUPLICATE when a ref is already used by another record of the kind.
 * @retval RECTIFY_E_TRANSITION when a status it sets is a move the status machine forbids.
 * @retval RECTIFY_E_GUARD when it closes an issue a close-out guard refuses.
 * @retval RECTIFY_E_UNKNOWN_DATE when deriving the deadlines needs a year the calendar has no data for and
 *         the profile's policy is to fail.
 * @retval RECTIFY_E_CONFLICT when another writer changed a record during the import.
 * @retval RECTIFY_E_DENIED when the actor lacks import on the target scope (close_out for a status that
 *         closes or reopens).
 * @retval RECTIFY_E_NO_ACTOR when the handle has no actor.
 * @retval RECTIFY_E_MISUSE when the handle is open read-only or closed.
 * @retval RECTIFY_E_INTERRUPTED when the progress callback asked to stop.
 */
RECTIFY_API int rectify_import_batch_json(char **out_summary, rectify_db *db, const char *jsonl, size_t len);

/**
 * Exports one inspection as a document. *out_json is NUL-terminated and freed with
 * rectify_free(); *out_len (may be NULL) is its length in bytes without the NUL.
 *
 * @par Permission
 * read on the inspection's scope.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when inspection_id is not positive.
 * @retval RECTIFY_E_NOT_FOUND when there is no such inspection.
 * @retval RECTIFY_E_DENIED when the actor lacks read there.
 */
RECTIFY_API int rectify_export_json(char **out_json, size_t *out_len, rectify_db *db,
                                    int64_t inspection_id);

/**
 * Exports the whole database as a stream of documents: calls cb once per inspection the handle's
 * actor may read, in id order, with that inspection's document as rectify_export_json() gives
 * it, but compact: one line of len bytes, no newline, valid during the call (one JSON Lines
 * record). cb returns 0 to go on, anything else to stop early (rectify_export_all() then returns
 * RECTIFY_OK, as the other streaming calls do).
 *
 * All documents come from one read transaction, a consistent snapshot of one commit, while other
 * connections go on writing; only one document is held in memory at a time, however large the
 * database. Reports progress (rectify_db_set_progress()) as operation "export", done counting
 * the documents handed to cb out of the inspections to export; a progress callback that asks to
 * stop makes this return RECTIFY_E_INTERRUPTED. Needs read permission on at least one unit or
 * round (RECTIFY_E_DENIED otherwise); the documents of the others are left out.
 *
 * @par Permission
 * read on at least one unit or round; only inspections the actor may read are exported.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when cb is NULL.
 * @retval RECTIFY_E_DENIED when the actor holds read nowhere.
 * @retval RECTIFY_E_INTERRUPTED when the progress callback asked to stop.
 */
RECTIFY_API int rectify_export_all(rectify_db *db, rectify_row_callback cb, void *ctx);

/**
 * As rectify_export_all(), writing the documents to the file at path as JSON Lines (one document
 * per line, each followed by '\n'). The lines go to a temporary file beside path, which replaces
 * path only when the export is complete: a failed or interrupted export (RECTIFY_E_INTERRUPTED)
 * leaves path as it was and no temporary file behind. RECTIFY_E_IO when the file cannot be
 * written.
 *
 * @par Permission
 * read on at least one unit or round; only inspections the actor may read are exported.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when path is NULL or empty.
 * @retval RECTIFY_E_UTF8 when path is not valid UTF-8.
 * @retval RECTIFY_E_IO when path is a directory or cannot be written.
 * @retval RECTIFY_E_DENIED when the actor holds read nowhere.
 * @retval RECTIFY_E_INTERRUPTED when the progress callback asked to stop (path is left as it was).
 */
RECTIFY_API int rectify_export_all_file(rectify_db *db, const char *path);

RECTIFY_END_DECLS

#endif /* RECTIFY_INTERCHANGE_H */
