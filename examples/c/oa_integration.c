/*
 * oa_integration: a day of an OA system's work with rectify, in C.
 *
 *   oa_integration DB.db INSPECTION.json MEASURE_REF DATE TEXT AS_OF
 *
 * Opens (or creates) the database as the OA's sync account, imports the inspection the OA
 * exported (again and again: import updates by ref instead of duplicating), records DATE's
 * progress TEXT on the measure the OA knows as MEASURE_REF, prints the red and yellow warnings as
 * of AS_OF as a table and then the rectification notice. Every failure is reported with
 * rectify_errmsg(), which says what went wrong and where, and ends the program with status 1.
 */
#include <rectify/rectify.h>

#include <stdio.h>

#include "warning_row.h"

static int report_failure(const char *doing, int rc) {
    fprintf(stderr, "oa_integration: %s: %s (%s)\n", doing, rectify_errmsg(), rectify_strerror(rc));
    return 1;
}

/* Prints one warning row: the OA's operators read light, days left, deadline and title. */
static int print_row(void *ctx, const char *row, size_t len) {
    char light[16], days_left[24], deadline[16], department[128], title[512];
    (void)ctx;
    warning_row_field(row, len, "light", light, sizeof light);
    warning_row_field(row, len, "days_left", days_left, sizeof days_left);
    warning_row_field(row, len, "deadline", deadline, sizeof deadline);
    warning_row_field(row, len, "department", department, sizeof department);
    warning_row_field(row, len, "title", title, sizeof title);
    printf("%s  %5s  %-10s  %s%s%s\n", warning_light_label(light), days_left, deadline[0] ? deadline : "-", title,
           department[0] ? " / " : "", department);
    return 0; /* go on: every row is wanted */
}

static int print_warnings(rectify_db *db, int64_t inspection, const char *as_of) {
    rectify_warning_options opts = RECTIFY_WARNING_OPTIONS_INIT;
    int64_t overdue = 0;
    int rc;

    opts.as_of = as_of;
    opts.inspection_id = inspection;
    opts.lights = (1u << RECTIFY_LIGHT_RED) | (1u << RECTIFY_LIGHT_YELLOW); /* what needs action */
    printf("预警（截至%s）\n", as_of);
    printf("预警   剩余  整改时限    整改措施 / 责任部门\n"); /* aligned for the rows' 2-column CJK */
    if ((rc = rectify_warnings_each(db, &opts, print_row, NULL)) != RECTIFY_OK) return report_failure("warnings", rc);
    if ((rc = rectify_overdue_count(&overdue, db, &opts)) != RECTIFY_OK) return report_failure("overdue count", rc);
    printf("逾期未完成：%lld项\n\n", (long long)overdue);
    return 0;
}

int main(int argc, char **argv) {
    rectify_db *db = NULL;
    rectify_open_options opts = RECTIFY_OPEN_OPTIONS_INIT;
    int64_t inspection = 0, measure = 0, progress = 0;
    char *summary = NULL, *notice = NULL;
    int rc, status = 1;

    if (argc != 7) {
        fprintf(stderr, "usage: %s DB.db INSPECTION.json MEASURE_REF DATE TEXT AS_OF\n", argv[0]);
        return 2;
    }
    opts.actor = "oa-sync"; /* every change is audited under the name of who made it */
    if ((rc = rectify_db_open(&db, argv[1], &opts)) != RECTIFY_OK) return report_failure("open", rc);

    if ((rc = rectify_import_file(&inspection, &summary, db, argv[2])) != RECTIFY_OK) {
        report_failure("import", rc);
        goto done;
    }
    printf("导入：%s\n", summary);

    if ((rc = rectify_record_find(&measure, db, RECTIFY_KIND_MEASURE, argv[3])) != RECTIFY_OK) {
        report_failure("finding the measure", rc);
        goto done;
    }
    if ((rc = rectify_progress_add(&progress, db, measure, argv[4], argv[5], NULL)) != RECTIFY_OK) {
        report_failure("adding progress", rc);
        goto done;
    }
    printf("进展：措施 %s 记入 %s 的进展 #%lld\n\n", argv[3], argv[4], (long long)progress);

    if (print_warnings(db, inspection, argv[6]) != 0) goto done;

    if ((rc = rectify_notice_render(&notice, db, inspection, NULL)) != RECTIFY_OK) {
        report_failure("notice", rc);
        goto done;
    }
    fputs(notice, stdout);
    status = 0;

done:
    rectify_free(notice); /* rectify_free(NULL) and rectify_db_close(NULL) do nothing */
    rectify_free(summary);
    rectify_db_close(db);
    return status;
}
