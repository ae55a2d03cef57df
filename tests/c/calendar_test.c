/*
 * calendar_test.c: drives rectify/calendar.h through librectify.so from plain C99: the bundled
 * China calendar, loading notices from memory and files, local days, unknown-date policies,
 * working-day arithmetic and legal periods, and every call fed NULL and garbage.
 *
 *   calendar_test DATA_DIR HOLIDAY_CN_DIR
 *
 * DATA_DIR is the repository's data/ (for calendars/cn-2007-2026.json), HOLIDAY_CN_DIR holds
 * holiday-cn's YEAR.json files (for 2027.json, a year with no notice yet). Every check prints
 * file:line and the library's last error when it fails; the program ends with "N passed, N
 * failed" and exits nonzero on any failure. Dates are written into buffers of exactly
 * RECTIFY_DATE_SIZE heap bytes and JSON is passed without a NUL, so the sanitizer build catches
 * any overrun. RECTIFY_TEST_VERBOSE=1 prints the message of every expected failure.
 */
#define _XOPEN_SOURCE 700

#include <rectify/rectify.h>

#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ------------------------------------------------------------------------------------------ */
/* Checks                                                                                      */

static int g_passed;
static int g_failed;
static const char *g_phase = "start";
static int g_verbose;

static int check_impl(int ok, const char *expr, const char *file, int line)
{
    if (ok) {
        g_passed++;
        return 1;
    }
    g_failed++;
    fprintf(stderr, "%s:%d: [%s] FAILED: %s\n    last error %d (%s): %s\n", file, line, g_phase, expr,
            rectify_errcode(), rectify_strerror(rectify_errcode()), rectify_errmsg());
    return 0;
}

/* A call returned `want`; on failure the library also left the same code and a message. */
static int check_rc_impl(int rc, int want, const char *expr, const char *file, int line)
{
    const char *msg = rectify_errmsg();
    int code = rectify_errcode();
    if (rc == want && rc < 0 && (msg == NULL || msg[0] == '\0' || code != rc)) {
        g_failed++;
        fprintf(stderr, "%s:%d: [%s] FAILED: %s\n    returned %d, but errcode is %d and errmsg \"%s\"\n", file, line,
                g_phase, expr, rc, code, msg ? msg : "(NULL)");
        return 0;
    }
    if (rc == want) {
        g_passed++;
        if (rc < 0 && g_verbose)
            printf("%s:%d: [%s] %d as expected: %s\n", file, line, g_phase, rc, msg);
        return 1;
    }
    g_failed++;
    fprintf(stderr, "%s:%d: [%s] FAILED: %s\n    returned %d (%s), expected %d (%s)\n    errmsg: %s\n", file, line,
            g_phase, expr, rc, rectify_strerror(rc), want, rectify_strerror(want), msg ? msg : "(NULL)");
    return 0;
}

static int check_msg_has(const char *what, const char *file, int line)
{
    const char *m = rectify_errmsg();
    if (m != NULL && strstr(m, what) != NULL) {
        g_passed++;
        return 1;
    }
    g_failed++;
    fprintf(stderr, "%s:%d: [%s] FAILED: errmsg should contain \"%s\"\n    errmsg: %s\n", file, line, g_phase, what,
            m ? m : "(NULL)");
    return 0;
}

static int check_str_impl(const char *got, const char *want, const char *expr, const char *file, int line)
{
    if (got != NULL && strcmp(got, want) == 0) {
        g_passed++;
        return 1;
    }
    g_failed++;
    fprintf(stderr, "%s:%d: [%s] FAILED: %s\n    got \"%s\", want \"%s\"\n    last error: %s\n", file, line, g_phase,
            expr, got ? got : "(NULL)", want, rectify_errmsg());
    return 0;
}

#define CHECK(cond) check_impl((cond) != 0, #cond, __FILE__, __LINE__)
#define CHECK_RC(expr, want) check_rc_impl((expr), (want), #expr, __FILE__, __LINE__)
#define CHECK_MSG_HAS(what) check_msg_has((what), __FILE__, __LINE__)
#define CHECK_STR(got, want) check_str_impl((got), (want), #got, __FILE__, __LINE__)

static void fatal(const char *what)
{
    fprintf(stderr, "calendar_test: fatal: %s\n", what);
    exit(2);
}

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                     */

static const char *g_data_dir;
static const char *g_holiday_dir;

/* A heap buffer of exactly RECTIFY_DATE_SIZE bytes, refilled with junk before every call. */
static char *g_out;

static char *out_date(void)
{
    memset(g_out, 'x', RECTIFY_DATE_SIZE);
    return g_out;
}

/* The type of date in cal; -100 when the call fails. */
static int day_type(const rectify_calendar *cal, const char *date)
{
    int t = -1;
    if (rectify_calendar_day_type(&t, cal, date) != RECTIFY_OK)
        return -100;
    return t;
}

/* Loads json (passed without its NUL, from a heap copy of exactly its length). */
static int load(rectify_calendar *cal, const char *json)
{
    size_t len = strlen(json);
    char *copy = (char *)malloc(len ? len : 1);
    int rc;
    if (copy == NULL)
        fatal("out of memory");
    memcpy(copy, json, len);
    rc = rectify_calendar_load_json(cal, copy, len);
    free(copy);
    return rc;
}

/* A fingerprint of day types from 2006-12 to 2027-12, to prove a failed call changed nothing. */
static unsigned long fingerprint(const rectify_calendar *cal)
{
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    unsigned long h = 5381;
    int y, m, d;
    char date[32];
    for (y = 2006; y <= 2027; y++)
        for (m = 1; m <= 12; m++)
            for (d = 1; d <= mdays[m - 1] + (m == 2 && y % 4 == 0); d++) {
                snprintf(date, sizeof date, "%04d-%02d-%02d", y, m, d);
                h = h * 33 + (unsigned long)day_type(cal, date);
            }
    return h;
}

static const char *kNotice2027 =
    "{\"year\": 2027, \"papers\": [\"https://example.org/made-up-2027\"], \"days\": ["
    "{\"name\": \"元旦\", \"date\": \"2027-01-01\", \"isOffDay\": true},"
    "{\"name\": \"春节\", \"date\": \"2027-02-06\", \"isOffDay\": false}]}";

/* ------------------------------------------------------------------------------------------ */
/* Tests                                                                                       */

static void test_constants(void)
{
    const char *s = rectify_strerror(RECTIFY_E_UNKNOWN_DATE);
    g_phase = "constants";
    CHECK(RECTIFY_E_UNKNOWN_DATE == -19);
    CHECK(s != NULL && strcmp(s, "unknown error code") != 0);
    CHECK(RECTIFY_DATE_SIZE == 11);
    CHECK_STR(rectify_day_type_name(RECTIFY_DAY_WORKDAY), "workday");
    CHECK_STR(rectify_day_type_name(RECTIFY_DAY_WEEKEND), "weekend");
    CHECK_STR(rectify_day_type_name(RECTIFY_DAY_HOLIDAY), "holiday");
    CHECK_STR(rectify_day_type_name(RECTIFY_DAY_ADJUSTED_WORKDAY), "adjusted_workday");
    CHECK_STR(rectify_day_type_name(RECTIFY_DAY_UNKNOWN), "unknown");
    CHECK(rectify_day_type_name(0) == NULL);
    CHECK(rectify_day_type_name(6) == NULL);
    CHECK(rectify_day_type_name(INT_MIN) == NULL);
}

static void test_new_and_free(void)
{
    rectify_calendar *cal = (rectify_calendar *)(void *)&g_passed; /* a non-NULL sentinel */
    int known = -1;
    g_phase = "new";
    CHECK_RC(rectify_calendar_new(NULL, RECTIFY_CALENDAR_CHINA), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_calendar_new(&cal, 2), RECTIFY_E_ARGUMENT);
    CHECK(cal == NULL);
    CHECK_MSG_HAS("flags");
    cal = (rectify_calendar *)(void *)&g_passed;
    CHECK_RC(rectify_calendar_new(&cal, -1), RECTIFY_E_ARGUMENT);
    CHECK(cal == NULL);
    rectify_calendar_free(NULL);

    CHECK_RC(rectify_calendar_new(&cal, RECTIFY_CALENDAR_EMPTY), RECTIFY_OK);
    CHECK(cal != NULL);
    CHECK(day_type(cal, "2019-10-01") == RECTIFY_DAY_UNKNOWN);
    CHECK_RC(rectify_calendar_year_known(&known, cal, 2019), RECTIFY_OK);
    CHECK(known == 0);
    rectify_calendar_free(cal);

    CHECK_RC(rectify_calendar_new(&cal, RECTIFY_CALENDAR_CHINA), RECTIFY_OK);
    CHECK_RC(rectify_calendar_year_known(&known, cal, 2007), RECTIFY_OK);
    CHECK(known == 1);
    CHECK_RC(rectify_calendar_year_known(&known, cal, 2026), RECTIFY_OK);
    CHECK(known == 1);
    CHECK_RC(rectify_calendar_year_known(&known, cal, 2027), RECTIFY_OK);
    CHECK(known == 0);
    CHECK_RC(rectify_calendar_year_known(&known, cal, INT_MIN), RECTIFY_OK);
    CHECK(known == 0);
    CHECK_RC(rectify_calendar_year_known(NULL, cal, 2019), RECTIFY_E_ARGUMENT);
    known = 7;
    CHECK_RC(rectify_calendar_year_known(&known, NULL, 2019), RECTIFY_E_ARGUMENT);
    CHECK(known == 0);
    rectify_calendar_free(cal);
}

static void test_day_types(const rectify_calendar *cn)
{
    g_phase = "day types";
    /* Spring Festival 2019 with its 调休 weekend. */
    CHECK(day_type(cn, "2019-02-01") == RECTIFY_DAY_WORKDAY);
    CHECK(day_type(cn, "2019-02-02") == RECTIFY_DAY_ADJUSTED_WORKDAY);
    CHECK(day_type(cn, "2019-02-03") == RECTIFY_DAY_ADJUSTED_WORKDAY);
    CHECK(day_type(cn, "2019-02-04") == RECTIFY_DAY_HOLIDAY);
    CHECK(day_type(cn, "2019-02-10") == RECTIFY_DAY_HOLIDAY);
    CHECK(day_type(cn, "2019-02-16") == RECTIFY_DAY_WEEKEND);
    /* The second 2019 notice. */
    CHECK(day_type(cn, "2019-05-05") == RECTIFY_DAY_ADJUSTED_WORKDAY);
    /* December dates from the next year's notice. */
    CHECK(day_type(cn, "2018-12-29") == RECTIFY_DAY_ADJUSTED_WORKDAY);
    CHECK(day_type(cn, "2018-12-31") == RECTIFY_DAY_HOLIDAY);
    /* National Day. */
    CHECK(day_type(cn, "2019-09-29") == RECTIFY_DAY_ADJUSTED_WORKDAY);
    CHECK(day_type(cn, "2019-10-07") == RECTIFY_DAY_HOLIDAY);
    CHECK(day_type(cn, "2019-10-08") == RECTIFY_DAY_WORKDAY);
    /* Outside the data: unknown is an answer, not an error. */
    CHECK(day_type(cn, "2027-01-04") == RECTIFY_DAY_UNKNOWN);
    CHECK(day_type(cn, "1900-01-01") == RECTIFY_DAY_UNKNOWN);
    CHECK(day_type(cn, "9999-12-31") == RECTIFY_DAY_UNKNOWN);
}

static void test_bad_dates(const rectify_calendar *cn)
{
    static const char *bad[] = {"", "2019-02-30", "2019-2-3", "2019/02/03", "2019-02-03 ", "2019-02-03x",
                                "1899-12-31", "0000-00-00", "tomorrow", "\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7\xf6",
                                "2019-02-03-2019-02-03-2019-02-03-2019-02-03-2019-02-03-2019-02-03"};
    size_t i;
    int t, c;
    char *out;
    g_phase = "bad dates";
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        t = 42;
        CHECK_RC(rectify_calendar_day_type(&t, cn, bad[i]), RECTIFY_E_ARGUMENT);
        CHECK(t == 0);
        CHECK_MSG_HAS("date");
        /* The message never echoes bytes that are not UTF-8. */
        CHECK(strchr(rectify_errmsg(), '\xff') == NULL);
        out = out_date();
        CHECK_RC(rectify_calendar_add_workdays(out, cn, bad[i], 1, RECTIFY_UNKNOWN_DEFAULT), RECTIFY_E_ARGUMENT);
        CHECK(out[0] == '\0');
        CHECK_RC(rectify_calendar_count_workdays(&c, cn, "2019-01-01", bad[i], RECTIFY_UNKNOWN_DEFAULT),
                 RECTIFY_E_ARGUMENT);
        CHECK_MSG_HAS("to");
        CHECK_RC(rectify_period_end(out_date(), cn, bad[i], RECTIFY_PERIOD_DAYS, 1, RECTIFY_UNKNOWN_DEFAULT),
                 RECTIFY_E_ARGUMENT);
        CHECK_MSG_HAS("start");
    }
    /* NULL everywhere. */
    CHECK_RC(rectify_calendar_day_type(NULL, cn, "2019-01-01"), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_calendar_day_type(&t, NULL, "2019-01-01"), RECTIFY_E_ARGUMENT);
    CHECK_MSG_HAS("cal");
    CHECK_RC(rectify_calendar_day_type(&t, cn, NULL), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_calendar_is_workday(NULL, cn, "2019-01-01", 0), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_calendar_is_workday(&t, NULL, "2019-01-01", 0), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_calendar_is_workday(&t, cn, NULL, 0), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_calendar_add_workdays(NULL, cn, "2019-01-01", 1, 0), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_calendar_add_workdays(out_date(), NULL, "2019-01-01", 1, 0), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_calendar_add_workdays(out_date(), cn, NULL, 1, 0), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_calendar_count_workdays(NULL, cn, "2019-01-01", "2019-01-02", 0), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_calendar_count_workdays(&c, NULL, "2019-01-01", "2019-01-02", 0), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_calendar_count_workdays(&c, cn, NULL, "2019-01-02", 0), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_calendar_count_workdays(&c, cn, "2019-01-01", NULL, 0), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_calendar_next_workday(NULL, cn, "2019-01-01", 0), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_calendar_next_workday(out_date(), NULL, "2019-01-01", 0), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_calendar_next_workday(out_date(), cn, NULL, 0), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_period_end(NULL, cn, "2019-01-01", RECTIFY_PERIOD_DAYS, 1, 0), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_period_end(out_date(), NULL, "2019-01-01", RECTIFY_PERIOD_DAYS, 1, 0), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_period_end(out_date(), cn, NULL, RECTIFY_PERIOD_DAYS, 1, 0), RECTIFY_E_ARGUMENT);
    /* Garbage policies. */
    CHECK_RC(rectify_calendar_is_workday(&t, cn, "2019-01-01", 3), RECTIFY_E_ARGUMENT);
    CHECK_MSG_HAS("policy");
    CHECK_RC(rectify_calendar_add_workdays(out_date(), cn, "2019-01-01", 1, -1), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_calendar_count_workdays(&c, cn, "2019-01-01", "2019-01-02", INT_MAX), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_calendar_next_workday(out_date(), cn, "2019-01-01", INT_MIN), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_period_end(out_date(), cn, "2019-01-01", RECTIFY_PERIOD_DAYS, 1, 9), RECTIFY_E_ARGUMENT);
}

static void test_arithmetic(const rectify_calendar *cn)
{
    int n, w;
    g_phase = "arithmetic";
    CHECK_RC(rectify_calendar_add_workdays(out_date(), cn, "2019-02-01", 3, RECTIFY_UNKNOWN_DEFAULT), RECTIFY_OK);
    CHECK_STR(g_out, "2019-02-11");
    CHECK_RC(rectify_calendar_add_workdays(out_date(), cn, "2019-02-11", -3, RECTIFY_UNKNOWN_DEFAULT), RECTIFY_OK);
    CHECK_STR(g_out, "2019-02-01");
    CHECK_RC(rectify_calendar_add_workdays(out_date(), cn, "2019-10-05", 0, RECTIFY_UNKNOWN_DEFAULT), RECTIFY_OK);
    CHECK_STR(g_out, "2019-10-05");
    CHECK_RC(rectify_calendar_add_workdays(out_date(), cn, "2018-12-28", 1, RECTIFY_UNKNOWN_FAIL), RECTIFY_OK);
    CHECK_STR(g_out, "2018-12-29");
    CHECK_RC(rectify_calendar_count_workdays(&n, cn, "2019-02-01", "2019-02-11", RECTIFY_UNKNOWN_DEFAULT), RECTIFY_OK);
    CHECK(n == 3);
    CHECK_RC(rectify_calendar_count_workdays(&n, cn, "2019-02-11", "2019-02-01", RECTIFY_UNKNOWN_DEFAULT), RECTIFY_OK);
    CHECK(n == -3);
    CHECK_RC(rectify_calendar_count_workdays(&n, cn, "2018-12-31", "2019-12-31", RECTIFY_UNKNOWN_DEFAULT), RECTIFY_OK);
    CHECK(n == 250);
    CHECK_RC(rectify_calendar_next_workday(out_date(), cn, "2019-10-01", RECTIFY_UNKNOWN_DEFAULT), RECTIFY_OK);
    CHECK_STR(g_out, "2019-10-08");
    CHECK_RC(rectify_calendar_next_workday(out_date(), cn, "2019-09-29", RECTIFY_UNKNOWN_DEFAULT), RECTIFY_OK);
    CHECK_STR(g_out, "2019-09-29");
    CHECK_RC(rectify_calendar_is_workday(&w, cn, "2019-02-02", RECTIFY_UNKNOWN_DEFAULT), RECTIFY_OK);
    CHECK(w == 1);
    CHECK_RC(rectify_calendar_is_workday(&w, cn, "2019-02-04", RECTIFY_UNKNOWN_DEFAULT), RECTIFY_OK);
    CHECK(w == 0);

    /* Absurd n. */
    CHECK_RC(rectify_calendar_add_workdays(out_date(), cn, "2019-01-01", RECTIFY_CALENDAR_MAX_OFFSET + 1,
                                           RECTIFY_UNKNOWN_WEEKDAYS),
             RECTIFY_E_ARGUMENT);
    CHECK(g_out[0] == '\0');
    CHECK_MSG_HAS("out of range");
    CHECK_RC(rectify_calendar_add_workdays(out_date(), cn, "2019-01-01", INT_MAX, RECTIFY_UNKNOWN_WEEKDAYS),
             RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_calendar_add_workdays(out_date(), cn, "2019-01-01", INT_MIN, RECTIFY_UNKNOWN_WEEKDAYS),
             RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_calendar_add_workdays(out_date(), cn, "9999-12-30", 2, RECTIFY_UNKNOWN_WEEKDAYS),
             RECTIFY_E_ARGUMENT);
    CHECK_MSG_HAS("9999-12-31");
    CHECK_RC(rectify_calendar_add_workdays(out_date(), cn, "1900-01-01", -1, RECTIFY_UNKNOWN_WEEKDAYS),
             RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_calendar_add_workdays(out_date(), cn, "2019-01-01", RECTIFY_CALENDAR_MAX_OFFSET,
                                           RECTIFY_UNKNOWN_WEEKDAYS),
             RECTIFY_OK);
    CHECK(strncmp(g_out, "24", 2) == 0);
    CHECK_RC(rectify_calendar_count_workdays(&n, cn, "1900-01-01", "9999-12-31", RECTIFY_UNKNOWN_WEEKDAYS), RECTIFY_OK);
    CHECK(n > 2000000);
}

static void test_unknown_years(const rectify_calendar *cn)
{
    rectify_calendar *c = NULL;
    int w = 7, n = 7;
    g_phase = "unknown years";
    CHECK_RC(rectify_calendar_is_workday(&w, cn, "2027-01-04", RECTIFY_UNKNOWN_DEFAULT), RECTIFY_E_UNKNOWN_DATE);
    CHECK(w == 0);
    CHECK_MSG_HAS("2027-01-04");
    CHECK_MSG_HAS("2007-2026");
    CHECK_RC(rectify_calendar_is_workday(&w, cn, "2027-01-04", RECTIFY_UNKNOWN_WEEKDAYS), RECTIFY_OK);
    CHECK(w == 1);
    CHECK_RC(rectify_calendar_add_workdays(out_date(), cn, "2026-12-31", 1, RECTIFY_UNKNOWN_DEFAULT),
             RECTIFY_E_UNKNOWN_DATE);
    CHECK(g_out[0] == '\0');
    CHECK_MSG_HAS("2027-01-01");
    CHECK_RC(rectify_calendar_add_workdays(out_date(), cn, "2026-12-31", 2, RECTIFY_UNKNOWN_WEEKDAYS), RECTIFY_OK);
    CHECK_STR(g_out, "2027-01-04");
    CHECK_RC(rectify_calendar_count_workdays(&n, cn, "2026-12-30", "2027-01-05", RECTIFY_UNKNOWN_FAIL),
             RECTIFY_E_UNKNOWN_DATE);
    CHECK(n == 0);
    CHECK_RC(rectify_calendar_next_workday(out_date(), cn, "2027-01-02", RECTIFY_UNKNOWN_DEFAULT),
             RECTIFY_E_UNKNOWN_DATE);
    CHECK_RC(rectify_period_end(out_date(), cn, "2026-12-15", RECTIFY_PERIOD_MONTHS, 1, RECTIFY_UNKNOWN_DEFAULT),
             RECTIFY_E_UNKNOWN_DATE);
    CHECK_MSG_HAS("2027-01-15");

    /* The calendar's own policy, and a call overriding it. */
    CHECK_RC(rectify_calendar_copy(&c, cn), RECTIFY_OK);
    CHECK_RC(rectify_calendar_set_unknown_policy(c, RECTIFY_UNKNOWN_WEEKDAYS), RECTIFY_OK);
    CHECK_RC(rectify_calendar_add_workdays(out_date(), c, "2026-12-31", 2, RECTIFY_UNKNOWN_DEFAULT), RECTIFY_OK);
    CHECK_STR(g_out, "2027-01-04");
    CHECK_RC(rectify_calendar_add_workdays(out_date(), c, "2026-12-31", 2, RECTIFY_UNKNOWN_FAIL),
             RECTIFY_E_UNKNOWN_DATE);
    CHECK_RC(rectify_calendar_set_unknown_policy(c, RECTIFY_UNKNOWN_DEFAULT), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_calendar_set_unknown_policy(c, 42), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_calendar_set_unknown_policy(NULL, RECTIFY_UNKNOWN_FAIL), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_calendar_add_workdays(out_date(), c, "2026-12-31", 2, RECTIFY_UNKNOWN_DEFAULT), RECTIFY_OK);
    /* The original keeps failing. */
    CHECK_RC(rectify_calendar_add_workdays(out_date(), cn, "2026-12-31", 2, RECTIFY_UNKNOWN_DEFAULT),
             RECTIFY_E_UNKNOWN_DATE);
    rectify_calendar_free(c);
    CHECK_RC(rectify_calendar_copy(NULL, cn), RECTIFY_E_ARGUMENT);
    c = (rectify_calendar *)(void *)&g_passed;
    CHECK_RC(rectify_calendar_copy(&c, NULL), RECTIFY_E_ARGUMENT);
    CHECK(c == NULL);
}

static void test_periods(const rectify_calendar *cn)
{
    g_phase = "periods";
    CHECK_RC(rectify_period_end(out_date(), cn, "2019-01-31", RECTIFY_PERIOD_MONTHS, 1, 0), RECTIFY_OK);
    CHECK_STR(g_out, "2019-02-28");
    CHECK_RC(rectify_period_end(out_date(), cn, "2024-01-31", RECTIFY_PERIOD_MONTHS, 1, 0), RECTIFY_OK);
    CHECK_STR(g_out, "2024-02-29");
    CHECK_RC(rectify_period_end(out_date(), cn, "2020-01-31", RECTIFY_PERIOD_MONTHS, 1, 0), RECTIFY_OK);
    CHECK_STR(g_out, "2020-03-02"); /* 2020-02-29 is a Saturday */
    CHECK_RC(rectify_period_end(out_date(), cn, "2019-09-30", RECTIFY_PERIOD_DAYS, 1, 0), RECTIFY_OK);
    CHECK_STR(g_out, "2019-10-08");
    CHECK_RC(rectify_period_end(out_date(), cn, "2019-09-01", RECTIFY_PERIOD_MONTHS, 1, 0), RECTIFY_OK);
    CHECK_STR(g_out, "2019-10-08");
    CHECK_RC(rectify_period_end(out_date(), cn, "2019-01-31", RECTIFY_PERIOD_WORKDAYS, 5, 0), RECTIFY_OK);
    CHECK_STR(g_out, "2019-02-12");
    CHECK_RC(rectify_period_end(out_date(), cn, "2019-01-31", RECTIFY_PERIOD_WORKDAYS, 0, 0), RECTIFY_E_ARGUMENT);
    CHECK(g_out[0] == '\0');
    CHECK_RC(rectify_period_end(out_date(), cn, "2019-01-31", RECTIFY_PERIOD_DAYS, -3, 0), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_period_end(out_date(), cn, "2019-01-31", RECTIFY_PERIOD_MONTHS, INT_MAX, 0), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_period_end(out_date(), cn, "2019-01-31", 0, 1, 0), RECTIFY_E_ARGUMENT);
    CHECK_MSG_HAS("unit");
    CHECK_RC(rectify_period_end(out_date(), cn, "2019-01-31", 4, 1, 0), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_period_end(out_date(), cn, "9999-12-01", RECTIFY_PERIOD_MONTHS, 1, RECTIFY_UNKNOWN_WEEKDAYS),
             RECTIFY_E_ARGUMENT);
}

static void test_load_json(void)
{
    rectify_calendar *c = NULL;
    unsigned long before;
    int known = -1;
    g_phase = "load json";
    CHECK_RC(rectify_calendar_new(&c, RECTIFY_CALENDAR_CHINA), RECTIFY_OK);
    before = fingerprint(c);

    /* Contradictory: refused by name, nothing changes. */
    CHECK_RC(load(c, "[{\"year\": 2027, \"papers\": [\"p\"], \"days\": ["
                     "{\"name\": \"a\", \"date\": \"2027-01-01\", \"isOffDay\": true},"
                     "{\"name\": \"b\", \"date\": \"2027-02-06\", \"isOffDay\": false},"
                     "{\"name\": \"b\", \"date\": \"2027-02-06\", \"isOffDay\": true}]}]"),
             RECTIFY_E_INVALID);
    CHECK_MSG_HAS("[0].days[2].date");
    CHECK_MSG_HAS("2027-02-06");
    CHECK(fingerprint(c) == before);
    /* Malformed, bad types, bad UTF-8. */
    CHECK_RC(load(c, "{\"year\": 2027,"), RECTIFY_E_JSON);
    CHECK_RC(load(c, ""), RECTIFY_E_JSON);
    CHECK_RC(load(c, "{\"year\": 2027, \"papers\": [\"p\"], \"days\": [{\"name\": \"a\", \"date\": \"2027-13-01\", "
                     "\"isOffDay\": true}]}"),
             RECTIFY_E_INVALID);
    CHECK_MSG_HAS("days[0].date");
    CHECK_RC(load(c, "{\"year\": 2027, \"papers\": [\"\xc3\x28\"], \"days\": []}"), RECTIFY_E_UTF8);
    CHECK_RC(load(c, "{\"year\": 2027, \"papers\": [], \"days\": [{\"name\": \"a\", \"date\": \"2027-01-01\", "
                     "\"isOffDay\": true}]}"),
             RECTIFY_E_INVALID);
    CHECK_MSG_HAS("papers");
    CHECK(fingerprint(c) == before);
    CHECK_RC(rectify_calendar_load_json(NULL, "[]", 2), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_calendar_load_json(c, NULL, 2), RECTIFY_E_ARGUMENT);
    /* Only len bytes count: the same text cut short is malformed. */
    CHECK_RC(rectify_calendar_load_json(c, "[]", 1), RECTIFY_E_JSON);
    CHECK_RC(rectify_calendar_load_json(c, "[] trailing", 2), RECTIFY_OK);

    /* A real notice makes 2027 known. */
    CHECK_RC(load(c, kNotice2027), RECTIFY_OK);
    CHECK_RC(rectify_calendar_year_known(&known, c, 2027), RECTIFY_OK);
    CHECK(known == 1);
    CHECK(day_type(c, "2027-01-01") == RECTIFY_DAY_HOLIDAY);
    CHECK(day_type(c, "2027-02-06") == RECTIFY_DAY_ADJUSTED_WORKDAY);
    CHECK(day_type(c, "2027-02-07") == RECTIFY_DAY_WEEKEND);
    CHECK_RC(rectify_calendar_add_workdays(out_date(), c, "2026-12-31", 1, RECTIFY_UNKNOWN_FAIL), RECTIFY_OK);
    CHECK_STR(g_out, "2027-01-04");
    rectify_calendar_free(c);
}

static void test_load_file(void)
{
    rectify_calendar *c = NULL;
    char path[1024];
    char tmpl[] = "/tmp/rectify-calendar-XXXXXX";
    int known = -1, fd;
    FILE *f;
    g_phase = "load file";
    CHECK_RC(rectify_calendar_new(&c, RECTIFY_CALENDAR_CHINA), RECTIFY_OK);

    /* holiday-cn's 2027.json has no papers yet: accepted, 2027 stays unknown. */
    snprintf(path, sizeof path, "%s/2027.json", g_holiday_dir);
    CHECK_RC(rectify_calendar_load_file(c, path), RECTIFY_OK);
    CHECK_RC(rectify_calendar_year_known(&known, c, 2027), RECTIFY_OK);
    CHECK(known == 0);
    CHECK(day_type(c, "2027-03-01") == RECTIFY_DAY_UNKNOWN);

    CHECK_RC(rectify_calendar_load_file(c, "/nonexistent/2027.json"), RECTIFY_E_IO);
    CHECK_MSG_HAS("/nonexistent/2027.json");
    CHECK_RC(rectify_calendar_load_file(c, g_holiday_dir), RECTIFY_E_IO); /* a directory */
    CHECK_RC(rectify_calendar_load_file(c, NULL), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_calendar_load_file(NULL, path), RECTIFY_E_ARGUMENT);

    /* A file with a bad notice: the error names the file and the path inside it. */
    fd = mkstemp(tmpl);
    if (fd < 0)
        fatal("mkstemp");
    f = fdopen(fd, "wb");
    if (f == NULL)
        fatal("fdopen");
    fputs("{\"year\": 2027, \"papers\": [\"p\"], \"days\": [{\"name\": \"a\", \"date\": \"2027-01-01\", \"isOffDay\": "
          "\"no\"}]}",
          f);
    fclose(f);
    CHECK_RC(rectify_calendar_load_file(c, tmpl), RECTIFY_E_INVALID);
    CHECK_MSG_HAS(tmpl);
    CHECK_MSG_HAS("days[0].isOffDay");
    f = fopen(tmpl, "wb");
    if (f == NULL)
        fatal("fopen");
    fputs(kNotice2027, f);
    fclose(f);
    CHECK_RC(rectify_calendar_load_file(c, tmpl), RECTIFY_OK);
    CHECK_RC(rectify_calendar_year_known(&known, c, 2027), RECTIFY_OK);
    CHECK(known == 1);
    unlink(tmpl);
    rectify_calendar_free(c);

    /* The bundled data file loaded into an empty calendar gives the bundled calendar. */
    CHECK_RC(rectify_calendar_new(&c, RECTIFY_CALENDAR_EMPTY), RECTIFY_OK);
    snprintf(path, sizeof path, "%s/calendars/cn-2007-2026.json", g_data_dir);
    CHECK_RC(rectify_calendar_load_file(c, path), RECTIFY_OK);
    {
        rectify_calendar *cn = NULL;
        CHECK_RC(rectify_calendar_new(&cn, RECTIFY_CALENDAR_CHINA), RECTIFY_OK);
        CHECK(fingerprint(c) == fingerprint(cn));
        rectify_calendar_free(cn);
    }
    rectify_calendar_free(c);
}

static void test_local_days(void)
{
    rectify_calendar *a = NULL, *b = NULL;
    int removed = -1;
    g_phase = "local days";
    CHECK_RC(rectify_calendar_new(&a, RECTIFY_CALENDAR_CHINA), RECTIFY_OK);
    CHECK_RC(rectify_calendar_new(&b, RECTIFY_CALENDAR_CHINA), RECTIFY_OK);
    CHECK_RC(rectify_calendar_set_day(a, "2019-06-03", RECTIFY_DAY_HOLIDAY), RECTIFY_OK);
    CHECK_RC(rectify_calendar_set_day(a, "2019-06-08", RECTIFY_DAY_WORKDAY), RECTIFY_OK);
    CHECK_RC(rectify_calendar_set_day(a, "2019-06-09", RECTIFY_DAY_ADJUSTED_WORKDAY), RECTIFY_OK);
    CHECK(day_type(a, "2019-06-03") == RECTIFY_DAY_HOLIDAY);
    CHECK(day_type(a, "2019-06-08") == RECTIFY_DAY_ADJUSTED_WORKDAY);
    CHECK(day_type(a, "2019-06-09") == RECTIFY_DAY_ADJUSTED_WORKDAY);
    CHECK(day_type(b, "2019-06-03") == RECTIFY_DAY_WORKDAY); /* another calendar is untouched */
    CHECK_RC(rectify_calendar_add_workdays(out_date(), a, "2019-05-31", 1, 0), RECTIFY_OK);
    CHECK_STR(g_out, "2019-06-04");

    CHECK_RC(rectify_calendar_set_day(a, "2019-06-03", RECTIFY_DAY_WEEKEND), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_calendar_set_day(a, "2019-06-03", RECTIFY_DAY_UNKNOWN), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_calendar_set_day(a, "2019-06-03", 0), RECTIFY_E_ARGUMENT);
    CHECK(day_type(a, "2019-06-03") == RECTIFY_DAY_HOLIDAY);
    CHECK_RC(rectify_calendar_set_day(a, "2019-06-31", RECTIFY_DAY_HOLIDAY), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_calendar_set_day(a, NULL, RECTIFY_DAY_HOLIDAY), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_calendar_set_day(NULL, "2019-06-03", RECTIFY_DAY_HOLIDAY), RECTIFY_E_ARGUMENT);

    CHECK_RC(rectify_calendar_clear_day(&removed, a, "2019-06-03"), RECTIFY_OK);
    CHECK(removed == 1);
    CHECK_RC(rectify_calendar_clear_day(&removed, a, "2019-06-03"), RECTIFY_OK);
    CHECK(removed == 0);
    CHECK_RC(rectify_calendar_clear_day(NULL, a, "2019-06-08"), RECTIFY_OK);
    CHECK(day_type(a, "2019-06-03") == RECTIFY_DAY_WORKDAY);
    CHECK(day_type(a, "2019-06-08") == RECTIFY_DAY_WEEKEND);
    CHECK_RC(rectify_calendar_clear_day(&removed, a, "junk"), RECTIFY_E_ARGUMENT);
    CHECK(removed == 0);
    CHECK_RC(rectify_calendar_clear_day(&removed, NULL, "2019-06-03"), RECTIFY_E_ARGUMENT);

    /* A local day in an unknown year is known itself. */
    CHECK_RC(rectify_calendar_set_day(a, "2027-01-01", RECTIFY_DAY_HOLIDAY), RECTIFY_OK);
    CHECK(day_type(a, "2027-01-01") == RECTIFY_DAY_HOLIDAY);
    CHECK(day_type(a, "2027-01-04") == RECTIFY_DAY_UNKNOWN);
    rectify_calendar_free(a);
    rectify_calendar_free(b);
}

/* Read-only calls on one calendar from several threads at once. */
struct reader {
    const rectify_calendar *cal;
    int failures;
};

static void *read_calendar(void *arg)
{
    struct reader *r = (struct reader *)arg;
    char out[RECTIFY_DATE_SIZE];
    int i, n;
    for (i = 0; i < 20000; i++) {
        if (rectify_calendar_add_workdays(out, r->cal, "2019-02-01", 3, 0) != RECTIFY_OK ||
            strcmp(out, "2019-02-11") != 0)
            r->failures++;
        if (rectify_calendar_count_workdays(&n, r->cal, "2018-12-31", "2019-12-31", 0) != RECTIFY_OK || n != 250)
            r->failures++;
        if (rectify_calendar_add_workdays(out, r->cal, "2026-12-31", 1, 0) != RECTIFY_E_UNKNOWN_DATE ||
            strstr(rectify_errmsg(), "2027-01-01") == NULL)
            r->failures++;
    }
    return NULL;
}

static void test_threads(const rectify_calendar *cn)
{
    pthread_t threads[4];
    struct reader readers[4];
    int i;
    g_phase = "threads";
    for (i = 0; i < 4; i++) {
        readers[i].cal = cn;
        readers[i].failures = 0;
        if (pthread_create(&threads[i], NULL, read_calendar, &readers[i]) != 0)
            fatal("pthread_create");
    }
    for (i = 0; i < 4; i++) {
        pthread_join(threads[i], NULL);
        CHECK(readers[i].failures == 0);
    }
}

int main(int argc, char **argv)
{
    rectify_calendar *cn = NULL;
    g_verbose = getenv("RECTIFY_TEST_VERBOSE") != NULL;
    if (argc != 3) {
        fprintf(stderr, "usage: %s DATA_DIR HOLIDAY_CN_DIR\n", argv[0]);
        return 2;
    }
    g_data_dir = argv[1];
    g_holiday_dir = argv[2];
    g_out = (char *)malloc(RECTIFY_DATE_SIZE);
    if (g_out == NULL)
        fatal("out of memory");

    test_constants();
    test_new_and_free();
    if (rectify_calendar_new(&cn, RECTIFY_CALENDAR_CHINA) != RECTIFY_OK)
        fatal(rectify_errmsg());
    test_day_types(cn);
    test_bad_dates(cn);
    test_arithmetic(cn);
    test_unknown_years(cn);
    test_periods(cn);
    test_threads(cn);
    rectify_calendar_free(cn);
    test_load_json();
    test_load_file();
    test_local_days();

    free(g_out);
    printf("%d passed, %d failed\n", g_passed, g_failed);
    return g_failed == 0 ? 0 : 1;
}
