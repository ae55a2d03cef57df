/*
 * stats_test.c: drives rectify_stats_json(), the argument checks of rectify_report_render() and
 * its HTML dashboard (rectify/report.h) through librectify.so from plain C99: the seed's
 * statistics as of a date, each scope (inspection, unit, round, everything), the public audience
 * with and without RECTIFY_REPORT_COUNT_SHOWN_ONLY, and every bad argument, which must return its
 * code, leave a message, and reset the out-parameters.
 *
 *   stats_test SEED.json
 *
 * Ends with "N passed, N failed"; exits nonzero on any failure.
 */
#define _XOPEN_SOURCE 700

#include <rectify/rectify.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "files.h"
#include "seed_units.h"

/* The statistics for opts, or NULL when the call fails. */
static char *stats(rectify_db *db, const rectify_stats_options *opts)
{
    char *json = NULL;
    if (rectify_stats_json(&json, db, opts) != RECTIFY_OK) return NULL;
    return json;
}

static int has(const char *json, const char *part) { return json && strstr(json, part) != NULL; }

int main(int argc, char **argv)
{
    char dir[] = "/tmp/rectify-stats-XXXXXX";
    char path[600];
    char *json;
    int64_t inspection = 0, second = 0, unit = 0, round = 0;
    rectify_db *admin, *pub;

    if (argc != 2) {
        fprintf(stderr, "usage: %s SEED.json\n", argv[0]);
        return 2;
    }
    if (!mkdtemp(dir)) return 2;
    snprintf(path, sizeof path, "%s/stats.db", dir);
    admin = open_two_units(path, argv[1], &inspection, &second);
    MUST(rectify_record_find(&unit, admin, RECTIFY_KIND_UNIT, "tongcheng-dangan"));
    MUST(rectify_record_find(&round, admin, RECTIFY_KIND_ROUND, "tongcheng-2018-round"));
    MUST(rectify_user_add(admin, "公众", NULL));
    MUST(rectify_user_grant(admin, "公众", RECTIFY_ROLE_PUBLIC, RECTIFY_SCOPE_ALL, 0));

    /* One inspection, as of a date: the fields the CLI and hosts read. */
    {
        rectify_stats_options o = RECTIFY_STATS_OPTIONS_INIT;
        o.inspection_id = inspection;
        o.as_of = "2019-01-31";
        json = stats(admin, &o);
        CHECK(has(json, "\"as_of\":\"2019-01-31\""));
        CHECK(has(json, "\"issues_total\":11"));
        CHECK(has(json, "\"issues_done\":11"));
        CHECK(has(json, "\"issues_substantially_done\":0"));
        CHECK(has(json, "\"issues_in_progress\":0"));
        CHECK(has(json, "\"issues_not_done\":0"));
        CHECK(has(json, "\"measures_total\":28"));
        CHECK(has(json, "\"measures_overdue\":0"));
        CHECK(has(json, "\"completion_rate\":\"100.00%\""));
        CHECK(has(json, "\"title\":\"党的政治建设方面\""));
        CHECK(has(json, "\"wan_yuan\":\"1.155万元\""));
        rectify_free(json);
    }
    /* A unit, a round, everything. */
    {
        rectify_stats_options o = RECTIFY_STATS_OPTIONS_INIT;
        o.as_of = "2019-01-31";
        o.unit_id = unit;
        json = stats(admin, &o);
        CHECK(has(json, "\"inspections\":1"));
        CHECK(has(json, "\"name\":\"市档案馆\""));
        CHECK(!has(json, "\"name\":\"市妇联\""));
        rectify_free(json);
        o.unit_id = 0;
        o.round_id = round;
        json = stats(admin, &o);
        CHECK(has(json, "\"inspections\":2"));
        CHECK(has(json, "\"issues_total\":22"));
        CHECK(has(json, "\"complete\":2"));
        CHECK(has(json, "\"below_80\":0"));
        rectify_free(json);
        json = stats(admin, NULL); /* today, everything */
        CHECK(has(json, "\"inspections\":2"));
        rectify_free(json);
    }
    /* The public: public statistics only; totals count the hidden unless asked not to. */
    pub = open_as(path, "公众");
    {
        rectify_stats_options o = RECTIFY_STATS_OPTIONS_INIT;
        o.inspection_id = inspection;
        o.as_of = "2019-01-31";
        json = (char *)1;
        CHECK_FAILS(rectify_stats_json(&json, pub, &o), RECTIFY_E_DENIED);
        CHECK(json == NULL);
        o.audience = RECTIFY_AUDIENCE_PUBLIC;
        json = stats(pub, &o);
        CHECK(has(json, "\"issues_total\":11"));
        rectify_free(json);
        o.flags = RECTIFY_REPORT_COUNT_SHOWN_ONLY;
        json = stats(pub, &o);
        CHECK(has(json, "\"issues_total\":11")); /* nothing in the seed is non-public */
        rectify_free(json);
    }
    /* Bad arguments. */
    {
        rectify_stats_options o = RECTIFY_STATS_OPTIONS_INIT;
        json = (char *)1;
        CHECK_FAILS(rectify_stats_json(NULL, admin, &o), RECTIFY_E_ARGUMENT);
        CHECK_FAILS(rectify_stats_json(&json, NULL, &o), RECTIFY_E_ARGUMENT);
        CHECK(json == NULL);
        o.version = 99;
        CHECK_FAILS(rectify_stats_json(&json, admin, &o), RECTIFY_E_ARGUMENT);
        CHECK(strstr(rectify_errmsg(), "version") != NULL);
        o.version = RECTIFY_STATS_OPTIONS_VERSION;
        o.as_of = "2019-02-30";
        CHECK_FAILS(rectify_stats_json(&json, admin, &o), RECTIFY_E_ARGUMENT);
        CHECK(strstr(rectify_errmsg(), "2019-02-30") != NULL);
        o.as_of = NULL;
        o.audience = 7;
        CHECK_FAILS(rectify_stats_json(&json, admin, &o), RECTIFY_E_ARGUMENT);
        o.audience = RECTIFY_AUDIENCE_INTERNAL;
        o.flags = 0x80u;
        CHECK_FAILS(rectify_stats_json(&json, admin, &o), RECTIFY_E_ARGUMENT);
        o.flags = 0;
        o.inspection_id = inspection;
        o.round_id = round;
        CHECK_FAILS(rectify_stats_json(&json, admin, &o), RECTIFY_E_ARGUMENT);
        o.round_id = 0;
        o.inspection_id = -1;
        CHECK_FAILS(rectify_stats_json(&json, admin, &o), RECTIFY_E_ARGUMENT);
        o.inspection_id = 999;
        CHECK_FAILS(rectify_stats_json(&json, admin, &o), RECTIFY_E_NOT_FOUND);
        o.inspection_id = 0;
        o.round_id = 999;
        CHECK_FAILS(rectify_stats_json(&json, admin, &o), RECTIFY_E_NOT_FOUND);
        CHECK(json == NULL);
    }
    {
        rectify_report_options o = RECTIFY_REPORT_OPTIONS_INIT;
        unsigned char *data = (unsigned char *)1;
        size_t size = 7;
        CHECK_FAILS(rectify_report_render(NULL, &size, admin, inspection, &o), RECTIFY_E_ARGUMENT);
        CHECK_FAILS(rectify_report_render(&data, &size, NULL, inspection, &o), RECTIFY_E_ARGUMENT);
        CHECK(data == NULL && size == 0);
        CHECK_FAILS(rectify_report_render(&data, &size, admin, 0, &o), RECTIFY_E_ARGUMENT);
        CHECK_FAILS(rectify_report_render(&data, &size, admin, 999, &o), RECTIFY_E_NOT_FOUND);
        o.version = 0;
        CHECK_FAILS(rectify_report_render(&data, &size, admin, inspection, &o), RECTIFY_E_ARGUMENT);
        o.version = RECTIFY_REPORT_OPTIONS_VERSION;
        o.format = 0;
        CHECK_FAILS(rectify_report_render(&data, &size, admin, inspection, &o), RECTIFY_E_ARGUMENT);
        o.format = 42;
        CHECK_FAILS(rectify_report_render(&data, &size, admin, inspection, &o), RECTIFY_E_ARGUMENT);
        o.format = RECTIFY_FORMAT_XLSX; /* binary: its size must have somewhere to go */
        CHECK_FAILS(rectify_report_render(&data, NULL, admin, inspection, &o), RECTIFY_E_ARGUMENT);
        o.format = RECTIFY_FORMAT_CSV;
        o.template_text = "{{title}}"; /* templates are for the notice formats */
        CHECK_FAILS(rectify_report_render(&data, &size, admin, inspection, &o), RECTIFY_E_ARGUMENT);
        o.format = RECTIFY_FORMAT_TEXT;
        o.template_text = "\xff\xfe";
        CHECK_FAILS(rectify_report_render(&data, &size, admin, inspection, &o), RECTIFY_E_UTF8);
        o.template_text = NULL;
        o.audience = RECTIFY_AUDIENCE_INTERNAL;
        CHECK_FAILS(rectify_report_render(&data, &size, pub, inspection, &o), RECTIFY_E_DENIED);
        CHECK(data == NULL && size == 0);
        /* The notice as text: a C string whose size leaves out the NUL. */
        CHECK(rectify_report_render(&data, &size, admin, inspection, &o) == RECTIFY_OK);
        CHECK(data != NULL && size == strlen((const char *)data) && size > 1000);
        CHECK(data && strstr((const char *)data, "党的政治建设方面") != NULL);
        rectify_free(data);
        /* The dashboard: one HTML page, as of the date asked, with every aspect. */
        o.format = RECTIFY_FORMAT_HTML;
        o.as_of = "2019-01-31";
        CHECK(rectify_report_render(&data, &size, admin, inspection, &o) == RECTIFY_OK);
        CHECK(data != NULL && size == strlen((const char *)data));
        CHECK(data && strncmp((const char *)data, "<!DOCTYPE html>", 15) == 0);
        CHECK(data && strstr((const char *)data, "党的政治建设方面") != NULL);
        CHECK(data && strstr((const char *)data, "2019年1月31日") != NULL);
        rectify_free(data);
    }

    rectify_db_close(pub);
    rectify_db_close(admin);
    {
        char cmd[700];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
        if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
    }
    return check_report();
}
