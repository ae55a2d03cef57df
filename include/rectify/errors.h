/**
 * @file
 * rectify/errors.h: result codes and the per-thread last error message.
 *
 * Codes are never reused or renumbered; new ones may be added, so treat any negative value you do
 * not know as a failure.
 *
 * How each function documents itself
 * -----------------------------------
 * Each function's comment has a "Permission" paragraph, naming the permission (docs/access.md)
 * the handle's actor needs and on which scope, or "none", and one @retval line per code it can
 * return and why. docs/errors.md lists every code with the cases and functions that raise it.
 * Beside the codes a function lists, these hold for every call and are not repeated:
 *   - RECTIFY_E_NOMEM when memory runs out and RECTIFY_E_INTERNAL for a failure with no better
 *     code, for every function that returns a code;
 *   - for every function taking a rectify_db *: RECTIFY_E_ARGUMENT when db, or an out-parameter
 *     or argument the function needs, is NULL; RECTIFY_E_MISUSE when the handle is closed;
 *     RECTIFY_E_BUSY when another connection holds the database past the busy timeout;
 *     RECTIFY_E_DB when SQLite fails otherwise (a full disk, a corrupt file);
 *   - for every function that changes the database: RECTIFY_E_MISUSE on a handle opened with
 *     RECTIFY_OPEN_READONLY and RECTIFY_E_NO_ACTOR on a handle with no actor;
 *   - for every function whose permission is not "none": RECTIFY_E_DENIED when the actor lacks
 *     it, is not a user of the database, or no actor is set;
 *   - RECTIFY_E_UTF8 for a text argument that is not valid UTF-8 (the message names it).
 */
#ifndef RECTIFY_ERRORS_H
#define RECTIFY_ERRORS_H

#include "common.h"

/** Success. */
#define RECTIFY_OK 0
/** An internal failure that has no better code; the message says what. */
#define RECTIFY_E_INTERNAL (-1)
/** Memory could not be allocated. */
#define RECTIFY_E_NOMEM (-2)
/** An argument is NULL, out of range or malformed (a bad date, an unknown kind or status). */
#define RECTIFY_E_ARGUMENT (-3)
/** The record named does not exist. */
#define RECTIFY_E_NOT_FOUND (-4)
/** The write named a version the record no longer has: someone changed it first. */
#define RECTIFY_E_CONFLICT (-5)
/** The status machine does not allow this transition. */
#define RECTIFY_E_TRANSITION (-6)
/** The JSON text is not well-formed. */
#define RECTIFY_E_JSON (-7)
/** Well-formed input that breaks the schema or a data rule; the message names the field path. */
#define RECTIFY_E_INVALID (-8)
/** Text is not valid UTF-8; the message names where. */
#define RECTIFY_E_UTF8 (-9)
/** A file could not be opened, read or written. */
#define RECTIFY_E_IO (-10)
/** The database reported an error. */
#define RECTIFY_E_DB (-11)
/** The database stayed locked by another connection for longer than the busy timeout. */
#define RECTIFY_E_BUSY (-12)
/** The database was written by a newer rectify; it was left untouched. */
#define RECTIFY_E_SCHEMA_NEWER (-13)
/** The file is not a rectify database (or not a database at all); it was left untouched. */
#define RECTIFY_E_NOT_A_DB (-14)
/** A change was attempted on a handle with no actor; see rectify_db_set_actor(). */
#define RECTIFY_E_NO_ACTOR (-15)
/** A unique key is already taken: a host key (ref) used by another record of the same kind, a second verdict on an issue in one review, a user name, a grant held already. */
#define RECTIFY_E_DUPLICATE (-16)
/** The handle is in a state that does not allow the call. */
#define RECTIFY_E_MISUSE (-17)
/**
 * The actor may not do this here: the message names the permission that was missing and the
 * roles the actor holds. Nothing changed.
 */
#define RECTIFY_E_DENIED (-18)
/**
 * The answer depends on a date in a year the calendar has no data for, and the policy is to fail
 * (rectify/calendar.h); the message names the first such date. Load that year's notice, or ask
 * for the weekdays-only fallback.
 */
#define RECTIFY_E_UNKNOWN_DATE (-19)
/**
 * The audit log or the records fail verification: an event was altered, removed or inserted, or
 * a record was changed behind the library's back. The message names the first broken link.
 */
#define RECTIFY_E_TAMPERED (-20)
/**
 * A close-out (销号) was refused by one of its guards (every measure done, evidence attached, a
 * verifier who is not an owner …); the message names the guard and what failed it.
 */
#define RECTIFY_E_GUARD (-21)
/**
 * The host's progress callback (rectify_db_set_progress()) asked a long operation to stop; it
 * stopped and changed nothing: an import rolled back, a backup left no file.
 */
#define RECTIFY_E_INTERRUPTED (-22)

RECTIFY_BEGIN_DECLS

/**
 * The message of the calling thread's last failed call: what went wrong and where.
 * Never NULL; "" when nothing has failed on this thread. Valid until the next rectify call on
 * this thread.
 *
 * @par Permission
 * none: needs no database and no actor.
 * @return the message, never NULL.
 */
RECTIFY_API const char *rectify_errmsg(void);

/**
 * The code of the calling thread's last failed call, RECTIFY_OK when nothing has failed.
 *
 * @par Permission
 * none: needs no database and no actor.
 * @return the last failed call's code, or RECTIFY_OK; never fails.
 */
RECTIFY_API int rectify_errcode(void);

/**
 * Static English text for a code; "unknown error code" for one it does not know. Never NULL.
 *
 * @par Permission
 * none: needs no database and no actor.
 * @return static text, never NULL.
 */
RECTIFY_API const char *rectify_strerror(int code);

RECTIFY_END_DECLS

#endif /* RECTIFY_ERRORS_H */
