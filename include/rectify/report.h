/**
 * @file
 * rectify/report.h: what users hand to their superiors and publish: the notice in text or
 * Markdown, the ledger (台账) as CSV or XLSX, the dashboard as one HTML file, the plan of action
 * and milestones as OSCAL JSON, and the statistics behind them, all as of a date.
 *
 * Every output for RECTIFY_AUDIENCE_PUBLIC leaves out the text of every item marked non-public;
 * totals still count such items unless RECTIFY_REPORT_COUNT_SHOWN_ONLY is set. Reading a public
 * output needs read_public on the inspection, an internal one read.
 */
#ifndef RECTIFY_REPORT_H
#define RECTIFY_REPORT_H

#include "notice.h"

#include <stddef.h>

RECTIFY_BEGIN_DECLS

/* Formats beside RECTIFY_FORMAT_TEXT (rectify/notice.h). */
#define RECTIFY_FORMAT_MARKDOWN 2 /**< the notice as Markdown */
#define RECTIFY_FORMAT_HTML 3     /**< the dashboard: one self-contained HTML file */
#define RECTIFY_FORMAT_CSV 4      /**< the ledger as CSV, UTF-8 with a byte order mark */
#define RECTIFY_FORMAT_XLSX 5     /**< the ledger as an Excel workbook (binary) */
#define RECTIFY_FORMAT_OSCAL 6    /**< an OSCAL plan of action and milestones (POA&M), JSON */

/** Flags of rectify_report_options and rectify_stats_options. */
#define RECTIFY_REPORT_COUNT_SHOWN_ONLY 0x1u /**< public totals count only what is shown */

/** Options for rectify_report_render(). Initialise with RECTIFY_REPORT_OPTIONS_INIT. */
typedef struct rectify_report_options {
    unsigned version;          /**< RECTIFY_REPORT_OPTIONS_VERSION */
    int audience;              /**< RECTIFY_AUDIENCE_* */
    int format;                /**< RECTIFY_FORMAT_* */
    const char *as_of;         /**< "YYYY-MM-DD": warnings, overdue counts; NULL for today in Asia/Shanghai (UTC+8) */
    const char *template_text; /**< a mustache template for TEXT or MARKDOWN; NULL for the bundled one */
    unsigned flags;            /**< RECTIFY_REPORT_* */
} rectify_report_options;

/** The layout of rectify_report_options these headers describe. */
#define RECTIFY_REPORT_OPTIONS_VERSION 1
/** Initialiser of rectify_report_options: this version, the internal notice as text, today. */
#define RECTIFY_REPORT_OPTIONS_INIT \
    { RECTIFY_REPORT_OPTIONS_VERSION, RECTIFY_AUDIENCE_INTERNAL, RECTIFY_FORMAT_TEXT, NULL, NULL, 0u }

/**
 * Renders one inspection in opts->format. *out_data receives the bytes, followed by a NUL that
 * *out_size does not count (so text formats are C strings); free it with rectify_free().
 * out_size may be NULL for text formats. opts may be NULL for RECTIFY_REPORT_OPTIONS_INIT.
 *
 * @par Permission
 * read on the inspection's scope; read_public for RECTIFY_AUDIENCE_PUBLIC.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when out_data is NULL, inspection_id is not positive, or opts has an unknown
 *         version, audience, format or flag, a malformed as_of, or a template with a format other than text
 *         or Markdown.
 * @retval RECTIFY_E_UTF8 when template_text is not valid UTF-8.
 * @retval RECTIFY_E_INVALID when template_text is not a template the renderer takes.
 * @retval RECTIFY_E_NOT_FOUND when there is no such inspection.
 * @retval RECTIFY_E_DENIED when the actor lacks that permission.
 */
RECTIFY_API int rectify_report_render(unsigned char **out_data, size_t *out_size, rectify_db *db,
                                      int64_t inspection_id, const rectify_report_options *opts);

/** Options for rectify_stats_json(). Initialise with RECTIFY_STATS_OPTIONS_INIT. */
typedef struct rectify_stats_options {
    unsigned version;      /**< RECTIFY_STATS_OPTIONS_VERSION */
    int64_t inspection_id; /**< one inspection, or 0 */
    int64_t unit_id;       /**< one unit's inspections, or 0 */
    int64_t round_id;      /**< one round's inspections, or 0; all three 0: every readable inspection */
    const char *as_of;     /**< "YYYY-MM-DD"; NULL for today in Asia/Shanghai (UTC+8) */
    int audience;          /**< RECTIFY_AUDIENCE_* */
    unsigned flags;        /**< RECTIFY_REPORT_* */
} rectify_stats_options;

/** The layout of rectify_stats_options these headers describe. */
#define RECTIFY_STATS_OPTIONS_VERSION 1
/** Initialiser of rectify_stats_options: this version, every readable inspection, internal, today. */
#define RECTIFY_STATS_OPTIONS_INIT \
    { RECTIFY_STATS_OPTIONS_VERSION, 0, 0, 0, NULL, RECTIFY_AUDIENCE_INTERNAL, 0u }

/**
 * Statistics as of a date, as a JSON object: "as_of"; "inspections"; for issues (整改任务, the
 * top-level issues) and for measures: "<x>_total", "<x>_done", "<x>_substantially_done",
 * "<x>_in_progress", "<x>_not_done", "<x>_extended", "<x>_overdue"; "completion_rate" (issues
 * done / total, rendered: "98.71%", null when there are none) and "measures_completion_rate";
 * "aspects" (one inspection only), "outcomes", "leads" and "units" (the round roll-up). The
 * fields are described in docs/statistics.md. *out_json is freed with rectify_free().
 *
 * @par Permission
 * read (read_public for RECTIFY_AUDIENCE_PUBLIC) on the inspection, unit or round asked for; with no scope
 * given, on at least one scope, and only readable inspections count. "leads" counts only the
 * inspections where the actor holds read_leads; "leads"."withheld_inspections" (present only when
 * nonzero) says how many were left out.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when an id is negative, an inspection is given with a unit or round, or opts
 *         has an unknown version, audience or flag or a malformed as_of.
 * @retval RECTIFY_E_NOT_FOUND when the inspection, unit or round does not exist.
 * @retval RECTIFY_E_DENIED when the actor lacks that permission.
 */
RECTIFY_API int rectify_stats_json(char **out_json, rectify_db *db, const rectify_stats_options *opts);

RECTIFY_END_DECLS

#endif /* RECTIFY_REPORT_H */
