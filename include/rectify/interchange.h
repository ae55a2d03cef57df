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

RECTIFY_BEGIN_DECLS

/**
 * Imports one inspection document of len bytes (json need not be NUL-terminated).
 * On success *out_inspection_id (may be NULL) is the inspection's id and *out_summary (may be
 * NULL) a JSON object counting what was created and updated, freed with rectify_free().
 * On failure nothing in the database has changed and rectify_errmsg() names the field path,
 * e.g. "aspects[2].issues[0].measures[1].deadline: 2018-02-30 is not a calendar date".
 */
RECTIFY_API int rectify_import_json(int64_t *out_inspection_id, char **out_summary, rectify_db *db,
                                    const char *json, size_t len);

/** As rectify_import_json(), reading the document from the file at path. */
RECTIFY_API int rectify_import_file(int64_t *out_inspection_id, char **out_summary, rectify_db *db,
                                    const char *path);

/**
 * Exports one inspection as a document. *out_json is NUL-terminated and freed with
 * rectify_free(); *out_len (may be NULL) is its length in bytes without the NUL.
 */
RECTIFY_API int rectify_export_json(char **out_json, size_t *out_len, rectify_db *db,
                                    int64_t inspection_id);

RECTIFY_END_DECLS

#endif /* RECTIFY_INTERCHANGE_H */
