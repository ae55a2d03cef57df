/*
 * capi_test.c: drives the whole C ABI of librectify.so from plain C99, in the spirit of LevelDB's
 * db/c_test.c. It links the shared library (the ABI promise) and SQLite (only to forge a database
 * from a newer rectify).
 *
 *   capi_test SEED.json
 *
 * Every check prints file:line and the library's last error when it fails; the program ends with
 * "N passed, N failed" and exits nonzero on any failure. Run under the sanitizer configuration it
 * also catches leaks (every string the library hands out is freed with rectify_free) and overruns
 * (documents are passed without a terminating NUL).
 *
 * Set RECTIFY_TEST_KEEP=1 to keep the temporary directory for inspection, RECTIFY_TEST_VERBOSE=1
 * to see the message of every expected failure.
 */
#define _XOPEN_SOURCE 700

#include <rectify/rectify.h>

#include <sqlite3.h>

#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "files.h"

/* ------------------------------------------------------------------------------------------ */
/* Checks                                                                                      */

static int g_passed;
static int g_failed;
static const char *g_phase = "start";
static int g_verbose; /* RECTIFY_TEST_VERBOSE=1 prints the message of every expected failure */

/* The library's message is valid only until its next call; copy it before calling anything. */
static void last_error(char *buf, size_t size, int *code)
{
    const char *m = rectify_errmsg();
    snprintf(buf, size, "%s", m ? m : "(NULL errmsg!)");
    *code = rectify_errcode();
}

static int check_impl(int ok, const char *expr, const char *file, int line)
{
    char msg[2048];
    int code;
    if (ok) {
        g_passed++;
        return 1;
    }
    g_failed++;
    last_error(msg, sizeof msg, &code);
    fprintf(stderr, "%s:%d: [%s] FAILED: %s\n    last error %d (%s): %s\n", file, line, g_phase, expr,
            code, rectify_strerror(code), msg);
    return 0;
}

/* No second acceptable code (result codes are never positive). */
#define NO_ALT 1

/* Checks that a call returned `want` (or `alt`). On every failure the library must also leave a non-empty
   message and report the same code through rectify_errcode(). */
static int check_rc_impl(int rc, int want, int alt, const char *expr, const char *file, int line)
{
    char msg[2048];
    int code;
    int ok = rc == want || (alt != NO_ALT && rc == alt);
    last_error(msg, sizeof msg, &code);
    if (ok && rc < 0 && (msg[0] == '\0' || code != rc)) {
        g_failed++;
        fprintf(stderr, "%s:%d: [%s] FAILED: %s\n    returned %d as expected, but errcode is %d and "
                        "errmsg is \"%s\" (want the same code and a message)\n",
                file, line, g_phase, expr, rc, code, msg);
        return 0;
    }
    if (ok) {
        g_passed++;
        if (rc < 0 && g_verbose)
            printf("%s:%d: [%s] %d as expected: %s\n", file, line, g_phase, rc, msg);
        return 1;
    }
    g_failed++;
    fprintf(stderr, "%s:%d: [%s] FAILED: %s\n    returned %d (%s), expected %d (%s)", file, line,
            g_phase, expr, rc, rectify_strerror(rc), want, rectify_strerror(want));
    if (alt != NO_ALT)
        fprintf(stderr, " or %d (%s)", alt, rectify_strerror(alt));
    fprintf(stderr, "\n    errmsg: %s\n", msg);
    return 0;
}

#define CHECK(cond) check_impl((cond) != 0, #cond, __FILE__, __LINE__)
#define CHECK_RC(expr, want) check_rc_impl((expr), (want), NO_ALT, #expr, __FILE__, __LINE__)
#define CHECK_RC2(expr, want, alt) check_rc_impl((expr), (want), (alt), #expr, __FILE__, __LINE__)

/* The last error message contains `what` (a field path, a value). */
#define CHECK_MSG_HAS(what) check_msg_has((what), __FILE__, __LINE__)
static int check_msg_has(const char *what, const char *file, int line)
{
    const char *m = rectify_errmsg();
    if (m != NULL && strstr(m, what) != NULL) {
        g_passed++;
        return 1;
    }
    g_failed++;
    fprintf(stderr, "%s:%d: [%s] FAILED: errmsg should contain \"%s\"\n    errmsg: %s\n", file, line,
            g_phase, what, m ? m : "(NULL)");
    return 0;
}

static void fatal(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "capi_test: fatal: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    exit(2);
}

/* Non-NULL values that out-parameters are preset to, to see that a failing call resets them. */
static char g_sentinel_byte;
#define SENTINEL_STR (&g_sentinel_byte)
#define SENTINEL_DB ((rectify_db *)(void *)&g_sentinel_byte)

/* ------------------------------------------------------------------------------------------ */
/* Files                                                                                       */

static char g_tmpdir[512];

static void tmp_path(char *buf, size_t size, const char *name)
{
    snprintf(buf, size, "%s/%s", g_tmpdir, name);
}

static int write_file(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    int ok;
    if (f == NULL)
        return 0;
    ok = fwrite(data, 1, len, f) == len;
    return fclose(f) == 0 && ok;
}

/* A heap copy of exactly len bytes, with no terminating NUL: the sanitizers catch a library that
   reads past len. */
static char *copy_unterminated(const char *data, size_t len)
{
    char *p = (char *)malloc(len ? len : 1);
    if (p == NULL)
        fatal("out of memory");
    memcpy(p, data, len);
    return p;
}

static int same_bytes(const char *a, size_t alen, const char *b, size_t blen)
{
    return a != NULL && b != NULL && alen == blen && memcmp(a, b, alen) == 0;
}

static void report_difference(const char *what, const char *a, size_t alen, const char *b, size_t blen)
{
    size_t i = 0, from;
    if (a == NULL || b == NULL) {
        fprintf(stderr, "    %s: one side is NULL\n", what);
        return;
    }
    while (i < alen && i < blen && a[i] == b[i])
        i++;
    from = i > 80 ? i - 80 : 0;
    fprintf(stderr, "    %s: lengths %zu and %zu, first difference at byte %zu\n", what, alen, blen, i);
    fprintf(stderr, "    first:  ...%.*s|%.*s\n", (int)(i - from), a + from,
            (int)(alen - i < 80 ? alen - i : 80), a + i);
    fprintf(stderr, "    second: ...%.*s|%.*s\n", (int)(i - from), b + from,
            (int)(blen - i < 80 ? blen - i : 80), b + i);
}

static void remove_tmpdir(void)
{
    DIR *d = opendir(g_tmpdir);
    struct dirent *e;
    char path[1024];
    if (d == NULL)
        return;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        tmp_path(path, sizeof path, e->d_name);
        unlink(path);
    }
    closedir(d);
    rmdir(g_tmpdir);
}

/* ------------------------------------------------------------------------------------------ */
/* Just enough JSON scanning for the checks (the library's output is trusted to be JSON).       */

static const char *skip_ws(const char *p)
{
    while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
        p++;
    return p;
}

/* Finds the next `"key"` followed by a colon at or after p; returns the first byte of the value. */
static const char *find_value(const char *p, const char *key)
{
    char pat[128];
    snprintf(pat, sizeof pat, "\"%s\"", key);
    while ((p = strstr(p, pat)) != NULL) {
        const char *q = skip_ws(p + strlen(pat));
        if (*q == ':')
            return skip_ws(q + 1);
        p += strlen(pat);
    }
    return NULL;
}

/* The first integer value of key, or -1. */
static int64_t json_int(const char *json, const char *key)
{
    const char *v = json ? find_value(json, key) : NULL;
    if (v == NULL || !((*v >= '0' && *v <= '9') || *v == '-'))
        return -1;
    return (int64_t)strtoll(v, NULL, 10);
}

/* Whether the first value of key is the string val. */
static int json_str_is(const char *json, const char *key, const char *val)
{
    const char *v = json ? find_value(json, key) : NULL;
    size_t n = strlen(val);
    return v != NULL && v[0] == '"' && strncmp(v + 1, val, n) == 0 && v[1 + n] == '"';
}

/* How many `"kind": "<kind>"` pairs (any spacing) the text holds; kind NULL counts every kind. */
static size_t count_kind(const char *json, const char *kind)
{
    size_t n = 0;
    const char *p = json;
    while (p != NULL && (p = find_value(p, "kind")) != NULL) {
        if (*p == '"' && (kind == NULL || (strncmp(p + 1, kind, strlen(kind)) == 0 &&
                                           p[1 + strlen(kind)] == '"')))
            n++;
    }
    return n;
}

/* How many times text occurs in json (audit events: count "\"prev_hash\":", which only events
   carry, not the record images inside them). */
static size_t count_text(const char *json, const char *text)
{
    size_t n = 0;
    const char *p = json;
    while (p != NULL && (p = strstr(p, text)) != NULL) {
        n++;
        p += strlen(text);
    }
    return n;
}
#define EVENT_KEY "\"prev_hash\":"

/* The record ids ("id": N) in order, as "1,2,3"; malloc'd. */
static char *ids_of(const char *json)
{
    size_t cap = 64, len = 0;
    char *out = (char *)malloc(cap);
    const char *p = json;
    if (out == NULL)
        fatal("out of memory");
    out[0] = '\0';
    while (p != NULL && (p = find_value(p, "id")) != NULL) {
        char num[32];
        size_t k;
        snprintf(num, sizeof num, "%" PRId64 ",", (int64_t)strtoll(p, NULL, 10));
        k = strlen(num);
        if (len + k + 1 > cap) {
            cap = (len + k + 1) * 2;
            out = (char *)realloc(out, cap);
            if (out == NULL)
                fatal("out of memory");
        }
        memcpy(out + len, num, k + 1);
        len += k;
    }
    return out;
}

/* ------------------------------------------------------------------------------------------ */
/* Library helpers                                                                             */

static rectify_db *open_db(const char *path, unsigned flags, const char *actor)
{
    rectify_open_options o = RECTIFY_OPEN_OPTIONS_INIT;
    rectify_db *db = SENTINEL_DB;
    o.flags = flags;
    o.actor = actor;
    if (!CHECK_RC(rectify_db_open(&db, path, &o), RECTIFY_OK))
        fatal("cannot open %s: %s", path, rectify_errmsg());
    if (!CHECK(db != NULL && db != SENTINEL_DB))
        fatal("rectify_db_open succeeded without a handle");
    return db;
}

/* The number of records of a kind (with the list's filters), or -1 on failure. Also checks that
   the array holds records of that kind only. */
static long list_count(rectify_db *db, int kind, int64_t inspection_id, int64_t parent_id)
{
    rectify_list_options o = RECTIFY_LIST_OPTIONS_INIT;
    char *json = NULL;
    long n;
    o.inspection_id = inspection_id;
    o.parent_id = parent_id;
    if (!CHECK_RC(rectify_record_list(&json, db, kind, &o), RECTIFY_OK))
        return -1;
    if (!CHECK(json != NULL && json[0] == '['))
        return -1;
    n = (long)count_kind(json, rectify_kind_name(kind));
    CHECK((size_t)n == count_kind(json, NULL));
    rectify_free(json);
    return n;
}

/* The list of a kind as JSON (caller frees with rectify_free), or NULL. */
static char *list_json(rectify_db *db, int kind, int64_t inspection_id, int64_t parent_id)
{
    rectify_list_options o = RECTIFY_LIST_OPTIONS_INIT;
    char *json = NULL;
    o.inspection_id = inspection_id;
    o.parent_id = parent_id;
    if (!CHECK_RC(rectify_record_list(&json, db, kind, &o), RECTIFY_OK))
        return NULL;
    return json;
}

static int64_t find_id(rectify_db *db, int kind, const char *ref)
{
    int64_t id = -1;
    if (!CHECK_RC(rectify_record_find(&id, db, kind, ref), RECTIFY_OK)) {
        fprintf(stderr, "    (looking for %s %s)\n", rectify_kind_name(kind), ref);
        return -1;
    }
    CHECK(id > 0);
    return id;
}

/* One record as JSON (caller frees), or NULL. */
static char *get_json(rectify_db *db, int kind, int64_t id)
{
    char *json = NULL;
    if (!CHECK_RC(rectify_record_get(&json, db, kind, id), RECTIFY_OK))
        return NULL;
    CHECK(json != NULL && json[0] == '{');
    return json;
}

static int64_t record_version(rectify_db *db, int kind, int64_t id)
{
    char *json = get_json(db, kind, id);
    int64_t v = json_int(json, "version");
    rectify_free(json);
    return v;
}

static int record_status_is(rectify_db *db, int kind, int64_t id, const char *status)
{
    char *json = get_json(db, kind, id);
    int ok = json_str_is(json, "status", status);
    if (!ok && json)
        fprintf(stderr, "    (%s %" PRId64 " wanted status %s: %s)\n", rectify_kind_name(kind), id,
                status, json);
    rectify_free(json);
    return ok;
}

/* The export of an inspection (caller frees), length in *len. */
static char *export_of(rectify_db *db, int64_t inspection_id, size_t *len)
{
    char *json = SENTINEL_STR;
    size_t n = 0;
    if (!CHECK_RC(rectify_export_json(&json, &n, db, inspection_id), RECTIFY_OK))
        return NULL;
    if (!CHECK(json != NULL && json != SENTINEL_STR))
        return NULL;
    CHECK(strlen(json) == n);
    *len = n;
    return json;
}

/* ------------------------------------------------------------------------------------------ */
/* A small inspection document, written here so that each broken variant differs in one place.  */

typedef struct small_doc {
    const char *inspection_ref;
    const char *aspect_title;
    const char *issue_status;
    const char *measure_title;
    const char *deadline;
    const char *issue_extra; /* appended inside the issue object, e.g. ",\"bogus\":1" */
    int format_version;
} small_doc;

static small_doc small_defaults(void)
{
    small_doc d;
    d.inspection_ref = "capi-small";
    d.aspect_title = "党的政治建设方面";
    d.issue_status = "in_progress";
    d.measure_title = "完善“三会一课”制度";
    d.deadline = "2018-12-31";
    d.issue_extra = "";
    d.format_version = 1;
    return d;
}

/* The document as malloc'd text (NUL-terminated; *len excludes the NUL). */
static char *small_json(const small_doc *d, size_t *len)
{
    static const char fmt[] =
        "{\"format\":\"rectify-inspection\",\"format_version\":%d,\n"
        " \"round\":null,\n"
        " \"unit\":{\"ref\":\"capi-unit\",\"name\":\"测试单位\",\"party_org\":\"测试单位党组\"},\n"
        " \"inspection\":{\"ref\":\"%s\",\"kind\":\"routine\",\"label\":\"政治巡察\","
        "\"authority\":\"市委\",\"group\":\"市委第一巡察组\",\"onsite_start\":\"2018-09-19\","
        "\"onsite_end\":\"2018-10-25\",\"feedback_date\":\"2018-11-20\",\"title\":null,\"closing\":null},\n"
        " \"aspects\":[{\"title\":\"%s\",\"issues\":[\n"
        "   {\"title\":\"“三会一课”制度落实不到位\",\"status\":\"%s\"%s,\"measures\":[\n"
        "     {\"title\":\"%s\",\"category\":\"deadline\",\"deadline\":\"%s\",\"status\":\"in_progress\","
        "\"progress\":[{\"date\":\"2018-11-30\",\"text\":\"已完善制度并上墙。\",\"author\":null}]}]},\n"
        "   {\"title\":\"第二个问题\",\"measures\":[{\"title\":\"措施\",\"category\":\"immediate\"}]}]},\n"
        "  {\"title\":\"第二个方面\",\"issues\":[{\"title\":\"问题\",\"public\":false,"
        "\"non_public_reason\":\"涉及个人\"}]}],\n"
        " \"outcomes\":[{\"type\":\"money\",\"category\":\"returned\",\"amount_fen\":1155000,"
        "\"date\":\"2018-12-01\",\"note\":\"清退\"}]}\n";
    int n = snprintf(NULL, 0, fmt, d->format_version, d->inspection_ref, d->aspect_title,
                     d->issue_status, d->issue_extra, d->measure_title, d->deadline);
    char *buf = (char *)malloc((size_t)n + 1);
    if (buf == NULL)
        fatal("out of memory");
    snprintf(buf, (size_t)n + 1, fmt, d->format_version, d->inspection_ref, d->aspect_title,
             d->issue_status, d->issue_extra, d->measure_title, d->deadline);
    *len = (size_t)n;
    return buf;
}

/* Imports json (passed without its NUL) and checks the code; returns the code. */
static int import_text(rectify_db *db, const char *json, size_t len, int64_t *out_id, int want,
                       const char *file, int line)
{
    char *copy = copy_unterminated(json, len);
    char *summary = SENTINEL_STR;
    int64_t id = -1;
    int rc = rectify_import_json(&id, &summary, db, copy, len);
    check_rc_impl(rc, want, NO_ALT, "rectify_import_json(...)", file, line);
    if (rc == RECTIFY_OK) {
        check_impl(summary != NULL && summary != SENTINEL_STR && summary[0] == '{',
                   "import summary is a JSON object", file, line);
        check_impl(id > 0, "import gives an inspection id", file, line);
    } else {
        check_impl(summary == NULL, "a failed import sets *out_summary to NULL", file, line);
    }
    if (summary != SENTINEL_STR)
        rectify_free(summary);
    free(copy);
    if (out_id)
        *out_id = id;
    return rc;
}
#define IMPORT(db, json, len, out_id, want) import_text((db), (json), (len), (out_id), (want), __FILE__, __LINE__)

/* ------------------------------------------------------------------------------------------ */
/* Tests without a database                                                                    */

static void test_initial_error_state(void)
{
    const char *m;
    g_phase = "initial error state";
    m = rectify_errmsg();
    CHECK(m != NULL);
    CHECK(m != NULL && m[0] == '\0');
    CHECK(rectify_errcode() == RECTIFY_OK);
}

static void test_version(void)
{
    char buf[64];
    g_phase = "version";
    CHECK(rectify_version() != NULL);
    CHECK(rectify_version() != NULL && strcmp(rectify_version(), RECTIFY_VERSION_STRING) == 0);
    CHECK(rectify_version_number() == RECTIFY_VERSION_NUMBER);
    CHECK(RECTIFY_VERSION_NUMBER ==
          RECTIFY_VERSION_MAJOR * 10000 + RECTIFY_VERSION_MINOR * 100 + RECTIFY_VERSION_PATCH);
    snprintf(buf, sizeof buf, "%d.%d.%d", RECTIFY_VERSION_MAJOR, RECTIFY_VERSION_MINOR,
             RECTIFY_VERSION_PATCH);
    CHECK(strcmp(buf, RECTIFY_VERSION_STRING) == 0);
    CHECK(rectify_schema_version() > 0);
    rectify_free(NULL);
    rectify_db_close(NULL);
    CHECK(rectify_errcode() == RECTIFY_OK);
}

static void test_strerror(void)
{
    static const int codes[] = {
        RECTIFY_OK,         RECTIFY_E_INTERNAL,     RECTIFY_E_NOMEM,      RECTIFY_E_ARGUMENT,
        RECTIFY_E_NOT_FOUND, RECTIFY_E_CONFLICT,    RECTIFY_E_TRANSITION, RECTIFY_E_JSON,
        RECTIFY_E_INVALID,  RECTIFY_E_UTF8,         RECTIFY_E_IO,         RECTIFY_E_DB,
        RECTIFY_E_BUSY,     RECTIFY_E_SCHEMA_NEWER, RECTIFY_E_NOT_A_DB,   RECTIFY_E_NO_ACTOR,
        RECTIFY_E_DUPLICATE, RECTIFY_E_MISUSE,      RECTIFY_E_DENIED,     RECTIFY_E_UNKNOWN_DATE,
        RECTIFY_E_TAMPERED, RECTIFY_E_GUARD};
    static const int unknown[] = {1, 12345, -1000, INT_MIN, INT_MAX};
    size_t n = sizeof codes / sizeof codes[0], i, j;
    g_phase = "strerror";
    CHECK(n == 22);
    for (i = 0; i < n; i++) {
        const char *s = rectify_strerror(codes[i]);
        if (!CHECK(s != NULL && s[0] != '\0')) {
            fprintf(stderr, "    (code %d)\n", codes[i]);
            continue;
        }
        if (!CHECK(strcmp(s, "unknown error code") != 0))
            fprintf(stderr, "    (code %d is documented but unknown to rectify_strerror)\n", codes[i]);
        for (j = 0; j < i; j++) {
            const char *t = rectify_strerror(codes[j]);
            if (t != NULL && !CHECK(strcmp(s, t) != 0))
                fprintf(stderr, "    (codes %d and %d share the text \"%s\")\n", codes[i], codes[j], s);
        }
    }
    for (i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
        const char *s = rectify_strerror(unknown[i]);
        if (!CHECK(s != NULL && strcmp(s, "unknown error code") == 0))
            fprintf(stderr, "    (code %d gives \"%s\")\n", unknown[i], s ? s : "(NULL)");
    }
    /* Codes are constants of the ABI: pin them. */
    CHECK(RECTIFY_E_INTERNAL == -1 && RECTIFY_E_ARGUMENT == -3 && RECTIFY_E_JSON == -7 &&
          RECTIFY_E_UTF8 == -9 && RECTIFY_E_SCHEMA_NEWER == -13 && RECTIFY_E_MISUSE == -17 &&
          RECTIFY_E_DENIED == -18 && RECTIFY_E_UNKNOWN_DATE == -19 && RECTIFY_E_TAMPERED == -20 &&
          RECTIFY_E_GUARD == -21);
}

static void test_names(void)
{
    static const char *kinds[] = {"round", "unit", "inspection", "aspect",
                                  "issue", "measure", "progress", "outcome"};
    static const char *statuses[] = {"not_started", "in_progress", "substantially_done",
                                     "done", "closed", "reopened"};
    static const char *labels[] = {"未启动", "整改中", "基本完成", "已完成", "已销号", "重新整改"};
    int i, v;
    g_phase = "kind and status names";
    for (i = 0; i < 8; i++) {
        const char *s = rectify_kind_name(i + 1);
        CHECK(s != NULL && strcmp(s, kinds[i]) == 0);
        v = -1;
        CHECK_RC(rectify_kind_from_name(&v, kinds[i]), RECTIFY_OK);
        CHECK(v == i + 1);
    }
    CHECK(RECTIFY_KIND_ISSUE == 5 && RECTIFY_KIND_MEASURE == 6 && RECTIFY_KIND_OUTCOME == 8);
    CHECK(rectify_kind_name(0) == NULL);
    CHECK(rectify_kind_name(9) == NULL);
    CHECK(rectify_kind_name(-1) == NULL);
    CHECK_RC(rectify_kind_from_name(&v, "bogus"), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_kind_from_name(&v, "Issue"), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_kind_from_name(&v, ""), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_kind_from_name(&v, NULL), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_kind_from_name(NULL, "issue"), RECTIFY_E_ARGUMENT);
    for (i = 0; i < 6; i++) {
        const char *s = rectify_status_name(i + 1);
        const char *l = rectify_status_label(i + 1);
        CHECK(s != NULL && strcmp(s, statuses[i]) == 0);
        CHECK(l != NULL && strcmp(l, labels[i]) == 0);
        v = -1;
        CHECK_RC(rectify_status_from_name(&v, statuses[i]), RECTIFY_OK);
        CHECK(v == i + 1);
    }
    CHECK(rectify_status_name(0) == NULL && rectify_status_name(7) == NULL);
    CHECK(rectify_status_label(0) == NULL && rectify_status_label(7) == NULL);
    CHECK_RC(rectify_status_from_name(&v, "finished"), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_status_from_name(&v, "整改中"), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_status_from_name(&v, NULL), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_status_from_name(NULL, "done"), RECTIFY_E_ARGUMENT);
}

/* The last error belongs to the thread that failed. */
typedef struct thread_result {
    int initial_empty;
    int initial_ok;
    int rc;
    int errcode_after;
    int msg_nonempty;
} thread_result;

static void *thread_main(void *arg)
{
    thread_result *r = (thread_result *)arg;
    const char *m = rectify_errmsg();
    r->initial_empty = m != NULL && m[0] == '\0';
    r->initial_ok = rectify_errcode() == RECTIFY_OK;
    r->rc = rectify_db_open(NULL, "/nonexistent/x.db", NULL);
    m = rectify_errmsg();
    r->msg_nonempty = m != NULL && m[0] != '\0';
    r->errcode_after = rectify_errcode();
    return NULL;
}

static void test_thread_errors(void)
{
    pthread_t t;
    thread_result r;
    char before[1024];
    int v;
    g_phase = "per-thread last error";
    memset(&r, 0, sizeof r);
    CHECK_RC(rectify_status_from_name(&v, "bogus"), RECTIFY_E_ARGUMENT);
    snprintf(before, sizeof before, "%s", rectify_errmsg());
    if (!CHECK(pthread_create(&t, NULL, thread_main, &r) == 0))
        return;
    pthread_join(t, NULL);
    CHECK(r.initial_empty);
    CHECK(r.initial_ok);
    CHECK(r.rc == RECTIFY_E_ARGUMENT);
    CHECK(r.errcode_after == RECTIFY_E_ARGUMENT);
    CHECK(r.msg_nonempty);
    CHECK(strcmp(before, rectify_errmsg()) == 0);
    CHECK(rectify_errcode() == RECTIFY_E_ARGUMENT);
}

/* ------------------------------------------------------------------------------------------ */
/* Opening                                                                                     */

/* A handle that a call should not have opened, closed so that the sanitizers report only the
   failed check. */
static void close_if_opened(rectify_db *db)
{
    if (db != NULL && db != SENTINEL_DB)
        rectify_db_close(db);
}

static void test_open_arguments(void)
{
    char path[1024];
    rectify_db *db;
    rectify_open_options o = RECTIFY_OPEN_OPTIONS_INIT;
    g_phase = "open arguments";
    tmp_path(path, sizeof path, "never-created.db");

    CHECK(o.version == RECTIFY_OPEN_OPTIONS_VERSION && o.flags == RECTIFY_OPEN_CREATE &&
          o.busy_timeout_ms == 0 && o.actor == NULL);

    CHECK_RC(rectify_db_open(NULL, path, NULL), RECTIFY_E_ARGUMENT);
    db = SENTINEL_DB;
    CHECK_RC(rectify_db_open(&db, NULL, NULL), RECTIFY_E_ARGUMENT);
    CHECK(db == NULL);
    close_if_opened(db);

    o.flags = RECTIFY_OPEN_CREATE | 0xF0u;
    db = SENTINEL_DB;
    CHECK_RC(rectify_db_open(&db, path, &o), RECTIFY_E_ARGUMENT);
    CHECK(db == NULL);
    close_if_opened(db);
    o.flags = 0x80000000u;
    db = SENTINEL_DB;
    CHECK_RC(rectify_db_open(&db, path, &o), RECTIFY_E_ARGUMENT);
    CHECK(db == NULL);
    close_if_opened(db);

    o.flags = RECTIFY_OPEN_CREATE;
    o.version = 0;
    db = SENTINEL_DB;
    CHECK_RC(rectify_db_open(&db, path, &o), RECTIFY_E_ARGUMENT);
    CHECK(db == NULL);
    close_if_opened(db);
    o.version = RECTIFY_OPEN_OPTIONS_VERSION + 1;
    db = SENTINEL_DB;
    CHECK_RC(rectify_db_open(&db, path, &o), RECTIFY_E_ARGUMENT);
    CHECK(db == NULL);
    close_if_opened(db);

    o.version = RECTIFY_OPEN_OPTIONS_VERSION;
    o.actor = "bad\xff actor";
    db = SENTINEL_DB;
    CHECK_RC(rectify_db_open(&db, path, &o), RECTIFY_E_UTF8);
    CHECK(db == NULL);
    close_if_opened(db);

    /* None of the refused calls created the file. */
    if (!CHECK(!file_exists(path)))
        unlink(path);

    /* Without RECTIFY_OPEN_CREATE a missing file is an error, and is not created. */
    o.actor = NULL;
    o.flags = 0;
    db = SENTINEL_DB;
    CHECK(rectify_db_open(&db, path, &o) < 0);
    CHECK(rectify_errmsg()[0] != '\0');
    CHECK(db == NULL);
    close_if_opened(db);
    if (!CHECK(!file_exists(path)))
        unlink(path);
    o.flags = RECTIFY_OPEN_READONLY;
    db = SENTINEL_DB;
    CHECK(rectify_db_open(&db, path, &o) < 0);
    CHECK(db == NULL);
    close_if_opened(db);
    if (!CHECK(!file_exists(path)))
        unlink(path);

    /* A path whose directory does not exist. */
    tmp_path(path, sizeof path, "no-such-dir/x.db");
    db = SENTINEL_DB;
    CHECK(rectify_db_open(&db, path, NULL) < 0);
    CHECK(db == NULL);
    close_if_opened(db);
}

static void test_null_db(const char *seed_path)
{
    static const char doc[] = "{\"format\":\"rectify-inspection\"}";
    char *s;
    size_t n;
    int64_t id;
    int v;
    g_phase = "NULL handle";
    CHECK_RC(rectify_db_set_actor(NULL, "clerk"), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_db_set_actor(NULL, NULL), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_db_schema_version(&v, NULL), RECTIFY_E_ARGUMENT);
    s = SENTINEL_STR;
    CHECK_RC(rectify_import_json(&id, &s, NULL, doc, sizeof doc - 1), RECTIFY_E_ARGUMENT);
    CHECK(s == NULL);
    CHECK_RC(rectify_import_json(NULL, NULL, NULL, doc, sizeof doc - 1), RECTIFY_E_ARGUMENT);
    s = SENTINEL_STR;
    CHECK_RC(rectify_import_file(&id, &s, NULL, seed_path), RECTIFY_E_ARGUMENT);
    CHECK(s == NULL);
    s = SENTINEL_STR;
    n = 77;
    CHECK_RC(rectify_export_json(&s, &n, NULL, 1), RECTIFY_E_ARGUMENT);
    CHECK(s == NULL);
    s = SENTINEL_STR;
    CHECK_RC(rectify_notice_render(&s, NULL, 1, NULL), RECTIFY_E_ARGUMENT);
    CHECK(s == NULL);
    s = SENTINEL_STR;
    CHECK_RC(rectify_record_get(&s, NULL, RECTIFY_KIND_ISSUE, 1), RECTIFY_E_ARGUMENT);
    CHECK(s == NULL);
    CHECK_RC(rectify_record_find(&id, NULL, RECTIFY_KIND_ISSUE, "x"), RECTIFY_E_ARGUMENT);
    s = SENTINEL_STR;
    CHECK_RC(rectify_record_list(&s, NULL, RECTIFY_KIND_ISSUE, NULL), RECTIFY_E_ARGUMENT);
    CHECK(s == NULL);
    CHECK_RC(rectify_status_set(&id, NULL, RECTIFY_KIND_ISSUE, 1, RECTIFY_STATUS_IN_PROGRESS, 0),
             RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_status_set(NULL, NULL, RECTIFY_KIND_MEASURE, 1, RECTIFY_STATUS_DONE, 1),
             RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_progress_add(&id, NULL, 1, "2018-10-01", "text", NULL), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_progress_add(NULL, NULL, 1, "2018-10-01", "text", "author"), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_user_add(NULL, "someone", NULL), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_user_grant(NULL, "someone", RECTIFY_ROLE_AUDITOR, RECTIFY_SCOPE_ALL, 0), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_user_revoke(NULL, "someone", RECTIFY_ROLE_AUDITOR, RECTIFY_SCOPE_ALL, 0), RECTIFY_E_ARGUMENT);
    s = SENTINEL_STR;
    CHECK_RC(rectify_user_list(&s, NULL), RECTIFY_E_ARGUMENT);
    CHECK(s == NULL);
    s = SENTINEL_STR;
    CHECK_RC(rectify_audit_log(&s, NULL, 0, 0, 0, 0), RECTIFY_E_ARGUMENT);
    CHECK(s == NULL);
    s = SENTINEL_STR;
    CHECK_RC(rectify_audit_verify(&s, NULL), RECTIFY_E_ARGUMENT);
    CHECK(s == NULL);
    CHECK_RC(rectify_audit_verify(NULL, NULL), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_backup(NULL, "/nonexistent/backup.db"), RECTIFY_E_ARGUMENT);
    rectify_db_close(NULL);
    rectify_free(NULL);
}

/* ------------------------------------------------------------------------------------------ */
/* The seed case                                                                               */

typedef struct seed_state {
    char db_path[1024];
    rectify_db *db;
    int64_t inspection_id;
} seed_state;

static void test_seed_import(seed_state *st, const char *seed_path)
{
    char *summary = SENTINEL_STR, *seed, *e0, *e1, *e2, *issues0, *issues1, *ids0, *ids1;
    size_t seed_len = 0, e0_len = 0, e1_len = 0, e2_len = 0;
    int64_t id = -1, id2 = -1, found;
    long aspects, issues, measures, progress, outcomes, units, rounds, inspections;
    int v = -1;
    char path2[1024];
    rectify_db *db2;

    g_phase = "seed import";
    tmp_path(st->db_path, sizeof st->db_path, "one.db");
    st->db = open_db(st->db_path, RECTIFY_OPEN_CREATE, "capi-test");
    CHECK(file_exists(st->db_path));
    CHECK_RC(rectify_db_schema_version(&v, st->db), RECTIFY_OK);
    CHECK(v == rectify_schema_version());
    CHECK_RC(rectify_db_schema_version(NULL, st->db), RECTIFY_E_ARGUMENT);

    seed = read_file(seed_path, &seed_len);
    if (seed == NULL)
        fatal("cannot read the seed %s: %s", seed_path, strerror(errno));

    CHECK_RC(rectify_import_file(&id, &summary, st->db, seed_path), RECTIFY_OK);
    CHECK(summary != NULL && summary != SENTINEL_STR && summary[0] == '{');
    if (summary != SENTINEL_STR)
        rectify_free(summary);
    if (!CHECK(id > 0))
        fatal("the seed did not import; nothing else can be checked");
    st->inspection_id = id;
    found = find_id(st->db, RECTIFY_KIND_INSPECTION, "tongcheng-2018-fulian");
    CHECK(found == id);

    aspects = list_count(st->db, RECTIFY_KIND_ASPECT, id, 0);
    issues = list_count(st->db, RECTIFY_KIND_ISSUE, id, 0);
    measures = list_count(st->db, RECTIFY_KIND_MEASURE, id, 0);
    progress = list_count(st->db, RECTIFY_KIND_PROGRESS, id, 0);
    outcomes = list_count(st->db, RECTIFY_KIND_OUTCOME, id, 0);
    inspections = list_count(st->db, RECTIFY_KIND_INSPECTION, 0, 0);
    units = list_count(st->db, RECTIFY_KIND_UNIT, 0, 0);
    rounds = list_count(st->db, RECTIFY_KIND_ROUND, 0, 0);
    if (!CHECK(aspects == 6))
        fprintf(stderr, "    (%ld aspects)\n", aspects);
    if (!CHECK(issues == 11))
        fprintf(stderr, "    (%ld issues)\n", issues);
    CHECK(measures >= issues);
    CHECK(progress > 0);
    CHECK(outcomes > 0);
    CHECK(inspections == 1 && units == 1 && rounds == 1);

    issues0 = list_json(st->db, RECTIFY_KIND_ISSUE, id, 0);
    ids0 = ids_of(issues0 ? issues0 : "");
    e0 = export_of(st->db, id, &e0_len);
    CHECK(e0 != NULL && e0_len > 0 && e0[e0_len - 1] == '\n');
    CHECK(e0 != NULL && strstr(e0, "rectify-inspection") != NULL);
    CHECK(e0 != NULL && strstr(e0, "tongcheng-2018-fulian") != NULL);
    if (e0 != NULL && !same_bytes(e0, e0_len, seed, seed_len))
        fprintf(stderr, "note: the export of the seed is not byte-identical to %s (not an error)\n",
                seed_path);

    /* Again, from memory without a NUL: same ids, nothing duplicated, the same export. */
    g_phase = "seed import again";
    IMPORT(st->db, seed, seed_len, &id2, RECTIFY_OK);
    CHECK(id2 == id);
    CHECK(list_count(st->db, RECTIFY_KIND_ASPECT, id, 0) == aspects);
    CHECK(list_count(st->db, RECTIFY_KIND_ISSUE, id, 0) == issues);
    CHECK(list_count(st->db, RECTIFY_KIND_MEASURE, id, 0) == measures);
    CHECK(list_count(st->db, RECTIFY_KIND_PROGRESS, id, 0) == progress);
    CHECK(list_count(st->db, RECTIFY_KIND_OUTCOME, id, 0) == outcomes);
    CHECK(list_count(st->db, RECTIFY_KIND_INSPECTION, 0, 0) == 1);
    CHECK(list_count(st->db, RECTIFY_KIND_UNIT, 0, 0) == 1);
    CHECK(list_count(st->db, RECTIFY_KIND_ROUND, 0, 0) == 1);
    issues1 = list_json(st->db, RECTIFY_KIND_ISSUE, id, 0);
    ids1 = ids_of(issues1 ? issues1 : "");
    if (!CHECK(strcmp(ids0, ids1) == 0))
        fprintf(stderr, "    issue ids %s then %s\n", ids0, ids1);
    CHECK(strlen(ids0) > 0);
    e1 = export_of(st->db, id, &e1_len);
    if (!CHECK(same_bytes(e0, e0_len, e1, e1_len)))
        report_difference("export before and after importing again", e0, e0_len, e1, e1_len);
    CHECK(rectify_export_json(&e2, NULL, st->db, id) == RECTIFY_OK && e2 != NULL &&
          strcmp(e2, e1 ? e1 : "") == 0);
    rectify_free(e2);
    e2 = NULL;

    /* Export, import into a second database, export again: the same bytes. */
    g_phase = "export round trip";
    tmp_path(path2, sizeof path2, "two.db");
    db2 = open_db(path2, RECTIFY_OPEN_CREATE, "capi-test");
    if (e1 != NULL) {
        IMPORT(db2, e1, e1_len, &id2, RECTIFY_OK);
        CHECK(list_count(db2, RECTIFY_KIND_ASPECT, id2, 0) == 6);
        CHECK(list_count(db2, RECTIFY_KIND_ISSUE, id2, 0) == 11);
        e2 = export_of(db2, id2, &e2_len);
        if (!CHECK(same_bytes(e1, e1_len, e2, e2_len)))
            report_difference("export, and export of its import", e1, e1_len, e2, e2_len);
        rectify_free(e2);
    }
    rectify_db_close(db2);

    /* Export arguments. */
    g_phase = "export arguments";
    e2 = SENTINEL_STR;
    CHECK_RC(rectify_export_json(&e2, NULL, st->db, id + 1000000), RECTIFY_E_NOT_FOUND);
    CHECK(e2 == NULL);
    e2 = SENTINEL_STR;
    CHECK_RC2(rectify_export_json(&e2, NULL, st->db, 0), RECTIFY_E_NOT_FOUND, RECTIFY_E_ARGUMENT);
    CHECK(e2 == NULL);
    e2 = SENTINEL_STR;
    CHECK_RC2(rectify_export_json(&e2, NULL, st->db, -1), RECTIFY_E_NOT_FOUND, RECTIFY_E_ARGUMENT);
    CHECK(e2 == NULL);
    CHECK_RC(rectify_export_json(NULL, NULL, st->db, id), RECTIFY_E_ARGUMENT);

    rectify_free(e0);
    rectify_free(e1);
    rectify_free(issues0);
    rectify_free(issues1);
    free(ids0);
    free(ids1);
    free(seed);
}

static void test_notice(seed_state *st)
{
    rectify_notice_options o = RECTIFY_NOTICE_OPTIONS_INIT;
    char *text = SENTINEL_STR;
    g_phase = "notice";
    CHECK(o.version == RECTIFY_NOTICE_OPTIONS_VERSION && o.audience == RECTIFY_AUDIENCE_INTERNAL &&
          o.format == RECTIFY_FORMAT_TEXT);
    CHECK_RC(rectify_notice_render(&text, st->db, st->inspection_id, NULL), RECTIFY_OK);
    CHECK(text != NULL && text != SENTINEL_STR);
    if (text != NULL && text != SENTINEL_STR) {
        if (!CHECK(strstr(text, "6个方面11项整改任务") != NULL))
            fprintf(stderr, "    notice begins: %.600s\n", text);
        CHECK(strstr(text, "市妇联") != NULL);
        CHECK(strstr(text, "2018年9月19日") != NULL);
        rectify_free(text);
    }
    text = SENTINEL_STR;
    CHECK_RC(rectify_notice_render(&text, st->db, st->inspection_id, &o), RECTIFY_OK);
    rectify_free(text == SENTINEL_STR ? NULL : text);
    o.audience = RECTIFY_AUDIENCE_PUBLIC;
    text = SENTINEL_STR;
    CHECK_RC(rectify_notice_render(&text, st->db, st->inspection_id, &o), RECTIFY_OK);
    CHECK(text != NULL && text != SENTINEL_STR && strstr(text, "6个方面11项整改任务") != NULL);
    rectify_free(text == SENTINEL_STR ? NULL : text);

    o.audience = 0;
    text = SENTINEL_STR;
    CHECK_RC(rectify_notice_render(&text, st->db, st->inspection_id, &o), RECTIFY_E_ARGUMENT);
    CHECK(text == NULL);
    o.audience = 99;
    CHECK_RC(rectify_notice_render(&text, st->db, st->inspection_id, &o), RECTIFY_E_ARGUMENT);
    o.audience = RECTIFY_AUDIENCE_INTERNAL;
    o.format = 99;
    CHECK_RC(rectify_notice_render(&text, st->db, st->inspection_id, &o), RECTIFY_E_ARGUMENT);
    o.format = RECTIFY_FORMAT_TEXT;
    o.version = 0;
    CHECK_RC(rectify_notice_render(&text, st->db, st->inspection_id, &o), RECTIFY_E_ARGUMENT);
    o.version = RECTIFY_NOTICE_OPTIONS_VERSION + 1;
    CHECK_RC(rectify_notice_render(&text, st->db, st->inspection_id, &o), RECTIFY_E_ARGUMENT);
    text = SENTINEL_STR;
    CHECK_RC(rectify_notice_render(&text, st->db, st->inspection_id + 1000000, NULL),
             RECTIFY_E_NOT_FOUND);
    CHECK(text == NULL);
    CHECK_RC(rectify_notice_render(NULL, st->db, st->inspection_id, NULL), RECTIFY_E_ARGUMENT);
}

static void test_records(seed_state *st)
{
    rectify_list_options o = RECTIFY_LIST_OPTIONS_INIT;
    const char *issue_ref = "tongcheng-2018-fulian/a1/i1";
    char *json = SENTINEL_STR;
    int64_t issue_id, aspect_id, id = -1;
    g_phase = "records";

    CHECK(o.version == RECTIFY_LIST_OPTIONS_VERSION && o.inspection_id == 0 && o.parent_id == 0 &&
          o.offset == 0 && o.limit == 0);

    issue_id = find_id(st->db, RECTIFY_KIND_ISSUE, issue_ref);
    aspect_id = find_id(st->db, RECTIFY_KIND_ASPECT, "tongcheng-2018-fulian/a1");
    json = get_json(st->db, RECTIFY_KIND_ISSUE, issue_id);
    if (json != NULL) {
        CHECK(count_kind(json, "issue") == 1);
        CHECK(json_int(json, "id") == issue_id);
        CHECK(json_int(json, "version") >= 1);
        CHECK(json_str_is(json, "ref", issue_ref));
        CHECK(json_int(json, "inspection_id") == st->inspection_id);
        CHECK(json_int(json, "aspect_id") == aspect_id);
        CHECK(json_int(json, "seq") == 1);
        CHECK(strstr(json, "“三会一课”制度落实不到位") != NULL);
        CHECK(json_str_is(json, "status", "done"));
        rectify_free(json);
    }
    json = get_json(st->db, RECTIFY_KIND_INSPECTION, st->inspection_id);
    CHECK(json_str_is(json, "kind", "inspection"));
    CHECK(json_str_is(json, "kind_of_inspection", "routine"));
    CHECK(json_str_is(json, "onsite_start", "2018-09-19"));
    rectify_free(json);

    /* get: bad kind, NULL out, id 0, negative id, an id that does not exist. */
    json = SENTINEL_STR;
    CHECK_RC(rectify_record_get(&json, st->db, 0, issue_id), RECTIFY_E_ARGUMENT);
    CHECK(json == NULL);
    json = SENTINEL_STR;
    CHECK_RC(rectify_record_get(&json, st->db, 9, issue_id), RECTIFY_E_ARGUMENT);
    CHECK(json == NULL);
    CHECK_RC(rectify_record_get(&json, st->db, -1, issue_id), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_record_get(NULL, st->db, RECTIFY_KIND_ISSUE, issue_id), RECTIFY_E_ARGUMENT);
    json = SENTINEL_STR;
    CHECK_RC2(rectify_record_get(&json, st->db, RECTIFY_KIND_ISSUE, 0), RECTIFY_E_NOT_FOUND,
              RECTIFY_E_ARGUMENT);
    CHECK(json == NULL);
    json = SENTINEL_STR;
    CHECK_RC2(rectify_record_get(&json, st->db, RECTIFY_KIND_ISSUE, -7), RECTIFY_E_NOT_FOUND,
              RECTIFY_E_ARGUMENT);
    CHECK(json == NULL);
    json = SENTINEL_STR;
    CHECK_RC(rectify_record_get(&json, st->db, RECTIFY_KIND_ISSUE, INT64_MAX), RECTIFY_E_NOT_FOUND);
    CHECK(json == NULL);
    CHECK_RC(rectify_record_get(&json, st->db, RECTIFY_KIND_ISSUE, issue_id + 1000000),
             RECTIFY_E_NOT_FOUND);

    /* find: unknown ref, NULL ref, empty ref, bad kind, NULL out, invalid UTF-8. */
    CHECK_RC(rectify_record_find(&id, st->db, RECTIFY_KIND_ISSUE, "no-such-ref"), RECTIFY_E_NOT_FOUND);
    CHECK_RC(rectify_record_find(&id, st->db, RECTIFY_KIND_MEASURE, issue_ref), RECTIFY_E_NOT_FOUND);
    CHECK_RC2(rectify_record_find(&id, st->db, RECTIFY_KIND_ISSUE, ""), RECTIFY_E_NOT_FOUND,
              RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_record_find(&id, st->db, RECTIFY_KIND_ISSUE, NULL), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_record_find(&id, st->db, 0, issue_ref), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_record_find(&id, st->db, 42, issue_ref), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_record_find(NULL, st->db, RECTIFY_KIND_ISSUE, issue_ref), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_record_find(&id, st->db, RECTIFY_KIND_ISSUE, "tongcheng\xc3("), RECTIFY_E_UTF8);

    /* list: filters, paging, bad arguments. */
    CHECK(list_count(st->db, RECTIFY_KIND_ISSUE, 0, aspect_id) == 3);
    /* An inspection that does not exist has no aspects (an empty list, or NOT_FOUND). */
    o.inspection_id = st->inspection_id + 1000000;
    json = NULL;
    CHECK_RC2(rectify_record_list(&json, st->db, RECTIFY_KIND_ASPECT, &o), RECTIFY_OK,
              RECTIFY_E_NOT_FOUND);
    CHECK(json == NULL || count_kind(json, NULL) == 0);
    rectify_free(json);
    o.inspection_id = st->inspection_id;
    o.limit = 2;
    json = NULL;
    CHECK_RC(rectify_record_list(&json, st->db, RECTIFY_KIND_ISSUE, &o), RECTIFY_OK);
    CHECK(count_kind(json, "issue") == 2);
    if (json != NULL)
        CHECK(strstr(json, issue_ref) != NULL); /* display order: a1/i1 comes first */
    rectify_free(json);
    o.limit = 0;
    o.offset = 10;
    json = NULL;
    CHECK_RC(rectify_record_list(&json, st->db, RECTIFY_KIND_ISSUE, &o), RECTIFY_OK);
    CHECK(count_kind(json, "issue") == 1);
    rectify_free(json);
    o.offset = 11;
    json = NULL;
    CHECK_RC(rectify_record_list(&json, st->db, RECTIFY_KIND_ISSUE, &o), RECTIFY_OK);
    CHECK(json != NULL && json[0] == '[' && count_kind(json, NULL) == 0);
    rectify_free(json);
    o.offset = -1;
    json = SENTINEL_STR;
    CHECK_RC(rectify_record_list(&json, st->db, RECTIFY_KIND_ISSUE, &o), RECTIFY_E_ARGUMENT);
    CHECK(json == NULL);
    o.offset = 0;
    o.limit = -1;
    CHECK_RC(rectify_record_list(&json, st->db, RECTIFY_KIND_ISSUE, &o), RECTIFY_E_ARGUMENT);
    o.limit = 0;
    o.version = 0;
    CHECK_RC(rectify_record_list(&json, st->db, RECTIFY_KIND_ISSUE, &o), RECTIFY_E_ARGUMENT);
    o.version = RECTIFY_LIST_OPTIONS_VERSION + 1;
    CHECK_RC(rectify_record_list(&json, st->db, RECTIFY_KIND_ISSUE, &o), RECTIFY_E_ARGUMENT);
    json = SENTINEL_STR;
    CHECK_RC(rectify_record_list(&json, st->db, 0, NULL), RECTIFY_E_ARGUMENT);
    CHECK(json == NULL);
    CHECK_RC(rectify_record_list(&json, st->db, 9, NULL), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_record_list(NULL, st->db, RECTIFY_KIND_ISSUE, NULL), RECTIFY_E_ARGUMENT);
    json = NULL;
    CHECK_RC(rectify_record_list(&json, st->db, RECTIFY_KIND_ISSUE, NULL), RECTIFY_OK);
    CHECK(count_kind(json, "issue") == 11);
    rectify_free(json);
}

static void test_status(seed_state *st)
{
    const char *measure_ref = "tongcheng-2018-fulian/a1/i1/m3"; /* in_progress in the seed */
    int64_t m, issue, v0, v1 = -1, v2, out = -1;
    char other_path[1024];
    rectify_db *other;
    g_phase = "status";

    m = find_id(st->db, RECTIFY_KIND_MEASURE, measure_ref);
    CHECK(record_status_is(st->db, RECTIFY_KIND_MEASURE, m, "in_progress"));
    v0 = record_version(st->db, RECTIFY_KIND_MEASURE, m);
    CHECK(v0 >= 1);

    /* Legal: in_progress -> done, the version rises. */
    CHECK_RC(rectify_status_set(&v1, st->db, RECTIFY_KIND_MEASURE, m, RECTIFY_STATUS_DONE, v0),
             RECTIFY_OK);
    CHECK(v1 > v0);
    CHECK(record_version(st->db, RECTIFY_KIND_MEASURE, m) == v1);
    CHECK(record_status_is(st->db, RECTIFY_KIND_MEASURE, m, "done"));

    /* Illegal: done -> not_started, done -> substantially_done, done -> reopened. */
    out = -1;
    CHECK_RC(rectify_status_set(&out, st->db, RECTIFY_KIND_MEASURE, m, RECTIFY_STATUS_NOT_STARTED, v1),
             RECTIFY_E_TRANSITION);
    CHECK_RC(rectify_status_set(&out, st->db, RECTIFY_KIND_MEASURE, m,
                                RECTIFY_STATUS_SUBSTANTIALLY_DONE, 0),
             RECTIFY_E_TRANSITION);
    CHECK_RC(rectify_status_set(NULL, st->db, RECTIFY_KIND_MEASURE, m, RECTIFY_STATUS_REOPENED, 0),
             RECTIFY_E_TRANSITION);
    /* Moving to the status it already has: the table has no such move, so either it is refused
       or it is accepted as a no-op; either way the version below stays. */
    CHECK_RC2(rectify_status_set(NULL, st->db, RECTIFY_KIND_MEASURE, m, RECTIFY_STATUS_DONE, 0),
              RECTIFY_E_TRANSITION, RECTIFY_OK);
    CHECK(record_version(st->db, RECTIFY_KIND_MEASURE, m) == v1);
    CHECK(record_status_is(st->db, RECTIFY_KIND_MEASURE, m, "done"));

    /* Stale: a legal move against the version before the last change. */
    CHECK_RC(rectify_status_set(&out, st->db, RECTIFY_KIND_MEASURE, m, RECTIFY_STATUS_CLOSED, v0),
             RECTIFY_E_CONFLICT);
    CHECK_RC(rectify_status_set(&out, st->db, RECTIFY_KIND_MEASURE, m, RECTIFY_STATUS_CLOSED, v1 + 5),
             RECTIFY_E_CONFLICT);
    CHECK(record_version(st->db, RECTIFY_KIND_MEASURE, m) == v1);
    CHECK(record_status_is(st->db, RECTIFY_KIND_MEASURE, m, "done"));

    /* The current version, or 0 to skip the check. */
    CHECK_RC(rectify_status_set(&v2, st->db, RECTIFY_KIND_MEASURE, m, RECTIFY_STATUS_CLOSED, v1),
             RECTIFY_OK);
    CHECK(v2 > v1);
    CHECK_RC(rectify_status_set(NULL, st->db, RECTIFY_KIND_MEASURE, m, RECTIFY_STATUS_REOPENED, 0),
             RECTIFY_OK);
    CHECK(record_status_is(st->db, RECTIFY_KIND_MEASURE, m, "reopened"));
    CHECK(record_version(st->db, RECTIFY_KIND_MEASURE, m) > v2);

    /* Two handles on one file: the second changes the issue, the first's write is stale. Closing
       an issue is guarded (rectify/followthrough.h): a6/i2 has every measure done, and gets the
       one evidence item the default guards ask for. */
    issue = find_id(st->db, RECTIFY_KIND_ISSUE, "tongcheng-2018-fulian/a6/i2");
    CHECK(record_status_is(st->db, RECTIFY_KIND_ISSUE, issue, "done"));
    {
        rectify_evidence ev = RECTIFY_EVIDENCE_INIT;
        int64_t eid = 0;
        ev.title = "整改报告";
        ev.uri = "oa://capi-test/status";
        CHECK_RC(rectify_evidence_add(&eid, st->db, RECTIFY_KIND_ISSUE, issue, &ev), RECTIFY_OK);
        CHECK(eid > 0);
    }
    v0 = record_version(st->db, RECTIFY_KIND_ISSUE, issue);
    snprintf(other_path, sizeof other_path, "%s", st->db_path);
    other = open_db(other_path, 0, "other-clerk");
    /* Not a user yet: denied, and the issue is as it was. Closing out (销号) is a supervisor's. */
    CHECK_RC(rectify_status_set(&v1, other, RECTIFY_KIND_ISSUE, issue, RECTIFY_STATUS_CLOSED, v0),
             RECTIFY_E_DENIED);
    CHECK_MSG_HAS("other-clerk");
    CHECK_RC(rectify_user_add(st->db, "other-clerk", "另一位办事员"), RECTIFY_OK);
    CHECK_RC(rectify_user_grant(st->db, "other-clerk", RECTIFY_ROLE_LIAISON, RECTIFY_SCOPE_UNIT,
                                find_id(st->db, RECTIFY_KIND_UNIT, "tongcheng-fulian")),
             RECTIFY_OK);
    CHECK_RC(rectify_status_set(&v1, other, RECTIFY_KIND_ISSUE, issue, RECTIFY_STATUS_CLOSED, v0),
             RECTIFY_E_DENIED);
    CHECK_MSG_HAS("close_out");
    CHECK(record_version(st->db, RECTIFY_KIND_ISSUE, issue) == v0);
    CHECK_RC(rectify_user_grant(st->db, "other-clerk", RECTIFY_ROLE_SUPERVISOR, RECTIFY_SCOPE_ALL, 0),
             RECTIFY_OK);
    CHECK_RC(rectify_status_set(&v1, other, RECTIFY_KIND_ISSUE, issue, RECTIFY_STATUS_CLOSED, v0),
             RECTIFY_OK);
    CHECK(v1 > v0);
    CHECK_RC(rectify_status_set(NULL, st->db, RECTIFY_KIND_ISSUE, issue, RECTIFY_STATUS_IN_PROGRESS, v0),
             RECTIFY_E_CONFLICT);
    CHECK(record_status_is(st->db, RECTIFY_KIND_ISSUE, issue, "closed"));
    CHECK(record_version(st->db, RECTIFY_KIND_ISSUE, issue) == v1);
    rectify_db_close(other);
    /* And the first handle can still write after the second has written and gone. */
    if (!CHECK_RC(rectify_status_set(NULL, st->db, RECTIFY_KIND_ISSUE, issue, RECTIFY_STATUS_REOPENED, v1),
                  RECTIFY_OK)) {
        /* Keep the rest of the run meaningful: start over with a fresh handle. */
        fprintf(stderr, "    (reopening the handle so that later checks do not inherit this failure)\n");
        rectify_db_close(st->db);
        st->db = open_db(st->db_path, 0, "capi-test");
    }

    /* The same move on an issue with a measure still in progress (a1/i2): the close-out guard
       refuses it, names itself, and nothing changes. */
    {
        const int64_t open_issue = find_id(st->db, RECTIFY_KIND_ISSUE, "tongcheng-2018-fulian/a1/i2");
        const int64_t open_v = record_version(st->db, RECTIFY_KIND_ISSUE, open_issue);
        out = -1;
        CHECK_RC(rectify_status_set(&out, st->db, RECTIFY_KIND_ISSUE, open_issue, RECTIFY_STATUS_CLOSED, 0),
                 RECTIFY_E_GUARD);
        CHECK_MSG_HAS("measures_done");
        CHECK(record_version(st->db, RECTIFY_KIND_ISSUE, open_issue) == open_v);
        CHECK(record_status_is(st->db, RECTIFY_KIND_ISSUE, open_issue, "done"));
    }

    /* Bad arguments. */
    CHECK_RC(rectify_status_set(NULL, st->db, RECTIFY_KIND_ASPECT,
                                find_id(st->db, RECTIFY_KIND_ASPECT, "tongcheng-2018-fulian/a1"),
                                RECTIFY_STATUS_DONE, 0),
             RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_status_set(NULL, st->db, 0, m, RECTIFY_STATUS_IN_PROGRESS, 0), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_status_set(NULL, st->db, 99, m, RECTIFY_STATUS_IN_PROGRESS, 0), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_status_set(NULL, st->db, RECTIFY_KIND_MEASURE, m, 0, 0), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_status_set(NULL, st->db, RECTIFY_KIND_MEASURE, m, 7, 0), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_status_set(NULL, st->db, RECTIFY_KIND_MEASURE, m, RECTIFY_STATUS_IN_PROGRESS, -1),
             RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_status_set(NULL, st->db, RECTIFY_KIND_MEASURE, m + 1000000,
                                RECTIFY_STATUS_IN_PROGRESS, 0),
             RECTIFY_E_NOT_FOUND);
    CHECK_RC2(rectify_status_set(NULL, st->db, RECTIFY_KIND_MEASURE, 0, RECTIFY_STATUS_IN_PROGRESS, 0),
              RECTIFY_E_NOT_FOUND, RECTIFY_E_ARGUMENT);
    CHECK(record_status_is(st->db, RECTIFY_KIND_MEASURE, m, "reopened"));
}

static void test_progress(seed_state *st)
{
    const char *measure_ref = "tongcheng-2018-fulian/a1/i2/m2";
    int64_t m, pid = -1, pid2 = -1, v;
    long n0;
    char *json;
    g_phase = "progress";

    m = find_id(st->db, RECTIFY_KIND_MEASURE, measure_ref);
    n0 = list_count(st->db, RECTIFY_KIND_PROGRESS, 0, m);
    CHECK(n0 >= 0);
    v = record_version(st->db, RECTIFY_KIND_MEASURE, m);

    CHECK_RC(rectify_progress_add(&pid, st->db, m, "2018-02-30", "整改情况", NULL), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_progress_add(&pid, st->db, m, "2018-13-01", "整改情况", NULL), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_progress_add(&pid, st->db, m, "2018-1-01", "整改情况", NULL), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_progress_add(&pid, st->db, m, "20181001", "整改情况", NULL), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_progress_add(&pid, st->db, m, "2018-10-01x", "整改情况", NULL), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_progress_add(&pid, st->db, m, "", "整改情况", NULL), RECTIFY_E_ARGUMENT);
    CHECK_RC2(rectify_progress_add(&pid, st->db, m, "2018-10-01", "", NULL), RECTIFY_E_ARGUMENT,
              RECTIFY_E_INVALID);
    CHECK_RC(rectify_progress_add(&pid, st->db, m, "2018-10-01", NULL, NULL), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_progress_add(&pid, st->db, m, "2018-10-01", "整改\xe6\x83", NULL), RECTIFY_E_UTF8);
    CHECK_RC(rectify_progress_add(&pid, st->db, m, "2018-10-01", "\xc0\xafoverlong", NULL), RECTIFY_E_UTF8);
    CHECK_RC(rectify_progress_add(&pid, st->db, m, "2018-10-01", "surrogate \xed\xa0\x80", NULL),
             RECTIFY_E_UTF8);
    CHECK_RC(rectify_progress_add(&pid, st->db, m, "2018-10-01", "整改情况", "作者\xff"), RECTIFY_E_UTF8);
    CHECK_RC(rectify_progress_add(&pid, st->db, m + 1000000, "2018-10-01", "整改情况", NULL),
             RECTIFY_E_NOT_FOUND);
    CHECK_RC2(rectify_progress_add(&pid, st->db, 0, "2018-10-01", "整改情况", NULL), RECTIFY_E_NOT_FOUND,
              RECTIFY_E_ARGUMENT);
    CHECK_RC2(rectify_progress_add(&pid, st->db, -3, "2018-10-01", "整改情况", NULL),
              RECTIFY_E_NOT_FOUND, RECTIFY_E_ARGUMENT);
    CHECK(list_count(st->db, RECTIFY_KIND_PROGRESS, 0, m) == n0);
    CHECK(record_version(st->db, RECTIFY_KIND_MEASURE, m) == v);

    /* A good one, under the handle's actor. */
    CHECK_RC(rectify_progress_add(&pid, st->db, m, "2018-11-20", "召开专题会议，研究部署整改工作。", NULL),
             RECTIFY_OK);
    CHECK(pid > 0);
    CHECK(list_count(st->db, RECTIFY_KIND_PROGRESS, 0, m) == n0 + 1);
    json = get_json(st->db, RECTIFY_KIND_PROGRESS, pid);
    CHECK(json_str_is(json, "kind", "progress"));
    CHECK(json_int(json, "id") == pid);
    CHECK(json_int(json, "measure_id") == m);
    CHECK(json_int(json, "inspection_id") == st->inspection_id);
    CHECK(json_int(json, "seq") == n0 + 1);
    CHECK(json_str_is(json, "date", "2018-11-20"));
    CHECK(json_str_is(json, "text", "召开专题会议，研究部署整改工作。"));
    CHECK(json_str_is(json, "author", "capi-test"));
    rectify_free(json);

    /* A named author; a leap day. */
    CHECK_RC(rectify_progress_add(&pid2, st->db, m, "2020-02-29", "第二次进展", "张三"), RECTIFY_OK);
    CHECK(pid2 > pid);
    json = get_json(st->db, RECTIFY_KIND_PROGRESS, pid2);
    CHECK(json_str_is(json, "author", "张三"));
    rectify_free(json);
    CHECK_RC(rectify_progress_add(NULL, st->db, m, "2019-01-02", "不要编号", NULL), RECTIFY_OK);
    CHECK(list_count(st->db, RECTIFY_KIND_PROGRESS, 0, m) == n0 + 3);
}

/* Without an actor every read is denied (RECTIFY_E_DENIED) and every change fails with
   RECTIFY_E_NO_ACTOR; either way nothing changes. An actor who is a user with a grant may then act. */
static void test_no_actor(seed_state *st)
{
    rectify_db *db;
    char *before, *after, *s;
    size_t blen = 0, alen = 0, n = 0;
    int64_t m, unit, id = -1;
    long progress;
    rectify_list_options lo = RECTIFY_LIST_OPTIONS_INIT;
    g_phase = "no actor";

    /* What the database holds, as its admin sees it. */
    before = export_of(st->db, st->inspection_id, &blen);
    m = find_id(st->db, RECTIFY_KIND_MEASURE, "tongcheng-2018-fulian/a2/i1/m2");
    progress = list_count(st->db, RECTIFY_KIND_PROGRESS, st->inspection_id, 0);
    unit = find_id(st->db, RECTIFY_KIND_UNIT, "tongcheng-fulian");
    CHECK_RC(rectify_user_add(st->db, "办公室", NULL), RECTIFY_OK);
    CHECK_RC(rectify_user_grant(st->db, "办公室", RECTIFY_ROLE_LIAISON, RECTIFY_SCOPE_UNIT, unit), RECTIFY_OK);

    db = open_db(st->db_path, 0, NULL);
    /* Reads: denied, each naming the missing actor, out-parameters reset. */
    s = SENTINEL_STR;
    CHECK_RC(rectify_export_json(&s, &n, db, st->inspection_id), RECTIFY_E_DENIED);
    CHECK_MSG_HAS("needs an actor");
    CHECK(s == NULL);
    s = SENTINEL_STR;
    CHECK_RC(rectify_notice_render(&s, db, st->inspection_id, NULL), RECTIFY_E_DENIED);
    CHECK(s == NULL);
    s = SENTINEL_STR;
    CHECK_RC(rectify_record_get(&s, db, RECTIFY_KIND_MEASURE, m), RECTIFY_E_DENIED);
    CHECK(s == NULL);
    id = -1;
    CHECK_RC(rectify_record_find(&id, db, RECTIFY_KIND_MEASURE, "tongcheng-2018-fulian/a2/i1/m2"),
             RECTIFY_E_DENIED);
    s = SENTINEL_STR;
    CHECK_RC(rectify_record_list(&s, db, RECTIFY_KIND_ISSUE, &lo), RECTIFY_E_DENIED);
    CHECK(s == NULL);
    s = SENTINEL_STR;
    CHECK_RC(rectify_audit_log(&s, db, 0, 0, 0, 0), RECTIFY_E_DENIED);
    CHECK(s == NULL);
    s = SENTINEL_STR;
    CHECK_RC(rectify_user_list(&s, db), RECTIFY_E_DENIED);
    CHECK(s == NULL);

    /* The database's own export is a valid document: only the missing actor stops it. */
    if (before != NULL) {
        char path[1024];
        IMPORT(db, before, blen, NULL, RECTIFY_E_NO_ACTOR);
        tmp_path(path, sizeof path, "current.json");
        if (CHECK(write_file(path, before, blen))) {
            s = SENTINEL_STR;
            CHECK_RC(rectify_import_file(&id, &s, db, path), RECTIFY_E_NO_ACTOR);
            CHECK(s == NULL);
        }
    }
    CHECK_RC(rectify_status_set(NULL, db, RECTIFY_KIND_MEASURE, m, RECTIFY_STATUS_DONE, 0),
             RECTIFY_E_NO_ACTOR);
    CHECK_RC(rectify_progress_add(&id, db, m, "2018-12-01", "无人署名", NULL), RECTIFY_E_NO_ACTOR);
    CHECK_RC(rectify_progress_add(&id, db, m, "2018-12-01", "署名也不行", "张三"), RECTIFY_E_NO_ACTOR);
    CHECK_RC(rectify_user_add(db, "无名氏", NULL), RECTIFY_E_NO_ACTOR);
    CHECK(list_count(st->db, RECTIFY_KIND_PROGRESS, st->inspection_id, 0) == progress);
    CHECK(record_status_is(st->db, RECTIFY_KIND_MEASURE, m, "in_progress"));

    /* Setting an actor who is a user allows what its grant allows; clearing it refuses again. */
    CHECK_RC(rectify_db_set_actor(db, "办公室"), RECTIFY_OK);
    CHECK_RC(rectify_progress_add(&id, db, m, "2018-12-01", "有人署名", NULL), RECTIFY_OK);
    s = get_json(db, RECTIFY_KIND_PROGRESS, id);
    CHECK(json_str_is(s, "author", "办公室"));
    rectify_free(s);
    CHECK_RC(rectify_db_set_actor(db, NULL), RECTIFY_OK);
    CHECK_RC(rectify_progress_add(&id, db, m, "2018-12-02", "又无人署名", NULL), RECTIFY_E_NO_ACTOR);
    s = SENTINEL_STR;
    CHECK_RC(rectify_record_get(&s, db, RECTIFY_KIND_MEASURE, m), RECTIFY_E_DENIED);
    CHECK(s == NULL);
    CHECK(list_count(st->db, RECTIFY_KIND_PROGRESS, st->inspection_id, 0) == progress + 1);
    CHECK_RC(rectify_db_set_actor(db, "bad\xc3"), RECTIFY_E_UTF8);
    CHECK_RC(rectify_progress_add(&id, db, m, "2018-12-02", "仍无人署名", NULL), RECTIFY_E_NO_ACTOR);

    after = export_of(st->db, st->inspection_id, &alen);
    CHECK(after != NULL && before != NULL && alen > blen); /* one progress record more */
    rectify_free(before);
    rectify_free(after);
    rectify_db_close(db);
}

static void test_readonly(seed_state *st)
{
    rectify_db *db;
    char *before, *after;
    size_t blen = 0, alen = 0;
    int64_t m, id;
    g_phase = "read-only handle";
    /* A read-only handle reads as its actor, who must be a user who may read. */
    CHECK_RC(rectify_user_add(st->db, "reader", "只读用户"), RECTIFY_OK);
    CHECK_RC(rectify_user_grant(st->db, "reader", RECTIFY_ROLE_AUDITOR, RECTIFY_SCOPE_ALL, 0), RECTIFY_OK);
    db = open_db(st->db_path, RECTIFY_OPEN_READONLY, "stranger");
    before = SENTINEL_STR;
    CHECK_RC(rectify_export_json(&before, &blen, db, st->inspection_id), RECTIFY_E_DENIED);
    CHECK_MSG_HAS("'stranger' is not a user");
    CHECK(before == NULL);
    rectify_db_close(db);
    db = open_db(st->db_path, RECTIFY_OPEN_READONLY, "reader");
    before = export_of(db, st->inspection_id, &blen);
    m = find_id(db, RECTIFY_KIND_MEASURE, "tongcheng-2018-fulian/a2/i1/m2");
    CHECK(rectify_progress_add(&id, db, m, "2018-12-01", "只读", NULL) < 0);
    CHECK(rectify_errmsg()[0] != '\0');
    CHECK(rectify_status_set(NULL, db, RECTIFY_KIND_MEASURE, m, RECTIFY_STATUS_DONE, 0) < 0);
    if (before != NULL)
        CHECK(rectify_import_json(NULL, NULL, db, before, blen) < 0);
    after = export_of(db, st->inspection_id, &alen);
    CHECK(same_bytes(before, blen, after, alen));
    rectify_free(before);
    rectify_free(after);
    rectify_db_close(db);
}

/* ------------------------------------------------------------------------------------------ */
/* Users, grants, the audit log and backups: arguments (access_matrix_test.c tries the rules)  */

/* A database with no users makes the first actor that opens it read-write its admin; a read-only
   handle never does, and neither does a handle without an actor until one is set. */
static void test_bootstrap(void)
{
    char path[1024], *s;
    rectify_db *db;
    g_phase = "bootstrap";
    tmp_path(path, sizeof path, "bootstrap.db");
    db = open_db(path, RECTIFY_OPEN_CREATE, NULL); /* created, nobody's yet */
    rectify_db_close(db);
    db = open_db(path, RECTIFY_OPEN_READONLY, "first");
    s = SENTINEL_STR;
    CHECK_RC(rectify_record_list(&s, db, RECTIFY_KIND_INSPECTION, NULL), RECTIFY_E_DENIED);
    CHECK_MSG_HAS("'first' is not a user");
    CHECK(s == NULL);
    rectify_db_close(db);
    db = open_db(path, 0, NULL);
    CHECK_RC(rectify_user_list(&s, db), RECTIFY_E_DENIED);
    CHECK_RC(rectify_db_set_actor(db, "first"), RECTIFY_OK); /* read-write: first becomes admin */
    s = NULL;
    CHECK_RC(rectify_user_list(&s, db), RECTIFY_OK);
    CHECK(s != NULL && strstr(s, "\"name\":\"first\"") != NULL && strstr(s, "\"role\":\"admin\"") != NULL);
    rectify_free(s);
    s = NULL;
    CHECK_RC(rectify_record_list(&s, db, RECTIFY_KIND_INSPECTION, NULL), RECTIFY_OK);
    CHECK(s != NULL && strcmp(s, "[]") == 0);
    rectify_free(s);
    /* The second actor is nobody: users exist now. */
    CHECK_RC(rectify_db_set_actor(db, "second"), RECTIFY_OK);
    s = SENTINEL_STR;
    CHECK_RC(rectify_user_list(&s, db), RECTIFY_E_DENIED);
    CHECK(s == NULL);
    rectify_db_close(db);
    db = open_db(path, 0, "first");
    s = NULL;
    CHECK_RC(rectify_audit_log(&s, db, 0, 0, 0, 0), RECTIFY_OK);
    CHECK(s != NULL && strstr(s, "\"action\":\"bootstrap\"") != NULL && strstr(s, "\"actor\":\"first\"") != NULL);
    rectify_free(s);
    rectify_db_close(db);
}

static void test_access_arguments(seed_state *st)
{
    static const char *roles[] = {"admin", "inspector", "liaison", "owner", "supervisor", "auditor", "public"};
    char path[1024], *s;
    int i, v;
    int64_t issue, unit, round;
    long events;
    g_phase = "roles and scopes";
    CHECK(RECTIFY_ROLE_ADMIN == 1 && RECTIFY_ROLE_INSPECTOR == 2 && RECTIFY_ROLE_LIAISON == 3 &&
          RECTIFY_ROLE_OWNER == 4 && RECTIFY_ROLE_SUPERVISOR == 5 && RECTIFY_ROLE_AUDITOR == 6 &&
          RECTIFY_ROLE_PUBLIC == 7);
    CHECK(RECTIFY_SCOPE_ALL == 1 && RECTIFY_SCOPE_ROUND == 2 && RECTIFY_SCOPE_UNIT == 3);
    for (i = 0; i < 7; i++) {
        const char *name = rectify_role_name(i + 1);
        CHECK(name != NULL && strcmp(name, roles[i]) == 0);
        v = -1;
        CHECK_RC(rectify_role_from_name(&v, roles[i]), RECTIFY_OK);
        CHECK(v == i + 1);
    }
    CHECK(rectify_role_name(0) == NULL && rectify_role_name(8) == NULL && rectify_role_name(-1) == NULL);
    CHECK_RC(rectify_role_from_name(&v, "boss"), RECTIFY_E_ARGUMENT);
    CHECK_MSG_HAS("liaison"); /* the message lists the roles there are */
    CHECK_RC(rectify_role_from_name(&v, "Admin"), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_role_from_name(&v, NULL), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_role_from_name(NULL, "admin"), RECTIFY_E_ARGUMENT);

    g_phase = "user arguments";
    issue = find_id(st->db, RECTIFY_KIND_ISSUE, "tongcheng-2018-fulian/a1/i1");
    unit = find_id(st->db, RECTIFY_KIND_UNIT, "tongcheng-fulian");
    round = find_id(st->db, RECTIFY_KIND_ROUND, "tongcheng-2018-round");
    CHECK_RC(rectify_user_add(st->db, NULL, NULL), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_user_add(st->db, "", NULL), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_user_add(st->db, "   ", NULL), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_user_add(st->db, "bad\xff", NULL), RECTIFY_E_UTF8);
    CHECK_RC(rectify_user_add(st->db, "tab\there", NULL), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_user_add(st->db, "ok-name", "bad\xc3"), RECTIFY_E_UTF8);
    CHECK_RC(rectify_user_add(st->db, "审计员", "王五"), RECTIFY_OK);
    CHECK_RC(rectify_user_add(st->db, "审计员", NULL), RECTIFY_E_DUPLICATE);
    CHECK_RC(rectify_user_add(st->db, "capi-test", NULL), RECTIFY_E_DUPLICATE);

    CHECK_RC(rectify_user_grant(st->db, "审计员", 0, RECTIFY_SCOPE_ALL, 0), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_user_grant(st->db, "审计员", 8, RECTIFY_SCOPE_ALL, 0), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_user_grant(st->db, "审计员", RECTIFY_ROLE_AUDITOR, 0, 0), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_user_grant(st->db, "审计员", RECTIFY_ROLE_AUDITOR, 4, 1), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_user_grant(st->db, "审计员", RECTIFY_ROLE_AUDITOR, RECTIFY_SCOPE_ALL, 5), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_user_grant(st->db, "审计员", RECTIFY_ROLE_AUDITOR, RECTIFY_SCOPE_UNIT, 0), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_user_grant(st->db, "审计员", RECTIFY_ROLE_AUDITOR, RECTIFY_SCOPE_ROUND, -2), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_user_grant(st->db, "审计员", RECTIFY_ROLE_AUDITOR, RECTIFY_SCOPE_UNIT, unit + 1000),
             RECTIFY_E_NOT_FOUND);
    CHECK_RC(rectify_user_grant(st->db, "审计员", RECTIFY_ROLE_AUDITOR, RECTIFY_SCOPE_ROUND, round + 1000),
             RECTIFY_E_NOT_FOUND);
    CHECK_RC(rectify_user_grant(st->db, "nobody", RECTIFY_ROLE_AUDITOR, RECTIFY_SCOPE_ALL, 0), RECTIFY_E_NOT_FOUND);
    CHECK_RC(rectify_user_grant(st->db, NULL, RECTIFY_ROLE_AUDITOR, RECTIFY_SCOPE_ALL, 0), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_user_grant(st->db, "审计员", RECTIFY_ROLE_INSPECTOR, RECTIFY_SCOPE_ROUND, round), RECTIFY_OK);
    CHECK_RC(rectify_user_grant(st->db, "审计员", RECTIFY_ROLE_INSPECTOR, RECTIFY_SCOPE_ROUND, round), RECTIFY_OK);
    CHECK_RC(rectify_user_grant(st->db, "审计员", RECTIFY_ROLE_AUDITOR, RECTIFY_SCOPE_ALL, 0), RECTIFY_OK);
    CHECK_RC(rectify_user_revoke(st->db, "审计员", RECTIFY_ROLE_INSPECTOR, RECTIFY_SCOPE_ROUND, round), RECTIFY_OK);
    CHECK_RC(rectify_user_revoke(st->db, "审计员", RECTIFY_ROLE_INSPECTOR, RECTIFY_SCOPE_ROUND, round),
             RECTIFY_E_NOT_FOUND);
    CHECK_RC(rectify_user_revoke(st->db, "审计员", RECTIFY_ROLE_AUDITOR, RECTIFY_SCOPE_UNIT, unit), RECTIFY_E_NOT_FOUND);
    CHECK_RC(rectify_user_revoke(st->db, "nobody", RECTIFY_ROLE_AUDITOR, RECTIFY_SCOPE_ALL, 0), RECTIFY_E_NOT_FOUND);
    CHECK_RC(rectify_user_revoke(st->db, "审计员", 9, RECTIFY_SCOPE_ALL, 0), RECTIFY_E_ARGUMENT);
    /* The last admin on the whole database stays; another admin first, then it may go. */
    CHECK_RC(rectify_user_revoke(st->db, "capi-test", RECTIFY_ROLE_ADMIN, RECTIFY_SCOPE_ALL, 0), RECTIFY_E_MISUSE);
    s = SENTINEL_STR;
    CHECK_RC(rectify_user_list(NULL, st->db), RECTIFY_E_ARGUMENT);
    s = NULL;
    CHECK_RC(rectify_user_list(&s, st->db), RECTIFY_OK);
    CHECK(s != NULL && s[0] == '[');
    CHECK(s != NULL && strstr(s, "\"name\":\"审计员\",\"display_name\":\"王五\"") != NULL);
    CHECK(s != NULL && strstr(s, "\"role\":\"inspector\"") == NULL);
    CHECK(s != NULL && strstr(s, "\"role\":\"auditor\",\"scope\":\"all\",\"scope_id\":null") != NULL);
    rectify_free(s);

    g_phase = "audit log arguments";
    s = SENTINEL_STR;
    CHECK_RC(rectify_audit_log(NULL, st->db, 0, 0, 0, 0), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_audit_log(&s, st->db, 0, 5, 0, 0), RECTIFY_E_ARGUMENT);
    CHECK(s == NULL);
    CHECK_RC(rectify_audit_log(&s, st->db, 99, 1, 0, 0), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_audit_log(&s, st->db, RECTIFY_KIND_ISSUE, 0, 0, 0), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_audit_log(&s, st->db, RECTIFY_KIND_ISSUE, issue, -1, 0), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_audit_log(&s, st->db, RECTIFY_KIND_ISSUE, issue, 0, -1), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_audit_log(&s, st->db, RECTIFY_KIND_ISSUE, issue + 1000000, 0, 0), RECTIFY_E_NOT_FOUND);
    CHECK(s == NULL);
    s = NULL;
    CHECK_RC(rectify_audit_log(&s, st->db, RECTIFY_KIND_ISSUE, issue, 0, 0), RECTIFY_OK);
    CHECK(s != NULL && s[0] == '[' && count_text(s, EVENT_KEY) >= 1 &&
          count_text(s, EVENT_KEY) == count_text(s, "\"kind\":\"issue\",\"record_id\":"));
    CHECK(s != NULL && strstr(s, "\"prev_hash\":\"") != NULL && strstr(s, "\"hash\":\"") != NULL);
    rectify_free(s);
    s = NULL;
    CHECK_RC(rectify_audit_log(&s, st->db, 0, 0, 0, 0), RECTIFY_OK);
    events = (long)count_text(s, EVENT_KEY);
    CHECK(events > 100);
    rectify_free(s);
    s = NULL;
    CHECK_RC(rectify_audit_log(&s, st->db, 0, 0, 1, 2), RECTIFY_OK); /* events 2 and 3 */
    CHECK(s != NULL && count_text(s, EVENT_KEY) == 2 && json_int(s, "id") == 2);
    rectify_free(s);

    g_phase = "audit verify";
    CHECK_RC(rectify_audit_verify(NULL, st->db), RECTIFY_OK);
    s = NULL;
    CHECK_RC(rectify_audit_verify(&s, st->db), RECTIFY_OK);
    CHECK(s != NULL && strstr(s, "\"intact\":true") != NULL && json_int(s, "events") == events);
    CHECK(s != NULL && strstr(s, "\"broken_at\":null") != NULL);
    rectify_free(s);

    g_phase = "backup arguments";
    CHECK_RC(rectify_backup(st->db, NULL), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_backup(st->db, ""), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_backup(st->db, "bad\xff.db"), RECTIFY_E_UTF8);
    CHECK_RC(rectify_backup(st->db, st->db_path), RECTIFY_E_IO); /* never over a file, itself least */
    CHECK_MSG_HAS("exists");
    tmp_path(path, sizeof path, "no-such-dir/backup.db");
    CHECK(rectify_backup(st->db, path) < 0);
    tmp_path(path, sizeof path, "backup.db");
    CHECK_RC(rectify_backup(st->db, path), RECTIFY_OK);
    CHECK(file_exists(path));
    CHECK_RC(rectify_backup(st->db, path), RECTIFY_E_IO);
    {
        rectify_db *copy = open_db(path, RECTIFY_OPEN_READONLY, "capi-test");
        CHECK_RC(rectify_audit_verify(NULL, copy), RECTIFY_OK);
        CHECK(list_count(copy, RECTIFY_KIND_ISSUE, 0, 0) == list_count(st->db, RECTIFY_KIND_ISSUE, 0, 0));
        rectify_db_close(copy);
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Imports that fail change nothing                                                            */

static void failed_import(rectify_db *db, const small_doc *d, int want, const char *path_in_msg,
                          const char *also_in_msg, const char *before, size_t blen, int64_t id,
                          long inspections, int line)
{
    size_t len, alen = 0;
    char *text = small_json(d, &len);
    char *after = NULL;
    import_text(db, text, len, NULL, want, __FILE__, line);
    if (path_in_msg != NULL)
        check_msg_has(path_in_msg, __FILE__, line);
    if (also_in_msg != NULL)
        check_msg_has(also_in_msg, __FILE__, line);
    check_impl(rectify_export_json(&after, &alen, db, id) == RECTIFY_OK, "export after failed import",
               __FILE__, line);
    if (!check_impl(same_bytes(before, blen, after, alen), "export unchanged by the failed import",
                    __FILE__, line))
        report_difference("export before and after the failed import", before, blen, after, alen);
    check_impl(list_count(db, RECTIFY_KIND_INSPECTION, 0, 0) == inspections,
               "no inspection added by the failed import", __FILE__, line);
    rectify_free(after);
    free(text);
}
#define FAILED_IMPORT(d, want, path, also) \
    failed_import(st->db, &(d), (want), (path), (also), before, blen, id, inspections, __LINE__)

static void test_failed_imports(seed_state *st)
{
    small_doc d = small_defaults();
    size_t len, blen = 0, slen = 0, ilen;
    char *text, *before, *seed_before, *seed_after, *s;
    int64_t id = -1, id2 = -1;
    long inspections;
    g_phase = "failed imports";

    text = small_json(&d, &len);
    IMPORT(st->db, text, len, &id, RECTIFY_OK);
    free(text);
    if (!CHECK(id > 0))
        return;
    CHECK(id != st->inspection_id);
    CHECK(list_count(st->db, RECTIFY_KIND_ASPECT, id, 0) == 2);
    CHECK(list_count(st->db, RECTIFY_KIND_ISSUE, id, 0) == 3);
    CHECK(list_count(st->db, RECTIFY_KIND_MEASURE, id, 0) == 2);
    before = export_of(st->db, id, &blen);
    seed_before = export_of(st->db, st->inspection_id, &slen);
    inspections = list_count(st->db, RECTIFY_KIND_INSPECTION, 0, 0);
    CHECK(inspections == 2);

    /* Malformed JSON: truncated, a trailing comma, nothing at all, not JSON. */
    text = small_json(&d, &len);
    IMPORT(st->db, text, len - 3, NULL, RECTIFY_E_JSON);
    IMPORT(st->db, "{\"format\":\"rectify-inspection\",}", 32, NULL, RECTIFY_E_JSON);
    IMPORT(st->db, "", 0, NULL, RECTIFY_E_JSON);
    IMPORT(st->db, "整改", strlen("整改"), NULL, RECTIFY_E_JSON);
    /* Everything after len is ignored: the document followed by garbage, cut at len. */
    {
        char *padded = (char *)malloc(len + 16);
        if (padded == NULL)
            fatal("out of memory");
        memcpy(padded, text, len);
        memcpy(padded + len, "garbage}}}}}}}", 14);
        IMPORT(st->db, padded, len, &id2, RECTIFY_OK);
        CHECK(id2 == id);
        IMPORT(st->db, padded, len + 14, NULL, RECTIFY_E_JSON);
        free(padded);
    }
    CHECK_RC(rectify_import_json(NULL, NULL, st->db, NULL, 10), RECTIFY_E_ARGUMENT);
    CHECK_RC(rectify_import_json(NULL, NULL, st->db, NULL, 0), RECTIFY_E_ARGUMENT);
    free(text);

    /* Each broken variant also renames the first aspect, so a partial apply would show. */
    d.aspect_title = "党的政治建设方面（已改）";

    d.measure_title = "完善\xff制度";
    FAILED_IMPORT(d, RECTIFY_E_UTF8, "aspects[0].issues[0].measures[0].title", NULL);
    d.measure_title = "完善制度\xe4\xb8"; /* truncated sequence at the end of the string */
    FAILED_IMPORT(d, RECTIFY_E_UTF8, "aspects[0].issues[0].measures[0].title", NULL);
    d.measure_title = small_defaults().measure_title;

    d.deadline = "2018-02-30";
    FAILED_IMPORT(d, RECTIFY_E_INVALID, "aspects[0].issues[0].measures[0].deadline", "2018-02-30");
    d.deadline = "2018-12-1";
    FAILED_IMPORT(d, RECTIFY_E_INVALID, "aspects[0].issues[0].measures[0].deadline", NULL);
    d.deadline = small_defaults().deadline;

    d.issue_extra = ",\"bogus\":1";
    FAILED_IMPORT(d, RECTIFY_E_INVALID, "aspects[0].issues[0]", "bogus");
    d.issue_extra = "";

    d.issue_status = "finished";
    FAILED_IMPORT(d, RECTIFY_E_INVALID, "aspects[0].issues[0].status", NULL);
    d.issue_status = "closed"; /* in_progress -> closed is not allowed */
    FAILED_IMPORT(d, RECTIFY_E_TRANSITION, "aspects[0].issues[0].status", NULL);
    d.issue_status = small_defaults().issue_status;

    d.format_version = 2;
    FAILED_IMPORT(d, RECTIFY_E_INVALID, "format_version", NULL);
    d.format_version = 1;

    /* A new inspection that fails creates nothing: no inspection, no unit. */
    d.inspection_ref = "capi-never";
    d.deadline = "2019-02-29";
    FAILED_IMPORT(d, RECTIFY_E_INVALID, "aspects[0].issues[0].measures[0].deadline", "2019-02-29");
    CHECK_RC(rectify_record_find(&id2, st->db, RECTIFY_KIND_INSPECTION, "capi-never"),
             RECTIFY_E_NOT_FOUND);
    d = small_defaults();

    /* The seed's inspection was not touched by any of it. */
    seed_after = export_of(st->db, st->inspection_id, &ilen);
    CHECK(same_bytes(seed_before, slen, seed_after, ilen));
    rectify_free(seed_after);

    /* The good document still imports: the renamed aspect is an update, nothing duplicated. */
    d.aspect_title = "党的政治建设方面（已改）";
    text = small_json(&d, &len);
    IMPORT(st->db, text, len, &id2, RECTIFY_OK);
    CHECK(id2 == id);
    CHECK(list_count(st->db, RECTIFY_KIND_ASPECT, id, 0) == 2);
    CHECK(list_count(st->db, RECTIFY_KIND_ISSUE, id, 0) == 3);
    s = NULL;
    CHECK_RC(rectify_export_json(&s, NULL, st->db, id), RECTIFY_OK);
    CHECK(s != NULL && strstr(s, "党的政治建设方面（已改）") != NULL);
    rectify_free(s);
    free(text);

    /* Files. */
    {
        char path[1024];
        s = SENTINEL_STR;
        tmp_path(path, sizeof path, "no-such-file.json");
        CHECK_RC(rectify_import_file(&id2, &s, st->db, path), RECTIFY_E_IO);
        CHECK(s == NULL);
        CHECK_RC(rectify_import_file(&id2, NULL, st->db, NULL), RECTIFY_E_ARGUMENT);
        CHECK_RC(rectify_import_file(&id2, NULL, st->db, g_tmpdir), RECTIFY_E_IO);
        d.deadline = "2018-02-30";
        text = small_json(&d, &len);
        tmp_path(path, sizeof path, "bad.json");
        if (CHECK(write_file(path, text, len))) {
            CHECK_RC(rectify_import_file(&id2, NULL, st->db, path), RECTIFY_E_INVALID);
            CHECK_MSG_HAS("aspects[0].issues[0].measures[0].deadline");
        }
        free(text);
    }
    CHECK(list_count(st->db, RECTIFY_KIND_INSPECTION, 0, 0) == inspections);

    rectify_free(before);
    rectify_free(seed_before);
}

/* ------------------------------------------------------------------------------------------ */
/* Files rectify must refuse, untouched                                                        */

static int sqlite_exec(const char *path, const char *sql)
{
    sqlite3 *s = NULL;
    char *err = NULL;
    int rc = sqlite3_open_v2(path, &s, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(s, sql, NULL, NULL, &err);
    if (rc != SQLITE_OK)
        fprintf(stderr, "    sqlite3 on %s: %s\n", path, err ? err : sqlite3_errmsg(s));
    sqlite3_free(err);
    sqlite3_close(s);
    return rc == SQLITE_OK;
}

/* Opening the file (with and without CREATE, and read-only) fails with want, leaving it as it
   was. */
static void refused_untouched(const char *path, int want, int line)
{
    static const unsigned flags[] = {RECTIFY_OPEN_CREATE, 0, RECTIFY_OPEN_READONLY};
    size_t blen = 0, alen = 0, i;
    char *before = read_file(path, &blen);
    check_impl(before != NULL, "the file to refuse exists", __FILE__, line);
    for (i = 0; i < sizeof flags / sizeof flags[0]; i++) {
        rectify_open_options o = RECTIFY_OPEN_OPTIONS_INIT;
        rectify_db *db = SENTINEL_DB;
        char *after;
        o.flags = flags[i];
        o.actor = "capi-test";
        check_rc_impl(rectify_db_open(&db, path, &o), want, NO_ALT, "rectify_db_open(refused)",
                      __FILE__, line);
        check_impl(db == NULL, "a refused open sets *out to NULL", __FILE__, line);
        if (db != NULL && db != SENTINEL_DB)
            rectify_db_close(db);
        after = read_file(path, &alen);
        if (!check_impl(same_bytes(before, blen, after, alen), "the refused file is unchanged",
                        __FILE__, line))
            fprintf(stderr, "    (flags %u: %zu bytes before, %zu after)\n", flags[i], blen, alen);
        free(after);
    }
    free(before);
}

static void test_refused_files(void)
{
    char path[1024];
    rectify_db *db;
    static const char text[] = "这不是数据库。\nThis is a text file, not a rectify database.\n"
                               "SQLite format 2\nmore text to pass one page? no.\n";
    g_phase = "newer schema";
    tmp_path(path, sizeof path, "newer.db");
    db = open_db(path, RECTIFY_OPEN_CREATE, "capi-test");
    rectify_db_close(db);
    CHECK(sqlite_exec(path, "PRAGMA user_version=999;"));
    refused_untouched(path, RECTIFY_E_SCHEMA_NEWER, __LINE__);

    g_phase = "not a database";
    tmp_path(path, sizeof path, "notes.txt");
    CHECK(write_file(path, text, sizeof text - 1));
    refused_untouched(path, RECTIFY_E_NOT_A_DB, __LINE__);

    /* A SQLite database of some other program is not a rectify database either. */
    g_phase = "foreign SQLite database";
    tmp_path(path, sizeof path, "foreign.db");
    CHECK(sqlite_exec(path, "CREATE TABLE contacts(name TEXT, phone TEXT);"
                            "INSERT INTO contacts VALUES('张三', '123');"));
    refused_untouched(path, RECTIFY_E_NOT_A_DB, __LINE__);
}

/* ------------------------------------------------------------------------------------------ */

int main(int argc, char **argv)
{
    const char *seed_path;
    const char *base = getenv("TMPDIR");
    seed_state st;

    test_initial_error_state(); /* before anything can fail */
    g_verbose = getenv("RECTIFY_TEST_VERBOSE") != NULL;

    if (argc != 2) {
        fprintf(stderr, "usage: %s SEED.json\n", argv[0]);
        return 2;
    }
    seed_path = argv[1];
    if (base == NULL || base[0] == '\0')
        base = "/tmp";
    snprintf(g_tmpdir, sizeof g_tmpdir, "%s/rectify-capi-XXXXXX", base);
    if (mkdtemp(g_tmpdir) == NULL)
        fatal("mkdtemp %s: %s", g_tmpdir, strerror(errno));

    test_version();
    test_strerror();
    test_names();
    test_thread_errors();
    test_open_arguments();
    test_null_db(seed_path);

    memset(&st, 0, sizeof st);
    test_seed_import(&st, seed_path);
    test_notice(&st);
    test_records(&st);
    test_failed_imports(&st);
    test_status(&st);
    test_progress(&st);
    test_no_actor(&st);
    test_readonly(&st);
    test_access_arguments(&st);
    rectify_db_close(st.db);
    test_refused_files();
    test_bootstrap();

    if (getenv("RECTIFY_TEST_KEEP") != NULL)
        printf("kept %s\n", g_tmpdir);
    else
        remove_tmpdir();
    printf("%d passed, %d failed\n", g_passed, g_failed);
    return g_failed == 0 ? 0 : 1;
}
