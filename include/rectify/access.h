/**
 * @file
 * rectify/access.h: users, roles and the scopes they are granted on.
 *
 * The host authenticates its users; rectify authorises every call by the actor the handle acts
 * for (rectify_db_set_actor). A role is granted on the whole database, on a round or on a unit,
 * and a call outside the actor's grants fails with RECTIFY_E_DENIED, naming the permission that
 * was missing, and changes nothing.
 *
 * A database with no users (a new one, or one upgraded from before users existed) makes the
 * first actor that opens it read-write its admin on the whole database.
 */
#ifndef RECTIFY_ACCESS_H
#define RECTIFY_ACCESS_H

#include "db.h"

RECTIFY_BEGIN_DECLS

/** Roles. docs/access.md lists what each may do. */
#define RECTIFY_ROLE_ADMIN 1      /**< 巡察办: everything in scope; on the whole database, users too */
#define RECTIFY_ROLE_INSPECTOR 2  /**< 巡察组: reads, imports the issues it feeds back */
#define RECTIFY_ROLE_LIAISON 3    /**< 整改联络员: reads its unit, reports progress, moves statuses */
#define RECTIFY_ROLE_OWNER 4      /**< 责任人: reads its unit, reports progress on its own measures */
#define RECTIFY_ROLE_SUPERVISOR 5 /**< 纪委监委/组织部: reads, closes out (销号) and reopens */
#define RECTIFY_ROLE_AUDITOR 6    /**< reads, and reads and verifies the audit log; backups */
#define RECTIFY_ROLE_PUBLIC 7     /**< public notices only */

/** Scopes a role is granted on. */
#define RECTIFY_SCOPE_ALL 1   /**< the whole database; scope_id must be 0 */
#define RECTIFY_SCOPE_ROUND 2 /**< one round: scope_id is the round's id */
#define RECTIFY_SCOPE_UNIT 3  /**< one unit: scope_id is the unit's id */

/**
 * The role named "admin", "inspector" … RECTIFY_E_ARGUMENT if unknown.
 *
 * @par Permission
 * none: needs no database and no actor.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when out_role or name is NULL or name is no role.
 */
RECTIFY_API int rectify_role_from_name(int *out_role, const char *name);

/**
 * The name of a role ("liaison"); static storage; NULL for an unknown role.
 *
 * @par Permission
 * none: needs no database and no actor.
 * @return the name, or NULL for an unknown role.
 */
RECTIFY_API const char *rectify_role_name(int role);

/**
 * Adds a user. name is the name the host authenticates (the actor name); display_name may be
 * NULL. Needs admin on the whole database. RECTIFY_E_DUPLICATE if the name is taken.
 *
 * @par Permission
 * manage_users on the whole database.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when name is NULL, blank, longer than 200 bytes or holds control characters.
 * @retval RECTIFY_E_UTF8 when name or display_name is not valid UTF-8.
 * @retval RECTIFY_E_DUPLICATE when the name is taken.
 * @retval RECTIFY_E_DENIED when the actor lacks manage_users on the whole database.
 * @retval RECTIFY_E_NO_ACTOR when the handle has no actor.
 * @retval RECTIFY_E_MISUSE when the handle is open read-only or closed.
 */
RECTIFY_API int rectify_user_add(rectify_db *db, const char *name, const char *display_name);

/**
 * Grants a role on a scope to a user. Granting what the user holds already does nothing.
 *
 * @par Permission
 * manage_users on the whole database.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when name is NULL or blank, role or scope is unknown, or scope_id does not
 *         fit scope (0 for RECTIFY_SCOPE_ALL, a positive id otherwise).
 * @retval RECTIFY_E_NOT_FOUND when there is no such user, round or unit.
 * @retval RECTIFY_E_DENIED when the actor lacks manage_users on the whole database.
 * @retval RECTIFY_E_NO_ACTOR when the handle has no actor.
 * @retval RECTIFY_E_MISUSE when the handle is open read-only or closed.
 */
RECTIFY_API int rectify_user_grant(rectify_db *db, const char *name, int role, int scope, int64_t scope_id);

/**
 * Revokes a role on a scope from a user. RECTIFY_E_NOT_FOUND if the user does not hold it;
 * RECTIFY_E_MISUSE for the last admin on the whole database.
 *
 * @par Permission
 * manage_users on the whole database.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when name is NULL or blank, role or scope is unknown, or scope_id does not
 *         fit scope.
 * @retval RECTIFY_E_NOT_FOUND when there is no such user or the user does not hold the role there.
 * @retval RECTIFY_E_MISUSE when it would revoke the last admin on the whole database (also for a read-only
 *         or closed handle).
 * @retval RECTIFY_E_DENIED when the actor lacks manage_users on the whole database.
 * @retval RECTIFY_E_NO_ACTOR when the handle has no actor.
 */
RECTIFY_API int rectify_user_revoke(rectify_db *db, const char *name, int role, int scope, int64_t scope_id);

/**
 * The users as a JSON array: name, display_name, created_at, created_by and grants (role, scope,
 * scope_id). Needs admin on the whole database. *out_json is freed with rectify_free().
 *
 * @par Permission
 * manage_users on the whole database.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_DENIED when the actor lacks manage_users on the whole database.
 */
RECTIFY_API int rectify_user_list(char **out_json, rectify_db *db);

RECTIFY_END_DECLS

#endif /* RECTIFY_ACCESS_H */
