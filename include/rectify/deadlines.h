/**
 * @file
 * rectify/deadlines.h: the database's calendar, rule profiles, warnings (预警), extensions (延期)
 * and escalations (督办).
 *
 * Every answer that depends on time takes an explicit as-of date ("YYYY-MM-DD"); NULL means
 * today in Asia/Shanghai (UTC+8). Deadlines follow docs/deadlines.md.
 */
#ifndef RECTIFY_DEADLINES_H
#define RECTIFY_DEADLINES_H

#include "calendar.h"
#include "db.h"

RECTIFY_BEGIN_DECLS

/* ---- The database's calendar ------------------------------------------------------------- */

/**
 * Stores holiday notices (holiday-cn JSON: one notice or an array) in the database; they apply
 * over the bundled China calendar from then on, for every handle. Contradictory or malformed
 * notices are refused and nothing is stored. Needs admin on the whole database.
 *
 * @par Permission
 * configure on the whole database (admin).
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when json is NULL.
 * @retval RECTIFY_E_UTF8 when json is not valid UTF-8.
 * @retval RECTIFY_E_JSON when json is not well-formed.
 * @retval RECTIFY_E_INVALID when a notice breaks the format or contradicts the stored calendar.
 * @retval RECTIFY_E_DENIED when the actor lacks configure on the whole database.
 * @retval RECTIFY_E_NO_ACTOR when the handle has no actor.
 * @retval RECTIFY_E_MISUSE when the handle is open read-only or closed.
 */
RECTIFY_API int rectify_db_calendar_load_json(rectify_db *db, const char *json, size_t len);

/**
 * As rectify_db_calendar_load_json(), from a file.
 *
 * @par Permission
 * configure on the whole database (admin).
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when path is NULL.
 * @retval RECTIFY_E_IO when the file cannot be read.
 * @retval RECTIFY_E_UTF8 when the file is not valid UTF-8.
 * @retval RECTIFY_E_JSON when it is not well-formed.
 * @retval RECTIFY_E_INVALID when a notice breaks the format or contradicts the stored calendar.
 * @retval RECTIFY_E_DENIED when the actor lacks configure on the whole database.
 * @retval RECTIFY_E_NO_ACTOR when the handle has no actor.
 * @retval RECTIFY_E_MISUSE when the handle is open read-only or closed.
 */
RECTIFY_API int rectify_db_calendar_load_file(rectify_db *db, const char *path);

/**
 * As rectify_db_calendar_load_json(), and says which derived deadlines it moved. An inspection's
 * derived deadlines (plan_due, concentrated_end, report_due, evaluation_due) that depend on a year
 * with no notice are counted on the plain Monday-Friday rule and are provisional (the record's
 * JSON says "provisional": true and "provisional_years"); loading notices derives them again from
 * the inspection's own profile, each inspection changed audited as action "recalculate".
 * Deadlines someone set (a measure's deadline, an extension, an escalation's) are not touched.
 * *out_json (freed with rectify_free()) is a JSON array of the changes, one per deadline moved:
 * {"inspection_id", "ref", "deadline" (the key), "label" (整改方案 …), "from", "to",
 * "provisional" (still, on another unknown year)}; [] when none moved. On failure *out_json is
 * NULL and nothing is stored.
 *
 * @par Permission
 * configure on the whole database (admin).
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when out_json or json is NULL.
 * @retval RECTIFY_E_UTF8 when json is not valid UTF-8.
 * @retval RECTIFY_E_JSON when json is not well-formed.
 * @retval RECTIFY_E_INVALID when a notice breaks the format or contradicts the stored calendar.
 * @retval RECTIFY_E_DENIED when the actor lacks configure on the whole database.
 * @retval RECTIFY_E_NO_ACTOR when the handle has no actor.
 * @retval RECTIFY_E_MISUSE when the handle is open read-only or closed.
 */
RECTIFY_API int rectify_db_calendar_load_json_changes(char **out_json, rectify_db *db, const char *json, size_t len);

/**
 * Stores a local day (a locality's extra day off, RECTIFY_DAY_HOLIDAY, or extra working day,
 * RECTIFY_DAY_WORKDAY) over the notices. Needs admin on the whole database.
 *
 * @par Permission
 * configure on the whole database (admin).
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when date is NULL or no calendar date, or day_type is not RECTIFY_DAY_HOLIDAY
 *         or RECTIFY_DAY_WORKDAY.
 * @retval RECTIFY_E_DENIED when the actor lacks configure on the whole database.
 * @retval RECTIFY_E_NO_ACTOR when the handle has no actor.
 * @retval RECTIFY_E_MISUSE when the handle is open read-only or closed.
 */
RECTIFY_API int rectify_db_calendar_set_day(rectify_db *db, const char *date, int day_type);

/**
 * A new calendar handle holding the database's calendar as it is now (bundled notices, stored
 * notices, local days), for the queries of rectify/calendar.h. Free it with
 * rectify_calendar_free(). Any actor who may read may ask.
 *
 * @par Permission
 * read on at least one scope.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when out is NULL.
 * @retval RECTIFY_E_DENIED when the actor holds read nowhere.
 */
RECTIFY_API int rectify_db_calendar(rectify_calendar **out, rectify_db *db);

/* ---- Rule profiles ------------------------------------------------------------------------ */

/**
 * Stores a rule profile given as JSON (docs/deadlines.md): {"name", "plan_due", "concentrated",
 * "report_due", "evaluation_after" (each {"unit": "days"|"months"|"workdays", "n"}),
 * "warn_days": [20, 10], "unknown_dates": "weekdays" (the default)|"fail"|"refuse" (= "fail")}. Storing a name again makes its next
 * version; inspections keep the version they were given. *out_version (may be NULL) is the new
 * version. Needs admin on the whole database.
 *
 * @par Permission
 * configure on the whole database (admin).
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when json is NULL.
 * @retval RECTIFY_E_UTF8 when json is not valid UTF-8.
 * @retval RECTIFY_E_JSON when json is not well-formed.
 * @retval RECTIFY_E_INVALID when the profile breaks its format (the message names the field).
 * @retval RECTIFY_E_DENIED when the actor lacks configure on the whole database.
 * @retval RECTIFY_E_NO_ACTOR when the handle has no actor.
 * @retval RECTIFY_E_MISUSE when the handle is open read-only or closed.
 */
RECTIFY_API int rectify_profile_add(int64_t *out_version, rectify_db *db, const char *json, size_t len);

/**
 * Every stored profile version as a JSON array, oldest first. *out_json is freed with rectify_free().
 *
 * @par Permission
 * read on at least one scope.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_DENIED when the actor holds read nowhere.
 */
RECTIFY_API int rectify_profile_list(char **out_json, rectify_db *db);

/**
 * Gives an inspection the latest version of the named profile and derives its deadlines from its
 * feedback date (plan_due, concentrated_end, report_due, evaluation_due). They are stored with the
 * inspection and stay as they are when the profile changes later. An inspection imported with a
 * feedback date and no profile gets the "default" profile. Needs import on the inspection's scope.
 *
 * @par Permission
 * import on the inspection's scope.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when inspection_id is not positive or profile_name is NULL.
 * @retval RECTIFY_E_NOT_FOUND when there is no such inspection or no profile of that name.
 * @retval RECTIFY_E_MISUSE when the inspection has no feedback date (also for a read-only or closed
 *         handle).
 * @retval RECTIFY_E_UNKNOWN_DATE when a deadline falls in a year the calendar has no data for and the
 *         profile's policy is to fail.
 * @retval RECTIFY_E_CONFLICT when another writer changed the inspection meanwhile.
 * @retval RECTIFY_E_DENIED when the actor lacks import there.
 * @retval RECTIFY_E_NO_ACTOR when the handle has no actor.
 */
RECTIFY_API int rectify_inspection_apply_profile(rectify_db *db, int64_t inspection_id, const char *profile_name);

/* ---- Warnings ------------------------------------------------------------------------------ */

/** Warning lights. Their order is severity: a roll-up shows the worst. */
#define RECTIFY_LIGHT_GREEN 1  /**< on track, or done */
#define RECTIFY_LIGHT_BLUE 2   /**< ongoing (长期坚持, 持续整改) */
#define RECTIFY_LIGHT_YELLOW 3 /**< within the profile's warning days of its deadline */
#define RECTIFY_LIGHT_RED 4    /**< overdue */

/** What a warnings row stands for. */
#define RECTIFY_ROLLUP_MEASURE 1    /**< one row per measure */
#define RECTIFY_ROLLUP_ISSUE 2      /**< one row per issue, its measures rolled up */
#define RECTIFY_ROLLUP_INSPECTION 3 /**< one row per inspection */
#define RECTIFY_ROLLUP_UNIT 4       /**< one row per inspected unit */
#define RECTIFY_ROLLUP_ROUND 5      /**< one row per round */

/** Which measures a warnings query looks at. Initialise with RECTIFY_WARNING_OPTIONS_INIT. */
typedef struct rectify_warning_options {
    unsigned version;      /**< RECTIFY_WARNING_OPTIONS_VERSION */
    const char *as_of;     /**< "YYYY-MM-DD"; NULL for today in Asia/Shanghai (UTC+8) */
    int64_t inspection_id; /**< 0: any */
    int64_t unit_id;       /**< 0: any */
    int64_t round_id;      /**< 0: any */
    const char *leader;    /**< responsible leader (责任领导); NULL: any */
    int rollup;            /**< RECTIFY_ROLLUP_*; 0 means RECTIFY_ROLLUP_MEASURE */
    unsigned lights;       /**< bit (1 << RECTIFY_LIGHT_x) per light to include; 0: all */
    int64_t offset;        /**< rows to skip */
    int64_t limit;         /**< at most this many rows; 0: no limit */
} rectify_warning_options;

/** The layout of rectify_warning_options these headers describe. */
#define RECTIFY_WARNING_OPTIONS_VERSION 1
/** Initialiser of rectify_warning_options: this version, today, every measure, every light. */
#define RECTIFY_WARNING_OPTIONS_INIT { RECTIFY_WARNING_OPTIONS_VERSION, NULL, 0, 0, 0, NULL, 0, 0, 0, 0 }

/**
 * Warnings as of a date, as a JSON object {"as_of", "rollup", "totals": {"red", "yellow",
 * "green", "blue", "extended"}, "rows": [...]}; "extended" counts the measures in scope whose
 * deadline an approved extension moved. A measure row has id, ref, title, inspection_id, issue_id,
 * leader, department, person, deadline, status, light, days_left (deadline minus as_of, negative
 * when overdue; null when there is no deadline or the measure is done or closed), stage (how many warning thresholds are crossed), extended (an approved
 * extension moved its deadline) and followup_missed (an ongoing measure red for a missed
 * follow-up); a roll-up row has kind, id, name, light and the counts by light.
 * Rows come most urgent first (red, yellow, blue, green; then by deadline). Totals count every
 * row that matched, before offset and limit. When the derived deadlines of an inspection whose
 * measures are counted fall in a year with no holiday notice loaded (counted Monday-Friday,
 * provisionally), the object also has "provisional_years": [2027, ...]; otherwise no such key.
 * *out_json is freed with rectify_free().
 *
 * @par Permission
 * read on the scope opts names (rows come only from scopes the actor reads).
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when opts has an unknown version, a negative id, offset or limit, an unknown
 *         rollup or light bit, or a malformed as_of.
 * @retval RECTIFY_E_DENIED when the actor reads nothing, or opts names a unit, round or inspection the
 *         actor holds no read on (refused, never answered with 0 or an empty list).
 * @retval RECTIFY_E_NOT_FOUND when opts names a unit, round or inspection that does not exist.
 */
RECTIFY_API int rectify_warnings(char **out_json, rectify_db *db, const rectify_warning_options *opts);

/**
 * Called once per row by the streaming calls: row is one JSON object of len bytes, valid during
 * the call. Return 0 to go on, anything else to stop (the streaming call then returns
 * RECTIFY_OK).
 */
typedef int (*rectify_row_callback)(void *ctx, const char *row, size_t len);

/**
 * As rectify_warnings(), handing the rows one at a time instead of building one document.
 *
 * @par Permission
 * read on the scope opts names (rows come only from scopes the actor reads).
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when opts has an unknown version, a negative id, offset or limit, an unknown
 *         rollup or light bit, or a malformed as_of. Also when cb is NULL.
 * @retval RECTIFY_E_DENIED when the actor reads nothing, or opts names a unit, round or inspection the
 *         actor holds no read on (refused, never answered with 0 or an empty list).
 * @retval RECTIFY_E_NOT_FOUND when opts names a unit, round or inspection that does not exist.
 */
RECTIFY_API int rectify_warnings_each(rectify_db *db, const rectify_warning_options *opts, rectify_row_callback cb,
                                      void *ctx);

/**
 * Open measures whose deadline is before as_of, earliest deadline first, as a JSON array of
 * measure rows (as in rectify_warnings). Uses opts' scope, offset and limit; ignores rollup and
 * lights. The fast path for "the first page of one unit's overdue measures".
 *
 * @par Permission
 * read on the scope opts names (rows come only from scopes the actor reads).
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when opts has an unknown version, a negative id, offset or limit, an unknown
 *         rollup or light bit, or a malformed as_of.
 * @retval RECTIFY_E_DENIED when the actor reads nothing, or opts names a unit, round or inspection the
 *         actor holds no read on (refused, never answered with 0 or an empty list).
 * @retval RECTIFY_E_NOT_FOUND when opts names a unit, round or inspection that does not exist.
 */
RECTIFY_API int rectify_overdue(char **out_json, rectify_db *db, const rectify_warning_options *opts);

/**
 * How many open measures are overdue as of opts->as_of within opts' scope.
 *
 * @par Permission
 * read on the scope opts names (rows come only from scopes the actor reads).
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when opts has an unknown version, a negative id, offset or limit, an unknown
 *         rollup or light bit, or a malformed as_of.
 * @retval RECTIFY_E_DENIED when the actor reads nothing, or opts names a unit, round or inspection the
 *         actor holds no read on (refused, never answered with 0 or an empty list).
 * @retval RECTIFY_E_NOT_FOUND when opts names a unit, round or inspection that does not exist.
 */
RECTIFY_API int rectify_overdue_count(int64_t *out_count, rectify_db *db, const rectify_warning_options *opts);

/**
 * Open measures falling due within `days` days of as_of (deadline in [as_of, as_of + days]),
 * earliest first, as a JSON array of measure rows.
 *
 * @par Permission
 * read on the scope opts names (rows come only from scopes the actor reads).
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when opts has an unknown version, a negative id, offset or limit, an unknown
 *         rollup or light bit, or a malformed as_of. Also when days is not 0 .. 3660.
 * @retval RECTIFY_E_DENIED when the actor reads nothing, or opts names a unit, round or inspection the
 *         actor holds no read on (refused, never answered with 0 or an empty list).
 * @retval RECTIFY_E_NOT_FOUND when opts names a unit, round or inspection that does not exist.
 */
RECTIFY_API int rectify_due_within(char **out_json, rectify_db *db, int days, const rectify_warning_options *opts);

/* ---- Extensions (申请延期) ------------------------------------------------------------------ */

/**
 * Requests a new deadline for a measure, with a reason. *out_id (may be NULL) is the request's id.
 * Needs change_status or, for the measure's own 责任人, add_own_progress on its scope.
 *
 * @par Permission
 * request_extension on the measure's scope, or add_own_progress when the actor is the measure's 责任人.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when measure_id is not positive, new_deadline is no calendar date or not after
 *         the current deadline, or reason is NULL or blank.
 * @retval RECTIFY_E_NOT_FOUND when there is no such measure.
 * @retval RECTIFY_E_MISUSE when the measure is not open (done or closed) or already has a pending request
 *         (also for a read-only or closed handle).
 * @retval RECTIFY_E_DENIED when the actor lacks the permission.
 * @retval RECTIFY_E_NO_ACTOR when the handle has no actor.
 */
RECTIFY_API int rectify_extension_request(int64_t *out_id, rectify_db *db, int64_t measure_id, const char *new_deadline,
                                          const char *reason);

/**
 * Approves (approve != 0) or refuses a pending request. Must be decided by someone other than
 * the requester, with admin or supervisor rights on its scope. Approval moves the measure's
 * deadline; both dates stay on the request. note may be NULL.
 *
 * @par Permission
 * decide_extension on the measure's scope (admin or supervisor), and not the requester.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when extension_id is not positive.
 * @retval RECTIFY_E_NOT_FOUND when there is no such request.
 * @retval RECTIFY_E_CONFLICT when the request was decided already, or another writer changed the measure
 *         meanwhile.
 * @retval RECTIFY_E_DENIED when the actor lacks decide_extension there or made the request.
 * @retval RECTIFY_E_NO_ACTOR when the handle has no actor.
 * @retval RECTIFY_E_MISUSE when the handle is open read-only or closed.
 */
RECTIFY_API int rectify_extension_decide(rectify_db *db, int64_t extension_id, int approve, const char *note);

/**
 * Requests as a JSON array: of one measure (measure_id > 0) or all; pending_only != 0 for undecided ones.
 *
 * @par Permission
 * read on at least one scope; only requests on readable measures are listed.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when measure_id is negative.
 * @retval RECTIFY_E_DENIED when the actor reads nothing, or measure_id names a measure the actor holds no
 *         read on.
 * @retval RECTIFY_E_NOT_FOUND when measure_id names no measure.
 */
RECTIFY_API int rectify_extension_list(char **out_json, rectify_db *db, int64_t measure_id, int pending_only);

/* ---- Escalations (督办) --------------------------------------------------------------------- */

/** The chain, in order of severity. */
#define RECTIFY_ESCALATION_NOTICE 1         /**< 督办通知书 */
#define RECTIFY_ESCALATION_GUIDANCE 2       /**< 阶段督查指导书 */
#define RECTIFY_ESCALATION_REMINDER 3       /**< 提醒书 */
#define RECTIFY_ESCALATION_WARNING 4        /**< 告诫书 */
#define RECTIFY_ESCALATION_ACCOUNTABILITY 5 /**< 问责书 */

/**
 * Records an escalation against an issue or a measure (kind RECTIFY_KIND_ISSUE or _MEASURE):
 * issued on `date` by the actor to `issued_to`, at `level`, never below the target's highest
 * level so far. new_deadline (may be NULL) sets the measure's new deadline. note may be NULL.
 * Needs admin, inspector or supervisor rights on the target's scope.
 *
 * @par Permission
 * escalate on the target's scope (admin, inspector or supervisor).
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when kind is not issue or measure, target_id is not positive, level is no
 *         RECTIFY_ESCALATION_* value, date or new_deadline is no calendar date, date is before the
 *         inspection began on site (the message names both dates), new_deadline is not after date, or
 *         issued_to is NULL or blank.
 * @retval RECTIFY_E_NOT_FOUND when there is no such issue or measure.
 * @retval RECTIFY_E_INVALID when level is below a level the target already had (the chain does not step
 *         back).
 * @retval RECTIFY_E_CONFLICT when another writer changed the measure meanwhile.
 * @retval RECTIFY_E_DENIED when the actor lacks escalate there.
 * @retval RECTIFY_E_NO_ACTOR when the handle has no actor.
 * @retval RECTIFY_E_MISUSE when the handle is open read-only or closed.
 */
RECTIFY_API int rectify_escalate(int64_t *out_id, rectify_db *db, int kind, int64_t target_id, int level,
                                 const char *date, const char *issued_to, const char *new_deadline, const char *note);

/**
 * Escalations whose target is still open (not done, not closed), oldest first, as a JSON array;
 * opts gives the scope (as_of, rollup and lights are ignored; may be NULL for all).
 *
 * @par Permission
 * read on at least one scope; only escalations in readable scopes are listed.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when opts has an unknown version, a negative id, offset or limit, an unknown
 *         rollup or light bit, or a malformed as_of.
 * @retval RECTIFY_E_DENIED when the actor reads nothing, or opts names a unit, round or inspection the
 *         actor holds no read on (refused, never answered with 0 or an empty list).
 * @retval RECTIFY_E_NOT_FOUND when opts names a unit, round or inspection that does not exist.
 */
RECTIFY_API int rectify_escalation_list_open(char **out_json, rectify_db *db, const rectify_warning_options *opts);

RECTIFY_END_DECLS

#endif /* RECTIFY_DEADLINES_H */
