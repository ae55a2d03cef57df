/*
 * rectify/notice.h: the rectification notice (整改情况通报) rendered from stored data.
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

#define RECTIFY_NOTICE_OPTIONS_VERSION 1
#define RECTIFY_NOTICE_OPTIONS_INIT \
    { RECTIFY_NOTICE_OPTIONS_VERSION, RECTIFY_AUDIENCE_INTERNAL, RECTIFY_FORMAT_TEXT }

/**
 * Renders the notice of one inspection: title, preamble with its dates and counts, one section
 * per aspect with its issues and their 整改情况, the outcome totals and the closing section, with
 * the bundled template (rectify_report_render() takes a host's own). opts may be NULL for
 * RECTIFY_NOTICE_OPTIONS_INIT. *out_text is freed with rectify_free().
 */
RECTIFY_API int rectify_notice_render(char **out_text, rectify_db *db, int64_t inspection_id,
                                      const rectify_notice_options *opts);

RECTIFY_END_DECLS

#endif /* RECTIFY_NOTICE_H */
