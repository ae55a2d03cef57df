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
 */
RECTIFY_API int rectify_evidence_add(int64_t *out_id, rectify_db *db, int kind, int64_t target_id,
                                     const rectify_evidence *evidence);

/** Evidence of one issue or measure as a JSON array. *out_json is freed with rectify_free(). */
RECTIFY_API int rectify_evidence_list(char **out_json, rectify_db *db, int kind, int64_t target_id);

/**
 * Re-hashes every evidence file of an inspection (0: every inspection the actor reads) and
 * reports {"intact", "checked", "changed": [...], "missing": [...]} in *out_report (may be
 * NULL). Returns RECTIFY_OK when all files are as recorded, RECTIFY_E_TAMPERED otherwise (the
 * report is set in both cases).
 */
RECTIFY_API int rectify_evidence_verify(char **out_report, rectify_db *db, int64_t inspection_id);

/* ---- Close-out (销号) ------------------------------------------------------------------------ */

/**
 * The actor, as verifier, accepts a done issue as rectified on `date`. Refused with
 * RECTIFY_E_GUARD, naming the guard, unless every guard holds (by default: every measure of the
 * issue and its sub-issues done, at least one evidence item, the verifier no measure's 责任人).
 * Setting an issue's status to closed by any other call goes through the same guards.
 * *out_version (may be NULL) is the issue's new version. note may be NULL.
 */
RECTIFY_API int rectify_close_out(int64_t *out_version, rectify_db *db, int64_t issue_id, const char *date,
                                  const char *note);

/**
 * Sets the close-out guards from JSON {"measures_done": bool, "min_evidence": n,
 * "verifier_not_owner": bool}; keys left out keep their defaults. Needs admin on the whole
 * database.
 */
RECTIFY_API int rectify_close_out_guards_set(rectify_db *db, const char *json, size_t len);

/** The close-out guards in force, as JSON. */
RECTIFY_API int rectify_close_out_guards(char **out_json, rectify_db *db);

/** The close-outs of an issue (verifier, closed_on, note), as a JSON array. */
RECTIFY_API int rectify_close_out_list(char **out_json, rectify_db *db, int64_t issue_id);

/* ---- Look-back reviews (回头看) -------------------------------------------------------------- */

/** Review scopes. */
#define RECTIFY_REVIEW_INSPECTION 1 /**< scope_id is an inspection's id */
#define RECTIFY_REVIEW_ROUND 2      /**< scope_id is a round's id: every inspection of the round */

/** Schedules a look-back review of an inspection or a whole round, on a date, by a team. */
RECTIFY_API int rectify_review_schedule(int64_t *out_id, rectify_db *db, int scope, int64_t scope_id, const char *date,
                                        const char *team, const char *title);

/**
 * Records a verdict on one issue: "held", "relapsed", "incomplete" or "false" (虚假整改).
 * Anything but held needs findings, reopens the issue (closed → reopened; done → in progress),
 * keeps its history and raises its relapse count; new_measures_json (may be NULL) is a JSON
 * array of re-rectification measures (二次整改: title, category, deadline, leader, department,
 * person) added to the issue. Needs supervisor (or admin) rights on the issue.
 */
RECTIFY_API int rectify_review_verdict(int64_t *out_id, rectify_db *db, int64_t review_id, int64_t issue_id,
                                       const char *verdict, const char *date, const char *findings,
                                       const char *new_measures_json);

/** The review's report: its verdicts, counts by verdict, and the issues it reopened, as JSON. */
RECTIFY_API int rectify_review_report(char **out_json, rectify_db *db, int64_t review_id);

/* ---- Follow-ups of ongoing measures (长期坚持) ------------------------------------------------ */

/**
 * Plans follow-ups of an ongoing measure: cadence "monthly", "quarterly", "half_yearly" or
 * "yearly", from a start date. A period that ends without a follow-up turns the measure red in
 * the warnings.
 */
RECTIFY_API int rectify_followup_plan(rectify_db *db, int64_t measure_id, const char *cadence, const char *start);

/** Records a follow-up on a date; the narrative says what was found and is required. */
RECTIFY_API int rectify_followup_record(int64_t *out_id, rectify_db *db, int64_t measure_id, const char *date,
                                        const char *narrative);

/**
 * Follow-ups due within `days` of opts->as_of, or missed, as a JSON array (measure, cadence,
 * last_due, next_due, missed, last_followup). opts gives the scope; may be NULL. Needs read on
 * that scope: RECTIFY_E_DENIED otherwise, with *out_json NULL (see rectify_warning_options).
 */
RECTIFY_API int rectify_followups_due(char **out_json, rectify_db *db, int days, const rectify_warning_options *opts);

/* ---- Evaluation (整改评估) ------------------------------------------------------------------- */

/**
 * Scores an inspection's rectification: 100 less the deductions, a JSON array of {"item",
 * "points", "issue_id"?, "note"?}, rated 好/较好/一般/差 by thresholds (JSON {"good",
 * "fairly_good", "fair"}, NULL for 90/80/60). 一般 and 差 send the issues the deductions name
 * back for re-rectification. *out_json is the result (score, rating, label, rerectification,
 * reopened).
 */
RECTIFY_API int rectify_evaluate(char **out_json, rectify_db *db, int64_t inspection_id, const char *date,
                                 const char *deductions_json, const char *thresholds_json);

/* ---- Leads (问题线索) ------------------------------------------------------------------------- */

/** Records a lead handed to a body (市纪委监委, 市委组织部 …) on a date. */
RECTIFY_API int rectify_lead_add(int64_t *out_id, rectify_db *db, int64_t inspection_id, const char *summary,
                                 const char *handed_to, const char *handed_on);

/**
 * Records a lead's disposition: "in_progress", "concluded" or "no_case"; the last two need the
 * date concluded. note may be NULL.
 */
RECTIFY_API int rectify_lead_dispose(rectify_db *db, int64_t lead_id, const char *disposition, const char *concluded_on,
                                     const char *note);

/**
 * The leads of an inspection (0: all the actor reads) with handed, concluded and the completion
 * rate in basis points (concluded / handed, rounded half up: 2 of 3 → 6667), as JSON.
 */
RECTIFY_API int rectify_lead_list(char **out_json, rectify_db *db, int64_t inspection_id);

RECTIFY_END_DECLS

#endif /* RECTIFY_FOLLOWTHROUGH_H */
