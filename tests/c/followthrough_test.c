/*
 * followthrough_test.c: drives every function of rectify/followthrough.h through librectify.so
 * from plain C99: evidence (added, listed, verified after a file changed and another vanished),
 * close-out and each of its guards, a round-level look-back review across three units with a
 * relapse that reopens a closed issue and keeps its history, follow-ups of an ongoing measure (a
 * missed one turns it red in rectify_warnings), evaluation with its ratings and re-rectification,
 * and leads with their completion rate. Each call is also fed NULL and garbage, and made by actors
 * the rules refuse.
 *
 *   followthrough_test SEED.json
 *
 * The world: one round of three units, each the seed case: 市妇联 (the seed as it is, with
 * "owner1" as the 责任人 of a6/i1/m2), 市总工会 and 市科协 (the seed under another unit and
 * inspection ref, the refs below the inspection removed so that the library derives them).
 * "admin" is the first actor; "supervisor1" (supervisor on everything), "owner1" (supervisor on
 * 市妇联, and the 责任人 of a measure), "liaison1" (liaison on 市妇联) and "stranger" (not a
 * user) act through handles of their own.
 *
 * Every call expected to fail must return its code, leave the same code and a message in
 * rectify_errcode()/rectify_errmsg(), reset its out-parameters, and change nothing: the three
 * exports, the length of the audit log, the guards and the leads are compared before and after.
 * Ends with "N passed, N failed"; exits nonzero on any failure. RECTIFY_TEST_VERBOSE=1 prints the
 * message of every expected failure; RECTIFY_TEST_KEEP=1 keeps the temporary directory.
 */
#define _XOPEN_SOURCE 700

#include <rectify/rectify.h>

#include <errno.h>
#include <inttypes.h>
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

static int check_rc_impl(int rc, int want, const char *expr, const char *file, int line)
{
    if (rc == want) {
        if (rc < 0 && (rectify_errcode() != rc || rectify_errmsg()[0] == '\0')) {
            g_failed++;
            fprintf(stderr, "%s:%d: [%s] FAILED: %s\n    returned %d as expected, but errcode is %d and errmsg \"%s\"\n",
                    file, line, g_phase, expr, rc, rectify_errcode(), rectify_errmsg());
            return 0;
        }
        g_passed++;
        if (rc < 0 && g_verbose)
            printf("[%s] %s -> %d: %s\n", g_phase, expr, rc, rectify_errmsg());
        return 1;
    }
    g_failed++;
    fprintf(stderr, "%s:%d: [%s] FAILED: %s\n    returned %d (%s), want %d (%s): %s\n", file, line, g_phase, expr, rc,
            rectify_strerror(rc), want, rectify_strerror(want), rectify_errmsg());
    return 0;
}

static int check_msg_has(const char *what, const char *file, int line)
{
    const char *m = rectify_errmsg();
    if (strstr(m, what) != NULL) {
        g_passed++;
        return 1;
    }
    g_failed++;
    fprintf(stderr, "%s:%d: [%s] FAILED: the message should contain \"%s\": %s\n", file, line, g_phase, what, m);
    return 0;
}

static int check_has_impl(const char *text, const char *part, const char *expr, const char *file, int line)
{
    if (text != NULL && strstr(text, part) != NULL) {
        g_passed++;
        return 1;
    }
    g_failed++;
    fprintf(stderr, "%s:%d: [%s] FAILED: %s should contain \"%s\"; it is: %.600s\n", file, line, g_phase, expr, part,
            text ? text : "(NULL)");
    return 0;
}

#define CHECK(cond) check_impl((cond) != 0, #cond, __FILE__, __LINE__)
#define CHECK_RC(expr, want) check_rc_impl((expr), (want), #expr, __FILE__, __LINE__)
#define CHECK_MSG_HAS(what) check_msg_has((what), __FILE__, __LINE__)
#define CHECK_HAS(text, part) check_has_impl((text), (part), #text, __FILE__, __LINE__)

static void fatal(const char *what)
{
    fprintf(stderr, "fatal [%s]: %s: %d %s\n", g_phase, what, rectify_errcode(), rectify_errmsg());
    exit(2);
}

#define MUST(expr)                                                                                                   \
    do {                                                                                                             \
        if ((expr) != RECTIFY_OK)                                                                                    \
            fatal(#expr);                                                                                            \
    } while (0)

static char g_sentinel_byte;
#define SENTINEL_STR ((char *)&g_sentinel_byte)
#define SENTINEL_ID ((int64_t)-424242)

/* ------------------------------------------------------------------------------------------ */
/* Files and text                                                                              */

static char g_tmpdir[512];
static char g_db_path[600];

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    if (f == NULL || fwrite(text, 1, strlen(text), f) != strlen(text) || fclose(f) != 0)
        fatal(path);
}

static void tmp_path(char *buf, size_t size, const char *name) { snprintf(buf, size, "%s/%s", g_tmpdir, name); }

/* A heap copy of text without its terminating NUL: a read past len is an overrun ASan reports. */
static char *exact(const char *text, size_t *len)
{
    char *p;
    *len = strlen(text);
    p = (char *)malloc(*len ? *len : 1);
    if (p == NULL)
        fatal("out of memory");
    memcpy(p, text, *len);
    return p;
}

/* text with the first `from` at or after the first `after` (NULL: the start) replaced by `to`. */
static char *replace_first(const char *text, const char *after, const char *from, const char *to)
{
    const char *start = after ? strstr(text, after) : text;
    const char *hit = start ? strstr(start, from) : NULL;
    size_t head;
    char *out;
    if (hit == NULL) {
        fprintf(stderr, "the seed has no '%s' after '%s'\n", from, after ? after : "(start)");
        exit(2);
    }
    head = (size_t)(hit - text);
    out = (char *)malloc(strlen(text) - strlen(from) + strlen(to) + 1);
    if (out == NULL)
        fatal("out of memory");
    memcpy(out, text, head);
    memcpy(out + head, to, strlen(to));
    strcpy(out + head + strlen(to), hit + strlen(from));
    return out;
}

static char *edit(char *text, const char *after, const char *from, const char *to)
{
    char *out = replace_first(text, after, from, to);
    free(text);
    return out;
}

/* text without any `"ref": "<prefix>/…",` pair and the blanks after it. */
static char *drop_refs_below(const char *text, const char *prefix)
{
    char pat[256];
    size_t o = 0;
    int removed = 0;
    const char *p = text, *hit;
    char *out = (char *)malloc(strlen(text) + 1);
    if (out == NULL)
        fatal("out of memory");
    snprintf(pat, sizeof pat, "\"ref\": \"%s/", prefix);
    while ((hit = strstr(p, pat)) != NULL) {
        const char *end = strchr(hit + strlen(pat), '"');
        if (end == NULL || end[1] != ',')
            fatal("a ref below the inspection is not followed by a comma");
        memcpy(out + o, p, (size_t)(hit - p));
        o += (size_t)(hit - p);
        end += 2;
        while (*end == ' ' || *end == '\n' || *end == '\r' || *end == '\t')
            end++;
        p = end;
        removed++;
    }
    strcpy(out + o, p);
    if (removed < 50)
        fatal("too few refs below the inspection removed");
    return out;
}

static size_t count_text(const char *text, const char *what)
{
    size_t n = 0;
    const char *p = text;
    while (p != NULL && (p = strstr(p, what)) != NULL) {
        n++;
        p += strlen(what);
    }
    return n;
}

/* The integer after "key": in json (the first one), or LLONG_MIN-ish -1 when absent. */
static long long json_int(const char *json, const char *key)
{
    char pat[128];
    const char *p;
    snprintf(pat, sizeof pat, "\"%s\":", key);
    p = json ? strstr(json, pat) : NULL;
    if (p == NULL)
        return -999999;
    return strtoll(p + strlen(pat), NULL, 10);
}

/* ------------------------------------------------------------------------------------------ */
/* The world                                                                                   */

#define INSP1 "tongcheng-2018-fulian"
#define INSP2 "tongcheng-2018-zonggonghui"
#define INSP3 "tongcheng-2018-kexie"

static rectify_db *g_admin, *g_supervisor, *g_owner, *g_liaison, *g_stranger;
static int64_t g_insp[3], g_round, g_unit1;
static char *g_doc1; /* the 市妇联 document as imported, for the import cases */

static rectify_db *open_as(const char *actor, unsigned flags)
{
    rectify_open_options o = RECTIFY_OPEN_OPTIONS_INIT;
    rectify_db *db = NULL;
    o.flags = flags;
    o.actor = actor;
    if (rectify_db_open(&db, g_db_path, &o) != RECTIFY_OK || db == NULL)
        fatal("cannot open the database");
    return db;
}

static int64_t find(int kind, const char *ref)
{
    int64_t id = 0;
    if (rectify_record_find(&id, g_admin, kind, ref) != RECTIFY_OK) {
        fprintf(stderr, "no %s %s\n", rectify_kind_name(kind), ref);
        fatal("find");
    }
    return id;
}

static char *record(int kind, int64_t id)
{
    char *s = NULL;
    MUST(rectify_record_get(&s, g_admin, kind, id));
    return s;
}

static int status_is(int kind, int64_t id, const char *status)
{
    char want[64];
    char *s = record(kind, id);
    int ok;
    snprintf(want, sizeof want, "\"status\":\"%s\"", status);
    ok = strstr(s, want) != NULL;
    if (!ok)
        fprintf(stderr, "    (%s %" PRId64 " is not %s: %.300s)\n", rectify_kind_name(kind), id, status, s);
    rectify_free(s);
    return ok;
}

static long long record_int(int kind, int64_t id, const char *key)
{
    char *s = record(kind, id);
    long long v = json_int(s, key);
    rectify_free(s);
    return v;
}

/* How many records of kind are children of parent. */
static size_t children(int kind, int64_t parent)
{
    rectify_list_options lo = RECTIFY_LIST_OPTIONS_INIT;
    char *s = NULL, pat[64];
    size_t n;
    lo.parent_id = parent;
    MUST(rectify_record_list(&s, g_admin, kind, &lo));
    snprintf(pat, sizeof pat, "{\"kind\":\"%s\",", rectify_kind_name(kind));
    n = count_text(s, pat);
    rectify_free(s);
    return n;
}

static int import_text(rectify_db *db, const char *text)
{
    int64_t id = 0;
    char *summary = NULL;
    size_t len;
    char *buf = exact(text, &len);
    int rc = rectify_import_json(&id, &summary, db, buf, len);
    rectify_free(summary);
    free(buf);
    return rc;
}

/* A copy of the seed under another unit and inspection, its refs below the inspection removed. */
static char *other_unit(const char *seed, const char *unit_ref, const char *unit_name, const char *insp_ref)
{
    char org[128], from[160], to[160];
    char *t = drop_refs_below(seed, INSP1);
    snprintf(to, sizeof to, "\"ref\": \"%s\"", unit_ref);
    t = edit(t, NULL, "\"ref\": \"tongcheng-fulian\"", to);
    snprintf(to, sizeof to, "\"name\": \"%s\"", unit_name);
    t = edit(t, NULL, "\"name\": \"市妇联\"", to);
    snprintf(org, sizeof org, "\"party_org\": \"%s党组\"", unit_name);
    t = edit(t, NULL, "\"party_org\": \"市妇联党组\"", org);
    snprintf(from, sizeof from, "\"ref\": \"%s\"", INSP1);
    snprintf(to, sizeof to, "\"ref\": \"%s\"", insp_ref);
    return edit(t, NULL, from, to);
}

static void add_user(const char *name, int role, int scope, int64_t scope_id)
{
    MUST(rectify_user_add(g_admin, name, NULL));
    MUST(rectify_user_grant(g_admin, name, role, scope, scope_id));
}

static void build_world(const char *seed_path)
{
    char *seed = read_file(seed_path, NULL), *doc2, *doc3;
    const char *base = getenv("TMPDIR");
    if (seed == NULL)
        fatal("cannot read the seed");
    if (base == NULL || base[0] == '\0')
        base = "/tmp";
    snprintf(g_tmpdir, sizeof g_tmpdir, "%s/rectify-followthrough-XXXXXX", base);
    if (mkdtemp(g_tmpdir) == NULL)
        fatal("mkdtemp");
    tmp_path(g_db_path, sizeof g_db_path, "followthrough.db");

    /* owner1 is the 责任人 of 市妇联's a6/i1/m2 (the other units' copies keep no person). */
    g_doc1 = replace_first(seed, "\"ref\": \"" INSP1 "/a6/i1/m2\"", "\"person\": null", "\"person\": \"owner1\"");
    doc2 = other_unit(seed, "tongcheng-zonggonghui", "市总工会", INSP2);
    doc3 = other_unit(seed, "tongcheng-kexie", "市科协", INSP3);

    g_admin = open_as("admin", RECTIFY_OPEN_CREATE);
    MUST(import_text(g_admin, g_doc1));
    MUST(import_text(g_admin, doc2));
    MUST(import_text(g_admin, doc3));
    g_insp[0] = find(RECTIFY_KIND_INSPECTION, INSP1);
    g_insp[1] = find(RECTIFY_KIND_INSPECTION, INSP2);
    g_insp[2] = find(RECTIFY_KIND_INSPECTION, INSP3);
    g_round = find(RECTIFY_KIND_ROUND, "tongcheng-2018-round");
    g_unit1 = find(RECTIFY_KIND_UNIT, "tongcheng-fulian");
    if (g_insp[0] == g_insp[1] || g_insp[1] == g_insp[2] || g_insp[0] == g_insp[2])
        fatal("the three documents did not make three inspections");

    add_user("supervisor1", RECTIFY_ROLE_SUPERVISOR, RECTIFY_SCOPE_ALL, 0);
    add_user("owner1", RECTIFY_ROLE_SUPERVISOR, RECTIFY_SCOPE_UNIT, g_unit1);
    add_user("liaison1", RECTIFY_ROLE_LIAISON, RECTIFY_SCOPE_UNIT, g_unit1);
    g_supervisor = open_as("supervisor1", 0);
    g_owner = open_as("owner1", 0);
    g_liaison = open_as("liaison1", 0);
    g_stranger = open_as("stranger", 0);
    free(seed);
    free(doc2);
    free(doc3);
}

static void remove_world(void)
{
    char cmd[700];
    rectify_db_close(g_admin);
    rectify_db_close(g_supervisor);
    rectify_db_close(g_owner);
    rectify_db_close(g_liaison);
    rectify_db_close(g_stranger);
    free(g_doc1);
    if (getenv("RECTIFY_TEST_KEEP") != NULL) {
        printf("kept %s\n", g_tmpdir);
        return;
    }
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", g_tmpdir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", g_tmpdir);
}

/* ------------------------------------------------------------------------------------------ */
/* "Changes nothing"                                                                           */

typedef struct snapshot {
    char *export_[3];
    char *guards;
    char *leads;
    size_t events;
} snapshot;

/* The operations' own events in the log so far; the row images the store adds to each are not
 * counted. The log only grows (one database for the whole program, never tampered with here), so
 * only the events after those already counted are read: reading the whole log for every
 * snapshot made this program slow under valgrind. */
static size_t operation_events(void)
{
    static size_t seen, operations;
    char *log = NULL;
    size_t n;
    MUST(rectify_audit_log(&log, g_admin, 0, 0, (int64_t)seen, 0));
    n = count_text(log, "\"prev_hash\":");
    seen += n;
    operations += n - count_text(log, "\"kind\":\"row:");
    rectify_free(log);
    return operations;
}

static void take(snapshot *s)
{
    int i;
    for (i = 0; i < 3; i++)
        MUST(rectify_export_json(&s->export_[i], NULL, g_admin, g_insp[i]));
    MUST(rectify_close_out_guards(&s->guards, g_admin));
    MUST(rectify_lead_list(&s->leads, g_admin, 0));
    s->events = operation_events();
}

static void release(snapshot *s)
{
    int i;
    for (i = 0; i < 3; i++)
        rectify_free(s->export_[i]);
    rectify_free(s->guards);
    rectify_free(s->leads);
}

static int same(const snapshot *a, const snapshot *b)
{
    int i;
    for (i = 0; i < 3; i++)
        if (strcmp(a->export_[i], b->export_[i]) != 0)
            return 0;
    return strcmp(a->guards, b->guards) == 0 && strcmp(a->leads, b->leads) == 0 && a->events == b->events;
}

static size_t audit_events(void)
{
    snapshot s;
    size_t n;
    take(&s);
    n = s.events;
    release(&s);
    return n;
}

/* The call fails with want, says so in errcode/errmsg, and changes nothing. */
static snapshot g_before;
static int refused_impl(int rc, int want, const char *expr, const char *file, int line)
{
    snapshot after;
    char msg[1024];
    int ok = check_rc_impl(rc, want, expr, file, line);
    snprintf(msg, sizeof msg, "%s", rectify_errmsg());
    take(&after);
    if (!check_impl(same(&g_before, &after), "a refused call changed nothing", file, line))
        fprintf(stderr, "    (%s changed the database: %s)\n", expr, msg);
    release(&after);
    release(&g_before);
    return ok;
}
#define REFUSED(expr, want) (take(&g_before), refused_impl((expr), (want), #expr, __FILE__, __LINE__))

/* ------------------------------------------------------------------------------------------ */
/* Evidence                                                                                    */

static void test_evidence(void)
{
    rectify_evidence ev = RECTIFY_EVIDENCE_INIT;
    char scan[700], minutes[700], spare[700], *s;
    int64_t m = find(RECTIFY_KIND_MEASURE, INSP3 "/a6/i1/m1");
    int64_t issue = find(RECTIFY_KIND_ISSUE, INSP3 "/a6/i1");
    int64_t id1 = SENTINEL_ID, id2 = SENTINEL_ID, id3 = SENTINEL_ID, id = SENTINEL_ID;
    size_t before;
    g_phase = "evidence";

    tmp_path(scan, sizeof scan, "缴款凭证.pdf");
    tmp_path(minutes, sizeof minutes, "会议记录.docx");
    tmp_path(spare, sizeof spare, "照片.jpg");
    write_file(scan, "receipt of 11550 yuan");
    write_file(minutes, "minutes of the meeting");
    write_file(spare, "photo");

    /* A file: the library hashes it. */
    before = audit_events();
    ev.title = "缴款凭证";
    ev.kind = "文件";
    ev.path = scan;
    ev.media_type = "application/pdf";
    CHECK_RC(rectify_evidence_add(&id1, g_admin, RECTIFY_KIND_MEASURE, m, &ev), RECTIFY_OK);
    CHECK(id1 > 0);
    CHECK(audit_events() == before + 1);
    ev = (rectify_evidence)RECTIFY_EVIDENCE_INIT;
    ev.title = "会议记录";
    ev.path = minutes;
    CHECK_RC(rectify_evidence_add(&id2, g_admin, RECTIFY_KIND_ISSUE, issue, &ev), RECTIFY_OK);
    /* A URI the host keeps: nothing to hash. out_id may be NULL. */
    ev = (rectify_evidence)RECTIFY_EVIDENCE_INIT;
    ev.title = "OA 归档";
    ev.uri = "oa://archive/2019/17";
    CHECK_RC(rectify_evidence_add(NULL, g_admin, RECTIFY_KIND_ISSUE, issue, &ev), RECTIFY_OK);
    ev.uri = "oa://archive/2019/18";
    CHECK_RC(rectify_evidence_add(&id3, g_admin, RECTIFY_KIND_ISSUE, issue, &ev), RECTIFY_OK);
    CHECK(id3 > id2 && id2 > id1);

    s = NULL;
    CHECK_RC(rectify_evidence_list(&s, g_admin, RECTIFY_KIND_MEASURE, m), RECTIFY_OK);
    CHECK(count_text(s, "\"title\":") == 1);
    CHECK_HAS(s, "\"title\":\"缴款凭证\"");
    CHECK_HAS(s, "\"size\":21");
    CHECK_HAS(s, "\"sha256\":\"6c90ec03de6f69d4f72ad31f6a050c6638b877ef5d8e4c11f77cc78c41b3959e\"");
    CHECK_HAS(s, "\"media_type\":\"application/pdf\"");
    CHECK_HAS(s, "\"kind\":\"文件\"");
    CHECK_HAS(s, "\"target_kind\":\"measure\"");
    CHECK_HAS(s, "\"added_by\":\"admin\"");
    rectify_free(s);
    s = NULL;
    CHECK_RC(rectify_evidence_list(&s, g_supervisor, RECTIFY_KIND_ISSUE, issue), RECTIFY_OK);
    CHECK(count_text(s, "\"title\":") == 3);
    CHECK_HAS(s, "\"uri\":\"oa://archive/2019/17\"");
    CHECK_HAS(s, "\"sha256\":null");
    rectify_free(s);

    /* Garbage in: each refused, nothing changed, out_id reset. */
    ev = (rectify_evidence)RECTIFY_EVIDENCE_INIT;
    ev.title = "x";
    ev.uri = "oa://x";
    id = SENTINEL_ID;
    REFUSED(rectify_evidence_add(&id, NULL, RECTIFY_KIND_ISSUE, issue, &ev), RECTIFY_E_ARGUMENT);
    CHECK(id == 0);
    id = SENTINEL_ID;
    REFUSED(rectify_evidence_add(&id, g_admin, 0, issue, &ev), RECTIFY_E_ARGUMENT);
    CHECK(id == 0);
    REFUSED(rectify_evidence_add(&id, g_admin, RECTIFY_KIND_ASPECT, issue, &ev), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_evidence_add(&id, g_admin, 77, issue, &ev), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_evidence_add(&id, g_admin, RECTIFY_KIND_ISSUE, 0, &ev), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_evidence_add(&id, g_admin, RECTIFY_KIND_ISSUE, -5, &ev), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_evidence_add(&id, g_admin, RECTIFY_KIND_ISSUE, 999999, &ev), RECTIFY_E_NOT_FOUND);
    REFUSED(rectify_evidence_add(&id, g_admin, RECTIFY_KIND_MEASURE, 999999, &ev), RECTIFY_E_NOT_FOUND);
    REFUSED(rectify_evidence_add(&id, g_admin, RECTIFY_KIND_ISSUE, issue, NULL), RECTIFY_E_ARGUMENT);
    ev.version = 0;
    REFUSED(rectify_evidence_add(&id, g_admin, RECTIFY_KIND_ISSUE, issue, &ev), RECTIFY_E_ARGUMENT);
    ev.version = 99;
    REFUSED(rectify_evidence_add(&id, g_admin, RECTIFY_KIND_ISSUE, issue, &ev), RECTIFY_E_ARGUMENT);
    ev.version = RECTIFY_EVIDENCE_VERSION;
    ev.title = NULL;
    REFUSED(rectify_evidence_add(&id, g_admin, RECTIFY_KIND_ISSUE, issue, &ev), RECTIFY_E_ARGUMENT);
    ev.title = "  ";
    REFUSED(rectify_evidence_add(&id, g_admin, RECTIFY_KIND_ISSUE, issue, &ev), RECTIFY_E_ARGUMENT);
    CHECK_MSG_HAS("title");
    ev.title = "bad \xff title";
    REFUSED(rectify_evidence_add(&id, g_admin, RECTIFY_KIND_ISSUE, issue, &ev), RECTIFY_E_UTF8);
    ev.title = "x";
    ev.uri = NULL;
    REFUSED(rectify_evidence_add(&id, g_admin, RECTIFY_KIND_ISSUE, issue, &ev), RECTIFY_E_ARGUMENT);
    CHECK_MSG_HAS("path or uri");
    ev.path = "/nonexistent/rectify/evidence.pdf";
    REFUSED(rectify_evidence_add(&id, g_admin, RECTIFY_KIND_ISSUE, issue, &ev), RECTIFY_E_IO);
    ev.path = g_tmpdir; /* a directory is not a file to hash */
    REFUSED(rectify_evidence_add(&id, g_admin, RECTIFY_KIND_ISSUE, issue, &ev), RECTIFY_E_IO);
    ev.path = NULL;
    ev.uri = "oa://x";
    ev.media_type = "bad\xc3";
    REFUSED(rectify_evidence_add(&id, g_admin, RECTIFY_KIND_ISSUE, issue, &ev), RECTIFY_E_UTF8);
    ev.media_type = NULL;
    /* Actors: a stranger, a supervisor (reads, does not add), a liaison of another unit. */
    REFUSED(rectify_evidence_add(&id, g_stranger, RECTIFY_KIND_ISSUE, issue, &ev), RECTIFY_E_DENIED);
    REFUSED(rectify_evidence_add(&id, g_supervisor, RECTIFY_KIND_ISSUE, issue, &ev), RECTIFY_E_DENIED);
    CHECK_MSG_HAS("add_progress");
    REFUSED(rectify_evidence_add(&id, g_liaison, RECTIFY_KIND_ISSUE, issue, &ev), RECTIFY_E_DENIED);
    CHECK(id == 0);
    /* The liaison adds to its own unit's issue. */
    CHECK_RC(rectify_evidence_add(&id, g_liaison, RECTIFY_KIND_ISSUE, find(RECTIFY_KIND_ISSUE, INSP1 "/a5/i1"), &ev),
             RECTIFY_OK);

    s = SENTINEL_STR;
    REFUSED(rectify_evidence_list(&s, NULL, RECTIFY_KIND_ISSUE, issue), RECTIFY_E_ARGUMENT);
    CHECK(s == NULL);
    REFUSED(rectify_evidence_list(NULL, g_admin, RECTIFY_KIND_ISSUE, issue), RECTIFY_E_ARGUMENT);
    s = SENTINEL_STR;
    REFUSED(rectify_evidence_list(&s, g_admin, RECTIFY_KIND_UNIT, issue), RECTIFY_E_ARGUMENT);
    CHECK(s == NULL);
    REFUSED(rectify_evidence_list(&s, g_admin, RECTIFY_KIND_ISSUE, 0), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_evidence_list(&s, g_admin, RECTIFY_KIND_ISSUE, 999999), RECTIFY_E_NOT_FOUND);
    REFUSED(rectify_evidence_list(&s, g_stranger, RECTIFY_KIND_ISSUE, issue), RECTIFY_E_DENIED);
    REFUSED(rectify_evidence_list(&s, g_liaison, RECTIFY_KIND_ISSUE, issue), RECTIFY_E_DENIED);
    CHECK(s == NULL);

    /* Verify: intact, then a changed file and a missing one. */
    s = NULL;
    CHECK_RC(rectify_evidence_verify(&s, g_admin, g_insp[2]), RECTIFY_OK);
    CHECK_HAS(s, "\"intact\":true");
    CHECK(json_int(s, "checked") == 2);
    rectify_free(s);
    CHECK_RC(rectify_evidence_verify(NULL, g_admin, g_insp[2]), RECTIFY_OK);
    s = NULL;
    CHECK_RC(rectify_evidence_verify(&s, g_admin, 0), RECTIFY_OK);
    CHECK_HAS(s, "\"intact\":true");
    rectify_free(s);
    s = SENTINEL_STR;
    REFUSED(rectify_evidence_verify(&s, NULL, 0), RECTIFY_E_ARGUMENT);
    CHECK(s == NULL);
    s = SENTINEL_STR;
    REFUSED(rectify_evidence_verify(&s, g_admin, -1), RECTIFY_E_ARGUMENT);
    CHECK(s == NULL);
    REFUSED(rectify_evidence_verify(&s, g_admin, 999999), RECTIFY_E_NOT_FOUND);
    REFUSED(rectify_evidence_verify(&s, g_stranger, g_insp[2]), RECTIFY_E_DENIED);
    REFUSED(rectify_evidence_verify(&s, g_liaison, g_insp[2]), RECTIFY_E_DENIED);
    /* 0 means every inspection the actor reads: for the liaison of unit 1, unit 1's files. */
    s = NULL;
    if (rectify_evidence_verify(&s, g_liaison, 0) == RECTIFY_E_DENIED)
        known_bug("rectify_evidence_verify(inspection 0) denies an actor with a unit-scoped grant instead of checking the "
                  "inspections it reads");
    else
        CHECK_HAS(s, "\"intact\":true");
    rectify_free(s);

    write_file(scan, "receipt of 1155 yuan"); /* altered */
    if (unlink(minutes) != 0)
        fatal("cannot remove the minutes");
    s = NULL;
    REFUSED(rectify_evidence_verify(&s, g_admin, g_insp[2]), RECTIFY_E_TAMPERED);
    CHECK_HAS(s, "\"intact\":false");
    CHECK(json_int(s, "checked") == 2);
    CHECK_HAS(s, "\"changed\":[{");
    CHECK_HAS(s, "\"missing\":[{");
    if (s != NULL) {
        const char *changed = strstr(s, "\"changed\":"), *missing = strstr(s, "\"missing\":");
        CHECK(changed != NULL && missing != NULL);
        if (changed != NULL && missing != NULL) {
            /* The changed list names the scan (with its new size), the missing one the minutes. */
            const char *scan_at = strstr(changed, "缴款凭证"), *minutes_at = strstr(missing, "会议记录");
            CHECK(scan_at != NULL && (missing < changed || scan_at < missing));
            CHECK(minutes_at != NULL && (changed > missing || minutes_at > changed));
            CHECK(count_text(s, "\"now_size\":20") == 1);
        }
    }
    rectify_free(s);
    CHECK_RC(rectify_evidence_verify(NULL, g_admin, 0), RECTIFY_E_TAMPERED);
    /* The other inspections' evidence is still as recorded. */
    CHECK_RC(rectify_evidence_verify(NULL, g_admin, g_insp[1]), RECTIFY_OK);
}

/* ------------------------------------------------------------------------------------------ */
/* Close-out and its guards                                                                    */

static void test_close_out(void)
{
    rectify_evidence ev = RECTIFY_EVIDENCE_INIT;
    const int64_t issue = find(RECTIFY_KIND_ISSUE, INSP1 "/a6/i1"); /* two measures, both done */
    const int64_t m1 = find(RECTIFY_KIND_MEASURE, INSP1 "/a6/i1/m1");
    const int64_t m2 = find(RECTIFY_KIND_MEASURE, INSP1 "/a6/i1/m2"); /* owner1's */
    const int64_t open_issue = find(RECTIFY_KIND_ISSUE, INSP1 "/a1/i1"); /* measures in progress */
    const int64_t bare = find(RECTIFY_KIND_ISSUE, INSP1 "/a6/i4");
    int64_t v = SENTINEL_ID;
    char *s, *doc, buf[256];
    size_t len;
    const char *defaults = "{\"measures_done\":true,\"min_evidence\":1,\"verifier_not_owner\":true}";
    g_phase = "close-out";

    s = NULL;
    CHECK_RC(rectify_close_out_guards(&s, g_liaison), RECTIFY_OK); /* anyone who reads */
    CHECK(s != NULL && strcmp(s, defaults) == 0);
    rectify_free(s);

    /* Dated before the inspection began on site (2018-09-19): refused, both dates named, before
     * any guard is asked; progress likewise. */
    REFUSED(rectify_close_out(&v, g_admin, issue, "2018-09-18", NULL), RECTIFY_E_ARGUMENT);
    CHECK(v == 0);
    CHECK_MSG_HAS("date: 2018-09-18 is before inspection ");
    CHECK_MSG_HAS(" began on site (2018-09-19)");
    REFUSED(rectify_progress_add(NULL, g_admin, m1, "2018-09-18", "进驻前召开会议", NULL), RECTIFY_E_ARGUMENT);
    CHECK_MSG_HAS("date: 2018-09-18 is before inspection ");

    /* Guard min_evidence: no evidence yet. */
    REFUSED(rectify_close_out(&v, g_admin, issue, "2019-02-01", NULL), RECTIFY_E_GUARD);
    CHECK(v == 0);
    snprintf(buf, sizeof buf, "issue %" PRId64 ": close-out refused by guard min_evidence: 0 evidence items attached, 1 required", issue);
    CHECK(strcmp(rectify_errmsg(), buf) == 0);

    ev.title = "缴款凭证";
    ev.uri = "oa://receipts/2019-01-18";
    MUST(rectify_evidence_add(NULL, g_admin, RECTIFY_KIND_MEASURE, m1, &ev));

    /* Guard verifier_not_owner: owner1 may close out in its unit, but is m2's 责任人. */
    v = SENTINEL_ID;
    REFUSED(rectify_close_out(&v, g_owner, issue, "2019-02-01", NULL), RECTIFY_E_GUARD);
    CHECK(v == 0);
    CHECK_MSG_HAS("guard verifier_not_owner: 'owner1' is the responsible person of measure");

    /* Guard measures_done: a measure back in progress. */
    MUST(rectify_status_set(NULL, g_admin, RECTIFY_KIND_MEASURE, m2, RECTIFY_STATUS_IN_PROGRESS, 0));
    REFUSED(rectify_close_out(&v, g_admin, issue, "2019-02-01", NULL), RECTIFY_E_GUARD);
    snprintf(buf, sizeof buf, "guard measures_done: measure %" PRId64 " (", m2);
    CHECK_MSG_HAS(buf);
    CHECK_MSG_HAS("is in_progress");
    MUST(rectify_status_set(NULL, g_admin, RECTIFY_KIND_MEASURE, m2, RECTIFY_STATUS_DONE, 0));

    /* Every other route to closed goes through the same guards: status_set and import. */
    REFUSED(rectify_status_set(NULL, g_admin, RECTIFY_KIND_ISSUE, open_issue, RECTIFY_STATUS_CLOSED, 0), RECTIFY_E_GUARD);
    CHECK_MSG_HAS("guard measures_done");
    REFUSED(rectify_status_set(NULL, g_admin, RECTIFY_KIND_ISSUE, bare, RECTIFY_STATUS_CLOSED, 0), RECTIFY_E_GUARD);
    CHECK_MSG_HAS("guard min_evidence");
    /* a4/i1: every measure in progress, no evidence, used nowhere else (so that the known bug
       below, when it reproduces, leaves the rest of the run meaningful). */
    doc = replace_first(g_doc1, "\"ref\": \"" INSP1 "/a4/i1\"", "\"status\": \"done\"", "\"status\": \"closed\"");
    {
        snapshot before, after;
        int rc;
        take(&before);
        rc = import_text(g_admin, doc);
        if (rc == RECTIFY_OK && status_is(RECTIFY_KIND_ISSUE, find(RECTIFY_KIND_ISSUE, INSP1 "/a4/i1"), "closed")) {
            known_bug("an import that sets an issue to closed skips the close-out guards: a4/i1 closed with every measure "
                      "in progress and no evidence, and no close-out recorded");
        } else {
            CHECK_RC(rc, RECTIFY_E_GUARD);
            CHECK_MSG_HAS("guard measures_done");
            take(&after);
            CHECK(same(&before, &after));
            release(&after);
        }
        release(&before);
    }
    free(doc);

    /* Not allowed at all: denied before any guard is asked. */
    REFUSED(rectify_close_out(&v, g_liaison, issue, "2019-02-01", NULL), RECTIFY_E_DENIED);
    CHECK_MSG_HAS("close_out");
    REFUSED(rectify_close_out(&v, g_stranger, issue, "2019-02-01", NULL), RECTIFY_E_DENIED);

    /* Garbage. */
    v = SENTINEL_ID;
    REFUSED(rectify_close_out(&v, NULL, issue, "2019-02-01", NULL), RECTIFY_E_ARGUMENT);
    CHECK(v == 0);
    REFUSED(rectify_close_out(&v, g_admin, 0, "2019-02-01", NULL), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_close_out(&v, g_admin, -1, "2019-02-01", NULL), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_close_out(&v, g_admin, 999999, "2019-02-01", NULL), RECTIFY_E_NOT_FOUND);
    REFUSED(rectify_close_out(&v, g_admin, issue, NULL, NULL), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_close_out(&v, g_admin, issue, "2019-02-30", NULL), RECTIFY_E_ARGUMENT);
    CHECK_MSG_HAS("2019-02-30");
    REFUSED(rectify_close_out(&v, g_admin, issue, "yesterday", NULL), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_close_out(&v, g_admin, issue, "2019-02-01", "bad \xe4\xb8"), RECTIFY_E_UTF8);
    CHECK(v == 0);

    /* Guards: get and set, refused ways first. */
    s = SENTINEL_STR;
    REFUSED(rectify_close_out_guards(&s, NULL), RECTIFY_E_ARGUMENT);
    CHECK(s == NULL);
    REFUSED(rectify_close_out_guards(NULL, g_admin), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_close_out_guards(&s, g_stranger), RECTIFY_E_DENIED);
    {
        static const struct {
            const char *json;
            int want;
        } bad[] = {
            {"", RECTIFY_E_JSON},
            {"{", RECTIFY_E_JSON},
            {"[]", RECTIFY_E_INVALID},
            {"{\"min_evidence\": -1}", RECTIFY_E_INVALID},
            {"{\"min_evidence\": 1001}", RECTIFY_E_INVALID},
            {"{\"min_evidence\": \"1\"}", RECTIFY_E_INVALID},
            {"{\"measures_done\": 1}", RECTIFY_E_INVALID},
            {"{\"bogus\": true}", RECTIFY_E_INVALID},
        };
        size_t i;
        for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
            char *j = exact(bad[i].json, &len);
            if (!REFUSED(rectify_close_out_guards_set(g_admin, j, len), bad[i].want))
                fprintf(stderr, "    (guards %s)\n", bad[i].json);
            free(j);
        }
        doc = exact("{\"min_evidence\": 0}", &len);
        REFUSED(rectify_close_out_guards_set(NULL, doc, len), RECTIFY_E_ARGUMENT);
        REFUSED(rectify_close_out_guards_set(g_admin, NULL, 5), RECTIFY_E_ARGUMENT);
        REFUSED(rectify_close_out_guards_set(g_supervisor, doc, len), RECTIFY_E_DENIED);
        CHECK_MSG_HAS("configure");
        REFUSED(rectify_close_out_guards_set(g_owner, doc, len), RECTIFY_E_DENIED);
        REFUSED(rectify_close_out_guards_set(g_stranger, doc, len), RECTIFY_E_DENIED);
        /* Configurable: without the evidence rule, the bare issue closes by status_set. */
        CHECK_RC(rectify_close_out_guards_set(g_admin, doc, len), RECTIFY_OK);
        free(doc);
    }
    s = NULL;
    CHECK_RC(rectify_close_out_guards(&s, g_admin), RECTIFY_OK);
    CHECK(s != NULL && strcmp(s, "{\"measures_done\":true,\"min_evidence\":0,\"verifier_not_owner\":true}") == 0);
    rectify_free(s);
    CHECK_RC(rectify_status_set(NULL, g_admin, RECTIFY_KIND_ISSUE, bare, RECTIFY_STATUS_CLOSED, 0), RECTIFY_OK);
    CHECK(status_is(RECTIFY_KIND_ISSUE, bare, "closed"));
    doc = exact("{}", &len); /* keys left out keep their defaults */
    CHECK_RC(rectify_close_out_guards_set(g_admin, doc, len), RECTIFY_OK);
    free(doc);
    s = NULL;
    CHECK_RC(rectify_close_out_guards(&s, g_admin), RECTIFY_OK);
    CHECK(s != NULL && strcmp(s, defaults) == 0);
    rectify_free(s);

    /* Every guard holds: supervisor1 closes out; the close-out keeps its verifier, date, note. */
    v = SENTINEL_ID;
    CHECK_RC(rectify_close_out(&v, g_supervisor, issue, "2019-02-02", "核实追缴到位"), RECTIFY_OK);
    CHECK(v > 0 && v == record_int(RECTIFY_KIND_ISSUE, issue, "version"));
    CHECK(status_is(RECTIFY_KIND_ISSUE, issue, "closed"));
    s = NULL;
    CHECK_RC(rectify_close_out_list(&s, g_liaison, issue), RECTIFY_OK);
    CHECK(count_text(s, "\"verifier\":") == 1);
    CHECK_HAS(s, "\"verifier\":\"supervisor1\"");
    CHECK_HAS(s, "\"closed_on\":\"2019-02-02\"");
    CHECK_HAS(s, "\"note\":\"核实追缴到位\"");
    rectify_free(s);
    /* Closed already. */
    REFUSED(rectify_close_out(&v, g_admin, issue, "2019-02-03", NULL), RECTIFY_E_MISUSE);
    CHECK_MSG_HAS("closed out already");

    s = SENTINEL_STR;
    REFUSED(rectify_close_out_list(&s, NULL, issue), RECTIFY_E_ARGUMENT);
    CHECK(s == NULL);
    REFUSED(rectify_close_out_list(NULL, g_admin, issue), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_close_out_list(&s, g_admin, 0), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_close_out_list(&s, g_admin, 999999), RECTIFY_E_NOT_FOUND);
    REFUSED(rectify_close_out_list(&s, g_stranger, issue), RECTIFY_E_DENIED);
    REFUSED(rectify_close_out_list(&s, g_liaison, find(RECTIFY_KIND_ISSUE, INSP2 "/a6/i1")), RECTIFY_E_DENIED);
    CHECK(s == NULL);

    /* Substantially done (基本完成) is a state of its own: it is not closed out. */
    {
        const int64_t sub = find(RECTIFY_KIND_ISSUE, INSP1 "/a3/i1");
        MUST(rectify_status_set(NULL, g_admin, RECTIFY_KIND_ISSUE, sub, RECTIFY_STATUS_IN_PROGRESS, 0));
        MUST(rectify_status_set(NULL, g_admin, RECTIFY_KIND_ISSUE, sub, RECTIFY_STATUS_SUBSTANTIALLY_DONE, 0));
        MUST(rectify_evidence_add(NULL, g_admin, RECTIFY_KIND_ISSUE, sub, &ev));
        REFUSED(rectify_close_out(&v, g_admin, sub, "2019-02-02", NULL), RECTIFY_E_TRANSITION);
        MUST(rectify_status_set(NULL, g_admin, RECTIFY_KIND_ISSUE, sub, RECTIFY_STATUS_DONE, 0));
    }
}

/* ------------------------------------------------------------------------------------------ */
/* A round-level look-back across three units                                                  */

static void test_review(void)
{
    rectify_evidence ev = RECTIFY_EVIDENCE_INIT;
    const int64_t a = find(RECTIFY_KIND_ISSUE, INSP1 "/a3/i1"); /* held */
    const int64_t b = find(RECTIFY_KIND_ISSUE, INSP2 "/a6/i2"); /* closed, then relapsed */
    const int64_t c = find(RECTIFY_KIND_ISSUE, INSP3 "/a1/i1"); /* false rectification */
    const int64_t b_m1 = find(RECTIFY_KIND_MEASURE, INSP2 "/a6/i2/m1");
    const int64_t b_m2 = find(RECTIFY_KIND_MEASURE, INSP2 "/a6/i2/m2");
    const char *new_measures = "[{\"title\": \"重新规范公务用车审批\", \"deadline\": \"2019-08-31\", \"person\": \"办公室主任\"}]";
    int64_t review = SENTINEL_ID, narrow = 0, id = SENTINEL_ID, v;
    size_t progress_b, measures_b;
    char *s, buf[128];
    g_phase = "review";

    /* b is closed out properly first, so the relapse reopens a closed issue. */
    ev.title = "整改报告";
    ev.uri = "oa://zonggonghui/a6/i2";
    MUST(rectify_evidence_add(NULL, g_admin, RECTIFY_KIND_ISSUE, b, &ev));
    MUST(rectify_close_out(&v, g_admin, b, "2019-01-20", NULL));
    progress_b = children(RECTIFY_KIND_PROGRESS, b_m1) + children(RECTIFY_KIND_PROGRESS, b_m2);
    measures_b = children(RECTIFY_KIND_MEASURE, b);
    CHECK(progress_b > 0 && measures_b == 2);

    /* Scheduling: refused ways, then the round. */
    REFUSED(rectify_review_schedule(&review, NULL, RECTIFY_REVIEW_ROUND, g_round, "2019-06-01", "小组", NULL), RECTIFY_E_ARGUMENT);
    CHECK(review == 0);
    REFUSED(rectify_review_schedule(&review, g_admin, 0, g_round, "2019-06-01", "小组", NULL), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_review_schedule(&review, g_admin, 3, g_round, "2019-06-01", "小组", NULL), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_review_schedule(&review, g_admin, RECTIFY_REVIEW_ROUND, 0, "2019-06-01", "小组", NULL), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_review_schedule(&review, g_admin, RECTIFY_REVIEW_ROUND, 999999, "2019-06-01", "小组", NULL), RECTIFY_E_NOT_FOUND);
    REFUSED(rectify_review_schedule(&review, g_admin, RECTIFY_REVIEW_INSPECTION, 999999, "2019-06-01", "小组", NULL), RECTIFY_E_NOT_FOUND);
    REFUSED(rectify_review_schedule(&review, g_admin, RECTIFY_REVIEW_ROUND, g_round, NULL, "小组", NULL), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_review_schedule(&review, g_admin, RECTIFY_REVIEW_ROUND, g_round, "2019-13-01", "小组", NULL), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_review_schedule(&review, g_admin, RECTIFY_REVIEW_ROUND, g_round, "2019-06-01", NULL, NULL), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_review_schedule(&review, g_admin, RECTIFY_REVIEW_ROUND, g_round, "2019-06-01", "", NULL), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_review_schedule(&review, g_admin, RECTIFY_REVIEW_ROUND, g_round, "2019-06-01", "小组", "\xc0\x80"), RECTIFY_E_UTF8);
    REFUSED(rectify_review_schedule(&review, g_liaison, RECTIFY_REVIEW_ROUND, g_round, "2019-06-01", "小组", NULL), RECTIFY_E_DENIED);
    REFUSED(rectify_review_schedule(&review, g_stranger, RECTIFY_REVIEW_ROUND, g_round, "2019-06-01", "小组", NULL), RECTIFY_E_DENIED);
    CHECK(review == 0);
    CHECK_RC(rectify_review_schedule(&review, g_admin, RECTIFY_REVIEW_ROUND, g_round, "2019-06-01", "市委巡察办回头看小组",
                                     "2019年回头看"),
             RECTIFY_OK);
    CHECK(review > 0);
    CHECK_RC(rectify_review_schedule(&narrow, g_admin, RECTIFY_REVIEW_INSPECTION, g_insp[0], "2019-06-01", "回头看小组", NULL),
             RECTIFY_OK);
    CHECK(narrow > review);

    /* Verdicts across the three units, by a supervisor. */
    CHECK_RC(rectify_review_verdict(&id, g_supervisor, review, a, "held", "2019-06-10", NULL, NULL), RECTIFY_OK);
    CHECK(id > 0);
    CHECK(status_is(RECTIFY_KIND_ISSUE, a, "done"));
    CHECK(record_int(RECTIFY_KIND_ISSUE, a, "relapse_count") == 0);
    CHECK_RC(rectify_review_verdict(&id, g_supervisor, review, b, "relapsed", "2019-06-10", "公务用车又未经平台审批",
                                    new_measures),
             RECTIFY_OK);
    CHECK_RC(rectify_review_verdict(NULL, g_supervisor, review, c, "false", "2019-06-11", "会议记录系补写", NULL), RECTIFY_OK);

    /* The relapse reopened the same issue and kept its history. */
    CHECK(status_is(RECTIFY_KIND_ISSUE, b, "reopened"));
    CHECK(record_int(RECTIFY_KIND_ISSUE, b, "relapse_count") == 1);
    CHECK(children(RECTIFY_KIND_MEASURE, b) == measures_b + 1);
    CHECK(children(RECTIFY_KIND_PROGRESS, b_m1) + children(RECTIFY_KIND_PROGRESS, b_m2) == progress_b);
    CHECK(status_is(RECTIFY_KIND_MEASURE, b_m1, "done") && status_is(RECTIFY_KIND_MEASURE, b_m2, "done"));
    {
        const int64_t r1 = find(RECTIFY_KIND_MEASURE, INSP2 "/a6/i2/r1m1");
        s = record(RECTIFY_KIND_MEASURE, r1);
        CHECK_HAS(s, "\"title\":\"重新规范公务用车审批\"");
        CHECK_HAS(s, "\"deadline\":\"2019-08-31\"");
        CHECK_HAS(s, "\"status\":\"not_started\"");
        rectify_free(s);
    }
    s = NULL;
    CHECK_RC(rectify_close_out_list(&s, g_admin, b), RECTIFY_OK);
    CHECK_HAS(s, "\"closed_on\":\"2019-01-20\""); /* the close-out stays on record */
    rectify_free(s);
    s = NULL;
    CHECK_RC(rectify_audit_log(&s, g_admin, RECTIFY_KIND_ISSUE, b, 0, 0), RECTIFY_OK);
    CHECK_HAS(s, "\"action\":\"close_out\"");
    CHECK(s != NULL && strstr(s, "\"action\":\"relapse\"") > strstr(s, "\"action\":\"close_out\""));
    rectify_free(s);
    CHECK(status_is(RECTIFY_KIND_ISSUE, c, "in_progress")); /* was done */
    CHECK(record_int(RECTIFY_KIND_ISSUE, c, "relapse_count") == 1);

    /* Refused verdicts change nothing. */
    id = SENTINEL_ID;
    REFUSED(rectify_review_verdict(&id, g_supervisor, review, a, "held", "2019-06-12", NULL, NULL), RECTIFY_E_DUPLICATE);
    CHECK(id == 0);
    {
        /* The message names the issue (id and ref) and the review, never SQLite's text. */
        char want[256];
        snprintf(want, sizeof want, "issue %lld (" INSP1 "/a3/i1) already has a verdict in review %lld", (long long)a,
                 (long long)review);
        CHECK_MSG_HAS(want);
        CHECK(strstr(rectify_errmsg(), "UNIQUE") == NULL && strstr(rectify_errmsg(), "constraint") == NULL);
    }
    {
        const int64_t d = find(RECTIFY_KIND_ISSUE, INSP2 "/a3/i1");
        REFUSED(rectify_review_verdict(&id, g_supervisor, review, d, "relapsed", "2019-06-12", NULL, NULL), RECTIFY_E_ARGUMENT);
        CHECK_MSG_HAS("findings");
        REFUSED(rectify_review_verdict(&id, g_supervisor, review, d, "maybe", "2019-06-12", NULL, NULL), RECTIFY_E_ARGUMENT);
        REFUSED(rectify_review_verdict(&id, g_supervisor, review, d, "HELD", "2019-06-12", NULL, NULL), RECTIFY_E_ARGUMENT);
        REFUSED(rectify_review_verdict(&id, g_supervisor, review, d, "held", "2019-05-31", NULL, NULL), RECTIFY_E_ARGUMENT);
        REFUSED(rectify_review_verdict(&id, g_supervisor, review, d, "held", "2019-6-12", NULL, NULL), RECTIFY_E_ARGUMENT);
        REFUSED(rectify_review_verdict(&id, g_supervisor, review, d, "held", "2019-06-12", NULL, new_measures), RECTIFY_E_ARGUMENT);
        REFUSED(rectify_review_verdict(&id, g_supervisor, review, d, "relapsed", "2019-06-12", "x", "["), RECTIFY_E_JSON);
        REFUSED(rectify_review_verdict(&id, g_supervisor, review, d, "relapsed", "2019-06-12", "x", "{}"), RECTIFY_E_INVALID);
        REFUSED(rectify_review_verdict(&id, g_supervisor, review, d, "relapsed", "2019-06-12", "x", "[{\"title\": \"无时限\"}]"),
                RECTIFY_E_INVALID);
        CHECK_MSG_HAS("deadline");
        REFUSED(rectify_review_verdict(&id, g_supervisor, review, d, "relapsed", "2019-06-12", "x",
                                       "[{\"title\": \"t\", \"deadline\": \"2019-02-30\"}]"),
                RECTIFY_E_INVALID);
        REFUSED(rectify_review_verdict(&id, g_supervisor, review, d, "relapsed", "2019-06-12", "x",
                                       "[{\"title\": \"t\", \"deadline\": \"2019-09-30\", \"bogus\": 1}]"),
                RECTIFY_E_INVALID);
        REFUSED(rectify_review_verdict(&id, g_supervisor, review, d, "relapsed", "2019-06-12", "bad \xff", NULL), RECTIFY_E_UTF8);
        REFUSED(rectify_review_verdict(&id, NULL, review, d, "held", "2019-06-12", NULL, NULL), RECTIFY_E_ARGUMENT);
        REFUSED(rectify_review_verdict(&id, g_supervisor, 0, d, "held", "2019-06-12", NULL, NULL), RECTIFY_E_ARGUMENT);
        REFUSED(rectify_review_verdict(&id, g_supervisor, review, 0, "held", "2019-06-12", NULL, NULL), RECTIFY_E_ARGUMENT);
        REFUSED(rectify_review_verdict(&id, g_supervisor, review, d, NULL, "2019-06-12", NULL, NULL), RECTIFY_E_ARGUMENT);
        REFUSED(rectify_review_verdict(&id, g_supervisor, review, d, "held", NULL, NULL, NULL), RECTIFY_E_ARGUMENT);
        REFUSED(rectify_review_verdict(&id, g_supervisor, 999999, d, "held", "2019-06-12", NULL, NULL), RECTIFY_E_NOT_FOUND);
        REFUSED(rectify_review_verdict(&id, g_supervisor, review, 999999, "held", "2019-06-12", NULL, NULL), RECTIFY_E_NOT_FOUND);
        /* A review of one inspection covers only its issues. */
        REFUSED(rectify_review_verdict(&id, g_supervisor, narrow, d, "held", "2019-06-12", NULL, NULL), RECTIFY_E_INVALID);
        /* Liaisons and inspectors do not judge; owner1 is a supervisor of unit 1 only. */
        REFUSED(rectify_review_verdict(&id, g_liaison, narrow, find(RECTIFY_KIND_ISSUE, INSP1 "/a2/i1"), "held", "2019-06-12",
                                       NULL, NULL),
                RECTIFY_E_DENIED);
        CHECK_MSG_HAS("close_out");
        REFUSED(rectify_review_verdict(&id, g_owner, review, d, "held", "2019-06-12", NULL, NULL), RECTIFY_E_DENIED);
        REFUSED(rectify_review_verdict(&id, g_stranger, review, d, "held", "2019-06-12", NULL, NULL), RECTIFY_E_DENIED);
        CHECK(id == 0);
    }

    /* The report. */
    s = NULL;
    CHECK_RC(rectify_review_report(&s, g_supervisor, review), RECTIFY_OK);
    CHECK_HAS(s, "\"counts\":{\"held\":1,\"relapsed\":1,\"incomplete\":0,\"false\":1}");
    CHECK(count_text(s, "\"verdict\":") == 3);
    CHECK_HAS(s, "\"label\":\"巩固\"");
    CHECK_HAS(s, "\"label\":\"反弹\"");
    CHECK_HAS(s, "\"label\":\"虚假整改\"");
    CHECK_HAS(s, "\"findings\":\"会议记录系补写\"");
    CHECK_HAS(s, "\"team\":\"市委巡察办回头看小组\"");
    CHECK_HAS(s, "\"scope_kind\":\"round\"");
    {
        const char *reopened = s ? strstr(s, "\"reopened\":[") : NULL;
        CHECK(reopened != NULL);
        if (reopened != NULL) {
            snprintf(buf, sizeof buf, "\"issue_id\":%" PRId64 ",", b);
            CHECK_HAS(reopened, buf);
            snprintf(buf, sizeof buf, "\"issue_id\":%" PRId64 ",", c);
            CHECK_HAS(reopened, buf);
            snprintf(buf, sizeof buf, "\"issue_id\":%" PRId64 ",", a);
            CHECK(strstr(reopened, buf) == NULL);
            CHECK_HAS(reopened, "\"status\":\"reopened\"");
        }
    }
    rectify_free(s);
    s = SENTINEL_STR;
    REFUSED(rectify_review_report(&s, NULL, review), RECTIFY_E_ARGUMENT);
    CHECK(s == NULL);
    REFUSED(rectify_review_report(NULL, g_admin, review), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_review_report(&s, g_admin, 0), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_review_report(&s, g_admin, 999999), RECTIFY_E_NOT_FOUND);
    REFUSED(rectify_review_report(&s, g_stranger, review), RECTIFY_E_DENIED);
    CHECK(s == NULL);
    /* The liaison of unit 1 reads the review of its own inspection. */
    s = NULL;
    CHECK_RC(rectify_review_report(&s, g_liaison, narrow), RECTIFY_OK);
    CHECK_HAS(s, "\"counts\":{\"held\":0,\"relapsed\":0,\"incomplete\":0,\"false\":0}");
    rectify_free(s);

    /* Blank findings are no findings. Probed on a review of its own, the last verdict on d. */
    {
        const int64_t d = find(RECTIFY_KIND_ISSUE, INSP2 "/a3/i1");
        int64_t probe = 0;
        int rc;
        MUST(rectify_review_schedule(&probe, g_admin, RECTIFY_REVIEW_ROUND, g_round, "2019-07-01", "复查小组", NULL));
        take(&g_before);
        rc = rectify_review_verdict(NULL, g_supervisor, probe, d, "relapsed", "2019-07-02", "   ", NULL);
        if (rc == RECTIFY_OK) {
            release(&g_before);
            known_bug("rectify_review_verdict accepts blank findings (\"   \") for a relapsed verdict, which must say what was found");
        } else {
            refused_impl(rc, RECTIFY_E_ARGUMENT, "blank findings", __FILE__, __LINE__);
        }
    }

    /* An incomplete verdict on a closed issue of the narrow review reopens it too. */
    CHECK_RC(rectify_review_verdict(NULL, g_owner, narrow, find(RECTIFY_KIND_ISSUE, INSP1 "/a6/i4"), "incomplete", "2019-06-05",
                                    "账户未实际使用", NULL),
             RECTIFY_OK);
    CHECK(status_is(RECTIFY_KIND_ISSUE, find(RECTIFY_KIND_ISSUE, INSP1 "/a6/i4"), "reopened"));
}

/* ------------------------------------------------------------------------------------------ */
/* Follow-ups: a missed one turns the measure red                                              */

static int64_t g_followed;
static char g_light[16];

static int light_row(void *ctx, const char *row, size_t len)
{
    char want[64];
    const char *l;
    (void)ctx;
    (void)len;
    snprintf(want, sizeof want, "\"id\":%" PRId64 ",", g_followed);
    if (strstr(row, want) == NULL)
        return 0;
    l = strstr(row, "\"light\":\"");
    if (l != NULL)
        snprintf(g_light, sizeof g_light, "%.*s", (int)strcspn(l + 9, "\""), l + 9);
    return 0;
}

static const char *light_on(const char *as_of)
{
    rectify_warning_options o = RECTIFY_WARNING_OPTIONS_INIT;
    char *all = NULL;
    o.as_of = as_of;
    o.inspection_id = g_insp[0];
    snprintf(g_light, sizeof g_light, "absent");
    MUST(rectify_warnings_each(g_admin, &o, light_row, NULL));
    /* The whole answer says the same as the stream. */
    MUST(rectify_warnings(&all, g_admin, &o));
    rectify_free(all);
    return g_light;
}

static void test_followups(void)
{
    const int64_t m = find(RECTIFY_KIND_MEASURE, INSP1 "/a1/i1/m3"); /* ongoing (长期坚持) */
    const int64_t unplanned = find(RECTIFY_KIND_MEASURE, INSP1 "/a1/i1/m4");
    const int64_t deadline_measure = find(RECTIFY_KIND_MEASURE, INSP1 "/a6/i1/m1");
    rectify_warning_options o = RECTIFY_WARNING_OPTIONS_INIT;
    int64_t id = SENTINEL_ID;
    char *s;
    g_phase = "followups";
    g_followed = m;

    REFUSED(rectify_followup_plan(NULL, m, "quarterly", "2019-01-31"), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_followup_plan(g_admin, 0, "quarterly", "2019-01-31"), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_followup_plan(g_admin, 999999, "quarterly", "2019-01-31"), RECTIFY_E_NOT_FOUND);
    REFUSED(rectify_followup_plan(g_admin, m, NULL, "2019-01-31"), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_followup_plan(g_admin, m, "weekly", "2019-01-31"), RECTIFY_E_ARGUMENT);
    CHECK_MSG_HAS("monthly, quarterly, half_yearly, yearly");
    REFUSED(rectify_followup_plan(g_admin, m, "quarterly", NULL), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_followup_plan(g_admin, m, "quarterly", "2019-02-29"), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_followup_plan(g_admin, deadline_measure, "monthly", "2019-01-31"), RECTIFY_E_MISUSE);
    CHECK_MSG_HAS("ongoing");
    REFUSED(rectify_followup_plan(g_supervisor, m, "quarterly", "2019-01-31"), RECTIFY_E_DENIED);
    CHECK_MSG_HAS("change_status");
    REFUSED(rectify_followup_plan(g_stranger, m, "quarterly", "2019-01-31"), RECTIFY_E_DENIED);
    CHECK_RC(rectify_followup_plan(g_liaison, m, "quarterly", "2019-01-31"), RECTIFY_OK);

    REFUSED(rectify_followup_record(&id, NULL, m, "2019-04-20", "x"), RECTIFY_E_ARGUMENT);
    CHECK(id == 0);
    REFUSED(rectify_followup_record(&id, g_admin, 0, "2019-04-20", "x"), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_followup_record(&id, g_admin, 999999, "2019-04-20", "x"), RECTIFY_E_NOT_FOUND);
    REFUSED(rectify_followup_record(&id, g_admin, m, NULL, "x"), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_followup_record(&id, g_admin, m, "20190420", "x"), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_followup_record(&id, g_admin, m, "2019-04-20", NULL), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_followup_record(&id, g_admin, m, "2019-04-20", "  \n "), RECTIFY_E_ARGUMENT);
    CHECK_MSG_HAS("narrative");
    REFUSED(rectify_followup_record(&id, g_admin, m, "2019-04-20", "\xed\xa0\x80"), RECTIFY_E_UTF8);
    REFUSED(rectify_followup_record(&id, g_admin, unplanned, "2019-04-20", "x"), RECTIFY_E_MISUSE);
    REFUSED(rectify_followup_record(&id, g_supervisor, m, "2019-04-20", "x"), RECTIFY_E_DENIED);
    REFUSED(rectify_followup_record(&id, g_stranger, m, "2019-04-20", "x"), RECTIFY_E_DENIED);
    CHECK(id == 0);
    CHECK_RC(rectify_followup_record(&id, g_liaison, m, "2019-04-20", "支部会议按月召开，记录完整。"), RECTIFY_OK);
    CHECK(id > 0);

    CHECK(strcmp(light_on("2019-04-30"), "blue") == 0); /* the first quarter ended with a follow-up */
    CHECK(strcmp(light_on("2019-07-30"), "blue") == 0); /* the second has not ended */
    CHECK(strcmp(light_on("2019-07-31"), "blue") == 0); /* its last day still belongs to it */
    CHECK(strcmp(light_on("2019-08-01"), "red") == 0);  /* it ended with none */

    o.as_of = "2019-07-31";
    s = NULL;
    CHECK_RC(rectify_followups_due(&s, g_admin, 10, &o), RECTIFY_OK);
    CHECK_HAS(s, "\"missed\":false");
    CHECK_HAS(s, "\"next_due\":\"2019-07-31\"");
    rectify_free(s);
    o.as_of = "2019-08-01";
    s = NULL;
    CHECK_RC(rectify_followups_due(&s, g_admin, 10, &o), RECTIFY_OK);
    CHECK(count_text(s, "\"measure_id\":") == 1);
    CHECK_HAS(s, "\"missed\":true");
    CHECK_HAS(s, "\"cadence\":\"quarterly\"");
    CHECK_HAS(s, "\"last_due\":\"2019-07-31\"");
    CHECK_HAS(s, "\"next_due\":\"2019-10-31\"");
    CHECK_HAS(s, "\"last_followup\":\"2019-04-20\"");
    rectify_free(s);
    /* Before the quarter ends: due soon within 10 days, not missed; not due within 0. */
    o.as_of = "2019-07-25";
    s = NULL;
    CHECK_RC(rectify_followups_due(&s, g_liaison, 10, &o), RECTIFY_OK);
    CHECK_HAS(s, "\"missed\":false");
    rectify_free(s);
    s = NULL;
    CHECK_RC(rectify_followups_due(&s, g_admin, 0, &o), RECTIFY_OK);
    CHECK(s != NULL && strcmp(s, "[]") == 0);
    rectify_free(s);
    /* Scope: another inspection has none. */
    o.inspection_id = g_insp[1];
    o.as_of = "2019-07-31";
    s = NULL;
    CHECK_RC(rectify_followups_due(&s, g_admin, 10, &o), RECTIFY_OK);
    CHECK(s != NULL && strcmp(s, "[]") == 0);
    rectify_free(s);
    o.inspection_id = 0;

    s = SENTINEL_STR;
    REFUSED(rectify_followups_due(&s, NULL, 10, &o), RECTIFY_E_ARGUMENT);
    CHECK(s == NULL);
    REFUSED(rectify_followups_due(NULL, g_admin, 10, &o), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_followups_due(&s, g_admin, -1, &o), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_followups_due(&s, g_admin, 100000, &o), RECTIFY_E_ARGUMENT);
    o.version = 0;
    REFUSED(rectify_followups_due(&s, g_admin, 10, &o), RECTIFY_E_ARGUMENT);
    o.version = 999;
    REFUSED(rectify_followups_due(&s, g_admin, 10, &o), RECTIFY_E_ARGUMENT);
    o.version = RECTIFY_WARNING_OPTIONS_VERSION;
    o.as_of = "2019-07-32";
    REFUSED(rectify_followups_due(&s, g_admin, 10, &o), RECTIFY_E_ARGUMENT);
    o.as_of = "2019-07-31";
    o.inspection_id = -1;
    REFUSED(rectify_followups_due(&s, g_admin, 10, &o), RECTIFY_E_ARGUMENT);
    o.inspection_id = 0;
    REFUSED(rectify_followups_due(&s, g_stranger, 10, &o), RECTIFY_E_DENIED);
    CHECK(s == NULL);
    /* NULL options: today, everything the actor reads. */
    s = NULL;
    CHECK_RC(rectify_followups_due(&s, g_admin, 10, NULL), RECTIFY_OK);
    CHECK(s != NULL && s[0] == '[');
    rectify_free(s);

    /* Recording the missed follow-up turns it blue again. */
    CHECK_RC(rectify_followup_record(NULL, g_admin, m, "2019-07-31", "第二季度检查。"), RECTIFY_OK);
    CHECK(strcmp(light_on("2019-07-31"), "blue") == 0);
}

/* ------------------------------------------------------------------------------------------ */
/* Evaluation                                                                                  */

static void test_evaluate(void)
{
    const int64_t issue = find(RECTIFY_KIND_ISSUE, INSP1 "/a6/i2");
    const int64_t other = find(RECTIFY_KIND_ISSUE, INSP2 "/a6/i1");
    char deductions[512], *s;
    g_phase = "evaluate";

    s = NULL;
    CHECK_RC(rectify_evaluate(&s, g_admin, g_insp[0], "2019-03-01", "[{\"item\": \"台账不规范\", \"points\": 5}]", NULL), RECTIFY_OK);
    CHECK(json_int(s, "score") == 95);
    CHECK_HAS(s, "\"rating\":\"good\"");
    CHECK_HAS(s, "\"label\":\"好\"");
    CHECK_HAS(s, "\"rerectification\":false");
    CHECK_HAS(s, "\"reopened\":[]");
    rectify_free(s);
    s = NULL;
    CHECK_RC(rectify_evaluate(&s, g_supervisor, g_insp[0], "2019-03-01", "[{\"item\": \"x\", \"points\": 20}]", NULL), RECTIFY_OK);
    CHECK(json_int(s, "score") == 80);
    CHECK_HAS(s, "\"label\":\"较好\"");
    rectify_free(s);
    s = NULL;
    CHECK_RC(rectify_evaluate(&s, g_admin, g_insp[0], "2019-03-01", "[]", NULL), RECTIFY_OK);
    CHECK(json_int(s, "score") == 100);
    rectify_free(s);

    /* 一般 sends the issue a deduction names back, without counting a relapse. */
    CHECK(status_is(RECTIFY_KIND_ISSUE, issue, "done"));
    snprintf(deductions, sizeof deductions,
             "[{\"item\": \"公务用车整改不彻底\", \"points\": 25, \"issue_id\": %" PRId64 ", \"note\": \"见台账\"}, "
             "{\"item\": \"佐证材料不全\", \"points\": 10}]",
             issue);
    s = NULL;
    CHECK_RC(rectify_evaluate(&s, g_admin, g_insp[0], "2019-03-02", deductions, NULL), RECTIFY_OK);
    CHECK(json_int(s, "score") == 65);
    CHECK_HAS(s, "\"rating\":\"fair\"");
    CHECK_HAS(s, "\"label\":\"一般\"");
    CHECK_HAS(s, "\"rerectification\":true");
    {
        char want[64];
        snprintf(want, sizeof want, "\"reopened\":[%" PRId64 "]", issue);
        CHECK_HAS(s, want);
    }
    rectify_free(s);
    CHECK(status_is(RECTIFY_KIND_ISSUE, issue, "in_progress"));
    CHECK(record_int(RECTIFY_KIND_ISSUE, issue, "relapse_count") == 0);

    /* 差. */
    s = NULL;
    CHECK_RC(rectify_evaluate(&s, g_admin, g_insp[1], "2019-03-02", "[{\"item\": \"a\", \"points\": 30}, {\"item\": \"b\", \"points\": 90}]", NULL),
             RECTIFY_OK);
    CHECK(json_int(s, "score") == 0);
    CHECK_HAS(s, "\"label\":\"差\"");
    CHECK_HAS(s, "\"rerectification\":true");
    rectify_free(s);
    /* The host's thresholds: 好 from 95, 较好 from 90: 92 is 较好. */
    s = NULL;
    CHECK_RC(rectify_evaluate(&s, g_admin, g_insp[0], "2019-03-03", "[{\"item\": \"x\", \"points\": 8}]",
                              "{\"good\": 95, \"fairly_good\": 90, \"fair\": 70}"),
             RECTIFY_OK);
    CHECK_HAS(s, "\"label\":\"较好\"");
    rectify_free(s);

    {
        static const struct {
            const char *deductions, *thresholds;
            int want;
        } bad[] = {
            {"[", NULL, RECTIFY_E_JSON},
            {"", NULL, RECTIFY_E_JSON},
            {"{}", NULL, RECTIFY_E_INVALID},
            {"[{\"item\": \"x\", \"points\": -1}]", NULL, RECTIFY_E_INVALID},
            {"[{\"item\": \"x\", \"points\": 101}]", NULL, RECTIFY_E_INVALID},
            {"[{\"item\": \"x\"}]", NULL, RECTIFY_E_INVALID},
            {"[{\"points\": 1}]", NULL, RECTIFY_E_INVALID},
            {"[{\"item\": \"x\", \"points\": \"5\"}]", NULL, RECTIFY_E_INVALID},
            {"[{\"item\": \"x\", \"points\": 1, \"issue_id\": 999999}]", NULL, RECTIFY_E_INVALID},
            {"[{\"item\": \"x\", \"points\": 1, \"bogus\": 1}]", NULL, RECTIFY_E_INVALID},
            {"[{\"item\": \"x\", \"points\": 1}]", "{\"good\": 50, \"fairly_good\": 60, \"fair\": 70}", RECTIFY_E_INVALID},
            {"[{\"item\": \"x\", \"points\": 1}]", "{\"good\": 101}", RECTIFY_E_INVALID},
            {"[{\"item\": \"x\", \"points\": 1}]", "{\"excellent\": 99}", RECTIFY_E_INVALID},
            {"[{\"item\": \"x\", \"points\": 1}]", "{", RECTIFY_E_JSON},
            {"[{\"item\": \"\xff\", \"points\": 1}]", NULL, RECTIFY_E_UTF8},
        };
        size_t i;
        for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
            s = SENTINEL_STR;
            if (!REFUSED(rectify_evaluate(&s, g_admin, g_insp[0], "2019-03-04", bad[i].deductions, bad[i].thresholds), bad[i].want))
                fprintf(stderr, "    (deductions %s, thresholds %s)\n", bad[i].deductions, bad[i].thresholds ? bad[i].thresholds : "NULL");
            CHECK(s == NULL);
        }
    }
    /* An issue of another inspection. */
    snprintf(deductions, sizeof deductions, "[{\"item\": \"x\", \"points\": 50, \"issue_id\": %" PRId64 "}]", other);
    REFUSED(rectify_evaluate(&s, g_admin, g_insp[0], "2019-03-04", deductions, NULL), RECTIFY_E_INVALID);
    s = SENTINEL_STR;
    REFUSED(rectify_evaluate(&s, NULL, g_insp[0], "2019-03-04", "[]", NULL), RECTIFY_E_ARGUMENT);
    CHECK(s == NULL);
    REFUSED(rectify_evaluate(&s, g_admin, 0, "2019-03-04", "[]", NULL), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_evaluate(&s, g_admin, 999999, "2019-03-04", "[]", NULL), RECTIFY_E_NOT_FOUND);
    REFUSED(rectify_evaluate(&s, g_admin, g_insp[0], NULL, "[]", NULL), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_evaluate(&s, g_admin, g_insp[0], "2019-02-29", "[]", NULL), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_evaluate(&s, g_admin, g_insp[0], "2019-03-04", NULL, NULL), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_evaluate(&s, g_liaison, g_insp[0], "2019-03-04", "[]", NULL), RECTIFY_E_DENIED);
    CHECK_MSG_HAS("close_out");
    REFUSED(rectify_evaluate(&s, g_owner, g_insp[1], "2019-03-04", "[]", NULL), RECTIFY_E_DENIED);
    REFUSED(rectify_evaluate(&s, g_stranger, g_insp[0], "2019-03-04", "[]", NULL), RECTIFY_E_DENIED);
    CHECK(s == NULL);
}

/* ------------------------------------------------------------------------------------------ */
/* Leads                                                                                       */

static void test_leads(void)
{
    int64_t l1 = SENTINEL_ID, l2 = 0, l3 = 0, l4 = 0, id = SENTINEL_ID;
    char *s;
    g_phase = "leads";

    s = NULL;
    CHECK_RC(rectify_lead_list(&s, g_admin, 0), RECTIFY_OK);
    CHECK(s != NULL && strcmp(s, "{\"handed\":0,\"concluded\":0,\"completion_basis_points\":0,\"leads\":[]}") == 0);
    rectify_free(s);

    CHECK_RC(rectify_lead_add(&l1, g_admin, g_insp[0], "超范围发放公务交通补贴问题线索", "市纪委监委", "2018-11-01"), RECTIFY_OK);
    CHECK_RC(rectify_lead_add(&l2, g_admin, g_insp[0], "慰问品发放问题线索", "市纪委监委", "2018-11-01"), RECTIFY_OK);
    CHECK_RC(rectify_lead_add(&l3, g_admin, g_insp[0], "干部选任问题线索", "市委组织部", "2018-11-02"), RECTIFY_OK);
    CHECK_RC(rectify_lead_add(&l4, g_admin, g_insp[1], "工会经费问题线索", "市纪委监委", "2018-11-03"), RECTIFY_OK);
    CHECK(l1 > 0 && l2 > l1 && l3 > l2 && l4 > l3);

    REFUSED(rectify_lead_add(&id, NULL, g_insp[0], "s", "市纪委监委", "2018-11-01"), RECTIFY_E_ARGUMENT);
    CHECK(id == 0);
    REFUSED(rectify_lead_add(&id, g_admin, 0, "s", "市纪委监委", "2018-11-01"), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_lead_add(&id, g_admin, 999999, "s", "市纪委监委", "2018-11-01"), RECTIFY_E_NOT_FOUND);
    REFUSED(rectify_lead_add(&id, g_admin, g_insp[0], NULL, "市纪委监委", "2018-11-01"), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_lead_add(&id, g_admin, g_insp[0], "", "市纪委监委", "2018-11-01"), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_lead_add(&id, g_admin, g_insp[0], "s", NULL, "2018-11-01"), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_lead_add(&id, g_admin, g_insp[0], "s", " ", "2018-11-01"), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_lead_add(&id, g_admin, g_insp[0], "s", "市纪委监委", NULL), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_lead_add(&id, g_admin, g_insp[0], "s", "市纪委监委", "2018-11-31"), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_lead_add(&id, g_admin, g_insp[0], "\xf8\x88\x80\x80\x80", "市纪委监委", "2018-11-01"), RECTIFY_E_UTF8);
    REFUSED(rectify_lead_add(&id, g_liaison, g_insp[0], "s", "市纪委监委", "2018-11-01"), RECTIFY_E_DENIED);
    CHECK_MSG_HAS("import");
    REFUSED(rectify_lead_add(&id, g_supervisor, g_insp[0], "s", "市纪委监委", "2018-11-01"), RECTIFY_E_DENIED);
    REFUSED(rectify_lead_add(&id, g_stranger, g_insp[0], "s", "市纪委监委", "2018-11-01"), RECTIFY_E_DENIED);
    CHECK(id == 0);

    CHECK_RC(rectify_lead_dispose(g_supervisor, l1, "concluded", "2019-01-10", "给予诫勉"), RECTIFY_OK);
    CHECK_RC(rectify_lead_dispose(g_admin, l2, "no_case", "2018-12-20", NULL), RECTIFY_OK);
    CHECK_RC(rectify_lead_dispose(g_admin, l3, "in_progress", NULL, "正在初核"), RECTIFY_OK);

    REFUSED(rectify_lead_dispose(NULL, l3, "concluded", "2019-01-10", NULL), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_lead_dispose(g_admin, 0, "concluded", "2019-01-10", NULL), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_lead_dispose(g_admin, 999999, "concluded", "2019-01-10", NULL), RECTIFY_E_NOT_FOUND);
    REFUSED(rectify_lead_dispose(g_admin, l3, NULL, "2019-01-10", NULL), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_lead_dispose(g_admin, l3, "closed", "2019-01-10", NULL), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_lead_dispose(g_admin, l3, "concluded", NULL, NULL), RECTIFY_E_ARGUMENT);
    CHECK_MSG_HAS("concluded_on");
    REFUSED(rectify_lead_dispose(g_admin, l3, "no_case", "2018-10-01", NULL), RECTIFY_E_ARGUMENT); /* before handed */
    REFUSED(rectify_lead_dispose(g_admin, l3, "in_progress", "2019-01-10", NULL), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_lead_dispose(g_admin, l3, "concluded", "2019-1-10", NULL), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_lead_dispose(g_admin, l3, "concluded", "2019-01-10", "\xff"), RECTIFY_E_UTF8);
    REFUSED(rectify_lead_dispose(g_liaison, l3, "concluded", "2019-01-10", NULL), RECTIFY_E_DENIED);
    REFUSED(rectify_lead_dispose(g_owner, l4, "concluded", "2019-01-10", NULL), RECTIFY_E_DENIED);
    REFUSED(rectify_lead_dispose(g_stranger, l3, "concluded", "2019-01-10", NULL), RECTIFY_E_DENIED);

    /* 2 of 3 concluded: 6667 basis points (66.67%), rounded half up. */
    s = NULL;
    CHECK_RC(rectify_lead_list(&s, g_supervisor, g_insp[0]), RECTIFY_OK);
    CHECK(json_int(s, "handed") == 3);
    CHECK(json_int(s, "concluded") == 2);
    CHECK(json_int(s, "completion_basis_points") == 6667);
    CHECK_HAS(s, "\"disposition\":\"concluded\",\"concluded_on\":\"2019-01-10\",\"note\":\"给予诫勉\"");
    CHECK_HAS(s, "\"disposition\":\"no_case\"");
    CHECK_HAS(s, "\"note\":\"正在初核\"");
    rectify_free(s);
    /* Leads are confidential to the inspection body and those it hands them to:
       the liaison of unit 1 reads its records, not its leads. */
    s = SENTINEL_STR;
    REFUSED(rectify_lead_list(&s, g_liaison, g_insp[0]), RECTIFY_E_DENIED);
    CHECK_MSG_HAS("read_leads");
    CHECK(s == NULL);
    s = SENTINEL_STR;
    REFUSED(rectify_lead_list(&s, g_liaison, 0), RECTIFY_E_DENIED);
    CHECK_MSG_HAS("read_leads");
    CHECK(s == NULL);

    s = NULL;
    CHECK_RC(rectify_lead_list(&s, g_admin, 0), RECTIFY_OK);
    CHECK(json_int(s, "handed") == 4);
    CHECK(json_int(s, "completion_basis_points") == 5000);
    rectify_free(s);
    s = NULL;
    CHECK_RC(rectify_lead_list(&s, g_admin, g_insp[1]), RECTIFY_OK);
    CHECK(json_int(s, "handed") == 1 && json_int(s, "completion_basis_points") == 0);
    rectify_free(s);
    CHECK_RC(rectify_lead_dispose(g_admin, l3, "concluded", "2019-02-01", NULL), RECTIFY_OK);
    s = NULL;
    CHECK_RC(rectify_lead_list(&s, g_admin, g_insp[0]), RECTIFY_OK);
    CHECK(json_int(s, "completion_basis_points") == 10000);
    rectify_free(s);
    s = NULL;
    CHECK_RC(rectify_lead_list(&s, g_admin, g_insp[2]), RECTIFY_OK);
    CHECK(json_int(s, "handed") == 0 && json_int(s, "completion_basis_points") == 0);
    rectify_free(s);

    s = SENTINEL_STR;
    REFUSED(rectify_lead_list(&s, NULL, 0), RECTIFY_E_ARGUMENT);
    CHECK(s == NULL);
    REFUSED(rectify_lead_list(NULL, g_admin, 0), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_lead_list(&s, g_admin, -1), RECTIFY_E_ARGUMENT);
    REFUSED(rectify_lead_list(&s, g_admin, 999999), RECTIFY_E_NOT_FOUND);
    REFUSED(rectify_lead_list(&s, g_liaison, g_insp[1]), RECTIFY_E_DENIED);
    CHECK(s == NULL);
    /* Every call is authorised, reads included: one that is no user gets no answer. */
    {
        int rc;
        s = SENTINEL_STR;
        take(&g_before);
        rc = rectify_lead_list(&s, g_stranger, 0);
        if (rc == RECTIFY_OK) {
            release(&g_before);
            known_bug("rectify_lead_list(inspection 0) answers an actor who is not a user (an empty list) instead of RECTIFY_E_DENIED");
            rectify_free(s);
        } else {
            refused_impl(rc, RECTIFY_E_DENIED, "rectify_lead_list(&s, g_stranger, 0)", __FILE__, __LINE__);
            CHECK(s == NULL);
        }
    }
}

/* ------------------------------------------------------------------------------------------ */

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s SEED.json\n", argv[0]);
        return 2;
    }
    g_verbose = getenv("RECTIFY_TEST_VERBOSE") != NULL;
    build_world(argv[1]);

    test_evidence();
    test_close_out();
    test_review();
    test_followups();
    test_evaluate();
    test_leads();

    /* After all of it, the audit chain still verifies. */
    g_phase = "end";
    {
        char *s = NULL;
        CHECK_RC(rectify_audit_verify(&s, g_admin), RECTIFY_OK);
        CHECK_HAS(s, "\"intact\":true");
        rectify_free(s);
    }
    remove_world();
    printf("%d known library bug(s) reported above\n", g_known_bugs);
    printf("%d passed, %d failed\n", g_passed, g_failed);
    return g_failed == 0 ? 0 : 1;
}
