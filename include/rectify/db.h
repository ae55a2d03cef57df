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
 *
 * @par Permission
 * none to open; a database with no users makes opts->actor its first admin (docs/access.md).
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when out or path is NULL, path is empty or not UTF-8, opts->version is
 *         unknown, flags has unknown bits or busy_timeout_ms is negative; also for an actor that is empty.
 * @retval RECTIFY_E_UTF8 when opts->actor is not valid UTF-8.
 * @retval RECTIFY_E_IO when the file cannot be opened, or does not exist and RECTIFY_OPEN_CREATE is not
 *         set.
 * @retval RECTIFY_E_NOT_A_DB when the file is not a rectify database (left untouched).
 * @retval RECTIFY_E_SCHEMA_NEWER when a newer rectify wrote the file (left untouched).
 * @retval RECTIFY_E_BUSY when another connection holds the lock past the busy timeout.
 * @retval RECTIFY_E_DB when SQLite fails otherwise (a corrupt file, a read-only file opened read-write).
 */
RECTIFY_API int rectify_db_open(rectify_db **out, const char *path, const rectify_open_options *opts);

/**
 * Closes the handle. rectify_db_close(NULL) does nothing.
 *
 * @par Permission
 * none.
 */
RECTIFY_API void rectify_db_close(rectify_db *db);

/**
 * Sets who acts through this handle: every change is recorded in the audit log under this name.
 * actor is copied. NULL clears it, after which changes fail with RECTIFY_E_NO_ACTOR.
 *
 * @par Permission
 * none: any name may be set; what it may do is checked call by call. The first actor on a database with no
 * users becomes its admin.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when db is NULL or actor is empty or blank.
 * @retval RECTIFY_E_UTF8 when actor is not valid UTF-8.
 * @retval RECTIFY_E_MISUSE when the handle is closed.
 */
RECTIFY_API int rectify_db_set_actor(rectify_db *db, const char *actor);

/**
 * The host's progress callback, called during the long operations of a handle: "import" (a
 * whole file or a large document), "export", "audit_verify" and "backup". operation is one of
 * those names (static storage); done counts the units of work finished so far out of total
 * (records, documents or pages, as the operation's documentation says; total is 0 when it is not
 * known in advance). It is called once with done == 0 when the operation starts, then as work
 * goes on (not for every record: at most a few hundred times a second), and once with
 * done == total when it is finished. It runs on the calling thread, inside the operation's
 * transaction: it must not call rectify functions on the same handle.
 *
 * Return 0 to go on; anything else stops the operation, which then fails with
 * RECTIFY_E_INTERRUPTED and changes nothing.
 */
typedef int (*rectify_progress_callback)(void *ctx, const char *operation, int64_t done, int64_t total);

/**
 * Sets the handle's progress callback and the ctx it is given; cb NULL removes it. One callback
 * per handle; setting one replaces the last.
 *
 * @par Permission
 * none (a setting of the handle).
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when db is NULL.
 * @retval RECTIFY_E_MISUSE when the handle is closed.
 */
RECTIFY_API int rectify_db_set_progress(rectify_db *db, rectify_progress_callback cb, void *ctx);

/**
 * The schema version of the open database (after any upgrade).
 *
 * @par Permission
 * none (a property of the handle).
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when out_version or db is NULL.
 * @retval RECTIFY_E_MISUSE when the handle is closed.
 */
RECTIFY_API int rectify_db_schema_version(int *out_version, rectify_db *db);

/**
 * The schema version this library writes.
 *
 * @par Permission
 * none: needs no database and no actor.
 * @return the schema version; never fails.
 */
RECTIFY_API int rectify_schema_version(void);

RECTIFY_END_DECLS

#endif /* RECTIFY_DB_H */
