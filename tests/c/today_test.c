/*
 * today_test.c: an as-of date left out (NULL) is today in Asia/Shanghai (UTC+8), whatever the
 * process's TZ. The clock is fixed with RECTIFY_TEST_NOW, the variable the library reads for
 * tests only, so no check depends on the real time.
 *
 *   today_test
 *
 * Ends with "N passed, N failed"; exits nonzero on any failure.
 */
#define _XOPEN_SOURCE 700

#include <rectify/rectify.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

/* Whether the statistics with no as-of date, at instant now under zone tz, are for want. */
static int default_as_of_is(rectify_db *db, const char *now, const char *tz, const char *want)
{
    char expect[64];
    char *json = NULL;
    int ok;
    rectify_stats_options o = RECTIFY_STATS_OPTIONS_INIT;
    o.as_of = NULL;
    setenv("RECTIFY_TEST_NOW", now, 1);
    setenv("TZ", tz, 1);
    tzset();
    if (rectify_stats_json(&json, db, &o) != RECTIFY_OK) return 0;
    snprintf(expect, sizeof expect, "\"as_of\":\"%s\"", want);
    ok = strstr(json, expect) != NULL;
    if (!ok) fprintf(stderr, "at %s with TZ=%s: %s\n", now, tz, json);
    rectify_free(json);
    return ok;
}

int main(void)
{
    char dir[] = "/tmp/rectify-today-XXXXXX";
    char path[600];
    const char *zones[] = {"UTC", "America/New_York", "Asia/Shanghai"};
    size_t i;
    rectify_db *db = NULL;
    rectify_open_options oo = RECTIFY_OPEN_OPTIONS_INIT;

    if (!mkdtemp(dir)) return 2;
    snprintf(path, sizeof path, "%s/today.db", dir);
    oo.actor = "admin";
    MUST(rectify_db_open(&db, path, &oo));
    for (i = 0; i < sizeof zones / sizeof zones[0]; i++) {
        /* 01:30 in Beijing on 7 December: UTC and New York still say the 6th. */
        CHECK(default_as_of_is(db, "2026-12-06T17:30:00Z", zones[i], "2026-12-07"));
        /* The last second of the 6th in Beijing, and the first of the 7th. */
        CHECK(default_as_of_is(db, "2026-12-06T15:59:59Z", zones[i], "2026-12-06"));
        CHECK(default_as_of_is(db, "2026-12-06T16:00:00Z", zones[i], "2026-12-07"));
        /* A year's last day turns over too. */
        CHECK(default_as_of_is(db, "2026-12-31T16:00:00Z", zones[i], "2027-01-01"));
    }
    rectify_db_close(db);
    snprintf(path, sizeof path, "rm -rf '%s'", dir);
    if (system(path) != 0) return 2;
    return check_report();
}
