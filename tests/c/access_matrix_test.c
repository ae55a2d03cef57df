/*
 * access_matrix_test.c: every role against every operation, through the C API only (issue 3 §1:
 * "A test tries every role against every operation (a matrix) through the C API").
 *
 *   access_matrix_test SEED.json
 *
 * The world: one round with 市妇联 (unit 1, the seed case) and a second round with 市总工会
 * (unit 2: the same document with the round, unit and inspection refs changed and every ref below
 * the inspection removed, so that the library derives them). One user per role:
 *
 *   admin        admin on the whole database (the first actor: bootstrap)
 *   inspector1   inspector on round 1
 *   liaison1     liaison on unit 1
 *   owner1       owner on unit 1, and the 责任人 (person) of measure a6/i4/m1, set by an import
 *   supervisor1  supervisor on the whole database
 *   auditor1     auditor on the whole database
 *   citizen      public on the whole database
 *   nobody       a user with no grants
 *   stranger     an actor name that is not a user
 *   (none)       a handle with no actor
 *
 * Each cell of the table runs on a fresh byte copy of that world, so that every cell starts from
 * the same state. An allowed cell must return RECTIFY_OK, and change the database exactly when
 * the operation is a change. A denied cell must return RECTIFY_E_DENIED (RECTIFY_E_NO_ACTOR for a
 * change with no actor at all), name the missing permission in rectify_errmsg() (or that the
 * actor is not a user / that there is no actor), reset its out-parameters, and leave the database
 * unchanged: the exports of both inspections, the audit log's length and the users are compared
 * before and after.
 *
 * A cell marked 'X' is a known library bug: the rules say deny, the library allows. It is reported
 * on stdout and not counted as a failure; once the library is fixed the cell fails, asking for
 * the 'X' to become a 'D'.
 *
 * The program ends with "N passed, N failed" and exits nonzero on any failure.
 * RECTIFY_TEST_KEEP=1 keeps the temporary directory; RECTIFY_TEST_VERBOSE=1 prints every denial.
 */
#define _XOPEN_SOURCE 700

#include <rectify/rectify.h>

#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
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
static int g_known_bugs;
static int g_verbose;
static char g_where[256] = "setup"; /* the cell being checked */

static void failed(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    g_failed++;
    fprintf(stderr, "%s:%d: [%s] FAILED: ", file, line, g_where);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n    last error %d: %s\n", rectify_errcode(), rectify_errmsg());
}

#define CHECK(cond) \
    ((cond) ? (g_passed++, 1) : (failed(__FILE__, __LINE__, "%s", #cond), 0))

static void fatal(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "access_matrix_test: fatal: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n    last error %d: %s\n", rectify_errcode(), rectify_errmsg());
    va_end(ap);
    exit(2);
}

/* Must succeed during setup. */
#define MUST(expr)                                          \
    do {                                                    \
        int rc_ = (expr);                                   \
        if (rc_ != RECTIFY_OK)                              \
            fatal("%s:%d: %s returned %d", __FILE__, __LINE__, #expr, rc_); \
    } while (0)

static char g_sentinel_byte;
#define SENTINEL_STR (&g_sentinel_byte)

/* ------------------------------------------------------------------------------------------ */
/* Files and text                                                                              */

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

/* text with the first occurrence of `from` at or after the first occurrence of `after` (NULL: the
   start) replaced by `to`; malloc'd. Fatal when either is missing: the seed changed. */
static char *replace_first(const char *text, const char *after, const char *from, const char *to)
{
    const char *start = after ? strstr(text, after) : text;
    const char *hit = start ? strstr(start, from) : NULL;
    size_t head, n;
    char *out;
    if (hit == NULL)
        fatal("the seed has no '%s'%s%s", from, after ? " after " : "", after ? after : "");
    head = (size_t)(hit - text);
    n = strlen(text) - strlen(from) + strlen(to);
    out = (char *)malloc(n + 1);
    if (out == NULL)
        fatal("out of memory");
    memcpy(out, text, head);
    memcpy(out + head, to, strlen(to));
    strcpy(out + head + strlen(to), hit + strlen(from));
    return out;
}

/* replace_first, freeing the input. */
static char *edit(char *text, const char *after, const char *from, const char *to)
{
    char *out = replace_first(text, after, from, to);
    free(text);
    return out;
}

/* text without any `"ref": "<prefix>/…",` pair (and the blanks after it): the refs below the
   inspection, which the library then derives. Returns how many it removed in *removed. */
static char *drop_refs_below(const char *text, const char *prefix, int *removed)
{
    char pat[256];
    size_t len = strlen(text), o = 0;
    const char *p = text, *hit;
    char *out = (char *)malloc(len + 1);
    if (out == NULL)
        fatal("out of memory");
    snprintf(pat, sizeof pat, "\"ref\": \"%s/", prefix);
    *removed = 0;
    while ((hit = strstr(p, pat)) != NULL) {
        const char *end = strchr(hit + strlen(pat), '"');
        if (end == NULL)
            fatal("unterminated ref in the seed");
        memcpy(out + o, p, (size_t)(hit - p));
        o += (size_t)(hit - p);
        end++;
        if (*end != ',')
            fatal("a ref below the inspection is the last key of its object");
        end++;
        while (*end == ' ' || *end == '\n' || *end == '\r' || *end == '\t')
            end++;
        p = end;
        (*removed)++;
    }
    strcpy(out + o, p);
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

/* ------------------------------------------------------------------------------------------ */
/* The world                                                                                   */

enum { ADMIN, INSPECTOR, LIAISON, OWNER, SUPERVISOR, AUDITOR, PUBLIC_, NOBODY, STRANGER, NONE, NROLES };
static const char *const g_actor[NROLES] = {"admin",    "inspector1", "liaison1", "owner1", "supervisor1",
                                            "auditor1", "citizen",    "nobody",   "stranger", NULL};
static const char *const g_role_label[NROLES] = {"admin",   "inspector", "liaison", "owner",    "supervisor",
                                                 "auditor", "public",    "no grant", "not a user", "no actor"};

#define INSPECTION1 "tongcheng-2018-fulian"
#define INSPECTION2 "tongcheng-2018-zonggonghui"

typedef struct world {
    char pristine[1024];     /* the world as set up, closed */
    char *pristine_bytes;
    size_t pristine_len;
    char cell_path[1024];    /* the copy a cell runs on */
    int64_t insp1, insp2, unit1, unit2, round1, round2;
    int64_t issue1;          /* a1/i1 of unit 1: done, but measures in progress: no close-out guard holds */
    int64_t issue1_closable; /* a3/i1 of unit 1: done, every measure done, one evidence item */
    int64_t issue1_closed;   /* a6/i2 of unit 1: every measure done, evidence, closed (销号) during setup */
    int64_t issue2;          /* a1/i1 of unit 2 */
    int64_t measure1;        /* a1/i1/m3 of unit 1: in_progress */
    int64_t measure2;        /* a1/i1/m3 of unit 2: in_progress */
    int64_t measure1_other;  /* a1/i2/m2 of unit 1: not owner1's */
    int64_t measure1_own;    /* a6/i4/m1 of unit 1: owner1's */
    int64_t measure2_other;  /* a1/i2/m2 of unit 2 */
    char *doc1_edit;         /* unit 1's document, one label changed (a6/i2 closed, as stored) */
    char *doc2_edit;         /* unit 2's document, one label changed */
    size_t pristine_events;  /* the audit log's length in the world as set up; 0 until counted */
    char *doc1_close;        /* unit 1's document closing issue a3/i1 (销号 by import) */
    char *doc1_close_guarded; /* unit 1's document closing issue a1/i1, which no guard lets close */
    char *doc1_reopen;       /* unit 1's document reopening issue a6/i2 */
    char *doc_hijack;        /* a new inspection of unit 2 filed under round 1, renaming unit 2 */
    int cell;                /* a counter for unique file names */
} world;

static int64_t find(rectify_db *db, int kind, const char *ref)
{
    int64_t id = 0;
    if (rectify_record_find(&id, db, kind, ref) != RECTIFY_OK)
        fatal("no %s %s", rectify_kind_name(kind), ref);
    return id;
}

static rectify_db *open_flags(const char *path, const char *actor, unsigned flags)
{
    rectify_open_options o = RECTIFY_OPEN_OPTIONS_INIT;
    rectify_db *db = NULL;
    o.flags = flags;
    o.actor = actor;
    if (rectify_db_open(&db, path, &o) != RECTIFY_OK || db == NULL)
        return NULL;
    return db;
}

/* An existing database, read-write, as actor (NULL: no actor). */
static rectify_db *open_as(const char *path, const char *actor) { return open_flags(path, actor, 0); }

static void import_text(rectify_db *db, const char *text, int64_t *id)
{
    MUST(rectify_import_json(id, NULL, db, text, strlen(text)));
}

static void add_user(rectify_db *db, const char *name, int role, int scope, int64_t scope_id)
{
    MUST(rectify_user_add(db, name, NULL));
    if (role != 0)
        MUST(rectify_user_grant(db, name, role, scope, scope_id));
}

/* Evidence kept by the host (a URI), attached to an issue. */
static void add_evidence(rectify_db *db, int64_t issue, const char *uri)
{
    rectify_evidence ev = RECTIFY_EVIDENCE_INIT;
    int64_t id = 0;
    ev.title = "整改报告";
    ev.uri = uri;
    MUST(rectify_evidence_add(&id, db, RECTIFY_KIND_ISSUE, issue, &ev));
}

static void build_world(world *w, const char *seed_path)
{
    size_t seed_len;
    int removed = 0;
    char *seed = read_file(seed_path, &seed_len);
    char *doc1, *doc2, *tmp;
    rectify_db *db;
    char wal[1100];
    if (seed == NULL)
        fatal("cannot read %s: %s", seed_path, strerror(errno));

    /* Unit 1: the seed, with owner1 as the 责任人 of a6/i4/m1. */
    doc1 = replace_first(seed, "\"ref\": \"" INSPECTION1 "/a6/i4/m1\"", "\"person\": null", "\"person\": \"owner1\"");
    /* Unit 2: another round, unit and inspection; the refs below the inspection derived. */
    tmp = drop_refs_below(seed, INSPECTION1, &removed);
    if (removed < 50)
        fatal("only %d refs below the inspection removed", removed);
    tmp = edit(tmp, NULL, "\"ref\": \"tongcheng-2018-round\"", "\"ref\": \"tongcheng-2019-round\"");
    tmp = edit(tmp, NULL, "\"name\": \"2018年市委巡察\"", "\"name\": \"2019年市委巡察\"");
    tmp = edit(tmp, NULL, "\"ref\": \"tongcheng-fulian\"", "\"ref\": \"tongcheng-zonggonghui\"");
    tmp = edit(tmp, NULL, "\"name\": \"市妇联\"", "\"name\": \"市总工会\"");
    tmp = edit(tmp, NULL, "\"party_org\": \"市妇联党组\"", "\"party_org\": \"市总工会党组\"");
    doc2 = edit(tmp, NULL, "\"ref\": \"" INSPECTION1 "\"", "\"ref\": \"" INSPECTION2 "\"");

    tmp_path(w->pristine, sizeof w->pristine, "world.db");
    db = open_flags(w->pristine, "admin", RECTIFY_OPEN_CREATE); /* new: admin is its first admin */
    if (db == NULL)
        fatal("cannot create %s", w->pristine);
    import_text(db, doc1, &w->insp1);
    import_text(db, doc2, &w->insp2);
    if (w->insp1 == w->insp2)
        fatal("both documents went into one inspection");
    w->unit1 = find(db, RECTIFY_KIND_UNIT, "tongcheng-fulian");
    w->unit2 = find(db, RECTIFY_KIND_UNIT, "tongcheng-zonggonghui");
    w->round1 = find(db, RECTIFY_KIND_ROUND, "tongcheng-2018-round");
    w->round2 = find(db, RECTIFY_KIND_ROUND, "tongcheng-2019-round");
    w->issue1 = find(db, RECTIFY_KIND_ISSUE, INSPECTION1 "/a1/i1");
    w->issue1_closable = find(db, RECTIFY_KIND_ISSUE, INSPECTION1 "/a3/i1");
    w->issue1_closed = find(db, RECTIFY_KIND_ISSUE, INSPECTION1 "/a6/i2");
    w->issue2 = find(db, RECTIFY_KIND_ISSUE, INSPECTION2 "/a1/i1"); /* derived */
    w->measure1 = find(db, RECTIFY_KIND_MEASURE, INSPECTION1 "/a1/i1/m3");
    w->measure2 = find(db, RECTIFY_KIND_MEASURE, INSPECTION2 "/a1/i1/m3");
    w->measure1_other = find(db, RECTIFY_KIND_MEASURE, INSPECTION1 "/a1/i2/m2");
    w->measure1_own = find(db, RECTIFY_KIND_MEASURE, INSPECTION1 "/a6/i4/m1");
    w->measure2_other = find(db, RECTIFY_KIND_MEASURE, INSPECTION2 "/a1/i2/m2");
    /* Close-out is guarded (every measure done, one evidence item, a verifier who owns no measure):
       a3/i1 and a6/i2 have every measure done; each gets its evidence, and a6/i2 is closed. */
    add_evidence(db, w->issue1_closable, "oa://matrix/a3-i1");
    add_evidence(db, w->issue1_closed, "oa://matrix/a6-i2");
    MUST(rectify_status_set(NULL, db, RECTIFY_KIND_ISSUE, w->issue1_closed, RECTIFY_STATUS_CLOSED, 0));

    /* Leads (问题线索): two of unit 1's inspection, one of unit 2's. */
    {
        int64_t lead = 0;
        MUST(rectify_lead_add(&lead, db, w->insp1, "超范围发放公务交通补贴问题线索", "市纪委监委", "2018-11-01"));
        MUST(rectify_lead_add(&lead, db, w->insp1, "干部选任问题线索", "市委组织部", "2018-11-02"));
        MUST(rectify_lead_add(&lead, db, w->insp2, "工会经费问题线索", "市纪委监委", "2018-11-03"));
    }

    add_user(db, "inspector1", RECTIFY_ROLE_INSPECTOR, RECTIFY_SCOPE_ROUND, w->round1);
    add_user(db, "liaison1", RECTIFY_ROLE_LIAISON, RECTIFY_SCOPE_UNIT, w->unit1);
    add_user(db, "owner1", RECTIFY_ROLE_OWNER, RECTIFY_SCOPE_UNIT, w->unit1);
    add_user(db, "supervisor1", RECTIFY_ROLE_SUPERVISOR, RECTIFY_SCOPE_ALL, 0);
    add_user(db, "auditor1", RECTIFY_ROLE_AUDITOR, RECTIFY_SCOPE_ALL, 0);
    add_user(db, "citizen", RECTIFY_ROLE_PUBLIC, RECTIFY_SCOPE_ALL, 0);
    add_user(db, "nobody", 0, 0, 0);
    rectify_db_close(db);

    /* The documents the import cells use: the stored state (a6/i2 closed) plus one change. */
    tmp = replace_first(doc1, "\"ref\": \"" INSPECTION1 "/a6/i2\"", "\"status\": \"done\"", "\"status\": \"closed\"");
    w->doc1_edit = replace_first(tmp, NULL, "\"label\": \"政治巡察\"", "\"label\": \"政治巡察（修订）\"");
    w->doc1_close = replace_first(tmp, "\"ref\": \"" INSPECTION1 "/a3/i1\"", "\"status\": \"done\"", "\"status\": \"closed\"");
    w->doc1_close_guarded = replace_first(tmp, "\"ref\": \"" INSPECTION1 "/a1/i1\"", "\"status\": \"done\"", "\"status\": \"closed\"");
    free(tmp);
    w->doc1_reopen = replace_first(doc1, "\"ref\": \"" INSPECTION1 "/a6/i2\"", "\"status\": \"done\"", "\"status\": \"reopened\"");
    w->doc2_edit = replace_first(doc2, NULL, "\"label\": \"政治巡察\"", "\"label\": \"政治巡察（修订）\"");
    tmp = replace_first(doc2, NULL, "\"ref\": \"tongcheng-2019-round\"", "\"ref\": \"tongcheng-2018-round\"");
    tmp = edit(tmp, NULL, "\"name\": \"2019年市委巡察\"", "\"name\": \"2018年市委巡察\"");
    tmp = edit(tmp, NULL, "\"name\": \"市总工会\"", "\"name\": \"被改名的市总工会\"");
    w->doc_hijack = edit(tmp, NULL, "\"ref\": \"" INSPECTION2 "\"", "\"ref\": \"tongcheng-2018-zonggonghui-extra\"");

    snprintf(wal, sizeof wal, "%s-wal", w->pristine);
    if (file_exists(wal))
        fatal("%s is still there after the last handle closed", wal);
    w->pristine_bytes = read_file(w->pristine, &w->pristine_len);
    if (w->pristine_bytes == NULL)
        fatal("cannot read back %s", w->pristine);
    free(seed);
    free(doc1);
    free(doc2);
}

/* A fresh copy of the world for one cell. */
static void fresh_copy(world *w)
{
    tmp_path(w->cell_path, sizeof w->cell_path, "cell.db");
    remove_db_files(w->cell_path);
    if (!write_file(w->cell_path, w->pristine_bytes, w->pristine_len))
        fatal("cannot write %s", w->cell_path);
}

/* What a cell may not change: both exports, the audit log's length, the users. */
typedef struct snapshot {
    char *export1, *export2, *users;
    size_t events;
} snapshot;

/* The audit log's length in a cell's copy. Every copy starts as the world was set up, and the log
 * only grows, so after the first count only the events past the world's own are read: reading
 * the whole log twice for every cell made this program slow under valgrind. */
static size_t count_events(rectify_db *admin, world *w)
{
    char *log = NULL;
    size_t n;
    MUST(rectify_audit_log(&log, admin, 0, 0, (int64_t)w->pristine_events, 0));
    n = w->pristine_events + count_text(log, "\"prev_hash\":");
    rectify_free(log);
    return n;
}

static void take_snapshot(rectify_db *admin, world *w, snapshot *s)
{
    MUST(rectify_export_json(&s->export1, NULL, admin, w->insp1));
    MUST(rectify_export_json(&s->export2, NULL, admin, w->insp2));
    MUST(rectify_user_list(&s->users, admin));
    s->events = count_events(admin, w);
}

static int same_snapshot(const snapshot *a, const snapshot *b)
{
    return strcmp(a->export1, b->export1) == 0 && strcmp(a->export2, b->export2) == 0 &&
           strcmp(a->users, b->users) == 0 && a->events == b->events;
}

static void free_snapshot(snapshot *s)
{
    rectify_free(s->export1);
    rectify_free(s->export2);
    rectify_free(s->users);
}

/* ------------------------------------------------------------------------------------------ */
/* The operations                                                                              */

/* Each runs one call as the handle's actor, frees what it got and checks that a failing call
   reset its out-parameter. */

static void out_reset(int rc, const char *out)
{
    if (rc != RECTIFY_OK && !CHECK(out == NULL))
        fprintf(stderr, "    (a failed call left its out-parameter set)\n");
}

static int get_rec(rectify_db *db, int kind, int64_t id)
{
    char *s = SENTINEL_STR;
    int rc = rectify_record_get(&s, db, kind, id);
    out_reset(rc, s);
    if (rc == RECTIFY_OK)
        rectify_free(s);
    return rc;
}

static int op_get1(rectify_db *db, world *w) { return get_rec(db, RECTIFY_KIND_ISSUE, w->issue1); }
static int op_get2(rectify_db *db, world *w) { return get_rec(db, RECTIFY_KIND_ISSUE, w->issue2); }
static int op_get_unit2(rectify_db *db, world *w) { return get_rec(db, RECTIFY_KIND_UNIT, w->unit2); }

static int op_find1(rectify_db *db, world *w)
{
    int64_t id = -1;
    int rc = rectify_record_find(&id, db, RECTIFY_KIND_ISSUE, INSPECTION1 "/a1/i1");
    if (rc == RECTIFY_OK)
        CHECK(id == w->issue1);
    else
        CHECK(id == 0);
    return rc;
}

static int op_find2(rectify_db *db, world *w)
{
    int64_t id = -1;
    int rc = rectify_record_find(&id, db, RECTIFY_KIND_ISSUE, INSPECTION2 "/a1/i1");
    if (rc == RECTIFY_OK)
        CHECK(id == w->issue2);
    else
        CHECK(id == 0);
    return rc;
}

/* The leads of an inspection (0: all): an allowed list holds exactly the leads the actor may read. */
static int lead_list(rectify_db *db, int64_t inspection, const char *must_hold, const char *must_lack)
{
    char *s = SENTINEL_STR;
    int rc = rectify_lead_list(&s, db, inspection);
    out_reset(rc, s);
    if (rc == RECTIFY_OK) {
        if (must_hold != NULL && !CHECK(strstr(s, must_hold) != NULL))
            fprintf(stderr, "    (the list lacks %s: %s)\n", must_hold, s);
        if (must_lack != NULL && !CHECK(strstr(s, must_lack) == NULL))
            fprintf(stderr, "    (the list holds %s: %s)\n", must_lack, s);
        rectify_free(s);
    }
    return rc;
}

static int op_leads1(rectify_db *db, world *w) { return lead_list(db, w->insp1, "干部选任问题线索", "工会经费"); }
static int op_leads2(rectify_db *db, world *w) { return lead_list(db, w->insp2, "工会经费问题线索", "干部选任"); }
static int op_leads_all(rectify_db *db, world *w)
{
    (void)w;
    return lead_list(db, 0, "干部选任问题线索", NULL);
}

static int op_list(rectify_db *db, world *w)
{
    char *s = SENTINEL_STR;
    int rc = rectify_record_list(&s, db, RECTIFY_KIND_ISSUE, NULL);
    out_reset(rc, s);
    (void)w;
    if (rc == RECTIFY_OK)
        rectify_free(s);
    return rc;
}

static int export_of(rectify_db *db, int64_t id)
{
    char *s = SENTINEL_STR;
    size_t n = 77;
    int rc = rectify_export_json(&s, &n, db, id);
    out_reset(rc, s);
    if (rc == RECTIFY_OK)
        rectify_free(s);
    return rc;
}

static int op_export1(rectify_db *db, world *w) { return export_of(db, w->insp1); }
static int op_export2(rectify_db *db, world *w) { return export_of(db, w->insp2); }

static int notice(rectify_db *db, int64_t id, int audience)
{
    rectify_notice_options o = RECTIFY_NOTICE_OPTIONS_INIT;
    char *s = SENTINEL_STR;
    int rc;
    o.audience = audience;
    rc = rectify_notice_render(&s, db, id, &o);
    out_reset(rc, s);
    if (rc == RECTIFY_OK) {
        CHECK(strstr(s, "整改") != NULL);
        rectify_free(s);
    }
    return rc;
}

static int op_notice_internal1(rectify_db *db, world *w) { return notice(db, w->insp1, RECTIFY_AUDIENCE_INTERNAL); }
static int op_notice_public1(rectify_db *db, world *w) { return notice(db, w->insp1, RECTIFY_AUDIENCE_PUBLIC); }
static int op_notice_public2(rectify_db *db, world *w) { return notice(db, w->insp2, RECTIFY_AUDIENCE_PUBLIC); }

static int import_doc(rectify_db *db, const char *doc)
{
    char *summary = SENTINEL_STR;
    int64_t id = -1;
    int rc = rectify_import_json(&id, &summary, db, doc, strlen(doc));
    out_reset(rc, summary);
    if (rc == RECTIFY_OK)
        rectify_free(summary);
    return rc;
}

static int op_import1(rectify_db *db, world *w) { return import_doc(db, w->doc1_edit); }
static int op_import2(rectify_db *db, world *w) { return import_doc(db, w->doc2_edit); }
static int op_import_close(rectify_db *db, world *w) { return import_doc(db, w->doc1_close); }
static int op_import_close_guarded(rectify_db *db, world *w) { return import_doc(db, w->doc1_close_guarded); }
static int op_import_reopen(rectify_db *db, world *w) { return import_doc(db, w->doc1_reopen); }
static int op_import_hijack(rectify_db *db, world *w) { return import_doc(db, w->doc_hijack); }

static int op_status1(rectify_db *db, world *w)
{
    return rectify_status_set(NULL, db, RECTIFY_KIND_MEASURE, w->measure1, RECTIFY_STATUS_DONE, 0);
}
static int op_status2(rectify_db *db, world *w)
{
    return rectify_status_set(NULL, db, RECTIFY_KIND_MEASURE, w->measure2, RECTIFY_STATUS_DONE, 0);
}
static int op_close_out(rectify_db *db, world *w)
{
    return rectify_status_set(NULL, db, RECTIFY_KIND_ISSUE, w->issue1_closable, RECTIFY_STATUS_CLOSED, 0);
}
static int close_out_call(rectify_db *db, int64_t issue)
{
    int64_t v = -1;
    int rc = rectify_close_out(&v, db, issue, "2019-02-01", "矩阵测试验收。");
    if (rc == RECTIFY_OK)
        CHECK(v > 0);
    else
        CHECK(v == 0);
    return rc;
}
static int op_close_out_call(rectify_db *db, world *w) { return close_out_call(db, w->issue1_closable); }
static int op_close_out_guarded(rectify_db *db, world *w)
{
    return rectify_status_set(NULL, db, RECTIFY_KIND_ISSUE, w->issue1, RECTIFY_STATUS_CLOSED, 0);
}
static int op_close_out_call_guarded(rectify_db *db, world *w) { return close_out_call(db, w->issue1); }
static int op_reopen(rectify_db *db, world *w)
{
    return rectify_status_set(NULL, db, RECTIFY_KIND_ISSUE, w->issue1_closed, RECTIFY_STATUS_REOPENED, 0);
}

static int progress(rectify_db *db, int64_t measure)
{
    int64_t id = -1;
    int rc = rectify_progress_add(&id, db, measure, "2019-03-01", "矩阵测试进展。", NULL);
    if (rc == RECTIFY_OK)
        CHECK(id > 0);
    return rc;
}

static int op_progress_unit1(rectify_db *db, world *w) { return progress(db, w->measure1_other); }
static int op_progress_unit2(rectify_db *db, world *w) { return progress(db, w->measure2_other); }
static int op_progress_own(rectify_db *db, world *w) { return progress(db, w->measure1_own); }

static int op_user_add(rectify_db *db, world *w)
{
    (void)w;
    return rectify_user_add(db, "newcomer", "新来的");
}
static int op_grant(rectify_db *db, world *w)
{
    (void)w;
    return rectify_user_grant(db, "nobody", RECTIFY_ROLE_AUDITOR, RECTIFY_SCOPE_ALL, 0);
}
static int op_revoke(rectify_db *db, world *w)
{
    return rectify_user_revoke(db, "liaison1", RECTIFY_ROLE_LIAISON, RECTIFY_SCOPE_UNIT, w->unit1);
}
static int op_user_list(rectify_db *db, world *w)
{
    char *s = SENTINEL_STR;
    int rc = rectify_user_list(&s, db);
    out_reset(rc, s);
    (void)w;
    if (rc == RECTIFY_OK) {
        CHECK(strstr(s, "\"name\":\"liaison1\"") != NULL);
        rectify_free(s);
    }
    return rc;
}

static int audit_log(rectify_db *db, int kind, int64_t id)
{
    char *s = SENTINEL_STR;
    int rc = rectify_audit_log(&s, db, kind, id, 0, 0);
    out_reset(rc, s);
    if (rc == RECTIFY_OK) {
        CHECK(count_text(s, "\"prev_hash\":") > 0);
        rectify_free(s);
    }
    return rc;
}

static int op_audit_log(rectify_db *db, world *w)
{
    (void)w;
    return audit_log(db, 0, 0);
}
static int op_audit_log_record(rectify_db *db, world *w) { return audit_log(db, RECTIFY_KIND_ISSUE, w->issue1); }

static int op_audit_verify(rectify_db *db, world *w)
{
    char *s = SENTINEL_STR;
    int rc = rectify_audit_verify(&s, db);
    out_reset(rc, s);
    (void)w;
    if (rc == RECTIFY_OK) {
        CHECK(strstr(s, "\"intact\":true") != NULL);
        rectify_free(s);
    }
    return rc;
}

static int op_backup(rectify_db *db, world *w)
{
    char name[64], path[1024];
    int rc;
    snprintf(name, sizeof name, "backup-%d.db", ++w->cell);
    tmp_path(path, sizeof path, name);
    rc = rectify_backup(db, path);
    if (rc == RECTIFY_OK)
        CHECK(file_exists(path));
    else if (!CHECK(!file_exists(path)))
        fprintf(stderr, "    (a refused backup left %s behind)\n", path);
    remove_db_files(path);
    return rc;
}

/* ------------------------------------------------------------------------------------------ */
/* The table                                                                                   */

typedef struct op {
    const char *name;
    const char *perm;   /* the permission a denial names */
    int changes;        /* an allowed call writes (a new audit event) */
    /* One letter per role, in the order of g_actor: A allowed, D denied, G refused by a close-out
       guard (RECTIFY_E_GUARD: the actor may close out, the issue may not be closed; with a bug
       text, a known library bug while the library allows it), X a known library bug (the rules
       deny it; the library allows it). */
    const char *expect;
    int (*run)(rectify_db *db, world *w);
    const char *bug;    /* for X cells: what is wrong */
} op;

/*                                                       admin
                                                         |inspector
                                                         ||liaison
                                                         |||owner
                                                         ||||supervisor
                                                         |||||auditor
                                                         ||||||public
                                                         |||||||no grant
                                                         ||||||||not a user
                                                         |||||||||no actor */
static const op g_ops[] = {
    {"get issue, unit 1",          "read",          0, "AAAAAADDDD", op_get1, NULL},
    {"get issue, unit 2",          "read",          0, "ADDDAADDDD", op_get2, NULL},
    {"get unit 2",                 "read",          0, "ADDDAADDDD", op_get_unit2, NULL},
    /* A ref names a record as its id does: looking it up needs a user and nothing more (the
       call made with the id is then authorised as for the id itself). */
    {"find issue, unit 1",         "read",          0, "AAAAAAAADD", op_find1, NULL},
    {"find issue, unit 2",         "read",          0, "AAAAAAAADD", op_find2, NULL},
    /* Leads are confidential to the inspection body and those it hands them to: never the
       inspected unit's liaison or owners, nor the public. */
    {"leads, unit 1",              "read_leads",    0, "AADDAADDDD", op_leads1, NULL},
    {"leads, unit 2",              "read_leads",    0, "ADDDAADDDD", op_leads2, NULL},
    {"leads, all",                 "read_leads",    0, "AADDAADDDD", op_leads_all, NULL},
    {"list issues",                "read",          0, "AAAAAADDDD", op_list, NULL},
    {"export, unit 1",             "read",          0, "AAAAAADDDD", op_export1, NULL},
    {"export, unit 2",             "read",          0, "ADDDAADDDD", op_export2, NULL},
    {"internal notice, unit 1",    "read",          0, "AAAAAADDDD", op_notice_internal1, NULL},
    {"public notice, unit 1",      "read_public",   0, "AAAAAAADDD", op_notice_public1, NULL},
    {"public notice, unit 2",      "read_public",   0, "ADDDAAADDD", op_notice_public2, NULL},
    {"import, unit 1",             "import",        1, "AADDDDDDDD", op_import1, NULL},
    {"import, unit 2",             "import",        1, "ADDDDDDDDD", op_import2, NULL},
    /* Closing out or reopening through an import needs close_out as well as import; changing a
       unit another round shares needs import on that unit itself. */
    {"import closing an issue",    "import|close_out", 1, "ADDDDDDDDD", op_import_close, NULL},
    {"import reopening an issue",  "import|close_out", 1, "ADDDDDDDDD", op_import_reopen, NULL},
    {"import closing, guard fails", "import|close_out", 1, "GDDDDDDDDD", op_import_close_guarded,
     "an import that sets an issue to closed skips the close-out guards (a1/i1 closed with measures in progress)"},
    {"import unit 2 into round 1", "import",        1, "ADDDDDDDDD", op_import_hijack, NULL},
    {"status, unit 1",             "change_status", 1, "ADADDDDDDD", op_status1, NULL},
    {"status, unit 2",             "change_status", 1, "ADDDDDDDDD", op_status2, NULL},
    {"close out (销号)",           "close_out",     1, "ADDDADDDDD", op_close_out, NULL},
    {"rectify_close_out",          "close_out",     1, "ADDDADDDDD", op_close_out_call, NULL},
    /* The actor may close out, but the issue has measures in progress: the guard refuses. */
    {"close out, guard fails",     "close_out",     1, "GDDDGDDDDD", op_close_out_guarded, NULL},
    {"rectify_close_out, guard fails", "close_out", 1, "GDDDGDDDDD", op_close_out_call_guarded, NULL},
    {"reopen a closed issue",      "close_out",     1, "ADDDADDDDD", op_reopen, NULL},
    {"progress, unit 1",           "add_progress",  1, "ADADDDDDDD", op_progress_unit1, NULL},
    {"progress, unit 2",           "add_progress",  1, "ADDDDDDDDD", op_progress_unit2, NULL},
    {"progress, own measure",      "add_progress",  1, "ADAADDDDDD", op_progress_own, NULL},
    {"user add",                   "manage_users",  1, "ADDDDDDDDD", op_user_add, NULL},
    {"grant",                      "manage_users",  1, "ADDDDDDDDD", op_grant, NULL},
    {"revoke",                     "manage_users",  1, "ADDDDDDDDD", op_revoke, NULL},
    {"user list",                  "manage_users",  0, "ADDDDDDDDD", op_user_list, NULL},
    {"audit log, all",             "read_audit",    0, "ADDDDADDDD", op_audit_log, NULL},
    {"audit log, one record",      "read_audit",    0, "ADDDDADDDD", op_audit_log_record, NULL},
    {"audit verify",               "read_audit",    0, "ADDDDADDDD", op_audit_verify, NULL},
    {"backup",                     "backup",        0, "ADDDDADDDD", op_backup, NULL},
};

/* The denial's message says what was missing. */
static void check_denial_message(const op *o, int role, const char *msg)
{
    char want[128];
    if (role == NONE) {
        if (!CHECK(strstr(msg, "actor") != NULL))
            fprintf(stderr, "    (message should say there is no actor: %s)\n", msg);
        return;
    }
    if (role == STRANGER) {
        if (!CHECK(strstr(msg, "'stranger' is not a user") != NULL))
            fprintf(stderr, "    (message should say stranger is not a user: %s)\n", msg);
        return;
    }
    {
        /* perm may list alternatives ("import|close_out"): the denial names the first missing. */
        char perms[64];
        char *save = NULL, *p;
        int named = 0;
        snprintf(perms, sizeof perms, "%s", o->perm);
        for (p = strtok_r(perms, "|", &save); p; p = strtok_r(NULL, "|", &save)) {
            snprintf(want, sizeof want, "needs permission %s", p);
            if (strstr(msg, want) != NULL) named = 1;
        }
        if (!CHECK(named))
            fprintf(stderr, "    (message should name the permission %s: %s)\n", o->perm, msg);
    }
    if (!CHECK(strstr(msg, g_actor[role]) != NULL))
        fprintf(stderr, "    (message should name the actor %s: %s)\n", g_actor[role], msg);
}

static void run_cell(world *w, const op *o, int role)
{
    rectify_db *admin, *db;
    snapshot before, after;
    char msg[2048];
    int rc, code;
    const char want = o->expect[role];

    snprintf(g_where, sizeof g_where, "%s as %s (%s)", o->name, g_actor[role] ? g_actor[role] : "(none)",
             g_role_label[role]);
    fresh_copy(w);
    admin = open_as(w->cell_path, "admin");
    if (admin == NULL)
        fatal("cannot open the copy as admin");
    db = open_as(w->cell_path, g_actor[role]);
    if (!CHECK(db != NULL)) { /* opening is allowed to everyone */
        rectify_db_close(admin);
        return;
    }
    if (w->pristine_events == 0)
        w->pristine_events = count_events(admin, w);
    take_snapshot(admin, w, &before);

    rc = o->run(db, w);
    snprintf(msg, sizeof msg, "%s", rectify_errmsg());
    code = rectify_errcode();

    take_snapshot(admin, w, &after);
    if (want == 'A') {
        if (!CHECK(rc == RECTIFY_OK))
            fprintf(stderr, "    (expected allowed; got %d: %s)\n", rc, msg);
        else if (o->changes && !CHECK(after.events > before.events))
            fprintf(stderr, "    (an allowed change left no audit event)\n");
        else if (!o->changes && !CHECK(same_snapshot(&before, &after)))
            fprintf(stderr, "    (a read changed the database)\n");
    } else if (want == 'G' && rc == RECTIFY_OK && o->bug != NULL) {
        g_known_bugs++;
        printf("KNOWN LIBRARY BUG [%s]: allowed, but a close-out guard should refuse it: %s\n", g_where, o->bug);
    } else if (want == 'G') {
        if (!CHECK(rc == RECTIFY_E_GUARD))
            fprintf(stderr, "    (expected %d (%s); got %d (%s): %s)\n", RECTIFY_E_GUARD,
                    rectify_strerror(RECTIFY_E_GUARD), rc, rectify_strerror(rc), msg);
        else {
            CHECK(code == rc);
            if (!CHECK(strstr(msg, "refused by guard measures_done") != NULL))
                fprintf(stderr, "    (message should name the guard that failed: %s)\n", msg);
            if (g_verbose)
                printf("[%s] refused: %s\n", g_where, msg);
        }
        if (!CHECK(same_snapshot(&before, &after)))
            fprintf(stderr, "    (a refused close-out changed the database)\n");
    } else if (want == 'X' && rc == RECTIFY_OK) {
        g_known_bugs++;
        printf("KNOWN LIBRARY BUG [%s]: allowed, but the rules deny it: %s\n", g_where, o->bug);
    } else {
        const int want_rc = (role == NONE && o->changes) ? RECTIFY_E_NO_ACTOR : RECTIFY_E_DENIED;
        if (want == 'X')
            failed(__FILE__, __LINE__, "the known library bug no longer reproduces (%d: %s): make this cell 'D' in "
                                       "g_ops and check the message names close_out", rc, msg);
        if (!CHECK(rc == want_rc))
            fprintf(stderr, "    (expected %d (%s); got %d (%s): %s)\n", want_rc, rectify_strerror(want_rc), rc,
                    rectify_strerror(rc), msg);
        else {
            CHECK(code == rc);
            check_denial_message(o, role, msg);
            if (g_verbose)
                printf("[%s] denied: %s\n", g_where, msg);
        }
        if (!CHECK(same_snapshot(&before, &after)))
            fprintf(stderr, "    (a denied call changed the database)\n");
    }
    free_snapshot(&before);
    free_snapshot(&after);
    rectify_db_close(db);
    rectify_db_close(admin);
}

/* ------------------------------------------------------------------------------------------ */
/* Lists show only what the actor may read                                                     */

/* Every record of the list belongs to `inspection` (0: any), and the list has `want` records
   (-1: any number). Returns the ids as a malloc'd array in *ids, their count as the result. */
static long list_ids(rectify_db *db, int kind, int64_t filter, int64_t **ids)
{
    rectify_list_options lo = RECTIFY_LIST_OPTIONS_INIT;
    char *s = NULL, *p;
    long n = 0;
    int64_t *out = NULL;
    char pat[64];
    lo.inspection_id = filter;
    if (!CHECK(rectify_record_list(&s, db, kind, &lo) == RECTIFY_OK)) {
        *ids = NULL;
        return -1;
    }
    /* Each record starts {"kind":"<kind>","id":N */
    snprintf(pat, sizeof pat, "{\"kind\":\"%s\",\"id\":", rectify_kind_name(kind));
    out = (int64_t *)malloc((count_text(s, pat) + 1) * sizeof *out);
    if (out == NULL)
        fatal("out of memory");
    for (p = strstr(s, pat); p != NULL; p = strstr(p, pat)) {
        p += strlen(pat);
        out[n++] = (int64_t)strtoll(p, NULL, 10);
    }
    CHECK((size_t)n == count_text(s, "{\"kind\":"));
    rectify_free(s);
    *ids = out;
    return n;
}

/* Whether the record's JSON says it belongs to the inspection. */
static int in_inspection(rectify_db *admin, int kind, int64_t id, int64_t inspection)
{
    char *s = NULL, want[64];
    int ok;
    if (rectify_record_get(&s, admin, kind, id) != RECTIFY_OK)
        return 0;
    if (kind == RECTIFY_KIND_INSPECTION)
        snprintf(want, sizeof want, "\"id\":%" PRId64 ",", inspection);
    else
        snprintf(want, sizeof want, "\"inspection_id\":%" PRId64 ",", inspection);
    ok = strstr(s, want) != NULL;
    rectify_free(s);
    return ok;
}

static void check_scoped_lists(world *w)
{
    static const int kinds[] = {RECTIFY_KIND_INSPECTION, RECTIFY_KIND_ASPECT, RECTIFY_KIND_ISSUE,
                                RECTIFY_KIND_MEASURE, RECTIFY_KIND_PROGRESS, RECTIFY_KIND_OUTCOME};
    static const int scoped[] = {INSPECTOR, LIAISON, OWNER};
    static const int everything[] = {ADMIN, SUPERVISOR, AUDITOR};
    rectify_db *admin, *db;
    size_t r, k;
    long i, n, all, own;
    int64_t *ids, *ids2;
    fresh_copy(w);
    admin = open_as(w->cell_path, "admin");
    if (admin == NULL)
        fatal("cannot open the copy as admin");
    for (r = 0; r < sizeof scoped / sizeof scoped[0]; r++) {
        const int role = scoped[r];
        db = open_as(w->cell_path, g_actor[role]);
        for (k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
            snprintf(g_where, sizeof g_where, "list %s as %s", rectify_kind_name(kinds[k]), g_actor[role]);
            n = list_ids(db, kinds[k], 0, &ids);
            own = list_ids(admin, kinds[k], w->insp1, &ids2);
            free(ids2);
            /* Exactly the records of unit 1's inspection: none of unit 2's. */
            if (!CHECK(n == own))
                fprintf(stderr, "    (%ld listed, unit 1 has %ld)\n", n, own);
            for (i = 0; i < n; i++)
                if (!CHECK(in_inspection(admin, kinds[k], ids[i], w->insp1)))
                    fprintf(stderr, "    (%s %" PRId64 " is not unit 1's)\n", rectify_kind_name(kinds[k]), ids[i]);
            free(ids);
            /* Filtering on unit 2's inspection finds nothing, rather than failing. */
            n = list_ids(db, kinds[k], w->insp2, &ids);
            CHECK(n == 0);
            free(ids);
        }
        /* Units and rounds listed must be readable one by one too. */
        snprintf(g_where, sizeof g_where, "units and rounds listed to %s", g_actor[role]);
        for (k = 0; k < 2; k++) {
            const int kind = k == 0 ? RECTIFY_KIND_UNIT : RECTIFY_KIND_ROUND;
            const int64_t other = k == 0 ? w->unit2 : w->round2;
            n = list_ids(db, kind, 0, &ids);
            for (i = 0; i < n; i++) {
                char *s = NULL;
                int rc = rectify_record_get(&s, db, kind, ids[i]);
                CHECK(ids[i] != other);
                rectify_free(s);
                if (rc != RECTIFY_OK) {
                    g_known_bugs++;
                    printf("KNOWN LIBRARY BUG [%s]: %s %" PRId64 " is in the list but rectify_record_get "
                           "denies it (%s)\n", g_where, rectify_kind_name(kind), ids[i], rectify_errmsg());
                }
            }
            free(ids);
        }
        rectify_db_close(db);
    }
    for (r = 0; r < sizeof everything / sizeof everything[0]; r++) {
        const int role = everything[r];
        db = open_as(w->cell_path, g_actor[role]);
        for (k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
            snprintf(g_where, sizeof g_where, "list %s as %s", rectify_kind_name(kinds[k]), g_actor[role]);
            n = list_ids(db, kinds[k], 0, &ids);
            free(ids);
            all = list_ids(admin, kinds[k], 0, &ids);
            free(ids);
            CHECK(n == all && n > 0);
        }
        rectify_db_close(db);
    }
    /* The public, a user with no grant, a stranger and no actor list nothing: denied. */
    for (r = PUBLIC_; r < NROLES; r++) {
        char *s = SENTINEL_STR;
        snprintf(g_where, sizeof g_where, "list issues as %s", g_role_label[r]);
        db = open_as(w->cell_path, g_actor[r]);
        CHECK(rectify_record_list(&s, db, RECTIFY_KIND_ISSUE, NULL) == RECTIFY_E_DENIED);
        CHECK(s == NULL);
        rectify_db_close(db);
    }
    rectify_db_close(admin);
}

/* Statistics of unit 1's inspection: whoever reads it gets them, but only with read_leads do
   they count its leads; the others are told the leads were left out. */
static void check_stats_leads(world *w)
{
    static const int roles[] = {ADMIN, INSPECTOR, LIAISON, OWNER, SUPERVISOR, AUDITOR};
    size_t r;
    fresh_copy(w);
    for (r = 0; r < sizeof roles / sizeof roles[0]; r++) {
        const int role = roles[r];
        const int reads_leads = role != LIAISON && role != OWNER;
        rectify_stats_options opts = RECTIFY_STATS_OPTIONS_INIT;
        rectify_db *db = open_as(w->cell_path, g_actor[role]);
        char *s = NULL;
        int rc;
        snprintf(g_where, sizeof g_where, "statistics of inspection 1 as %s", g_actor[role]);
        opts.inspection_id = w->insp1;
        opts.as_of = "2019-01-31";
        rc = rectify_stats_json(&s, db, &opts);
        if (CHECK(rc == RECTIFY_OK)) {
            if (reads_leads) {
                if (!CHECK(strstr(s, "\"handed_over\":2") != NULL && strstr(s, "withheld_inspections") == NULL))
                    fprintf(stderr, "    (leads should be counted: %s)\n", strstr(s, "\"leads\""));
            } else {
                if (!CHECK(strstr(s, "\"handed_over\":0") != NULL && strstr(s, "\"withheld_inspections\":1") != NULL))
                    fprintf(stderr, "    (leads should be left out: %s)\n", strstr(s, "\"leads\""));
            }
        }
        rectify_free(s);
        rectify_db_close(db);
    }
}

/* ------------------------------------------------------------------------------------------ */

int main(int argc, char **argv)
{
    const char *base = getenv("TMPDIR");
    world w;
    size_t o;
    int role;

    if (argc != 2) {
        fprintf(stderr, "usage: %s SEED.json\n", argv[0]);
        return 2;
    }
    g_verbose = getenv("RECTIFY_TEST_VERBOSE") != NULL;
    if (base == NULL || base[0] == '\0')
        base = "/tmp";
    snprintf(g_tmpdir, sizeof g_tmpdir, "%s/rectify-matrix-XXXXXX", base);
    if (mkdtemp(g_tmpdir) == NULL)
        fatal("mkdtemp %s: %s", g_tmpdir, strerror(errno));

    memset(&w, 0, sizeof w);
    build_world(&w, argv[1]);

    for (o = 0; o < sizeof g_ops / sizeof g_ops[0]; o++) {
        if (strlen(g_ops[o].expect) != NROLES)
            fatal("row '%s' of the table has %zu cells, not %d", g_ops[o].name, strlen(g_ops[o].expect), NROLES);
        for (role = 0; role < NROLES; role++)
            run_cell(&w, &g_ops[o], role);
    }
    check_scoped_lists(&w);
    check_stats_leads(&w);

    free(w.pristine_bytes);
    free(w.doc1_edit);
    free(w.doc2_edit);
    free(w.doc1_close);
    free(w.doc1_close_guarded);
    free(w.doc1_reopen);
    free(w.doc_hijack);
    if (getenv("RECTIFY_TEST_KEEP") != NULL)
        printf("kept %s\n", g_tmpdir);
    else
        remove_tmpdir();
    printf("%zu operations x %d actors; %d known library bug(s) reported above\n",
           sizeof g_ops / sizeof g_ops[0], NROLES, g_known_bugs);
    printf("%d passed, %d failed\n", g_passed, g_failed);
    return g_failed == 0 ? 0 : 1;
}
