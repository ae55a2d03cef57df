/**
 * @file
 * rectify/followthrough.h: the second half of rectification. Evidence (佐证材料), close-out
 * (销号) and its guards, look-back reviews (回头看) and relapse, follow-ups of ongoing measures,
 * evaluation (整改评估) and leads (问题线索).
 *
 * Records go in as typed calls and come out as JSON (docs/followthrough.md lists the keys).
 */
#ifndef RECTIFY_FOLLOWTHROUGH_H
#define RECTIFY_FOLLOWTHROUGH_H

#include "db.h"
#include "deadlines.h"

RECTIFY_BEGIN_DECLS

/* ---- Evidence ----------------------------------------------------------------------------- */

/** One item of evidence. Initialise with RECTIFY_EVIDENCE_INIT. */
typedef struct rectify_evidence {
    unsigned version;       /**< RECTIFY_EVIDENCE_VERSION */
    const char *title;      /**< required */
    const char *kind;       /**< the host's word for it (文件, 照片, 会议记录 …); may be NULL */
    const char *path;       /**< a file the library reads to record its SHA-256 and size; may be NULL */
    const char *uri;        /**< where the host keeps it; needed when path is NULL */
    const char *media_type; /**< e.g. "application/pdf"; may be NULL */
} rectify_evidence;

/** The layout of rectify_evidence these headers describe. */
#define RECTIFY_EVIDENCE_VERSION 1
/** Initialiser of rectify_evidence: this version, every field NULL. */
#define RECTIFY_EVIDENCE_INIT { RECTIFY_EVIDENCE_VERSION, NULL, NULL, NULL, NULL, NULL }

/**
 * Attaches evidence to an issue or a measure (kind RECTIFY_KIND_ISSUE or _MEASURE). When path is
 * given the library hashes the file itself (a hash a host typed in proves nothing).
 * RECTIFY_E_IO when the file cannot be read.
 *
 * @par Permission
 * add_progress on the target's scope, or add_own_progress when the actor is the measure's 责任人.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when kind is not issue or measure, target_id is not positive, evidence or its
 *         title is NULL or blank, evidence->version is unknown, or neither path nor uri is given.
 * @retval RECTIFY_E_UTF8 when a string is not valid UTF-8.
 * @retval RECTIFY_E_IO when the file at path cannot be read.
 * @retval RECTIFY_E_NOT_FOUND when there is no such issue or measure.
 * @retval RECTIFY_E_DENIED when the actor lacks the permission.
 * @retval RECTIFY_E_NO_ACTOR when the handle has no actor.
 * @retval RECTIFY_E_MISUSE when the handle is open read-only or closed.
 */
RECTIFY_API int rectify_evidence_add(int64_t *out_id, rectify_db *db, int kind, int64_t target_id,
                                     const rectify_evidence *evidence);

/**
 * Evidence of one issue or measure as a JSON array. *out_json is freed with rectify_free().
 *
 * @par Permission
 * read on the target's scope.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when kind is not issue or measure or target_id is not positive.
 * @retval RECTIFY_E_NOT_FOUND when there is no such issue or measure.
 * @retval RECTIFY_E_DENIED when the actor lacks read there.
 */
RECTIFY_API int rectify_evidence_list(char **out_json, rectify_db *db, int kind, int64_t target_id);

/**
 * Re-hashes every evidence file of an inspection (0: every inspection the actor reads) and
 * reports {"intact", "checked", "changed": [...], "missing": [...]} in *out_report (may be
 * NULL). Returns RECTIFY_OK when all files are as recorded, RECTIFY_E_TAMPERED otherwise (the
 * report is set in both cases).
 *
 * @par Permission
 * read on the inspection's scope; for 0, read somewhere (only readable evidence is checked).
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when inspection_id is negative.
 * @retval RECTIFY_E_NOT_FOUND when there is no such inspection.
 * @retval RECTIFY_E_TAMPERED when a file changed or is missing (the report is set).
 * @retval RECTIFY_E_DENIED when the actor lacks read there.
 */
RECTIFY_API int rectify_evidence_verify(char **out_report, rectify_db *db, int64_t inspection_id);

/* ---- Close-out (销号) ------------------------------------------------------------------------ */

/**
 * The actor, as verifier, accepts a done issue as rectified on `date`. Refused with
 * RECTIFY_E_GUARD, naming the guard, unless every guard holds (by default: every measure of the
 * issue and its sub-issues done, at least one evidence item, the verifier no measure's 责任人).
 * Setting an issue's status to closed by any other call goes through the same guards.
 * *out_version (may be NULL) is the issue's new version. note may be NULL.
 *
 * @par Permission
 * close_out on the issue's scope (admin or supervisor).
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when issue_id is not positive or date is NULL, no calendar date or before the
 *         inspection began on site (onsite_start); the message names both dates.
 * @retval RECTIFY_E_UTF8 when note is not valid UTF-8.
 * @retval RECTIFY_E_NOT_FOUND when there is no such issue.
 * @retval RECTIFY_E_TRANSITION when the issue's status cannot move to closed.
 * @retval RECTIFY_E_GUARD when a close-out guard refuses (the message names it).
 * @retval RECTIFY_E_MISUSE when the issue is closed out already (also for a read-only or closed handle).
 * @retval RECTIFY_E_CONFLICT when another writer changed the issue meanwhile.
 * @retval RECTIFY_E_DENIED when the actor lacks close_out there.
 * @retval RECTIFY_E_NO_ACTOR when the handle has no actor.
 */
RECTIFY_API int rectify_close_out(int64_t *out_version, rectify_db *db, int64_t issue_id, const char *date,
                                  const char *note);

/**
 * Sets the close-out guards from JSON {"measures_done": bool, "min_evidence": n,
 * "verifier_not_owner": bool}; keys left out keep their defaults. Needs admin on the whole
 * database.
 *
 * @par Permission
 * configure on the whole database (admin).
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when json is NULL.
 * @retval RECTIFY_E_UTF8 when json is not valid UTF-8.
 * @retval RECTIFY_E_JSON when json is not well-formed.
 * @retval RECTIFY_E_INVALID when a key is unknown or of the wrong type.
 * @retval RECTIFY_E_DENIED when the actor lacks configure on the whole database.
 * @retval RECTIFY_E_NO_ACTOR when the handle has no actor.
 * @retval RECTIFY_E_MISUSE when the handle is open read-only or closed.
 */
RECTIFY_API int rectify_close_out_guards_set(rectify_db *db, const char *json, size_t len);

/**
 * The close-out guards in force, as JSON.
 *
 * @par Permission
 * read on at least one scope.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_DENIED when the actor holds read nowhere.
 */
RECTIFY_API int rectify_close_out_guards(char **out_json, rectify_db *db);

/**
 * The close-outs of an issue (verifier, closed_on, note), as a JSON array.
 *
 * @par Permission
 * read on the issue's scope.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when issue_id is not positive.
 * @retval RECTIFY_E_NOT_FOUND when there is no such issue.
 * @retval RECTIFY_E_DENIED when the actor lacks read there.
 */
RECTIFY_API int rectify_close_out_list(char **out_json, rectify_db *db, int64_t issue_id);

/* ---- Look-back reviews (回头看) -------------------------------------------------------------- */

/** Review scopes. */
#define RECTIFY_REVIEW_INSPECTION 1 /**< scope_id is an inspection's id */
#define RECTIFY_REVIEW_ROUND 2      /**< scope_id is a round's id: every inspection of the round */

/**
 * Schedules a look-back review of an inspection or a whole round, on a date, by a team.
 *
 * @par Permission
 * import on the inspection's or round's scope (admin or inspector).
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when scope is no RECTIFY_REVIEW_* value, scope_id is not positive, date is no
 *         calendar date or (for an inspection) before it began on site (both dates named), or team is NULL
 *         or blank.
 * @retval RECTIFY_E_UTF8 when team or title is not valid UTF-8.
 * @retval RECTIFY_E_NOT_FOUND when there is no such inspection or round.
 * @retval RECTIFY_E_DENIED when the actor lacks import there.
 * @retval RECTIFY_E_NO_ACTOR when the handle has no actor.
 * @retval RECTIFY_E_MISUSE when the handle is open read-only or closed.
 */
RECTIFY_API int rectify_review_schedule(int64_t *out_id, rectify_db *db, int scope, int64_t scope_id, const char *date,
                                        const char *team, const char *title);

/**
 * Records a verdict on one issue: "held", "relapsed", "incomplete" or "false" (虚假整改).
 * Anything but held needs findings, reopens the issue (closed → reopened; done → in progress),
 * keeps its history and raises its relapse count; new_measures_json (may be NULL) is a JSON
 * array of re-rectification measures (二次整改: title, category, deadline, leader, department,
 * person) added to the issue. Needs supervisor (or admin) rights on the issue.
 *
 * @par Permission
 * close_out on the issue's scope (admin or supervisor).
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when verdict is none of held, relapsed, incomplete, false; findings are
 *         missing for a verdict other than held; new measures come with held; or date is no calendar date
 *         or before the review was scheduled (both dates named).
 * @retval RECTIFY_E_NOT_FOUND when there is no such review or issue.
 * @retval RECTIFY_E_INVALID when the issue is not in the review's scope, or new_measures_json is not an
 *         array of measures as docs/schema.md describes.
 * @retval RECTIFY_E_JSON when new_measures_json is not well-formed.
 * @retval RECTIFY_E_UTF8 when a string is not valid UTF-8.
 * @retval RECTIFY_E_CONFLICT when another writer changed the issue meanwhile.
 * @retval RECTIFY_E_DENIED when the actor lacks close_out there.
 * @retval RECTIFY_E_NO_ACTOR when the handle has no actor.
 * @retval RECTIFY_E_MISUSE when the handle is open read-only or closed.
 */
RECTIFY_API int rectify_review_verdict(int64_t *out_id, rectify_db *db, int64_t review_id, int64_t issue_id,
                                       const char *verdict, const char *date, const char *findings,
                                       const char *new_measures_json);

/**
 * The review's report: its verdicts, counts by verdict, and the issues it reopened, as JSON.
 *
 * @par Permission
 * read on the review's scope.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when review_id is not positive.
 * @retval RECTIFY_E_NOT_FOUND when there is no such review.
 * @retval RECTIFY_E_DENIED when the actor lacks read there.
 */
RECTIFY_API int rectify_review_report(char **out_json, rectify_db *db, int64_t review_id);

/* ---- Follow-ups of ongoing measures (长期坚持) ------------------------------------------------ */

/**
 * Plans follow-ups of an ongoing measure: cadence "monthly", "quarterly", "half_yearly" or
 * "yearly", from a start date. A period that ends without a follow-up turns the measure red in
 * the warnings.
 *
 * @par Permission
 * change_status on the measure's scope (admin or liaison).
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when measure_id is not positive, cadence is unknown or start is no calendar
 *         date or before the inspection began on site (the message names both dates).
 * @retval RECTIFY_E_NOT_FOUND when there is no such measure.
 * @retval RECTIFY_E_MISUSE when the measure is not an ongoing (长期坚持) one (also for a read-only or closed
 *         handle).
 * @retval RECTIFY_E_DENIED when the actor lacks change_status there.
 * @retval RECTIFY_E_NO_ACTOR when the handle has no actor.
 */
RECTIFY_API int rectify_followup_plan(rectify_db *db, int64_t measure_id, const char *cadence, const char *start);

/**
 * Records a follow-up on a date; the narrative says what was found and is required.
 *
 * @par Permission
 * add_progress on the measure's scope, or add_own_progress when the actor is its 责任人.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when measure_id is not positive, date is no calendar date or before the
 *         inspection began on site (the message names both dates), or narrative is NULL or blank.
 * @retval RECTIFY_E_UTF8 when narrative is not valid UTF-8.
 * @retval RECTIFY_E_NOT_FOUND when there is no such measure.
 * @retval RECTIFY_E_MISUSE when the measure has no follow-up plan (also for a read-only or closed handle).
 * @retval RECTIFY_E_DENIED when the actor lacks the permission.
 * @retval RECTIFY_E_NO_ACTOR when the handle has no actor.
 */
RECTIFY_API int rectify_followup_record(int64_t *out_id, rectify_db *db, int64_t measure_id, const char *date,
                                        const char *narrative);

/**
 * Follow-ups due within `days` of opts->as_of, or missed, as a JSON array (measure, cadence,
 * last_due, next_due, missed, last_followup). opts gives the scope; may be NULL.
 *
 * @par Permission
 * read on at least one scope; only readable measures are listed.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when days is not 0 .. 3660, or opts has an unknown version, a negative id or a
 *         malformed as_of.
 * @retval RECTIFY_E_DENIED when the actor reads nothing, or opts names a unit, round or inspection the
 *         actor holds no read on (refused, never answered with 0 or an empty list).
 * @retval RECTIFY_E_NOT_FOUND when opts names a unit, round or inspection that does not exist.
 */
RECTIFY_API int rectify_followups_due(char **out_json, rectify_db *db, int days, const rectify_warning_options *opts);

/* ---- Evaluation (整改评估) ------------------------------------------------------------------- */

/**
 * Scores an inspection's rectification: 100 less the deductions, a JSON array of {"item",
 * "points", "issue_id"?, "note"?}, rated 好/较好/一般/差 by thresholds (JSON {"good",
 * "fairly_good", "fair"}, NULL for 90/80/60). 一般 and 差 send the issues the deductions name
 * back for re-rectification. *out_json is the result (score, rating, label, rerectification,
 * reopened).
 *
 * @par Permission
 * close_out on the inspection's scope (admin or supervisor).
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when inspection_id is not positive, or date or deductions_json is NULL or date
 *         is no calendar date or before the inspection began on site (both dates named).
 * @retval RECTIFY_E_JSON when deductions_json or thresholds_json is not well-formed.
 * @retval RECTIFY_E_INVALID when they break their format, or a deduction names an issue not of the
 *         inspection.
 * @retval RECTIFY_E_UTF8 when a string is not valid UTF-8.
 * @retval RECTIFY_E_NOT_FOUND when there is no such inspection.
 * @retval RECTIFY_E_CONFLICT when another writer changed an issue it reopens.
 * @retval RECTIFY_E_DENIED when the actor lacks close_out there.
 * @retval RECTIFY_E_NO_ACTOR when the handle has no actor.
 * @retval RECTIFY_E_MISUSE when the handle is open read-only or closed.
 */
RECTIFY_API int rectify_evaluate(char **out_json, rectify_db *db, int64_t inspection_id, const char *date,
                                 const char *deductions_json, const char *thresholds_json);

/* ---- Leads (问题线索) ------------------------------------------------------------------------- */

/**
 * Records a lead handed to a body (市纪委监委, 市委组织部 …) on a date.
 *
 * @par Permission
 * import on the inspection's scope (admin or inspector).
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when inspection_id is not positive, summary or handed_to is NULL or blank, or
 *         handed_on is no calendar date or before the inspection began on site (both dates named).
 * @retval RECTIFY_E_UTF8 when a string is not valid UTF-8.
 * @retval RECTIFY_E_NOT_FOUND when there is no such inspection.
 * @retval RECTIFY_E_DENIED when the actor lacks import there.
 * @retval RECTIFY_E_NO_ACTOR when the handle has no actor.
 * @retval RECTIFY_E_MISUSE when the handle is open read-only or closed.
 */
RECTIFY_API int rectify_lead_add(int64_t *out_id, rectify_db *db, int64_t inspection_id, const char *summary,
                                 const char *handed_to, const char *handed_on);

/**
 * Records a lead's disposition: "in_progress", "concluded" or "no_case"; the last two need the
 * date concluded. note may be NULL.
 *
 * @par Permission
 * close_out on the lead's inspection's scope (admin or supervisor).
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when lead_id is not positive, disposition is unknown, concluded_on is given
 *         for in_progress or missing otherwise, no calendar date, or before the hand-over (both dates
 *         named).
 * @retval RECTIFY_E_UTF8 when note is not valid UTF-8.
 * @retval RECTIFY_E_NOT_FOUND when there is no such lead.
 * @retval RECTIFY_E_DENIED when the actor lacks close_out there.
 * @retval RECTIFY_E_NO_ACTOR when the handle has no actor.
 * @retval RECTIFY_E_MISUSE when the handle is open read-only or closed.
 */
RECTIFY_API int rectify_lead_dispose(rectify_db *db, int64_t lead_id, const char *disposition, const char *concluded_on,
                                     const char *note);

/**
 * The leads of an inspection (0: all the actor may read) with handed, concluded and the completion
 * rate in basis points (concluded / handed, rounded half up: 2 of 3 → 6667), as JSON. Leads are
 * confidential to the inspection body and those it hands them to: the inspected unit's liaison
 * and owners do not read them.
 *
 * @par Permission
 * read_leads on the inspection's scope (admin, inspector, supervisor, auditor); for 0, read_leads
 * somewhere (only those leads are listed).
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when inspection_id is negative.
 * @retval RECTIFY_E_NOT_FOUND when there is no such inspection.
 * @retval RECTIFY_E_DENIED when the actor lacks read_leads there.
 */
RECTIFY_API int rectify_lead_list(char **out_json, rectify_db *db, int64_t inspection_id);

RECTIFY_END_DECLS

#endif /* RECTIFY_FOLLOWTHROUGH_H */
