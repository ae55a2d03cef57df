/**
 * @file
 * rectify/db.h: opening and closing a rectify database.
 *
 * A database is one SQLite file. rectify_db_open() creates it if asked to, upgrades a file an
 * older rectify wrote, and refuses (untouched) one a newer rectify wrote.
 */
#ifndef RECTIFY_DB_H
#define RECTIFY_DB_H

#include "common.h"

RECTIFY_BEGIN_DECLS

/** An open database. Opaque; one thread at a time. */
typedef struct rectify_db rectify_db;

/** Open flags. */
#define RECTIFY_OPEN_CREATE 0x1   /**< create the file if it does not exist */
#define RECTIFY_OPEN_READONLY 0x2 /**< refuse every change; never upgrades the schema */

/** Options for rectify_db_open(). Initialise with RECTIFY_OPEN_OPTIONS_INIT. */
typedef struct rectify_open_options {
    unsigned version;        /**< RECTIFY_OPEN_OPTIONS_VERSION */
    unsigned flags;          /**< RECTIFY_OPEN_* */
    int busy_timeout_ms;     /**< how long to wait for another writer; 0 means 5000 */
    const char *actor;       /**< who acts through this handle; NULL for none (read-only use) */
} rectify_open_options;

/** The layout of rectify_open_options these headers describe. */
#define RECTIFY_OPEN_OPTIONS_VERSION 1
/** Initialiser of rectify_open_options: this version, RECTIFY_OPEN_CREATE, defaults otherwise. */
#define RECTIFY_OPEN_OPTIONS_INIT { RECTIFY_OPEN_OPTIONS_VERSION, RECTIFY_OPEN_CREATE, 0, NULL }

/**
 * Opens the database at path (UTF-8). opts may be NULL for RECTIFY_OPEN_OPTIONS_INIT.
 * On success *out is a handle to close with rectify_db_close(); on failure *out is NULL.
 * Fails with RECTIFY_E_SCHEMA_NEWER for a file from a newer rectify and RECTIFY_E_NOT_A_DB for a
 * file that is not a rectify database; neither is modified.
 */
RECTIFY_API int rectify_db_open(rectify_db **out, const char *path, const rectify_open_options *opts);

/** Closes the handle. rectify_db_close(NULL) does nothing. */
RECTIFY_API void rectify_db_close(rectify_db *db);

/**
 * Sets who acts through this handle: every change is recorded in the audit log under this name.
 * actor is copied. NULL clears it, after which changes fail with RECTIFY_E_NO_ACTOR.
 */
RECTIFY_API int rectify_db_set_actor(rectify_db *db, const char *actor);

/** The schema version of the open database (after any upgrade). */
RECTIFY_API int rectify_db_schema_version(int *out_version, rectify_db *db);

/** The schema version this library writes. */
RECTIFY_API int rectify_schema_version(void);

RECTIFY_END_DECLS

#endif /* RECTIFY_DB_H */
