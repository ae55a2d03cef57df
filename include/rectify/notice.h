/**
 * @file
 * rectify/notice.h: the rectification notice (整改情况通报) rendered from stored data, and a
 * written notice parsed back into an inspection document.
 */
#ifndef RECTIFY_NOTICE_H
#define RECTIFY_NOTICE_H

#include "db.h"

RECTIFY_BEGIN_DECLS

/** Audiences. A public notice never shows the text of an item marked non-public. */
#define RECTIFY_AUDIENCE_INTERNAL 1 /**< 党内通报 */
#define RECTIFY_AUDIENCE_PUBLIC 2   /**< 向社会公开 */

/** Formats. */
#define RECTIFY_FORMAT_TEXT 1 /**< plain UTF-8 text, one paragraph a line */

/** Options for rectify_notice_render(). Initialise with RECTIFY_NOTICE_OPTIONS_INIT. */
typedef struct rectify_notice_options {
    unsigned version; /**< RECTIFY_NOTICE_OPTIONS_VERSION */
    int audience;     /**< RECTIFY_AUDIENCE_* */
    int format;       /**< RECTIFY_FORMAT_TEXT, or RECTIFY_FORMAT_MARKDOWN (rectify/report.h) */
} rectify_notice_options;

/** The layout of rectify_notice_options these headers describe. */
#define RECTIFY_NOTICE_OPTIONS_VERSION 1
/** Initialiser of rectify_notice_options: this version, the internal notice as plain text. */
#define RECTIFY_NOTICE_OPTIONS_INIT \
    { RECTIFY_NOTICE_OPTIONS_VERSION, RECTIFY_AUDIENCE_INTERNAL, RECTIFY_FORMAT_TEXT }

/**
 * Renders the notice of one inspection: title, preamble with its dates and counts, one section
 * per aspect with its issues and their 整改情况, the outcome totals and the closing section, with
 * the bundled template (rectify_report_render() takes a host's own). opts may be NULL for
 * RECTIFY_NOTICE_OPTIONS_INIT. *out_text is freed with rectify_free().
 *
 * @par Permission
 * read on the inspection's scope for the internal notice; read_public for the public one.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when inspection_id is not positive, or opts has an unknown version, audience
 *         or format.
 * @retval RECTIFY_E_NOT_FOUND when there is no such inspection.
 * @retval RECTIFY_E_DENIED when the actor lacks that permission.
 */
RECTIFY_API int rectify_notice_render(char **out_text, rectify_db *db, int64_t inspection_id,
                                      const rectify_notice_options *opts);

/**
 * Options for rectify_notice_parse(). Initialise with RECTIFY_PARSE_OPTIONS_INIT, then set what
 * the notice does not say. Every field may be NULL; a value given wins over the notice's
 * preamble. Strings are UTF-8 and only read during the call.
 */
typedef struct rectify_parse_options {
    unsigned version;          /**< RECTIFY_PARSE_OPTIONS_VERSION */
    const char *ref;           /**< the inspection's ref; NULL: "<unit>-<onsite_start>" */
    const char *unit;          /**< the unit's name; NULL: the Party organisation less 党组/党委 … */
    const char *kind;          /**< "routine", "special" …; NULL: from the label (专项巡察 → special) */
    const char *group;         /**< the inspecting group; NULL: from the preamble */
    const char *onsite_start;  /**< YYYY-MM-DD; NULL: from the preamble */
    const char *onsite_end;    /**< YYYY-MM-DD; NULL: from the preamble, if it says */
    const char *feedback_date; /**< YYYY-MM-DD; NULL: from the preamble, if it says */
} rectify_parse_options;

/** The layout of rectify_parse_options these headers describe. */
#define RECTIFY_PARSE_OPTIONS_VERSION 1
/** Initialiser of rectify_parse_options: this version, everything from the notice itself. */
#define RECTIFY_PARSE_OPTIONS_INIT \
    { RECTIFY_PARSE_OPTIONS_VERSION, NULL, NULL, NULL, NULL, NULL, NULL, NULL }

/**
 * Parses a notice written as people write them (the seed's layout: a preamble, aspect headings
 * （一）/(一), issues 1、/1./1．, sub-items （1）, "整改情况：" narratives, a closing section) into
 * an inspection document (docs/schema.md) that rectify_import_json() takes. docs/parse.md says
 * exactly what is accepted. text is len bytes of UTF-8 and need not be NUL-terminated; opts may be
 * NULL for RECTIFY_PARSE_OPTIONS_INIT. Needs no database. *out_json is freed with rectify_free().
 *
 * Text the parser cannot place fails with RECTIFY_E_INVALID and rectify_errmsg() naming the
 * 1-based line and quoting it ("line 3: cannot place this text: …"); invalid UTF-8 fails with
 * RECTIFY_E_UTF8 naming the line; a required fact the notice lacks names the option to give;
 * a bad option fails with RECTIFY_E_ARGUMENT.
 *
 * @par Permission
 * none: needs no database and no actor.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when out_json or text is NULL, an option is bad (an unknown version, a
 *         malformed date, an unknown kind, invalid UTF-8), or the unit, group or ref comes out empty.
 * @retval RECTIFY_E_UTF8 when text is not valid UTF-8 (the message names the line).
 * @retval RECTIFY_E_INVALID when text cannot be placed or a required fact is missing (the message names the
 *         line or the option to give).
 */
RECTIFY_API int rectify_notice_parse(char **out_json, const char *text, size_t len,
                                     const rectify_parse_options *opts);

RECTIFY_END_DECLS

#endif /* RECTIFY_NOTICE_H */
