/**
 * @file
 * rectify/records.h: reading records, changing their status and adding progress.
 *
 * Records go out as JSON objects (docs/records.md lists their keys): each carries its kind, its
 * int64 id, its version and the host's ref. The typed calls here are the hot paths; rich records
 * go in through rectify/interchange.h.
 */
#ifndef RECTIFY_RECORDS_H
#define RECTIFY_RECORDS_H

#include "db.h"

RECTIFY_BEGIN_DECLS

/** Record kinds. */
#define RECTIFY_KIND_ROUND 1      /**< 巡察轮次 */
#define RECTIFY_KIND_UNIT 2       /**< 被巡察单位 */
#define RECTIFY_KIND_INSPECTION 3 /**< 巡察 */
#define RECTIFY_KIND_ASPECT 4     /**< 方面 */
#define RECTIFY_KIND_ISSUE 5      /**< 问题 */
#define RECTIFY_KIND_MEASURE 6    /**< 整改措施 */
#define RECTIFY_KIND_PROGRESS 7   /**< 整改进展 */
#define RECTIFY_KIND_OUTCOME 8    /**< 成效 */

/** Statuses of issues and measures; docs/schema.md draws the machine that links them. */
#define RECTIFY_STATUS_NOT_STARTED 1        /**< 未启动 */
#define RECTIFY_STATUS_IN_PROGRESS 2        /**< 整改中 */
#define RECTIFY_STATUS_SUBSTANTIALLY_DONE 3 /**< 基本完成 */
#define RECTIFY_STATUS_DONE 4               /**< 已完成 */
#define RECTIFY_STATUS_CLOSED 5             /**< 已销号 */
#define RECTIFY_STATUS_REOPENED 6           /**< 重新整改 */

/**
 * The kind named "issue", "measure" … (as in record JSON). RECTIFY_E_ARGUMENT if unknown.
 *
 * @par Permission
 * none: needs no database and no actor.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when out_kind or name is NULL or name is no kind.
 */
RECTIFY_API int rectify_kind_from_name(int *out_kind, const char *name);

/**
 * The JSON name of a kind ("issue"); static storage; NULL for an unknown kind.
 *
 * @par Permission
 * none: needs no database and no actor.
 * @return the name, or NULL for an unknown kind.
 */
RECTIFY_API const char *rectify_kind_name(int kind);

/**
 * The status named "in_progress" … RECTIFY_E_ARGUMENT if unknown.
 *
 * @par Permission
 * none: needs no database and no actor.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when out_status or name is NULL or name is no status.
 */
RECTIFY_API int rectify_status_from_name(int *out_status, const char *name);

/**
 * The JSON name of a status ("in_progress"); static storage; NULL for an unknown status.
 *
 * @par Permission
 * none: needs no database and no actor.
 * @return the name, or NULL for an unknown status.
 */
RECTIFY_API const char *rectify_status_name(int status);

/**
 * The Chinese label of a status ("整改中"); static storage, UTF-8; NULL for an unknown status.
 *
 * @par Permission
 * none: needs no database and no actor.
 * @return the label, or NULL for an unknown status.
 */
RECTIFY_API const char *rectify_status_label(int status);

/**
 * One record as a JSON object. *out_json is freed with rectify_free().
 * RECTIFY_E_NOT_FOUND when there is no such record.
 *
 * @par Permission
 * read on the record's scope (for a unit or round: read on one of its inspections).
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when kind is unknown or id is not positive.
 * @retval RECTIFY_E_NOT_FOUND when there is no such record.
 * @retval RECTIFY_E_DENIED when the actor lacks read there.
 */
RECTIFY_API int rectify_record_get(char **out_json, rectify_db *db, int kind, int64_t id);

/**
 * The id of the record of this kind whose host key is ref; RECTIFY_E_NOT_FOUND if none.
 *
 * A ref stands for an id and needs no more than the id: what is then done with the id is
 * authorised on the record, with the same result as when the id was given. Like an id tried
 * there, the lookup tells that the record exists.
 *
 * @par Permission
 * none beyond an actor that is a user of the database.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when kind is unknown or ref is NULL.
 * @retval RECTIFY_E_UTF8 when ref is not valid UTF-8.
 * @retval RECTIFY_E_NOT_FOUND when no record of that kind has ref.
 * @retval RECTIFY_E_DENIED when the handle has no actor or the actor is not a user.
 */
RECTIFY_API int rectify_record_find(int64_t *out_id, rectify_db *db, int kind, const char *ref);

/** Options for rectify_record_list(). Initialise with RECTIFY_LIST_OPTIONS_INIT. */
typedef struct rectify_list_options {
    unsigned version;      /**< RECTIFY_LIST_OPTIONS_VERSION */
    int64_t inspection_id; /**< only records of this inspection; 0 for all */
    int64_t parent_id;     /**< only children of this record (the aspect of an issue, the issue of
                                a measure, the measure of a progress record); 0 for all */
    int64_t offset;        /**< records to skip */
    int64_t limit;         /**< at most this many; 0 for no limit */
} rectify_list_options;

/** The layout of rectify_list_options these headers describe. */
#define RECTIFY_LIST_OPTIONS_VERSION 1
/** Initialiser of rectify_list_options: this version, every record, no paging. */
#define RECTIFY_LIST_OPTIONS_INIT { RECTIFY_LIST_OPTIONS_VERSION, 0, 0, 0, 0 }

/**
 * Records of one kind as a JSON array, in display order (inspection, aspect, position).
 * opts may be NULL for RECTIFY_LIST_OPTIONS_INIT. *out_json is freed with rectify_free().
 *
 * @par Permission
 * read somewhere; the list holds only records in scopes where the actor holds read.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when kind is unknown, opts->version is unknown or a field is negative.
 * @retval RECTIFY_E_DENIED when the actor lacks read on every scope.
 */
RECTIFY_API int rectify_record_list(char **out_json, rectify_db *db, int kind,
                                    const rectify_list_options *opts);

/**
 * Moves an issue or a measure to a new status, if the status machine allows it.
 * expect_version is the version the caller last saw; 0 skips the check. On success
 * *out_version (may be NULL) is the record's new version.
 * Fails with RECTIFY_E_TRANSITION for a move the machine forbids and RECTIFY_E_CONFLICT when the
 * record's version is not expect_version; either way nothing changes.
 * A measure moved to done gets today (Asia/Shanghai) as its completed_date unless it has one; moved
 * back to in_progress or reopened, it loses it (docs/reports.md, 完成时间).
 *
 * @par Permission
 * change_status on the record's scope; close_out to move to or from closed (an issue to closed is a
 * close-out, see rectify_close_out()).
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when kind is not issue or measure, status is unknown or expect_version is
 *         negative.
 * @retval RECTIFY_E_NOT_FOUND when there is no such record.
 * @retval RECTIFY_E_DENIED when the actor lacks the permission.
 * @retval RECTIFY_E_NO_ACTOR when the handle has no actor.
 * @retval RECTIFY_E_MISUSE when the handle is open read-only or closed.
 * @retval RECTIFY_E_CONFLICT when the record is not at expect_version, or another writer changed it
 *         meanwhile.
 * @retval RECTIFY_E_TRANSITION when the status machine forbids the move.
 * @retval RECTIFY_E_GUARD when closing an issue and a close-out guard refuses.
 */
RECTIFY_API int rectify_status_set(int64_t *out_version, rectify_db *db, int kind, int64_t id,
                                   int status, int64_t expect_version);

/**
 * Adds a dated progress record (整改进展) to a measure. date is "YYYY-MM-DD"; text is the
 * narrative, non-empty UTF-8; author may be NULL for the handle's actor. On success *out_id (may
 * be NULL) is the new record's id.
 *
 * @par Permission
 * add_progress on the measure's scope, or add_own_progress when the actor is the measure's 责任人.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when date is not a calendar date in YYYY-MM-DD form or is before the inspection
 *         began on site (the message names both dates), text is NULL or blank, or measure_id is not positive.
 * @retval RECTIFY_E_UTF8 when text or author is not valid UTF-8.
 * @retval RECTIFY_E_NOT_FOUND when there is no such measure.
 * @retval RECTIFY_E_DENIED when the actor lacks the permission.
 * @retval RECTIFY_E_NO_ACTOR when the handle has no actor.
 * @retval RECTIFY_E_MISUSE when the handle is open read-only or closed.
 */
RECTIFY_API int rectify_progress_add(int64_t *out_id, rectify_db *db, int64_t measure_id,
                                     const char *date, const char *text, const char *author);

RECTIFY_END_DECLS

#endif /* RECTIFY_RECORDS_H */
