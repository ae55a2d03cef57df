/*
 * deadlines_test.c: drives every function of rectify/deadlines.h through librectify.so from plain
 * C99: the database's calendar, rule profiles, warnings (whole, streamed, overdue, due), extensions
 * and escalations; each fed NULL and garbage (unknown options versions, roll-ups and light bits,
 * negative ids, bad dates, days out of range, a callback that stops the stream) as well as good
 * arguments, and each refused by the actors the rules refuse.
 *
 *   deadlines_test SEED.json
 *
 * The world: the seed case fed back on 2018-11-20, in a database whose first actor, "admin", is
 * its admin; "liaison1" (liaison on the unit), "supervisor1" (supervisor), "auditor1" (auditor)
 * and "stranger" (not a user) act through handles of their own.
 *
 * Every call expected to fail must return its code, leave the same code and a message in
 * rectify_errcode()/rectify_errmsg(), reset its out-parameters, and change nothing: the inspection's
 * export, the whole audit log, the profiles, extensions and open escalations, and a fingerprint of
 * the database's calendar are compared before and after. JSON and dates go in from heap buffers of
 * exactly their length, so the sanitizer build catches any overrun. The program ends with
 * "N passed, N failed" and exits nonzero on any failure. RECTIFY_TEST_VERBOSE=1 prints the message
 * of every expected failure; RECTIFY_TEST_KEEP=1 keeps the temporary directory.
 */
#define _XOPEN_SOURCE 700

#include <rectify/rectify.h>

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "files.h"

/* ------------------------------------------------------------------------------------------ */
/* Checks                                                                                      */

static int g_passed;
static int g_failed;
static int g_verbose;
static int g_known_bugs;
static const char *g_phase = "setup";

/* A library bug once reported and since fixed: its return is a failure like any other. */
static void known_bug(const char *what)
{
    g_known_bugs++;
    g_failed++;
    printf("FAILED [%s]: regression of a fixed library bug: %s\n", g_phase, what);
}

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

/* A call returned `want`; a failure also left the same code and a non-empty message. */
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

static int check_has_impl(const char *text, const char *part, const char *expr, const char *file, int line)
{
    if (text != NULL && strstr(text, part) != NULL) {
        g_passed++;
        return 1;
    }
    g_failed++;
    fprintf(stderr, "%s:%d: [%s] FAILED: %s should contain \"%s\"\n    it is: %.600s\n", file, line, g_phase, expr,
            part, text ? text : "(NULL)");
    return 0;
}

#define CHECK(cond) check_impl((cond) != 0, #cond, __FILE__, __LINE__)
#define CHECK_RC(expr, want) check_rc_impl((expr), (want), #expr, __FILE__, __LINE__)
#define CHECK_MSG_HAS(what) check_msg_has((what), __FILE__, __LINE__)
#define CHECK_HAS(text, part) check_has_impl((text), (part), #text, __FILE__, __LINE__)

static void fatal(const char *what)
{
    fprintf(stderr, "deadlines_test: fatal: %s (last error: %s)\n", what, rectify_errmsg());
    exit(2);
}

#define MUST(expr)                                                                                                   \
    do {                                                                                                             \
        if ((expr) != RECTIFY_OK)                                                                                    \
            fatal(#expr);                                                                                            \
    } while (0)

/* ------------------------------------------------------------------------------------------ */
/* The world                                                                                   */

static char g_tmpdir[512];
static char g_db_path[600];
static rectify_db *g_admin;      /* admin on the whole database */
static rectify_db *g_liaison;    /* liaison on the unit */
static rectify_db *g_supervisor; /* supervisor on the whole database */
static rectify_db *g_auditor;    /* auditor on the whole database */
static rectify_db *g_stranger;   /* not a user */
static int64_t g_insp, g_unit, g_round;
static int64_t g_m1, g_m3, g_m4, g_m12; /* a1/i1/m1 (done); a1/i1/m3, a1/i1/m4, a1/i2/m2 (ongoing, in progress) */
static int64_t g_issue1;

/* Sentinels: out-parameters are set to these before a call that must reset them. */
static char g_sentinel_byte;
#define SENTINEL_STR ((char *)&g_sentinel_byte)
#define SENTINEL_ID ((int64_t)-424242)

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    if (f == NULL || fwrite(text, 1, strlen(text), f) != strlen(text))
        fatal("cannot write a temporary file");
    fclose(f);
}

static void tmp_path(char *buf, size_t size, const char *name)
{
    snprintf(buf, size, "%s/%s", g_tmpdir, name);
}

/* A heap copy of text without its NUL: what the library reads must stay within len bytes. */
static char *exact(const char *text, size_t *len)
{
    size_t n = strlen(text);
    char *copy = (char *)malloc(n ? n : 1);
    if (copy == NULL)
        fatal("out of memory");
    memcpy(copy, text, n);
    *len = n;
    return copy;
}

/* A heap copy of a date string with its NUL, nothing more (dates are NUL-terminated). */
static char *heap_str(const char *text)
{
    size_t n = strlen(text) + 1;
    char *copy = (char *)malloc(n);
    if (copy == NULL)
        fatal("out of memory");
    memcpy(copy, text, n);
    return copy;
}

static int db_load_json(rectify_db *db, const char *json)
{
    size_t len;
    char *copy = exact(json, &len);
    int rc = rectify_db_calendar_load_json(db, copy, len);
    free(copy);
    return rc;
}

static int profile_add(int64_t *version, rectify_db *db, const char *json)
{
    size_t len;
    char *copy = exact(json, &len);
    int rc = rectify_profile_add(version, db, copy, len);
    free(copy);
    return rc;
}

static rectify_db *open_as(const char *actor)
{
    rectify_db *db = NULL;
    rectify_open_options o = RECTIFY_OPEN_OPTIONS_INIT;
    o.actor = actor;
    MUST(rectify_db_open(&db, g_db_path, &o));
    return db;
}

static int64_t find(int kind, const char *ref)
{
    int64_t id = 0;
    MUST(rectify_record_find(&id, g_admin, kind, ref));
    return id;
}

static char *record(int kind, int64_t id)
{
    char *json = NULL;
    MUST(rectify_record_get(&json, g_admin, kind, id));
    return json;
}

/* Whether measure id's record has deadline (NULL: none). */
static int deadline_is(int64_t id, const char *want)
{
    char *json = record(RECTIFY_KIND_MEASURE, id);
    char key[64];
    int ok;
    if (want)
        snprintf(key, sizeof key, "\"deadline\":\"%s\"", want);
    else
        snprintf(key, sizeof key, "\"deadline\":null");
    ok = strstr(json, key) != NULL;
    rectify_free(json);
    return ok;
}

/* ------------------------------------------------------------------------------------------ */
/* Snapshots: what a refused call must leave as it was                                         */

typedef struct snapshot {
    char *export_json;
    char *audit;
    char *profiles;
    char *extensions;
    char *escalations;
    unsigned long calendar;
} snapshot;

static unsigned long calendar_fingerprint(void)
{
    /* Only real dates: a failing call here would replace the message of the call under test. */
    static const char *const months[] = {"2018-12", "2019-02", "2019-05", "2019-10", "2027-01", "2027-02",
                                         "2028-01", "2029-01"};
    static const int lengths[] = {31, 28, 31, 31, 31, 28, 31, 31};
    rectify_calendar *cal = NULL;
    unsigned long h = 5381;
    size_t i;
    int d, y;
    MUST(rectify_db_calendar(&cal, g_admin));
    for (i = 0; i < sizeof months / sizeof months[0]; i++) {
        for (d = 1; d <= lengths[i]; d++) {
            char date[16];
            int t = 0;
            snprintf(date, sizeof date, "%s-%02d", months[i], d);
            MUST(rectify_calendar_day_type(&t, cal, date));
            h = h * 33u + (unsigned long)t;
        }
    }
    for (y = 2025; y <= 2030; y++) {
        int known = 0;
        MUST(rectify_calendar_year_known(&known, cal, y));
        h = h * 33u + (unsigned long)known;
    }
    rectify_calendar_free(cal);
    return h;
}

static void take(snapshot *s)
{
    MUST(rectify_export_json(&s->export_json, NULL, g_admin, g_insp));
    MUST(rectify_audit_log(&s->audit, g_admin, 0, 0, 0, 0));
    MUST(rectify_profile_list(&s->profiles, g_admin));
    MUST(rectify_extension_list(&s->extensions, g_admin, 0, 0));
    MUST(rectify_escalation_list_open(&s->escalations, g_admin, NULL));
    s->calendar = calendar_fingerprint();
}

static void release(snapshot *s)
{
    rectify_free(s->export_json);
    rectify_free(s->audit);
    rectify_free(s->profiles);
    rectify_free(s->extensions);
    rectify_free(s->escalations);
    memset(s, 0, sizeof *s);
}

static int same(const snapshot *a, const snapshot *b)
{
    return strcmp(a->export_json, b->export_json) == 0 && strcmp(a->audit, b->audit) == 0 &&
           strcmp(a->profiles, b->profiles) == 0 && strcmp(a->extensions, b->extensions) == 0 &&
           strcmp(a->escalations, b->escalations) == 0 && a->calendar == b->calendar;
}

static snapshot g_before;

/* The audit log's length in events (ids are consecutive from 1). */
static int64_t audit_events(void)
{
    char *json = NULL;
    int64_t n = 0;
    const char *p;
    MUST(rectify_audit_log(&json, g_admin, 0, 0, 0, 0));
    for (p = json; (p = strstr(p, "\"prev_hash\":")) != NULL; p++)
        n++;
    /* The operations' own events: not the row images the store adds to each. */
    for (p = json; (p = strstr(p, "\"kind\":\"row:")) != NULL; p++)
        n--;
    rectify_free(json);
    return n;
}

/*
 * REFUSED(expr, code): expr fails with code, leaving its message, and the database is exactly as
 * it was before. The snapshot is taken before expr runs and compared after its code was checked.
 */
static int refused_impl(int rc, int want, const char *expr, const char *file, int line)
{
    snapshot after;
    int ok = check_rc_impl(rc, want, expr, file, line);
    take(&after);
    if (!same(&g_before, &after)) {
        g_failed++;
        ok = 0;
        fprintf(stderr, "%s:%d: [%s] FAILED: %s changed the database although it failed\n", file, line, g_phase, expr);
    } else {
        g_passed++;
    }
    release(&after);
    return ok;
}

#define REFUSED(expr, want) (take(&g_before), refused_impl((expr), (want), #expr, __FILE__, __LINE__), release(&g_before))

/* ------------------------------------------------------------------------------------------ */
/* Setup                                                                                       */

/* The seed case at seed_path with its first "feedback_date": null given as `to` (a whole
 * "feedback_date": ... member); the caller frees it. */
static char *seed_fed_back(const char *seed_path, const char *to)
{
    const char *from = "\"feedback_date\": null";
    size_t len;
    char *seed, *doc, *at;

    seed = read_file(seed_path, &len);
    if (seed == NULL)
        fatal("cannot read the seed case");
    at = strstr(seed, from);
    if (at == NULL)
        fatal("the seed case has no \"feedback_date\": null");
    doc = (char *)malloc(len + strlen(to) + 1);
    if (doc == NULL)
        fatal("out of memory");
    memcpy(doc, seed, (size_t)(at - seed));
    strcpy(doc + (at - seed), to);
    strcat(doc, at + strlen(from));
    free(seed);
    return doc;
}

static void build_world(const char *seed_path)
{
    const char *base = getenv("TMPDIR");
    char *doc;
    int64_t id = 0;

    snprintf(g_tmpdir, sizeof g_tmpdir, "%s/rectify-deadlines-XXXXXX", base && *base ? base : "/tmp");
    if (mkdtemp(g_tmpdir) == NULL)
        fatal("mkdtemp");
    tmp_path(g_db_path, sizeof g_db_path, "deadlines.db");

    doc = seed_fed_back(seed_path, "\"feedback_date\": \"2018-11-20\"");

    g_admin = open_as("admin");
    MUST(rectify_import_json(&id, NULL, g_admin, doc, strlen(doc)));
    free(doc);
    g_insp = id;
    g_unit = find(RECTIFY_KIND_UNIT, "tongcheng-fulian");
    g_round = find(RECTIFY_KIND_ROUND, "tongcheng-2018-round");
    g_issue1 = find(RECTIFY_KIND_ISSUE, "tongcheng-2018-fulian/a1/i1");
    g_m1 = find(RECTIFY_KIND_MEASURE, "tongcheng-2018-fulian/a1/i1/m1");
    g_m3 = find(RECTIFY_KIND_MEASURE, "tongcheng-2018-fulian/a1/i1/m3");
    g_m4 = find(RECTIFY_KIND_MEASURE, "tongcheng-2018-fulian/a1/i1/m4");
    g_m12 = find(RECTIFY_KIND_MEASURE, "tongcheng-2018-fulian/a1/i2/m2");

    MUST(rectify_user_add(g_admin, "liaison1", NULL));
    MUST(rectify_user_grant(g_admin, "liaison1", RECTIFY_ROLE_LIAISON, RECTIFY_SCOPE_UNIT, g_unit));
    MUST(rectify_user_add(g_admin, "supervisor1", NULL));
    MUST(rectify_user_grant(g_admin, "supervisor1", RECTIFY_ROLE_SUPERVISOR, RECTIFY_SCOPE_ALL, 0));
    MUST(rectify_user_add(g_admin, "auditor1", NULL));
    MUST(rectify_user_grant(g_admin, "auditor1", RECTIFY_ROLE_AUDITOR, RECTIFY_SCOPE_ALL, 0));
    g_liaison = open_as("liaison1");
    g_supervisor = open_as("supervisor1");
    g_auditor = open_as("auditor1");
    g_stranger = open_as("stranger");
}

static void remove_world(void)
{
    static const char *const suffixes[] = {"", "-wal", "-shm", "-journal"};
    char path[700];
    size_t i;
    rectify_db_close(g_admin);
    rectify_db_close(g_liaison);
    rectify_db_close(g_supervisor);
    rectify_db_close(g_auditor);
    rectify_db_close(g_stranger);
    if (getenv("RECTIFY_TEST_KEEP") != NULL) {
        printf("kept %s\n", g_tmpdir);
        return;
    }
    for (i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        snprintf(path, sizeof path, "%s%s", g_db_path, suffixes[i]);
        unlink(path);
    }
    tmp_path(path, sizeof path, "notices-2028.json");
    unlink(path);
    tmp_path(path, sizeof path, "garbage.json");
    unlink(path);
    rmdir(g_tmpdir);
}

/* ------------------------------------------------------------------------------------------ */
/* The database's calendar                                                                     */

static const char *const k2027 =
    "{\"year\": 2027, \"papers\": [\"made up for the test\"], \"days\": ["
    "{\"name\": \"元旦\", \"date\": \"2027-01-01\", \"isOffDay\": true},"
    "{\"name\": \"春节\", \"date\": \"2027-02-06\", \"isOffDay\": false},"
    "{\"name\": \"春节\", \"date\": \"2027-02-08\", \"isOffDay\": true}]}";

static int db_day_type(const char *date)
{
    rectify_calendar *cal = NULL;
    int t = 0;
    MUST(rectify_db_calendar(&cal, g_admin));
    if (rectify_calendar_day_type(&t, cal, date) != RECTIFY_OK)
        t = -1;
    rectify_calendar_free(cal);
    return t;
}

static void test_calendar(void)
{
    rectify_calendar *cal = (rectify_calendar *)&g_sentinel_byte;
    char path[700];
    char *date;
    int known = -1, t = 0;
    int64_t events;

    g_phase = "rectify_db_calendar";
    CHECK_RC(rectify_db_calendar(NULL, g_admin), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_db_calendar(&cal, NULL), RECTIFY_E_ARGUMENT);
    CHECK(cal == NULL);
    cal = (rectify_calendar *)&g_sentinel_byte;
    if (rectify_db_calendar(&cal, g_stranger) == RECTIFY_OK) {
        known_bug("rectify_db_calendar answers an actor who is not a user (RECTIFY_E_DENIED expected)");
    } else {
        CHECK(rectify_errcode() == RECTIFY_E_DENIED);
        CHECK(cal == NULL);
    }
    rectify_calendar_free(cal);
    MUST(rectify_db_calendar(&cal, g_auditor)); /* any reader */
    CHECK_RC(rectify_calendar_day_type(&t, cal, "2019-02-02"), RECTIFY_OK);
    CHECK(t == RECTIFY_DAY_ADJUSTED_WORKDAY);
    CHECK_RC(rectify_calendar_year_known(&known, cal, 2027), RECTIFY_OK);
    CHECK(known == 0);
    rectify_calendar_free(cal);
    cal = NULL;

    g_phase = "rectify_db_calendar_load_json";
    REFUSED(rectify_db_calendar_load_json(NULL, k2027, strlen(k2027)), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_db_calendar_load_json(g_admin, NULL, 10), RECTIFY_E_ARGUMENT);
    REFUSED(db_load_json(g_admin, ""), RECTIFY_E_JSON);
    REFUSED(db_load_json(g_admin, "{\"year\": 2027, \"papers\": [\"x\"], \"days\": ["), RECTIFY_E_JSON);
    REFUSED(db_load_json(g_admin, "[1, 2, 3]"), RECTIFY_E_INVALID);
    REFUSED(db_load_json(g_admin, "{\"year\": \"2027\", \"papers\": [\"x\"], \"days\": []}"), RECTIFY_E_INVALID);
    REFUSED(db_load_json(g_admin, "{\"year\": 2027, \"papers\": [\"x\"], \"days\": [{\"name\": \"a\", \"date\": "
                                  "\"2027-02-30\", \"isOffDay\": true}]}"),
            RECTIFY_E_INVALID);
    CHECK_MSG_HAS("2027-02-30");
    REFUSED(db_load_json(g_admin, "{\"year\": 2027, \"papers\": [\"x\"], \"days\": ["
                                  "{\"name\": \"a\", \"date\": \"2027-01-04\", \"isOffDay\": true},"
                                  "{\"name\": \"b\", \"date\": \"2027-01-04\", \"isOffDay\": false}]}"),
            RECTIFY_E_INVALID);
    REFUSED(db_load_json(g_admin, "{\"year\": 2027, \"papers\": [\"\xff\xfe\"], \"days\": []}"), RECTIFY_E_UTF8);
    /* A valid notice followed by a bad one: all or nothing. */
    {
        char both[2048];
        snprintf(both, sizeof both, "[%s, {\"year\": 2028, \"papers\": [\"x\"], \"days\": 7}]", k2027);
        REFUSED(db_load_json(g_admin, both), RECTIFY_E_INVALID);
    }
    /* Only an admin on the whole database. */
    REFUSED(db_load_json(g_liaison, k2027), RECTIFY_E_DENIED);
    CHECK_MSG_HAS("configure");
    REFUSED(db_load_json(g_supervisor, k2027), RECTIFY_E_DENIED);
    REFUSED(db_load_json(g_stranger, k2027), RECTIFY_E_DENIED);
    /* Loaded: 2027 is known, for every handle, and the load is audited. */
    events = audit_events();
    CHECK_RC(db_load_json(g_admin, k2027), RECTIFY_OK);
    CHECK(audit_events() == events + 1);
    CHECK(db_day_type("2027-01-01") == RECTIFY_DAY_HOLIDAY);
    CHECK(db_day_type("2027-02-06") == RECTIFY_DAY_ADJUSTED_WORKDAY);
    MUST(rectify_db_calendar(&cal, g_liaison));
    CHECK_RC(rectify_calendar_year_known(&known, cal, 2027), RECTIFY_OK);
    CHECK(known == 1);
    rectify_calendar_free(cal);
    cal = NULL;

    g_phase = "rectify_db_calendar_load_file";
    tmp_path(path, sizeof path, "garbage.json");
    write_file(path, "not json at all");
    REFUSED(rectify_db_calendar_load_file(NULL, path), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_db_calendar_load_file(g_admin, NULL), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_db_calendar_load_file(g_admin, path), RECTIFY_E_JSON);
    tmp_path(path, sizeof path, "no-such-file.json");
    REFUSED(rectify_db_calendar_load_file(g_admin, path), RECTIFY_E_IO);
    tmp_path(path, sizeof path, "notices-2028.json");
    write_file(path, "{\"year\": 2028, \"papers\": [\"made up\"], \"days\": ["
                     "{\"name\": \"元旦\", \"date\": \"2028-01-03\", \"isOffDay\": true}]}");
    REFUSED(rectify_db_calendar_load_file(g_liaison, path), RECTIFY_E_DENIED);
    CHECK_RC(rectify_db_calendar_load_file(g_admin, path), RECTIFY_OK);
    CHECK(db_day_type("2028-01-03") == RECTIFY_DAY_HOLIDAY);

    g_phase = "rectify_db_calendar_set_day";
    date = heap_str("2019-10-08");
    REFUSED(rectify_db_calendar_set_day(NULL, date, RECTIFY_DAY_HOLIDAY), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_db_calendar_set_day(g_admin, NULL, RECTIFY_DAY_HOLIDAY), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_db_calendar_set_day(g_admin, "2019-02-30", RECTIFY_DAY_HOLIDAY), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_db_calendar_set_day(g_admin, "2019-10-8", RECTIFY_DAY_HOLIDAY), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_db_calendar_set_day(g_admin, "", RECTIFY_DAY_HOLIDAY), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_db_calendar_set_day(g_admin, "garbage!!!", RECTIFY_DAY_HOLIDAY), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_db_calendar_set_day(g_admin, date, 0), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_db_calendar_set_day(g_admin, date, -1), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_db_calendar_set_day(g_admin, date, RECTIFY_DAY_WEEKEND), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_db_calendar_set_day(g_admin, date, RECTIFY_DAY_UNKNOWN), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_db_calendar_set_day(g_admin, date, INT_MAX), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_db_calendar_set_day(g_liaison, date, RECTIFY_DAY_HOLIDAY), RECTIFY_E_DENIED);
    REFUSED(rectify_db_calendar_set_day(g_stranger, date, RECTIFY_DAY_HOLIDAY), RECTIFY_E_DENIED);
    CHECK(db_day_type("2019-10-08") == RECTIFY_DAY_WORKDAY);
    CHECK_RC(rectify_db_calendar_set_day(g_admin, date, RECTIFY_DAY_HOLIDAY), RECTIFY_OK);
    CHECK(db_day_type("2019-10-08") == RECTIFY_DAY_HOLIDAY);
    CHECK_RC(rectify_db_calendar_set_day(g_admin, date, RECTIFY_DAY_WORKDAY), RECTIFY_OK);
    CHECK(db_day_type("2019-10-08") == RECTIFY_DAY_WORKDAY);
    CHECK_RC(rectify_db_calendar_set_day(g_admin, "2019-10-05", RECTIFY_DAY_WORKDAY), RECTIFY_OK);
    CHECK(db_day_type("2019-10-05") == RECTIFY_DAY_ADJUSTED_WORKDAY);
    free(date);
}

/* ------------------------------------------------------------------------------------------ */
/* Rule profiles                                                                               */

static const char *const kCounty =
    "{\"name\": \"county\", \"plan_due\": {\"unit\": \"workdays\", \"n\": 15},"
    " \"concentrated\": {\"unit\": \"months\", \"n\": 3}, \"report_due\": {\"unit\": \"months\", \"n\": 3},"
    " \"evaluation_after\": {\"unit\": \"months\", \"n\": 1}, \"warn_days\": [30, 15, 5], \"unknown_dates\": \"fail\"}";

static void test_profiles(void)
{
    char *json = SENTINEL_STR;
    int64_t version = SENTINEL_ID;
    char *in;

    g_phase = "rectify_profile_list";
    CHECK_RC(rectify_profile_list(NULL, g_admin), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_profile_list(&json, NULL), RECTIFY_E_ARGUMENT);
    CHECK(json == NULL);
    json = SENTINEL_STR;
    CHECK_RC(rectify_profile_list(&json, g_stranger), RECTIFY_E_DENIED);
    CHECK(json == NULL);
    CHECK_RC(rectify_profile_list(&json, g_liaison), RECTIFY_OK);
    CHECK_HAS(json, "\"name\":\"default\"");
    rectify_free(json);

    g_phase = "rectify_profile_add";
    REFUSED(rectify_profile_add(&version, NULL, kCounty, strlen(kCounty)), RECTIFY_E_ARGUMENT);
    CHECK(version == 0);
    REFUSED(rectify_profile_add(&version, g_admin, NULL, 4), RECTIFY_E_ARGUMENT);
    REFUSED(profile_add(&version, g_admin, ""), RECTIFY_E_JSON);
    REFUSED(profile_add(&version, g_admin, "{\"name\": "), RECTIFY_E_JSON);
    REFUSED(profile_add(&version, g_admin, "[]"), RECTIFY_E_INVALID);
    REFUSED(profile_add(&version, g_admin, "{\"name\": \"x\"}"), RECTIFY_E_INVALID);
    CHECK_MSG_HAS("plan_due");
#define PROFILE(plan, warn, unknown)                                                                                 \
    "{\"name\": \"x\", \"plan_due\": " plan ", \"concentrated\": {\"unit\": \"months\", \"n\": 2},"                  \
    " \"report_due\": {\"unit\": \"months\", \"n\": 2}, \"evaluation_after\": {\"unit\": \"months\", \"n\": 1},"     \
    " \"warn_days\": " warn ", \"unknown_dates\": " unknown "}"
    REFUSED(profile_add(&version, g_admin, PROFILE("{\"unit\": \"weeks\", \"n\": 1}", "[20, 10]", "\"fail\"")),
            RECTIFY_E_INVALID);
    CHECK_MSG_HAS("plan_due");
    REFUSED(profile_add(&version, g_admin, PROFILE("{\"unit\": \"days\", \"n\": -3}", "[20, 10]", "\"fail\"")),
            RECTIFY_E_INVALID);
    REFUSED(profile_add(&version, g_admin, PROFILE("{\"unit\": \"days\", \"n\": \"3\"}", "[20, 10]", "\"fail\"")),
            RECTIFY_E_INVALID);
    REFUSED(profile_add(&version, g_admin, PROFILE("{\"unit\": \"days\", \"n\": 3}", "[10, 20]", "\"fail\"")),
            RECTIFY_E_INVALID);
    CHECK_MSG_HAS("warn_days");
    REFUSED(profile_add(&version, g_admin, PROFILE("{\"unit\": \"days\", \"n\": 3}", "[20, 10]", "\"maybe\"")),
            RECTIFY_E_INVALID);
    CHECK_MSG_HAS("unknown_dates");
    CHECK_RC(profile_add(&version, g_admin, PROFILE("{\"unit\": \"days\", \"n\": 3}", "[20, 10]", "\"weekdays\"")),
             RECTIFY_OK); /* the same shape, valid: the refusals above are about the one field each */
    CHECK(version == 1);
    version = SENTINEL_ID;
#undef PROFILE
    REFUSED(profile_add(&version, g_admin, "{\"name\": \"\xc3\x28\"}"), RECTIFY_E_UTF8);
    REFUSED(profile_add(&version, g_liaison, kCounty), RECTIFY_E_DENIED);
    REFUSED(profile_add(&version, g_stranger, kCounty), RECTIFY_E_DENIED);
    CHECK(version == 0);
    CHECK_RC(profile_add(&version, g_admin, kCounty), RECTIFY_OK);
    CHECK(version == 1);
    CHECK_RC(profile_add(NULL, g_admin, kCounty), RECTIFY_OK); /* out_version may be NULL */
    CHECK_RC(profile_add(&version, g_admin, kCounty), RECTIFY_OK);
    CHECK(version == 3);
    MUST(rectify_profile_list(&json, g_admin));
    CHECK_HAS(json, "\"name\":\"county\",\"version\":3");
    rectify_free(json);

    g_phase = "rectify_inspection_apply_profile";
    REFUSED(rectify_inspection_apply_profile(NULL, g_insp, "county"), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_inspection_apply_profile(g_admin, 0, "county"), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_inspection_apply_profile(g_admin, -1, "county"), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_inspection_apply_profile(g_admin, INT64_MIN, "county"), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_inspection_apply_profile(g_admin, 99999, "county"), RECTIFY_E_NOT_FOUND);
    REFUSED(rectify_inspection_apply_profile(g_admin, g_insp, NULL), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_inspection_apply_profile(g_admin, g_insp, "no-such-profile"), RECTIFY_E_NOT_FOUND);
    REFUSED(rectify_inspection_apply_profile(g_admin, g_insp, "\xff"), RECTIFY_E_UTF8);
    REFUSED(rectify_inspection_apply_profile(g_liaison, g_insp, "county"), RECTIFY_E_DENIED);
    REFUSED(rectify_inspection_apply_profile(g_stranger, g_insp, "county"), RECTIFY_E_DENIED);
    in = record(RECTIFY_KIND_INSPECTION, g_insp);
    CHECK_HAS(in, "\"plan_due\":\"2018-12-20\"");
    rectify_free(in);
    CHECK_RC(rectify_inspection_apply_profile(g_admin, g_insp, "county"), RECTIFY_OK);
    in = record(RECTIFY_KIND_INSPECTION, g_insp);
    CHECK_HAS(in, "\"plan_due\":\"2018-12-11\"");
    CHECK_HAS(in, "\"concentrated_end\":\"2019-02-20\"");
    rectify_free(in);
    CHECK_RC(rectify_inspection_apply_profile(g_admin, g_insp, "default"), RECTIFY_OK);
    in = record(RECTIFY_KIND_INSPECTION, g_insp);
    CHECK_HAS(in, "\"plan_due\":\"2018-12-20\"");
    rectify_free(in);
}

/* ------------------------------------------------------------------------------------------ */
/* Escalations first: a new deadline is how this world's measures get theirs                  */

static void test_escalations(void)
{
    int64_t id = SENTINEL_ID, first = 0;
    char *json = SENTINEL_STR;
    rectify_warning_options o = RECTIFY_WARNING_OPTIONS_INIT;

    g_phase = "rectify_escalate";
    REFUSED(rectify_escalate(&id, NULL, RECTIFY_KIND_MEASURE, g_m3, 1, "2019-01-05", "党组", NULL, NULL),
            RECTIFY_E_ARGUMENT);
    CHECK(id == 0);
    REFUSED(rectify_escalate(&id, g_admin, 0, g_m3, 1, "2019-01-05", "党组", NULL, NULL), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_escalate(&id, g_admin, 99, g_m3, 1, "2019-01-05", "党组", NULL, NULL), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_escalate(&id, g_admin, -1, g_m3, 1, "2019-01-05", "党组", NULL, NULL), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_escalate(&id, g_admin, RECTIFY_KIND_ASPECT, 1, 1, "2019-01-05", "党组", NULL, NULL),
            RECTIFY_E_ARGUMENT);
    REFUSED(rectify_escalate(&id, g_admin, RECTIFY_KIND_MEASURE, 0, 1, "2019-01-05", "党组", NULL, NULL),
            RECTIFY_E_ARGUMENT);
    REFUSED(rectify_escalate(&id, g_admin, RECTIFY_KIND_MEASURE, -5, 1, "2019-01-05", "党组", NULL, NULL),
            RECTIFY_E_ARGUMENT);
    REFUSED(rectify_escalate(&id, g_admin, RECTIFY_KIND_MEASURE, 99999, 1, "2019-01-05", "党组", NULL, NULL),
            RECTIFY_E_NOT_FOUND);
    REFUSED(rectify_escalate(&id, g_admin, RECTIFY_KIND_MEASURE, g_m3, 0, "2019-01-05", "党组", NULL, NULL),
            RECTIFY_E_ARGUMENT);
    REFUSED(rectify_escalate(&id, g_admin, RECTIFY_KIND_MEASURE, g_m3, 6, "2019-01-05", "党组", NULL, NULL),
            RECTIFY_E_ARGUMENT);
    REFUSED(rectify_escalate(&id, g_admin, RECTIFY_KIND_MEASURE, g_m3, INT_MIN, "2019-01-05", "党组", NULL, NULL),
            RECTIFY_E_ARGUMENT);
    REFUSED(rectify_escalate(&id, g_admin, RECTIFY_KIND_MEASURE, g_m3, 1, NULL, "党组", NULL, NULL),
            RECTIFY_E_ARGUMENT);
    REFUSED(rectify_escalate(&id, g_admin, RECTIFY_KIND_MEASURE, g_m3, 1, "2019-02-29", "党组", NULL, NULL),
            RECTIFY_E_ARGUMENT);
    CHECK_MSG_HAS("2019-02-29");
    REFUSED(rectify_escalate(&id, g_admin, RECTIFY_KIND_MEASURE, g_m3, 1, "yesterday", "党组", NULL, NULL),
            RECTIFY_E_ARGUMENT);
    REFUSED(rectify_escalate(&id, g_admin, RECTIFY_KIND_MEASURE, g_m3, 1, "2019-01-05", NULL, NULL, NULL),
            RECTIFY_E_ARGUMENT);
    REFUSED(rectify_escalate(&id, g_admin, RECTIFY_KIND_MEASURE, g_m3, 1, "2019-01-05", "   ", NULL, NULL),
            RECTIFY_E_ARGUMENT);
    REFUSED(rectify_escalate(&id, g_admin, RECTIFY_KIND_MEASURE, g_m3, 1, "2019-01-05", "\xe4\xb8", NULL, NULL),
            RECTIFY_E_UTF8);
    REFUSED(rectify_escalate(&id, g_admin, RECTIFY_KIND_MEASURE, g_m3, 1, "2019-01-05", "党组", "2019-13-01", NULL),
            RECTIFY_E_ARGUMENT);
    REFUSED(rectify_escalate(&id, g_admin, RECTIFY_KIND_MEASURE, g_m3, 1, "2019-01-05", "党组", "2019-01-05", NULL),
            RECTIFY_E_ARGUMENT); /* a new deadline must come after the day issued */
    REFUSED(rectify_escalate(&id, g_admin, RECTIFY_KIND_MEASURE, g_m3, 1, "2019-01-05", "党组", NULL, "\xff"),
            RECTIFY_E_UTF8);
    REFUSED(rectify_escalate(&id, g_liaison, RECTIFY_KIND_MEASURE, g_m3, 1, "2019-01-05", "党组", NULL, NULL),
            RECTIFY_E_DENIED);
    CHECK_MSG_HAS("escalate");
    REFUSED(rectify_escalate(&id, g_auditor, RECTIFY_KIND_MEASURE, g_m3, 1, "2019-01-05", "党组", NULL, NULL),
            RECTIFY_E_DENIED);
    REFUSED(rectify_escalate(&id, g_stranger, RECTIFY_KIND_MEASURE, g_m3, 1, "2019-01-05", "党组", NULL, NULL),
            RECTIFY_E_DENIED);
    CHECK(id == 0);

    /* The chain: 督办通知书 with a new deadline, then 提醒书 by the supervisor. */
    CHECK(deadline_is(g_m3, NULL));
    CHECK_RC(rectify_escalate(&first, g_admin, RECTIFY_KIND_MEASURE, g_m3, RECTIFY_ESCALATION_NOTICE, "2019-01-05",
                              "市妇联党组", "2019-01-10", "限期整改"),
             RECTIFY_OK);
    CHECK(first > 0);
    CHECK(deadline_is(g_m3, "2019-01-10"));
    CHECK_RC(rectify_escalate(NULL, g_supervisor, RECTIFY_KIND_MEASURE, g_m3, RECTIFY_ESCALATION_REMINDER,
                              "2019-01-08", "市妇联党组书记", NULL, NULL),
             RECTIFY_OK);
    /* Never back down the chain. */
    REFUSED(rectify_escalate(&id, g_admin, RECTIFY_KIND_MEASURE, g_m3, RECTIFY_ESCALATION_GUIDANCE, "2019-01-09",
                             "党组", NULL, NULL),
            RECTIFY_E_INVALID);
    CHECK_MSG_HAS("step back");
    /* m4 gets its deadline (2019-01-25) from a 督办通知书 too; a1/i2/m2 one of 2019-02-28. */
    CHECK_RC(rectify_escalate(&id, g_admin, RECTIFY_KIND_MEASURE, g_m4, RECTIFY_ESCALATION_NOTICE, "2019-01-05",
                              "市妇联党组", "2019-01-25", NULL),
             RECTIFY_OK);
    CHECK(id > first);
    CHECK_RC(rectify_escalate(&id, g_admin, RECTIFY_KIND_MEASURE, g_m12, RECTIFY_ESCALATION_NOTICE, "2019-01-05",
                              "市妇联党组", "2019-02-28", NULL),
             RECTIFY_OK);
    /* An issue (done in the seed) may be escalated; it is not open, so it is not listed. */
    CHECK_RC(rectify_escalate(&id, g_admin, RECTIFY_KIND_ISSUE, g_issue1, RECTIFY_ESCALATION_NOTICE, "2019-01-06",
                              "市妇联党组", NULL, NULL),
             RECTIFY_OK);

    g_phase = "rectify_escalation_list_open";
    CHECK_RC(rectify_escalation_list_open(NULL, g_admin, NULL), RECTIFY_E_ARGUMENT);
    json = SENTINEL_STR;
    CHECK_RC(rectify_escalation_list_open(&json, NULL, NULL), RECTIFY_E_ARGUMENT);
    CHECK(json == NULL);
    json = SENTINEL_STR;
    CHECK_RC(rectify_escalation_list_open(&json, g_stranger, NULL), RECTIFY_E_DENIED);
    CHECK(json == NULL);
    o.version = 0;
    json = SENTINEL_STR;
    CHECK_RC(rectify_escalation_list_open(&json, g_admin, &o), RECTIFY_E_ARGUMENT);
    CHECK(json == NULL);
    o.version = RECTIFY_WARNING_OPTIONS_VERSION;
    o.unit_id = -1;
    CHECK_RC(rectify_escalation_list_open(&json, g_admin, &o), RECTIFY_E_ARGUMENT);
    o.unit_id = g_unit;
    CHECK_RC(rectify_escalation_list_open(&json, g_admin, &o), RECTIFY_OK);
    CHECK_HAS(json, "\"document\":\"督办通知书\"");
    CHECK_HAS(json, "\"document\":\"提醒书\"");
    CHECK_HAS(json, "\"new_deadline\":\"2019-01-10\"");
    CHECK(strstr(json, "\"target_kind\":\"issue\"") == NULL);
    rectify_free(json);
    o.unit_id = 0;
    o.inspection_id = 99999; /* an unknown scope is named, not answered with [] */
    json = (char *)1;
    CHECK_RC(rectify_escalation_list_open(&json, g_admin, &o), RECTIFY_E_NOT_FOUND);
    CHECK(json == NULL);
    CHECK_RC(rectify_escalation_list_open(&json, g_liaison, NULL), RECTIFY_OK);
    CHECK_HAS(json, "\"issued_by\":\"supervisor1\"");
    rectify_free(json);
}

/* ------------------------------------------------------------------------------------------ */
/* Warnings, overdue, due                                                                      */

/* The options variants every warnings-like call must refuse, with the code of each. */
typedef struct bad_options {
    const char *what;
    rectify_warning_options o;
} bad_options;

static int make_bad_options(bad_options *b)
{
    int n = 0;
    rectify_warning_options init = RECTIFY_WARNING_OPTIONS_INIT;
    init.as_of = "2019-01-15";
#define BAD(label, field, value)                                                                                     \
    do {                                                                                                             \
        b[n].what = label;                                                                                           \
        b[n].o = init;                                                                                               \
        b[n].o.field = value;                                                                                        \
        n++;                                                                                                         \
    } while (0)
    BAD("version 0", version, 0u);
    BAD("version 2", version, RECTIFY_WARNING_OPTIONS_VERSION + 1u);
    BAD("version huge", version, 0xFFFFFFFFu);
    BAD("as_of impossible", as_of, "2019-02-30");
    BAD("as_of garbage", as_of, "garbage");
    BAD("as_of empty", as_of, "");
    BAD("as_of short", as_of, "2019-1-15");
    BAD("inspection -1", inspection_id, -1);
    BAD("unit -1", unit_id, -1);
    BAD("round INT64_MIN", round_id, INT64_MIN);
    BAD("rollup -1", rollup, -1);
    BAD("rollup 6", rollup, RECTIFY_ROLLUP_ROUND + 1);
    BAD("rollup INT_MAX", rollup, INT_MAX);
    BAD("lights bit 0", lights, 1u);
    BAD("lights bit 5", lights, 1u << 5);
    BAD("lights all", lights, 0xFFFFFFFFu);
    BAD("offset -1", offset, -1);
    BAD("limit -1", limit, -1);
#undef BAD
    return n;
}

typedef struct stream {
    int rows;
    int stop_after; /* 0: never */
    int malformed;
    int reds;
} stream;

static int on_row(void *ctx, const char *row, size_t len)
{
    stream *s = (stream *)ctx;
    s->rows++;
    if (row == NULL || len < 2 || row[0] != '{' || row[len - 1] != '}')
        s->malformed++;
    else if (strstr(row, "\"light\":\"red\"") != NULL)
        s->reds++;
    return s->stop_after != 0 && s->rows >= s->stop_after ? 1 : 0;
}

static int never_called(void *ctx, const char *row, size_t len)
{
    (void)row;
    (void)len;
    ++*(int *)ctx;
    return 0;
}

static void test_warnings(void)
{
    bad_options bad[32];
    int nbad = make_bad_options(bad), i, calls = 0;
    rectify_warning_options o = RECTIFY_WARNING_OPTIONS_INIT;
    char *json = SENTINEL_STR;
    int64_t count = SENTINEL_ID;
    stream s;

    g_phase = "garbage options";
    for (i = 0; i < nbad; i++) {
        g_phase = bad[i].what;
        json = SENTINEL_STR;
        REFUSED(rectify_warnings(&json, g_admin, &bad[i].o), RECTIFY_E_ARGUMENT);
        CHECK(json == NULL);
        json = SENTINEL_STR;
        if (bad[i].o.rollup == 0 && bad[i].o.lights == 0) { /* overdue ignores roll-up and lights */
            REFUSED(rectify_overdue(&json, g_admin, &bad[i].o), RECTIFY_E_ARGUMENT);
            CHECK(json == NULL);
            count = SENTINEL_ID;
            REFUSED(rectify_overdue_count(&count, g_admin, &bad[i].o),
                    RECTIFY_E_ARGUMENT);
            CHECK(count == 0);
            json = SENTINEL_STR;
            REFUSED(rectify_due_within(&json, g_admin, 10, &bad[i].o),
                    RECTIFY_E_ARGUMENT);
            CHECK(json == NULL);
        }
        calls = 0;
        REFUSED(rectify_warnings_each(g_admin, &bad[i].o, never_called, &calls),
                RECTIFY_E_ARGUMENT);
        CHECK(calls == 0);
    }

    g_phase = "leader bad UTF-8";
    o.as_of = "2019-01-15";
    o.leader = "\xff\xfe";
    json = SENTINEL_STR;
    if (rectify_warnings(&json, g_admin, &o) == RECTIFY_OK) {
        known_bug("rectify_warning_options.leader is not checked for UTF-8 (RECTIFY_E_UTF8 expected)");
        rectify_free(json);
    } else {
        CHECK(rectify_errcode() == RECTIFY_E_UTF8);
        CHECK(json == NULL);
    }
    o.leader = NULL;

    g_phase = "rectify_warnings";
    CHECK_RC(rectify_warnings(NULL, g_admin, &o), RECTIFY_E_ARGUMENT);
    json = SENTINEL_STR;
    CHECK_RC(rectify_warnings(&json, NULL, &o), RECTIFY_E_ARGUMENT);
    CHECK(json == NULL);
    json = SENTINEL_STR;
    CHECK_RC(rectify_warnings(&json, g_stranger, &o), RECTIFY_E_DENIED);
    CHECK(json == NULL);
    CHECK_RC(rectify_warnings(&json, g_admin, NULL), RECTIFY_OK); /* today, everything */
    CHECK_HAS(json, "\"rollup\":\"measure\"");
    rectify_free(json);
    /* As of 2019-01-15: m3 overdue (2019-01-10), m4 yellow (10 days), a1/i2/m2 green (44 days). */
    CHECK_RC(rectify_warnings(&json, g_admin, &o), RECTIFY_OK);
    CHECK_HAS(json, "{\"as_of\":\"2019-01-15\",\"rollup\":\"measure\",\"totals\":{\"red\":1,\"yellow\":1,");
    CHECK_HAS(json, "\"extended\":0}");
    CHECK_HAS(json, "\"rows\":[{\"kind\":\"measure\",\"id\":");
    CHECK_HAS(json, "\"light\":\"red\",\"days_left\":-5,");
    rectify_free(json);
    o.lights = 1u << RECTIFY_LIGHT_RED | 1u << RECTIFY_LIGHT_YELLOW;
    CHECK_RC(rectify_warnings(&json, g_admin, &o), RECTIFY_OK);
    CHECK_HAS(json, "\"totals\":{\"red\":1,\"yellow\":1,\"green\":0,\"blue\":0");
    CHECK(strstr(json, "\"light\":\"blue\"") == NULL);
    rectify_free(json);
    for (i = RECTIFY_ROLLUP_MEASURE; i <= RECTIFY_ROLLUP_ROUND; i++) {
        static const char *const names[] = {"", "measure", "issue", "inspection", "unit", "round"};
        char want[64];
        o.rollup = i;
        o.lights = 1u << RECTIFY_LIGHT_RED;
        CHECK_RC(rectify_warnings(&json, g_admin, &o), RECTIFY_OK);
        snprintf(want, sizeof want, "\"rollup\":\"%s\"", names[i]);
        CHECK_HAS(json, want);
        CHECK_HAS(json, "\"red\":1,");
        rectify_free(json);
    }
    o.rollup = RECTIFY_ROLLUP_UNIT;
    o.lights = 0;
    CHECK_RC(rectify_warnings(&json, g_admin, &o), RECTIFY_OK);
    CHECK_HAS(json, "\"name\":\"市妇联\",\"light\":\"red\"");
    rectify_free(json);
    o.rollup = 0;
    o.unit_id = g_unit;
    o.round_id = g_round;
    o.inspection_id = g_insp;
    o.offset = 1;
    o.limit = 1;
    CHECK_RC(rectify_warnings(&json, g_admin, &o), RECTIFY_OK);
    CHECK_HAS(json, "\"light\":\"yellow\"");
    CHECK(strstr(json, "\"light\":\"red\"") == NULL && strstr(json, "\"light\":\"blue\"") == NULL);
    rectify_free(json);
    o.offset = 1000; /* past the end: no rows, totals still count */
    CHECK_RC(rectify_warnings(&json, g_admin, &o), RECTIFY_OK);
    CHECK_HAS(json, "\"red\":1,");
    CHECK_HAS(json, "\"rows\":[]");
    rectify_free(json);
    o.offset = 0;
    o.limit = 0;
    o.unit_id = 99999;
    json = (char *)1;
    CHECK_RC(rectify_warnings(&json, g_admin, &o), RECTIFY_E_NOT_FOUND);
    CHECK(json == NULL);
    o.unit_id = 0;
    o.leader = "nobody";
    CHECK_RC(rectify_warnings(&json, g_admin, &o), RECTIFY_OK);
    CHECK_HAS(json, "\"rows\":[]");
    rectify_free(json);
    o.leader = NULL;

    g_phase = "rectify_warnings_each";
    memset(&s, 0, sizeof s);
    o.inspection_id = 0;
    o.round_id = 0;
    CHECK_RC(rectify_warnings_each(NULL, &o, on_row, &s), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_warnings_each(g_admin, &o, NULL, &s), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_warnings_each(g_stranger, &o, on_row, &s), RECTIFY_E_DENIED);
    CHECK(s.rows == 0);
    CHECK_RC(rectify_warnings_each(g_admin, &o, on_row, &s), RECTIFY_OK);
    CHECK(s.rows == 28 && s.malformed == 0 && s.reds == 1);
    memset(&s, 0, sizeof s);
    s.stop_after = 3; /* a nonzero return stops the stream, and the call still succeeds */
    CHECK_RC(rectify_warnings_each(g_admin, &o, on_row, &s), RECTIFY_OK);
    CHECK(s.rows == 3 && s.malformed == 0);
    memset(&s, 0, sizeof s);
    s.stop_after = 1;
    CHECK_RC(rectify_warnings_each(g_admin, &o, on_row, &s), RECTIFY_OK);
    CHECK(s.rows == 1 && s.reds == 1); /* the most urgent first */
    memset(&s, 0, sizeof s);
    o.limit = 5;
    CHECK_RC(rectify_warnings_each(g_admin, &o, on_row, &s), RECTIFY_OK);
    CHECK(s.rows == 5);
    o.limit = 0;
    memset(&s, 0, sizeof s);
    o.rollup = RECTIFY_ROLLUP_ISSUE;
    CHECK_RC(rectify_warnings_each(g_admin, &o, on_row, &s), RECTIFY_OK);
    CHECK(s.rows == 11 && s.malformed == 0);
    o.rollup = 0;
    memset(&s, 0, sizeof s);
    CHECK_RC(rectify_warnings_each(g_admin, NULL, on_row, &s), RECTIFY_OK);
    CHECK(s.rows == 28);

    g_phase = "rectify_overdue";
    CHECK_RC(rectify_overdue(NULL, g_admin, &o), RECTIFY_E_ARGUMENT);
    json = SENTINEL_STR;
    CHECK_RC(rectify_overdue(&json, NULL, &o), RECTIFY_E_ARGUMENT);
    CHECK(json == NULL);
    CHECK_RC(rectify_overdue(&json, g_stranger, &o), RECTIFY_E_DENIED);
    CHECK_RC(rectify_overdue(&json, g_admin, &o), RECTIFY_OK);
    CHECK_HAS(json, "\"deadline\":\"2019-01-10\"");
    CHECK(json[0] == '[' && strstr(json, "\"deadline\":\"2019-01-25\"") == NULL);
    rectify_free(json);
    o.as_of = "2019-03-01";
    CHECK_RC(rectify_overdue(&json, g_liaison, &o), RECTIFY_OK);
    CHECK(strstr(json, "2019-01-10") < strstr(json, "2019-01-25") && strstr(json, "2019-01-25") < strstr(json, "2019-02-28"));
    rectify_free(json);
    o.limit = 1;
    o.offset = 2;
    CHECK_RC(rectify_overdue(&json, g_admin, &o), RECTIFY_OK);
    CHECK_HAS(json, "\"deadline\":\"2019-02-28\"");
    CHECK(strstr(json, "2019-01-10") == NULL);
    rectify_free(json);
    o.limit = 0;
    o.offset = 0;

    g_phase = "rectify_overdue_count";
    CHECK_RC(rectify_overdue_count(NULL, g_admin, &o), RECTIFY_E_ARGUMENT);
    count = SENTINEL_ID;
    CHECK_RC(rectify_overdue_count(&count, NULL, &o), RECTIFY_E_ARGUMENT);
    CHECK(count == 0);
    count = SENTINEL_ID;
    CHECK_RC(rectify_overdue_count(&count, g_stranger, &o), RECTIFY_E_DENIED);
    CHECK(count == 0);
    CHECK_RC(rectify_overdue_count(&count, g_admin, &o), RECTIFY_OK);
    CHECK(count == 3);
    o.as_of = "2019-01-15";
    CHECK_RC(rectify_overdue_count(&count, g_auditor, &o), RECTIFY_OK);
    CHECK(count == 1);
    o.as_of = "2018-12-01";
    CHECK_RC(rectify_overdue_count(&count, g_admin, &o), RECTIFY_OK);
    CHECK(count == 0);
    o.as_of = "2019-03-01";
    o.unit_id = 99999;
    count = SENTINEL_ID;
    CHECK_RC(rectify_overdue_count(&count, g_admin, &o), RECTIFY_E_NOT_FOUND);
    CHECK(count == 0);
    o.unit_id = 0;
    CHECK_RC(rectify_overdue_count(&count, g_admin, NULL), RECTIFY_OK); /* today: long after them all */
    CHECK(count == 3);

    g_phase = "rectify_due_within";
    o.as_of = "2019-01-15";
    CHECK_RC(rectify_due_within(NULL, g_admin, 10, &o), RECTIFY_E_ARGUMENT);
    json = SENTINEL_STR;
    CHECK_RC(rectify_due_within(&json, NULL, 10, &o), RECTIFY_E_ARGUMENT);
    CHECK(json == NULL);
    CHECK_RC(rectify_due_within(&json, g_stranger, 10, &o), RECTIFY_E_DENIED);
    json = SENTINEL_STR;
    REFUSED(rectify_due_within(&json, g_admin, -1, &o), RECTIFY_E_ARGUMENT);
    CHECK(json == NULL);
    REFUSED(rectify_due_within(&json, g_admin, INT_MIN, &o), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_due_within(&json, g_admin, 3661, &o), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_due_within(&json, g_admin, INT_MAX, &o), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_due_within(&json, g_admin, 3660, &o), RECTIFY_OK);
    rectify_free(json);
    CHECK_RC(rectify_due_within(&json, g_admin, 0, &o), RECTIFY_OK);
    CHECK(strcmp(json, "[]") == 0);
    rectify_free(json);
    CHECK_RC(rectify_due_within(&json, g_admin, 9, &o), RECTIFY_OK);
    CHECK(strcmp(json, "[]") == 0);
    rectify_free(json);
    CHECK_RC(rectify_due_within(&json, g_admin, 10, &o), RECTIFY_OK); /* the deadline day counts */
    CHECK_HAS(json, "\"deadline\":\"2019-01-25\"");
    CHECK(strstr(json, "2019-02-28") == NULL && strstr(json, "2019-01-10") == NULL);
    rectify_free(json);
    CHECK_RC(rectify_due_within(&json, g_liaison, 60, &o), RECTIFY_OK);
    CHECK(strstr(json, "2019-01-25") != NULL && strstr(json, "2019-01-25") < strstr(json, "2019-02-28"));
    rectify_free(json);
}

/* ------------------------------------------------------------------------------------------ */
/* Extensions                                                                                  */

static void test_extensions(void)
{
    int64_t id = SENTINEL_ID, x1 = 0, x2 = 0;
    char *json = SENTINEL_STR;
    rectify_warning_options o = RECTIFY_WARNING_OPTIONS_INIT;
    int64_t count = 0;

    g_phase = "rectify_extension_request";
    REFUSED(rectify_extension_request(&id, NULL, g_m3, "2019-02-10", "春节"), RECTIFY_E_ARGUMENT);
    CHECK(id == 0);
    REFUSED(rectify_extension_request(&id, g_liaison, 0, "2019-02-10", "春节"), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_extension_request(&id, g_liaison, -1, "2019-02-10", "春节"), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_extension_request(&id, g_liaison, 99999, "2019-02-10", "春节"), RECTIFY_E_NOT_FOUND);
    REFUSED(rectify_extension_request(&id, g_liaison, g_m3, NULL, "春节"), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_extension_request(&id, g_liaison, g_m3, "2019-02-10", NULL), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_extension_request(&id, g_liaison, g_m3, "2019-02-29", "春节"), RECTIFY_E_ARGUMENT);
    CHECK_MSG_HAS("2019-02-29");
    REFUSED(rectify_extension_request(&id, g_liaison, g_m3, "10/02/2019", "春节"), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_extension_request(&id, g_liaison, g_m3, "2019-02-10", ""), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_extension_request(&id, g_liaison, g_m3, "2019-02-10", " \t "), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_extension_request(&id, g_liaison, g_m3, "2019-02-10", "\xc0\x80"), RECTIFY_E_UTF8);
    REFUSED(rectify_extension_request(&id, g_liaison, g_m3, "2019-01-10", "same day"), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_extension_request(&id, g_liaison, g_m3, "2019-01-01", "earlier"), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_extension_request(&id, g_liaison, g_m1, "2019-02-10", "done already"), RECTIFY_E_MISUSE);
    REFUSED(rectify_extension_request(&id, g_auditor, g_m3, "2019-02-10", "春节"), RECTIFY_E_DENIED);
    REFUSED(rectify_extension_request(&id, g_supervisor, g_m3, "2019-02-10", "春节"), RECTIFY_E_DENIED);
    REFUSED(rectify_extension_request(&id, g_stranger, g_m3, "2019-02-10", "春节"), RECTIFY_E_DENIED);
    CHECK(id == 0);
    CHECK_RC(rectify_extension_request(&x1, g_liaison, g_m3, "2019-02-10", "春节前后人员不足"), RECTIFY_OK);
    CHECK(x1 > 0);
    REFUSED(rectify_extension_request(&id, g_liaison, g_m3, "2019-02-20", "again"), RECTIFY_E_MISUSE);
    CHECK_MSG_HAS("pending");
    CHECK_RC(rectify_extension_request(&x2, g_admin, g_m4, "2019-03-01", "协调财政"), RECTIFY_OK);
    CHECK(x2 > x1);

    g_phase = "rectify_extension_list";
    CHECK_RC(rectify_extension_list(NULL, g_admin, 0, 0), RECTIFY_E_ARGUMENT);
    json = SENTINEL_STR;
    CHECK_RC(rectify_extension_list(&json, NULL, 0, 0), RECTIFY_E_ARGUMENT);
    CHECK(json == NULL);
    json = SENTINEL_STR;
    CHECK_RC(rectify_extension_list(&json, g_admin, -1, 0), RECTIFY_E_ARGUMENT);
    CHECK(json == NULL);
    CHECK_RC(rectify_extension_list(&json, g_admin, INT64_MIN, 1), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_extension_list(&json, g_stranger, 0, 0), RECTIFY_E_DENIED);
    CHECK_RC(rectify_extension_list(&json, g_admin, 0, 1), RECTIFY_OK);
    CHECK_HAS(json, "\"state\":\"pending\"");
    CHECK_HAS(json, "\"original_deadline\":\"2019-01-10\",\"requested_deadline\":\"2019-02-10\"");
    CHECK_HAS(json, "\"requested_by\":\"liaison1\"");
    rectify_free(json);
    CHECK_RC(rectify_extension_list(&json, g_admin, g_m4, 12345), RECTIFY_OK); /* any nonzero: pending only */
    CHECK_HAS(json, "\"requested_by\":\"admin\"");
    CHECK(strstr(json, "liaison1") == NULL);
    rectify_free(json);
    json = (char *)1;
    CHECK_RC(rectify_extension_list(&json, g_admin, 99999, 0), RECTIFY_E_NOT_FOUND);
    CHECK(json == NULL);

    g_phase = "rectify_extension_decide";
    REFUSED(rectify_extension_decide(NULL, x1, 1, NULL), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_extension_decide(g_supervisor, 0, 1, NULL), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_extension_decide(g_supervisor, -7, 1, NULL), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_extension_decide(g_supervisor, 99999, 1, NULL), RECTIFY_E_NOT_FOUND);
    REFUSED(rectify_extension_decide(g_supervisor, x1, 1, "\xff"), RECTIFY_E_UTF8);
    REFUSED(rectify_extension_decide(g_liaison, x1, 1, NULL), RECTIFY_E_DENIED);  /* the requester, and no right */
    REFUSED(rectify_extension_decide(g_auditor, x1, 1, NULL), RECTIFY_E_DENIED);
    REFUSED(rectify_extension_decide(g_stranger, x1, 0, NULL), RECTIFY_E_DENIED);
    REFUSED(rectify_extension_decide(g_admin, x2, 1, "自批"), RECTIFY_E_DENIED);  /* the admin asked for x2 */
    CHECK_MSG_HAS("someone else");
    CHECK(deadline_is(g_m3, "2019-01-10"));
    CHECK_RC(rectify_extension_decide(g_supervisor, x1, 42, "同意"), RECTIFY_OK); /* any nonzero approves */
    CHECK(deadline_is(g_m3, "2019-02-10"));
    REFUSED(rectify_extension_decide(g_supervisor, x1, 0, NULL), RECTIFY_E_CONFLICT);
    REFUSED(rectify_extension_decide(g_admin, x1, 1, NULL), RECTIFY_E_CONFLICT);
    CHECK_RC(rectify_extension_decide(g_supervisor, x2, 0, NULL), RECTIFY_OK);
    CHECK(deadline_is(g_m4, "2019-01-25"));
    CHECK_RC(rectify_extension_list(&json, g_admin, 0, 0), RECTIFY_OK);
    CHECK_HAS(json, "\"state\":\"approved\",\"decided_by\":\"supervisor1\"");
    CHECK_HAS(json, "\"decision_note\":\"同意\"");
    CHECK_HAS(json, "\"state\":\"refused\"");
    CHECK_HAS(json, "\"original_deadline\":\"2019-01-10\",\"requested_deadline\":\"2019-02-10\"");
    rectify_free(json);
    CHECK_RC(rectify_extension_list(&json, g_admin, 0, 1), RECTIFY_OK);
    CHECK(strcmp(json, "[]") == 0);
    rectify_free(json);

    /* Warnings count the extended measure apart, and it is no longer overdue. */
    o.as_of = "2019-01-15";
    CHECK_RC(rectify_overdue_count(&count, g_admin, &o), RECTIFY_OK);
    CHECK(count == 0);
    CHECK_RC(rectify_warnings(&json, g_admin, &o), RECTIFY_OK);
    CHECK_HAS(json, "\"extended\":1}");
    CHECK_HAS(json, "\"extended\":true");
    rectify_free(json);

    /* Done: the measure's escalations close with it. */
    g_phase = "escalations close with their target";
    CHECK_RC(rectify_status_set(NULL, g_admin, RECTIFY_KIND_MEASURE, g_m3, RECTIFY_STATUS_DONE, 0), RECTIFY_OK);
    CHECK_RC(rectify_escalation_list_open(&json, g_admin, NULL), RECTIFY_OK);
    {
        char key[64];
        snprintf(key, sizeof key, "\"target_id\":%lld,", (long long)g_m3);
        CHECK(strstr(json, key) == NULL);
        snprintf(key, sizeof key, "\"target_id\":%lld,", (long long)g_m4);
        CHECK_HAS(json, key);
    }
    rectify_free(json);
}

/* A deadline across the end of the last loaded year: fed back 2026-12-10 into a database that
 * knows 2026 and not 2027, its derived deadlines count Monday-Friday and are provisional; loading
 * a 2027 notice whose Spring Festival covers 2027-02-10 moves them and lists the moves. */
static void test_reload(const char *seed_path)
{
    static const char *const suffixes[] = {"", "-wal", "-shm", "-journal"};
    const char *notice =
        "{\"year\": 2027, \"papers\": [\"made up for the test\"], \"days\": ["
        "{\"name\": \"春节\", \"date\": \"2027-02-09\", \"isOffDay\": true},"
        "{\"name\": \"春节\", \"date\": \"2027-02-10\", \"isOffDay\": true},"
        "{\"name\": \"春节\", \"date\": \"2027-02-11\", \"isOffDay\": true},"
        "{\"name\": \"春节\", \"date\": \"2027-02-12\", \"isOffDay\": true}]}";
    char path[700], file[700];
    char *doc, *json = NULL, *changes = NULL;
    size_t i;
    int64_t id = 0;
    rectify_db *db = NULL;
    rectify_open_options o = RECTIFY_OPEN_OPTIONS_INIT;
    rectify_warning_options wo = RECTIFY_WARNING_OPTIONS_INIT;
    const char *footnote = "注：2027年节假日安排尚未载入，相关期限暂按常规工作日计算。\n";

    tmp_path(path, sizeof path, "reload.db");
    doc = seed_fed_back(seed_path, "\"feedback_date\": \"2026-12-10\"");
    o.actor = "admin";
    MUST(rectify_db_open(&db, path, &o));
    CHECK_RC(rectify_import_json(&id, NULL, db, doc, strlen(doc)), RECTIFY_OK);
    free(doc);
    CHECK_RC(rectify_record_get(&json, db, RECTIFY_KIND_INSPECTION, id), RECTIFY_OK);
    CHECK_HAS(json, "\"concentrated_end\":\"2027-02-10\"");
    CHECK_HAS(json, "\"provisional\":true,\"provisional_years\":[2027]");
    rectify_free(json);
    /* What reads them says so: the warnings answer names the year, the notice ends with the
     * footnote. */
    wo.as_of = "2026-12-20";
    CHECK_RC(rectify_warnings(&json, db, &wo), RECTIFY_OK);
    CHECK_HAS(json, "\"provisional_years\":[2027]");
    rectify_free(json);
    CHECK_RC(rectify_notice_render(&json, db, id, NULL), RECTIFY_OK);
    CHECK(json != NULL && strlen(json) > strlen(footnote) &&
          strcmp(json + strlen(json) - strlen(footnote), footnote) == 0);
    rectify_free(json);
    /* Refused: nothing stored, nothing moved. */
    CHECK_RC(rectify_db_calendar_load_json_changes(NULL, db, notice, strlen(notice)), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_db_calendar_load_json_changes(&changes, db, "{", 1), RECTIFY_E_JSON);
    CHECK(changes == NULL);
    CHECK_RC(rectify_record_get(&json, db, RECTIFY_KIND_INSPECTION, id), RECTIFY_OK);
    CHECK_HAS(json, "\"provisional\":true");
    rectify_free(json);
    /* Loaded: moved past the holiday, listed, and final. */
    CHECK_RC(rectify_db_calendar_load_json_changes(&changes, db, notice, strlen(notice)), RECTIFY_OK);
    CHECK_HAS(changes, "\"deadline\":\"concentrated_end\",\"label\":\"集中整改期满\",\"from\":\"2027-02-10\",\"to\":\"2027-02-15\"");
    CHECK_HAS(changes, "\"deadline\":\"evaluation_due\"");
    rectify_free(changes);
    CHECK_RC(rectify_record_get(&json, db, RECTIFY_KIND_INSPECTION, id), RECTIFY_OK);
    CHECK_HAS(json, "\"concentrated_end\":\"2027-02-15\"");
    CHECK_HAS(json, "\"provisional\":false");
    rectify_free(json);
    CHECK_RC(rectify_warnings(&json, db, &wo), RECTIFY_OK);
    CHECK(json != NULL && strstr(json, "provisional_years") == NULL);
    rectify_free(json);
    CHECK_RC(rectify_notice_render(&json, db, id, NULL), RECTIFY_OK);
    CHECK(json != NULL && strstr(json, "暂按常规工作日") == NULL);
    rectify_free(json);
    rectify_db_close(db);
    for (i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        snprintf(file, sizeof file, "%s%s", path, suffixes[i]);
        remove(file);
    }
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: deadlines_test SEED.json\n");
        return 2;
    }
    g_verbose = getenv("RECTIFY_TEST_VERBOSE") != NULL;
    build_world(argv[1]);
    test_calendar();
    test_profiles();
    test_escalations();
    test_warnings();
    test_extensions();
    test_reload(argv[1]);
    remove_world();
    if (g_known_bugs > 0)
        printf("%d known library bug(s), reported above\n", g_known_bugs);
    printf("%d passed, %d failed\n", g_passed, g_failed);
    return g_failed == 0 ? 0 : 1;
}
