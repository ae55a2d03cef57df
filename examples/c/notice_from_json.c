/*
 * notice_from_json: what an OA system does first with rectify. Opens (or creates) a database,
 * imports an inspection from the host's JSON export, records a day's progress on one measure
 * and prints the rectification notice.
 *
 *   notice_from_json DB.db INSPECTION.json [MEASURE_REF DATE TEXT]
 */
#include <rectify/rectify.h>

#include <stdio.h>

static int fail(const char *doing, int rc) {
    fprintf(stderr, "notice_from_json: %s: %s (%s)\n", doing, rectify_errmsg(), rectify_strerror(rc));
    return 1;
}

int main(int argc, char **argv) {
    rectify_db *db = NULL;
    rectify_open_options opts = RECTIFY_OPEN_OPTIONS_INIT;
    int64_t inspection = 0, measure = 0;
    char *notice = NULL;
    int rc;

    if (argc != 3 && argc != 6) {
        fprintf(stderr, "usage: %s DB.db INSPECTION.json [MEASURE_REF DATE TEXT]\n", argv[0]);
        return 2;
    }
    opts.actor = "oa-sync"; /* every change is audited under the name of who made it */
    if ((rc = rectify_db_open(&db, argv[1], &opts)) != RECTIFY_OK) return fail("open", rc);

    if ((rc = rectify_import_file(&inspection, NULL, db, argv[2])) != RECTIFY_OK) {
        rectify_db_close(db);
        return fail("import", rc);
    }
    if (argc == 6) {
        if ((rc = rectify_record_find(&measure, db, RECTIFY_KIND_MEASURE, argv[3])) != RECTIFY_OK ||
            (rc = rectify_progress_add(NULL, db, measure, argv[4], argv[5], NULL)) != RECTIFY_OK) {
            rectify_db_close(db);
            return fail("progress", rc);
        }
    }
    if ((rc = rectify_notice_render(&notice, db, inspection, NULL)) != RECTIFY_OK) {
        rectify_db_close(db);
        return fail("notice", rc);
    }
    fputs(notice, stdout);
    rectify_free(notice);
    rectify_db_close(db);
    return 0;
}
