/*
 * ledger_test.c: the ledger and OSCAL formats of rectify_report_render(), as a C host calls it:
 * CSV as a NUL-terminated text beginning with the UTF-8 BOM and the header row; XLSX as a zip
 * archive whose size only out_size can tell (so a NULL out_size is refused and leaves nothing
 * behind); OSCAL as JSON text. Public and internal, and an unknown format refused.
 *
 *   ledger_test SEED.json
 *
 * Ends with "N passed, N failed" and exits nonzero on any failure.
 */
#define _XOPEN_SOURCE 700

#include <rectify/rectify.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "files.h"

static int g_passed;
static int g_failed;

#define CHECK(expr) check_impl((expr) ? 1 : 0, #expr, __LINE__)
static int check_impl(int ok, const char *expr, int line)
{
    if (ok) {
        g_passed++;
        return 1;
    }
    g_failed++;
    fprintf(stderr, "ledger_test.c:%d: FAILED: %s\n    last error %d: %s\n", line, expr, rectify_errcode(),
            rectify_errmsg());
    return 0;
}

static void fatal(const char *what)
{
    fprintf(stderr, "ledger_test: %s: %s\n", what, rectify_errmsg());
    exit(2);
}

/* How many times needle occurs in the first size bytes of data. */
static int count(const unsigned char *data, size_t size, const char *needle)
{
    size_t n = strlen(needle), i;
    int found = 0;
    for (i = 0; i + n <= size; ++i)
        if (memcmp(data + i, needle, n) == 0)
            found++;
    return found;
}

int main(int argc, char **argv)
{
    char dir[512], path[600];
    const char *base = getenv("TMPDIR");
    rectify_db *db = NULL;
    rectify_open_options oo = RECTIFY_OPEN_OPTIONS_INIT;
    rectify_report_options ro = RECTIFY_REPORT_OPTIONS_INIT;
    unsigned char *data = (unsigned char *)&g_passed; /* a sentinel the calls must reset */
    size_t size = 12345;
    int64_t id = 0, measure = 0;
    char *seed, *text = NULL;

    if (argc != 2) {
        fprintf(stderr, "usage: ledger_test SEED.json\n");
        return 2;
    }
    snprintf(dir, sizeof dir, "%s/rectify-ledger-test-XXXXXX", base && *base ? base : "/tmp");
    if (mkdtemp(dir) == NULL)
        fatal("mkdtemp");
    snprintf(path, sizeof path, "%s/ledger.db", dir);
    oo.actor = "admin";
    if (rectify_db_open(&db, path, &oo) != RECTIFY_OK)
        fatal("open");
    seed = read_file(argv[1], NULL);
    if (seed == NULL)
        fatal("cannot read the seed case");
    if (rectify_import_json(&id, NULL, db, seed, strlen(seed)) != RECTIFY_OK)
        fatal("import");
    free(seed);
    ro.as_of = "2019-03-01";

    /* CSV: text with the BOM, the header row, a CRLF after each of the 1 + 28 records. */
    ro.format = RECTIFY_FORMAT_CSV;
    CHECK(rectify_report_render(&data, &size, db, id, &ro) == RECTIFY_OK);
    if (CHECK(data != NULL && size > 3)) {
        CHECK(memcmp(data, "\xEF\xBB\xBF", 3) == 0);
        CHECK(strncmp((const char *)data + 3, "问题,整改措施,责任领导,责任部门,责任人,整改时限,完成情况,状态,预警,佐证材料数,销号日期,完成时间,备注\r\n",
                      strlen("问题,整改措施,责任领导,责任部门,责任人,整改时限,完成情况,状态,预警,佐证材料数,销号日期,完成时间,备注\r\n")) == 0);
        CHECK(strlen((const char *)data) == size);
        CHECK(count(data, size, "\r\n") == 1 + 28);
        /* 完成时间, before the empty 备注: the seed's one dated measure that is done, in its row. */
        CHECK(count(data, size, ",2019年1月18日,\r\n") == 1);
        CHECK(count(data, size, ",2019年2月28日,\r\n") == 0);
    }
    rectify_free(data);
    /* A text format needs no out_size. */
    CHECK(rectify_report_render(&data, NULL, db, id, &ro) == RECTIFY_OK);
    CHECK(data != NULL && data[0] == 0xEF);
    rectify_free(data);

    /* XLSX: a zip archive ("PK\3\4"), with NULs inside, its size in out_size. */
    ro.format = RECTIFY_FORMAT_XLSX;
    size = 12345;
    CHECK(rectify_report_render(&data, &size, db, id, &ro) == RECTIFY_OK);
    if (CHECK(data != NULL && size > 1000)) {
        CHECK(memcmp(data, "PK\x03\x04", 4) == 0);
        CHECK(memchr(data, 0, size) != NULL);
        CHECK(count(data, size, "xl/worksheets/sheet1.xml") >= 1);
    }
    rectify_free(data);
    data = (unsigned char *)&g_passed;
    CHECK(rectify_report_render(&data, NULL, db, id, &ro) == RECTIFY_E_ARGUMENT);
    CHECK(data == NULL);
    CHECK(strstr(rectify_errmsg(), "out_size") != NULL);

    /* OSCAL: JSON text naming its model and version. */
    ro.format = RECTIFY_FORMAT_OSCAL;
    CHECK(rectify_report_render(&data, &size, db, id, &ro) == RECTIFY_OK);
    if (CHECK(data != NULL)) {
        CHECK(strstr((const char *)data, "\"plan-of-action-and-milestones\"") != NULL);
        CHECK(strstr((const char *)data, "\"oscal-version\": \"1.0.6\"") != NULL);
        CHECK(count(data, size, "\"risk-uuid\"") == 11);
    }
    rectify_free(data);

    /* The public audience renders the same formats. */
    ro.audience = RECTIFY_AUDIENCE_PUBLIC;
    ro.format = RECTIFY_FORMAT_CSV;
    CHECK(rectify_report_render(&data, &size, db, id, &ro) == RECTIFY_OK);
    CHECK(data != NULL && count(data, size, "\r\n") == 1 + 28);
    rectify_free(data);

    /* A measure set done gets the day in the database's zone as its 完成时间 (17:30 UTC on
     * 27 February is 28 February at UTC+8); sent back to work, it loses it. */
    ro.audience = RECTIFY_AUDIENCE_INTERNAL;
    CHECK(rectify_record_find(&measure, db, RECTIFY_KIND_MEASURE, "tongcheng-2018-fulian/a1/i1/m3") == RECTIFY_OK);
    setenv("RECTIFY_TEST_NOW", "2019-02-27T17:30:00Z", 1);
    CHECK(rectify_status_set(NULL, db, RECTIFY_KIND_MEASURE, measure, RECTIFY_STATUS_DONE, 0) == RECTIFY_OK);
    unsetenv("RECTIFY_TEST_NOW");
    CHECK(rectify_record_get(&text, db, RECTIFY_KIND_MEASURE, measure) == RECTIFY_OK);
    CHECK(text != NULL && strstr(text, "\"completed_date\":\"2019-02-28\"") != NULL);
    rectify_free(text);
    CHECK(rectify_report_render(&data, &size, db, id, &ro) == RECTIFY_OK);
    CHECK(data != NULL && count(data, size, ",2019年2月28日,\r\n") == 1);
    rectify_free(data);
    setenv("RECTIFY_TEST_NOW", "2019-03-02T02:00:00Z", 1);
    CHECK(rectify_status_set(NULL, db, RECTIFY_KIND_MEASURE, measure, RECTIFY_STATUS_IN_PROGRESS, 0) == RECTIFY_OK);
    unsetenv("RECTIFY_TEST_NOW");
    CHECK(rectify_record_get(&text, db, RECTIFY_KIND_MEASURE, measure) == RECTIFY_OK);
    CHECK(text != NULL && strstr(text, "\"completed_date\":null") != NULL);
    rectify_free(text);
    CHECK(rectify_report_render(&data, &size, db, id, &ro) == RECTIFY_OK);
    CHECK(data != NULL && count(data, size, "2019年2月28日") == 0);
    rectify_free(data);

    /* Garbage: an unknown format, a missing inspection. */
    ro.format = RECTIFY_FORMAT_OSCAL + 1;
    CHECK(rectify_report_render(&data, &size, db, id, &ro) == RECTIFY_E_ARGUMENT);
    CHECK(data == NULL && size == 0);
    ro.format = RECTIFY_FORMAT_XLSX;
    CHECK(rectify_report_render(&data, &size, db, id + 100, &ro) == RECTIFY_E_NOT_FOUND);
    CHECK(data == NULL && size == 0);

    rectify_db_close(db);
    unlink(path);
    rmdir(dir);
    printf("%d passed, %d failed\n", g_passed, g_failed);
    return g_failed ? 1 : 0;
}
