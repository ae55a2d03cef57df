/*
 * concurrency_test.c: several processes and threads, one handle each, write to one database at
 * once. Nothing is lost, no caller sees RECTIFY_E_BUSY within its busy timeout, and stale writes
 * are reported as conflicts.
 *
 * Phase "open": PROCS processes of THREADS threads each open one new file with CREATE at the same
 * moment, each as its own actor (the schema and the first administrator are made by whoever gets
 * there first). Every open succeeds; the file has one user, who is admin, one bootstrap event and
 * the current schema, and passes integrity_check and audit verify.
 *
 * Phase "write": the seed and a copy of it under another ref are imported, and every worker gets
 * its own user (liaison on the unit, inspector on the round). Then every worker, on its own
 * handle opened in its own thread, is released at the same moment and interleaves:
 *   (a) progress records with a unique text "w<proc>-<thread>-<k>" on two measures: afterwards
 *       each one that was reported committed is there exactly once, no other is, and the
 *       measures hold exactly as many new progress records as were reported;
 *   (b) read-modify-write of two shared measures: read the record's version and status, move it
 *       in_progress <-> done with rectify_status_set(expect_version). Each call returns
 *       RECTIFY_OK or RECTIFY_E_CONFLICT, nothing else; on a conflict the worker reads again.
 *       Afterwards each measure's version is its first plus the successful moves, and its audit
 *       log holds exactly one status event per successful move, by the actor who made it.
 *       Three times all workers of all processes read the same measure, wait for each other and
 *       then write with the version they read: exactly one write wins, the rest conflict;
 *   (c) re-imports of the copy, the same document every time: every one succeeds and creates
 *       nothing, and the copy's counts are what they were.
 * The audit log grows by exactly one event per reported progress record and move, and by none
 * for the re-imports, which changed nothing.
 * Every other code any call returns is recorded with rectify_errmsg() and fails the test. The
 * file then passes PRAGMA integrity_check and rectify_audit_verify().
 *
 * Phase "busy": a raw SQLite connection holds the write lock (BEGIN IMMEDIATE). A handle opened
 * with busy_timeout_ms 200 can still read, and its write fails with RECTIFY_E_BUSY, after at
 * least the 200 ms, well before the 5 s default, changing nothing. A handle with a long timeout
 * waits for the lock instead and commits once it is released.
 *
 *   concurrency_test SEED.json
 *
 * SQLite is linked for integrity_check, counts and the lock holder only. Set RECTIFY_TEST_KEEP=1
 * to keep the temporary directory.
 */
#define _XOPEN_SOURCE 700
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS */

#include <rectify/rectify.h>

#include <sqlite3.h>

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "files.h"

#define SEED_REF "tongcheng-2018-fulian"
#define COPY_REF "concurrency-copy"

/* Sized for a run of seconds under the sanitizers; compile with larger -D values to stress. */
#ifndef PROCS
#define PROCS 3
#endif
#ifndef THREADS
#define THREADS 3
#endif
#define WORKERS (PROCS * THREADS)
#ifndef PROGRESS_PER_WORKER
#define PROGRESS_PER_WORKER 16 /* (a); at most 64, one bit each */
#endif
#ifndef MOVES_PER_WORKER
#define MOVES_PER_WORKER 12 /* (b) */
#endif
#ifndef IMPORTS_PER_WORKER
#define IMPORTS_PER_WORKER 2 /* (c) */
#endif
#define BUSY_TIMEOUT_MS 20000  /* far above what any one write waits for here */
#define MAX_RETRIES 10000      /* a read-modify-write that never gets through is a failure too */
#define RACES 3                /* (b) rounds where every worker writes from the same moment */

static int g_failed;
/* The one administrator, whichever worker's open made it first. */
static char g_admin[32];
static const char *g_phase = "setup";

#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
static void fail(const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "[%s] FAILED: ", g_phase);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n");
    g_failed++;
}

static void die(const char *what, const char *detail)
{
    fprintf(stderr, "[%s] setup failed: %s: %s\n", g_phase, what, detail ? detail : "");
    exit(2);
}

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1000.0 + (double)t.tv_nsec / 1e6;
}

/* text with every from replaced by to; malloc'd. */
static char *replace_all(const char *text, const char *from, const char *to)
{
    size_t n = 0, fl = strlen(from), tl = strlen(to);
    const char *p = text;
    char *out, *w;
    while ((p = strstr(p, from)) != NULL) {
        n++;
        p += fl;
    }
    out = malloc(strlen(text) + n * (tl > fl ? tl - fl : 0) + 1);
    if (!out) abort();
    w = out;
    p = text;
    for (;;) {
        const char *q = strstr(p, from);
        if (!q) break;
        memcpy(w, p, (size_t)(q - p));
        w += q - p;
        memcpy(w, to, tl);
        w += tl;
        p = q + fl;
    }
    strcpy(w, p);
    return out;
}

/* --- SQLite, for integrity_check, counts and holding the lock only ------------------------------ */

static sqlite3 *sq_open(const char *path)
{
    sqlite3 *s = NULL;
    if (sqlite3_open_v2(path, &s, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) die("sqlite3_open", sqlite3_errmsg(s));
    sqlite3_busy_timeout(s, BUSY_TIMEOUT_MS);
    return s;
}

/* The first column of the first row of sql, with up to two parameters (text, or NULL), as an
   integer; -1 when there is no row. */
static long long sq_int2(sqlite3 *s, const char *sql, const char *p1, const char *p2)
{
    sqlite3_stmt *st = NULL;
    long long v = -1;
    if (sqlite3_prepare_v2(s, sql, -1, &st, NULL) != SQLITE_OK) die(sql, sqlite3_errmsg(s));
    if (p1) sqlite3_bind_text(st, 1, p1, -1, SQLITE_TRANSIENT);
    if (p2) sqlite3_bind_text(st, 2, p2, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

static long long sq_int(sqlite3 *s, const char *sql, const char *param) { return sq_int2(s, sql, param, NULL); }

static long long sq_int_id(sqlite3 *s, const char *sql, int64_t id)
{
    char idtext[32];
    snprintf(idtext, sizeof idtext, "%lld", (long long)id);
    return sq_int(s, sql, idtext);
}

static void check_integrity(const char *path)
{
    sqlite3 *s = sq_open(path);
    sqlite3_stmt *st = NULL;
    const char *r;
    if (sqlite3_prepare_v2(s, "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK) die("integrity_check", sqlite3_errmsg(s));
    if (sqlite3_step(st) != SQLITE_ROW || (r = (const char *)sqlite3_column_text(st, 0)) == NULL || strcmp(r, "ok") != 0)
        fail("PRAGMA integrity_check: %s", sqlite3_column_text(st, 0) ? (const char *)sqlite3_column_text(st, 0) : sqlite3_errmsg(s));
    sqlite3_finalize(st);
    sqlite3_close(s);
}

static void check_audit(const char *path)
{
    rectify_db *db = NULL;
    rectify_open_options o = RECTIFY_OPEN_OPTIONS_INIT;
    char *report = NULL;
    int rc;
    o.actor = g_admin;
    if ((rc = rectify_db_open(&db, path, &o)) != RECTIFY_OK) {
        fail("rectify_db_open for audit verify: %d %s", rc, rectify_errmsg());
        return;
    }
    rc = rectify_audit_verify(&report, db);
    if (rc != RECTIFY_OK || !report || !strstr(report, "\"intact\":true"))
        fail("rectify_audit_verify: %d %s", rc, report ? report : rectify_errmsg());
    rectify_free(report);
    rectify_db_close(db);
}

/* --- what the workers report ------------------------------------------------------------------ */

#define NMEASURES 2
#define MAX_NOTES 3

struct result {
    int done;                         /* the worker ran to its end */
    int unexpected;                   /* calls that returned a code they must not */
    char notes[MAX_NOTES][1024];      /* the first of them, with rectify_errmsg() */
    uint64_t progress;                /* bit k: "w<p>-<t>-<k>" reported committed */
    int moves[NMEASURES];             /* (b) successful versioned moves, per measure */
    int conflicts;                    /* (b) RECTIFY_E_CONFLICT seen */
    int imports;                      /* (c) re-imports reported committed */
    int races[RACES];                 /* (b) per race: 1 the write won, 2 it conflicted */
};

/* In memory shared with the children, written by each worker in its own slot only. */
static struct result *g_results;
/* In shared memory too: all workers of all processes, for the races. */
static pthread_barrier_t *g_race;

struct plan {
    const char *path;
    const char *copy;       /* (c) the copy's document */
    int64_t progress_measure[NMEASURES];
    int64_t move_measure[NMEASURES];
    int writes;             /* 0: only open the file (phase "open") */
};

static struct plan g_plan;

struct worker {
    int proc, thread;
    pthread_barrier_t *opened, *go;
    struct result *r;
};

static void note(struct result *r, const char *what, int rc)
{
    if (r->unexpected < MAX_NOTES)
        snprintf(r->notes[r->unexpected], sizeof r->notes[0], "%s returned %d (%s): %s", what, rc, rectify_strerror(rc),
                 rectify_errmsg());
    r->unexpected++;
}

/* The value of "key": in a record's JSON; the records are flat objects, so the first one is the
   record's own. Returns 0 when absent. */
static int json_field(const char *json, const char *key, char *out, size_t size)
{
    char pattern[64];
    const char *p;
    size_t n = 0;
    snprintf(pattern, sizeof pattern, "\"%s\":", key);
    if ((p = strstr(json, pattern)) == NULL) return 0;
    p += strlen(pattern);
    if (*p == '"') p++;
    while (p[n] && p[n] != '"' && p[n] != ',' && p[n] != '}' && n + 1 < size) n++;
    memcpy(out, p, n);
    out[n] = '\0';
    return 1;
}

/* (b): one read-modify-write of measure i, retried on conflicts until it gets through. */
static void move_once(rectify_db *db, struct result *r, int i)
{
    int tries;
    for (tries = 0; tries < MAX_RETRIES; tries++) {
        char *json = NULL, version[32], status[32];
        int rc = rectify_record_get(&json, db, RECTIFY_KIND_MEASURE, g_plan.move_measure[i]), from, to;
        int64_t expect, got = 0;
        if (rc != RECTIFY_OK) {
            note(r, "rectify_record_get", rc);
            return;
        }
        if (!json_field(json, "version", version, sizeof version) || !json_field(json, "status", status, sizeof status) ||
            rectify_status_from_name(&from, status) != RECTIFY_OK) {
            note(r, "reading version and status from the record's JSON", RECTIFY_OK);
            rectify_free(json);
            return;
        }
        rectify_free(json);
        expect = strtoll(version, NULL, 10);
        to = from == RECTIFY_STATUS_DONE ? RECTIFY_STATUS_IN_PROGRESS : RECTIFY_STATUS_DONE;
        rc = rectify_status_set(&got, db, RECTIFY_KIND_MEASURE, g_plan.move_measure[i], to, expect);
        if (rc == RECTIFY_OK) {
            /* One bump per write: a different number means someone else's write slipped in. */
            if (got != expect + 1) {
                char what[128];
                snprintf(what, sizeof what, "rectify_status_set from version %lld gave version %lld", (long long)expect,
                         (long long)got);
                note(r, what, rc);
            }
            r->moves[i]++;
            return;
        }
        if (rc != RECTIFY_E_CONFLICT) {
            note(r, "rectify_status_set", rc);
            return;
        }
        r->conflicts++;
    }
    note(r, "rectify_status_set kept conflicting", RECTIFY_E_CONFLICT);
}

/* (b) a race: every worker reads measure 0, waits until all have read, writes with the version it
   read, and waits again until all have written. No other write happens between the last read and
   the last racing write, so the last reader holds the current version: exactly one write wins and
   every other is a conflict, however the writes are scheduled. Two winners would mean the version
   check is not part of the write. */
static void race(rectify_db *db, struct result *r, int round)
{
    char *json = NULL, version[32], status[32];
    int rc = db ? rectify_record_get(&json, db, RECTIFY_KIND_MEASURE, g_plan.move_measure[0]) : RECTIFY_E_MISUSE, from = 0;
    int ok = rc == RECTIFY_OK && json_field(json, "version", version, sizeof version) &&
             json_field(json, "status", status, sizeof status) && rectify_status_from_name(&from, status) == RECTIFY_OK;
    rectify_free(json);
    if (db && !ok) note(r, "reading the record before a race", rc);
    pthread_barrier_wait(g_race); /* always, so that a failed worker does not hang the others */
    if (!ok) {
        pthread_barrier_wait(g_race);
        return;
    }
    rc = rectify_status_set(NULL, db, RECTIFY_KIND_MEASURE, g_plan.move_measure[0],
                            from == RECTIFY_STATUS_DONE ? RECTIFY_STATUS_IN_PROGRESS : RECTIFY_STATUS_DONE,
                            strtoll(version, NULL, 10));
    if (rc == RECTIFY_OK) {
        r->races[round] = 1;
        r->moves[0]++;
    } else if (rc == RECTIFY_E_CONFLICT) {
        r->races[round] = 2;
        r->conflicts++;
    } else {
        note(r, "rectify_status_set in a race", rc);
    }
    pthread_barrier_wait(g_race);
}

/* (c): the same document again; it must create nothing. */
static void reimport(rectify_db *db, struct result *r)
{
    char *summary = NULL;
    const char *created;
    int rc = rectify_import_json(NULL, &summary, db, g_plan.copy, strlen(g_plan.copy));
    if (rc != RECTIFY_OK) {
        note(r, "rectify_import_json", rc);
        return;
    }
    r->imports++;
    /* "created":{"round":0,...}: every count in that object is 0. */
    created = summary ? strstr(summary, "\"created\":{") : NULL;
    if (!created) {
        note(r, "rectify_import_json gave no created counts", rc);
    } else {
        const char *p = created + strlen("\"created\":{");
        for (; *p && *p != '}'; p++)
            if (*p == ':' && p[1] != '0') {
                char what[480];
                snprintf(what, sizeof what, "a re-import created records: %.400s", summary);
                note(r, what, rc);
                break;
            }
    }
    rectify_free(summary);
}

static void *work(void *arg)
{
    struct worker *w = arg;
    struct result *r = w->r;
    rectify_db *db = NULL;
    rectify_open_options o = RECTIFY_OPEN_OPTIONS_INIT;
    char actor[32];
    int rc, k;

    snprintf(actor, sizeof actor, "w%d-%d", w->proc, w->thread);
    o.busy_timeout_ms = BUSY_TIMEOUT_MS;
    o.actor = actor;
    if (g_plan.writes) {
        rc = rectify_db_open(&db, g_plan.path, &o);
        if (rc != RECTIFY_OK) note(r, "rectify_db_open", rc);
    }
    pthread_barrier_wait(w->opened);
    pthread_barrier_wait(w->go);
    if (!g_plan.writes) {
        /* Phase "open": everyone creates the same new file at once. */
        rc = rectify_db_open(&db, g_plan.path, &o);
        if (rc != RECTIFY_OK) note(r, "rectify_db_open of a new file", rc);
    } else if (!db) {
        for (k = 0; k < RACES; k++) race(NULL, r, k); /* only to keep the others' barriers */
    } else {
        /* Interleaved so that every kind of write meets every other. */
        int moves = 0, imports = 0, races = 0;
        for (k = 0; k < PROGRESS_PER_WORKER; k++) {
            if (races < RACES && k == (races + 1) * PROGRESS_PER_WORKER / (RACES + 1)) {
                race(db, r, races);
                races++;
            }
            char text[64];
            snprintf(text, sizeof text, "w%d-%d-%d", w->proc, w->thread, k);
            rc = rectify_progress_add(NULL, db, g_plan.progress_measure[k % NMEASURES], "2019-01-15", text, NULL);
            if (rc == RECTIFY_OK) r->progress |= (uint64_t)1 << k;
            else note(r, "rectify_progress_add", rc);
            while (moves < MOVES_PER_WORKER && moves * PROGRESS_PER_WORKER <= k * MOVES_PER_WORKER) {
                move_once(db, r, (w->thread + moves) % NMEASURES);
                moves++;
            }
            if (imports < IMPORTS_PER_WORKER && k == (imports * 2 + 1) * PROGRESS_PER_WORKER / (2 * IMPORTS_PER_WORKER)) {
                reimport(db, r);
                imports++;
            }
        }
        for (; moves < MOVES_PER_WORKER; moves++) move_once(db, r, (w->thread + moves) % NMEASURES);
        for (; imports < IMPORTS_PER_WORKER; imports++) reimport(db, r);
    }
    rectify_db_close(db);
    r->done = 1;
    return NULL;
}

/* One child process: THREADS workers, released together when the parent closes the go pipe. */
static void child(int proc, int ready_fd, int go_fd)
{
    pthread_t threads[THREADS];
    struct worker workers[THREADS];
    pthread_barrier_t opened, go;
    char c;
    int t;
    /* A worker that dies leaves the others waiting at a barrier: never outlive the test. */
    alarm(300);
    pthread_barrier_init(&opened, NULL, THREADS + 1);
    pthread_barrier_init(&go, NULL, THREADS + 1);
    for (t = 0; t < THREADS; t++) {
        workers[t].proc = proc;
        workers[t].thread = t;
        workers[t].opened = &opened;
        workers[t].go = &go;
        workers[t].r = &g_results[proc * THREADS + t];
        if (pthread_create(&threads[t], NULL, work, &workers[t]) != 0) _exit(3);
    }
    pthread_barrier_wait(&opened);
    if (write(ready_fd, "r", 1) != 1) _exit(3);
    close(ready_fd);
    /* Blocks until every process is ready and the parent closes its end. */
    if (read(go_fd, &c, 1) != 0) _exit(3);
    pthread_barrier_wait(&go);
    for (t = 0; t < THREADS; t++) pthread_join(threads[t], NULL);
    pthread_barrier_destroy(&opened);
    pthread_barrier_destroy(&go);
    exit(0);
}

/* Forks PROCS children, releases all their workers at once, waits for them, and fails for every
   worker that did not finish or saw a code it must not. */
static void run_workers(void)
{
    int ready[2], go[2], p, w;
    pid_t pids[PROCS];
    char c;
    memset(g_results, 0, sizeof *g_results * WORKERS);
    if (pipe(ready) != 0 || pipe(go) != 0) die("pipe", strerror(errno));
    fflush(NULL);
    for (p = 0; p < PROCS; p++) {
        pids[p] = fork();
        if (pids[p] < 0) die("fork", strerror(errno));
        if (pids[p] == 0) {
            close(ready[0]);
            close(go[1]);
            child(p, ready[1], go[0]);
        }
    }
    close(ready[1]);
    close(go[0]);
    for (p = 0; p < PROCS; p++)
        if (read(ready[0], &c, 1) != 1) fail("a worker process died before it was ready");
    close(ready[0]);
    close(go[1]); /* go */
    for (p = 0; p < PROCS; p++) {
        int status = 0;
        if (waitpid(pids[p], &status, 0) != pids[p]) die("waitpid", strerror(errno));
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) fail("worker process %d ended with wait status %d", p, status);
    }
    for (w = 0; w < WORKERS; w++) {
        struct result *r = &g_results[w];
        int i;
        if (!r->done) fail("worker w%d-%d did not finish", w / THREADS, w % THREADS);
        for (i = 0; i < r->unexpected && i < MAX_NOTES; i++) fail("worker w%d-%d: %s", w / THREADS, w % THREADS, r->notes[i]);
        if (r->unexpected > MAX_NOTES)
            fail("worker w%d-%d: %d more unexpected codes", w / THREADS, w % THREADS, r->unexpected - MAX_NOTES);
    }
}

/* --- phases ----------------------------------------------------------------------------------- */

static void phase_open(const char *path)
{
    sqlite3 *s;
    g_phase = "open";
    g_plan.path = path;
    g_plan.writes = 0;
    run_workers();
    check_integrity(path);
    s = sq_open(path);
    /* Each worker opened as itself: the first made itself admin, the others found a user there. */
    if (sq_int(s, "SELECT count(*) FROM users", NULL) != 1) fail("users after the racing opens: %lld, want 1", sq_int(s, "SELECT count(*) FROM users", NULL));
    if (sq_int(s, "SELECT count(*) FROM grants WHERE role = 'admin' AND scope = 'all'", NULL) != 1) fail("not one admin after the racing opens");
    {
        sqlite3_stmt *st = NULL;
        if (sqlite3_prepare_v2(s, "SELECT name FROM users", -1, &st, NULL) != SQLITE_OK) die("SELECT name", sqlite3_errmsg(s));
        if (sqlite3_step(st) == SQLITE_ROW) snprintf(g_admin, sizeof g_admin, "%s", (const char *)sqlite3_column_text(st, 0));
        sqlite3_finalize(st);
    }
    if (sq_int(s, "SELECT count(*) FROM audit_events WHERE action = 'bootstrap' AND kind NOT LIKE 'row:%'", NULL) != 1)
        fail("bootstrap events after the racing opens: %lld, want 1",
             sq_int(s, "SELECT count(*) FROM audit_events WHERE action = 'bootstrap' AND kind NOT LIKE 'row:%'", NULL));
    if (sq_int(s, "PRAGMA user_version", NULL) != rectify_schema_version())
        fail("schema version %lld, want %d", sq_int(s, "PRAGMA user_version", NULL), rectify_schema_version());
    sqlite3_close(s);
    check_audit(path);
}

/* Counts of the copy: aspects, issues, measures, progress, outcomes, and the shared records. */
#define NCOUNTS 8
static void copy_counts(sqlite3 *s, long long out[NCOUNTS])
{
    static const char *const sql[NCOUNTS] = {
        "SELECT count(*) FROM aspects WHERE inspection_id = (SELECT id FROM inspections WHERE ref = ?1)",
        "SELECT count(*) FROM issues WHERE inspection_id = (SELECT id FROM inspections WHERE ref = ?1)",
        "SELECT count(*) FROM measures WHERE inspection_id = (SELECT id FROM inspections WHERE ref = ?1)",
        "SELECT count(*) FROM progress WHERE inspection_id = (SELECT id FROM inspections WHERE ref = ?1)",
        "SELECT count(*) FROM outcomes WHERE inspection_id = (SELECT id FROM inspections WHERE ref = ?1)",
        "SELECT count(*) FROM inspections WHERE ?1 IS NOT NULL",
        "SELECT count(*) FROM units WHERE ?1 IS NOT NULL",
        "SELECT count(*) FROM rounds WHERE ?1 IS NOT NULL",
    };
    int i;
    for (i = 0; i < NCOUNTS; i++) out[i] = sq_int(s, sql[i], COPY_REF);
}

static void phase_write(const char *path, const char *seed_path)
{
    rectify_db *db = NULL;
    rectify_open_options o = RECTIFY_OPEN_OPTIONS_INIT;
    char *seed, *copy, *tmp;
    int64_t unit = 0, round = 0;
    long long before[NCOUNTS], after[NCOUNTS], progress_before[NMEASURES], version_before[NMEASURES],
        events_before[NMEASURES], all_events_before, reported_progress = 0;
    int moves[NMEASURES] = {0}, conflicts = 0, imports = 0, p, t, i, k;
    sqlite3 *s;
    static const char *const progress_refs[NMEASURES] = {SEED_REF "/a1/i1/m1", SEED_REF "/a1/i2/m1"};
    static const char *const move_refs[NMEASURES] = {SEED_REF "/a4/i1/m1", SEED_REF "/a4/i1/m2"};

    g_phase = "write setup";
    seed = must_read_file(seed_path, NULL);
    tmp = replace_all(seed, SEED_REF, COPY_REF);
    copy = replace_all(tmp, "\"title\": \"市妇联党组关于巡察整改情况的通报\"", "\"title\": \"" COPY_REF "\"");
    free(tmp);
    o.actor = g_admin;
    o.busy_timeout_ms = BUSY_TIMEOUT_MS;
    if (rectify_db_open(&db, path, &o) != RECTIFY_OK) die("open", rectify_errmsg());
    if (rectify_import_json(NULL, NULL, db, seed, strlen(seed)) != RECTIFY_OK) die("import the seed", rectify_errmsg());
    if (rectify_import_json(NULL, NULL, db, copy, strlen(copy)) != RECTIFY_OK) die("import the copy", rectify_errmsg());
    if (rectify_record_find(&unit, db, RECTIFY_KIND_UNIT, "tongcheng-fulian") != RECTIFY_OK ||
        rectify_record_find(&round, db, RECTIFY_KIND_ROUND, "tongcheng-2018-round") != RECTIFY_OK)
        die("the seed's unit and round", rectify_errmsg());
    for (i = 0; i < NMEASURES; i++)
        if (rectify_record_find(&g_plan.progress_measure[i], db, RECTIFY_KIND_MEASURE, progress_refs[i]) != RECTIFY_OK ||
            rectify_record_find(&g_plan.move_measure[i], db, RECTIFY_KIND_MEASURE, move_refs[i]) != RECTIFY_OK)
            die("the seed's measures", rectify_errmsg());
    /* Each worker acts as itself, with the roles its writes need and no more. */
    for (p = 0; p < PROCS; p++)
        for (t = 0; t < THREADS; t++) {
            char name[32];
            snprintf(name, sizeof name, "w%d-%d", p, t);
            /* The administrator is one of them already. */
            if ((strcmp(name, g_admin) != 0 && rectify_user_add(db, name, NULL) != RECTIFY_OK) ||
                rectify_user_grant(db, name, RECTIFY_ROLE_LIAISON, RECTIFY_SCOPE_UNIT, unit) != RECTIFY_OK ||
                rectify_user_grant(db, name, RECTIFY_ROLE_INSPECTOR, RECTIFY_SCOPE_ROUND, round) != RECTIFY_OK)
                die("add the workers' users", rectify_errmsg());
        }
    rectify_db_close(db);

    s = sq_open(path);
    copy_counts(s, before);
    all_events_before = sq_int(s, "SELECT count(*) FROM audit_events WHERE kind NOT LIKE 'row:%'", NULL);
    if (before[2] != 28) die("the copy is not 28 measures", NULL);
    for (i = 0; i < NMEASURES; i++) {
        progress_before[i] = sq_int_id(s, "SELECT count(*) FROM progress WHERE measure_id = CAST(?1 AS INTEGER)", g_plan.progress_measure[i]);
        version_before[i] = sq_int_id(s, "SELECT version FROM measures WHERE id = CAST(?1 AS INTEGER)", g_plan.move_measure[i]);
        events_before[i] = sq_int_id(s, "SELECT count(*) FROM audit_events WHERE kind = 'measure' AND record_id = CAST(?1 AS INTEGER)",
                                     g_plan.move_measure[i]);
    }
    sqlite3_close(s);

    g_phase = "write";
    g_plan.path = path;
    g_plan.copy = copy;
    g_plan.writes = 1;
    run_workers();

    check_integrity(path);
    check_audit(path);
    s = sq_open(path);
    /* (a) every reported progress record exactly once, nothing unreported, nothing else. */
    for (p = 0; p < PROCS; p++)
        for (t = 0; t < THREADS; t++)
            for (k = 0; k < PROGRESS_PER_WORKER; k++) {
                char text[64];
                int reported = (g_results[p * THREADS + t].progress >> k) & 1;
                long long n;
                snprintf(text, sizeof text, "w%d-%d-%d", p, t, k);
                n = sq_int(s, "SELECT count(*) FROM progress WHERE text = ?1", text);
                if (n != reported) fail("progress %s is there %lld times; it was %sreported committed", text, n, reported ? "" : "not ");
                reported_progress += reported;
            }
    {
        long long n = 0;
        for (i = 0; i < NMEASURES; i++)
            n += sq_int_id(s, "SELECT count(*) FROM progress WHERE measure_id = CAST(?1 AS INTEGER)", g_plan.progress_measure[i]) -
                 progress_before[i];
        if (n != reported_progress) fail("%lld progress records were added, %lld reported committed", n, reported_progress);
        if (reported_progress != (long long)WORKERS * PROGRESS_PER_WORKER)
            fail("%lld progress records reported committed, want %d", reported_progress, WORKERS * PROGRESS_PER_WORKER);
    }
    /* (b) one version and one audit event per reported move, each by its worker. */
    for (p = 0; p < PROCS; p++)
        for (t = 0; t < THREADS; t++) {
            struct result *r = &g_results[p * THREADS + t];
            char actor[32];
            conflicts += r->conflicts;
            imports += r->imports;
            snprintf(actor, sizeof actor, "w%d-%d", p, t);
            for (i = 0; i < NMEASURES; i++) {
                char idtext[32];
                long long n;
                moves[i] += r->moves[i];
                snprintf(idtext, sizeof idtext, "%lld", (long long)g_plan.move_measure[i]);
                n = sq_int2(s, "SELECT count(*) FROM audit_events WHERE kind = 'measure' AND action = 'status' "
                               "AND record_id = CAST(?1 AS INTEGER) AND actor = ?2", idtext, actor);
                if (n != r->moves[i])
                    fail("measure %lld: %lld status events by %s, who reported %d moves", (long long)g_plan.move_measure[i], n, actor, r->moves[i]);
            }
        }
    for (i = 0; i < NMEASURES; i++) {
        long long v = sq_int_id(s, "SELECT version FROM measures WHERE id = CAST(?1 AS INTEGER)", g_plan.move_measure[i]);
        long long e = sq_int_id(s, "SELECT count(*) FROM audit_events WHERE kind = 'measure' AND record_id = CAST(?1 AS INTEGER)",
                                g_plan.move_measure[i]);
        if (v != version_before[i] + moves[i])
            fail("measure %lld: version %lld, want %lld + %d reported moves", (long long)g_plan.move_measure[i], v, version_before[i], moves[i]);
        if (e != events_before[i] + moves[i])
            fail("measure %lld: %lld audit events, want %lld + %d reported moves", (long long)g_plan.move_measure[i], e, events_before[i], moves[i]);
    }
    if (moves[0] + moves[1] != WORKERS * MOVES_PER_WORKER + RACES)
        fail("%d moves reported, want %d", moves[0] + moves[1], WORKERS * MOVES_PER_WORKER + RACES);
    for (i = 0; i < RACES; i++) {
        int won = 0, lost = 0, w;
        for (w = 0; w < WORKERS; w++) {
            won += g_results[w].races[i] == 1;
            lost += g_results[w].races[i] == 2;
        }
        if (won != 1 || lost != WORKERS - 1)
            fail("race %d: %d writes won and %d conflicted, want 1 and %d", i, won, lost, WORKERS - 1);
    }
    /* (c) the copy is as it was, and every re-import got through. */
    /* One audit event per reported write, and none for a re-import that changed nothing. */
    {
        long long n = sq_int(s, "SELECT count(*) FROM audit_events WHERE kind NOT LIKE 'row:%'", NULL) - all_events_before;
        if (n != reported_progress + moves[0] + moves[1])
            fail("%lld audit events were added, want %lld progress records + %d moves", n, reported_progress, moves[0] + moves[1]);
    }
    copy_counts(s, after);
    for (i = 0; i < NCOUNTS; i++)
        if (after[i] != before[i]) fail("count %d of the copy went from %lld to %lld over the re-imports", i, before[i], after[i]);
    if (imports != WORKERS * IMPORTS_PER_WORKER) fail("%d re-imports reported, want %d", imports, WORKERS * IMPORTS_PER_WORKER);
    sqlite3_close(s);
    printf("write: %d workers, %lld progress records, %d + %d versioned moves after %d conflicts, %d re-imports\n", WORKERS,
           reported_progress, moves[0], moves[1], conflicts, imports);
    free(copy);
    free(seed);
}

struct waiter {
    const char *path;
    int64_t measure;
    int rc;
    char msg[480];
};

/* A write with the long timeout, started while the lock is held: it waits and commits. */
static void *wait_and_write(void *arg)
{
    struct waiter *w = arg;
    rectify_db *db = NULL;
    rectify_open_options o = RECTIFY_OPEN_OPTIONS_INIT;
    o.actor = g_admin;
    o.busy_timeout_ms = BUSY_TIMEOUT_MS;
    w->rc = rectify_db_open(&db, w->path, &o);
    if (w->rc == RECTIFY_OK) w->rc = rectify_progress_add(NULL, db, w->measure, "2019-01-16", "waited for the lock", NULL);
    snprintf(w->msg, sizeof w->msg, "%s", rectify_errmsg());
    rectify_db_close(db);
    return NULL;
}

static void phase_busy(const char *path)
{
    sqlite3 *holder = sq_open(path);
    rectify_db *db = NULL;
    rectify_open_options o = RECTIFY_OPEN_OPTIONS_INIT;
    char *json = NULL;
    long long progress, events;
    double t0, waited;
    int rc;
    int64_t measure = g_plan.progress_measure[0];
    struct waiter wt;
    pthread_t thread;

    g_phase = "busy";
    progress = sq_int(holder, "SELECT count(*) FROM progress", NULL);
    events = sq_int(holder, "SELECT count(*) FROM audit_events", NULL);
    if (sqlite3_exec(holder, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) die("BEGIN IMMEDIATE", sqlite3_errmsg(holder));

    o.actor = g_admin;
    o.busy_timeout_ms = 200;
    if ((rc = rectify_db_open(&db, path, &o)) != RECTIFY_OK) {
        fail("opening while another connection holds the write lock: %d %s", rc, rectify_errmsg());
    } else {
        /* In WAL mode a writer does not block readers. */
        rc = rectify_record_get(&json, db, RECTIFY_KIND_MEASURE, measure);
        if (rc != RECTIFY_OK) fail("reading while another connection holds the write lock: %d %s", rc, rectify_errmsg());
        rectify_free(json);
        t0 = now_ms();
        rc = rectify_progress_add(NULL, db, measure, "2019-01-16", "must not be written", NULL);
        waited = now_ms() - t0;
        if (rc != RECTIFY_E_BUSY) fail("a write behind a held lock returned %d (%s), want RECTIFY_E_BUSY: %s", rc, rectify_strerror(rc), rectify_errmsg());
        else if (rectify_errcode() != RECTIFY_E_BUSY || rectify_errmsg()[0] == '\0') fail("RECTIFY_E_BUSY without its errcode and message");
        /* SQLite's busy handler sleeps the whole timeout before it gives up; the upper bound only
           tells the configured 200 ms from the 5 s default, with room for a loaded machine. */
        if (waited < 190.0) fail("RECTIFY_E_BUSY after %.0f ms, before the configured 200 ms", waited);
        if (waited > 4500.0) fail("RECTIFY_E_BUSY after %.0f ms, not near the configured 200 ms", waited);
        printf("busy: RECTIFY_E_BUSY after %.0f ms with busy_timeout_ms 200\n", waited);
        rectify_db_close(db);
    }

    /* A handle with the long timeout waits for the holder instead. */
    memset(&wt, 0, sizeof wt);
    wt.path = path;
    wt.measure = measure;
    wt.rc = 1;
    if (pthread_create(&thread, NULL, wait_and_write, &wt) != 0) die("pthread_create", NULL);
    {
        struct timespec d;
        d.tv_sec = 0;
        d.tv_nsec = 500 * 1000000L;
        while (nanosleep(&d, &d) != 0 && errno == EINTR) {
        }
    }
    /* Nothing changed by the refused write: the holder sees the same counts inside its lock. */
    if (sq_int(holder, "SELECT count(*) FROM progress", NULL) != progress ||
        sq_int(holder, "SELECT count(*) FROM audit_events", NULL) != events)
        fail("the refused or waiting write changed something while the lock was held");
    if (sqlite3_exec(holder, "ROLLBACK", NULL, NULL, NULL) != SQLITE_OK) die("ROLLBACK", sqlite3_errmsg(holder));
    pthread_join(thread, NULL);
    if (wt.rc != RECTIFY_OK) fail("a write that waited for the lock returned %d (%s): %s", wt.rc, rectify_strerror(wt.rc), wt.msg);
    if (sq_int(holder, "SELECT count(*) FROM progress WHERE text = 'must not be written'", NULL) != 0)
        fail("the write refused with RECTIFY_E_BUSY is in the database");
    if (sq_int(holder, "SELECT count(*) FROM progress WHERE text = 'waited for the lock'", NULL) != 1)
        fail("the write that waited for the lock is not in the database once");
    if (sq_int(holder, "SELECT count(*) FROM progress", NULL) != progress + 1)
        fail("progress records went from %lld to %lld, want one more", progress, sq_int(holder, "SELECT count(*) FROM progress", NULL));
    sqlite3_close(holder);
    check_integrity(path);
    check_audit(path);
}

int main(int argc, char **argv)
{
    char dir[] = "/tmp/rectify-concurrency-XXXXXX";
    char path[600];
    double t0 = now_ms();
    const char *keep = getenv("RECTIFY_TEST_KEEP");

    if (argc != 2) {
        fprintf(stderr, "usage: %s SEED.json\n", argv[0]);
        return 2;
    }
    if (!mkdtemp(dir)) return 2;
    snprintf(path, sizeof path, "%s/concurrency.db", dir);
    g_results = mmap(NULL, sizeof *g_results * WORKERS, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (g_results == MAP_FAILED) die("mmap", strerror(errno));
    g_race = mmap(NULL, sizeof *g_race, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (g_race == MAP_FAILED) die("mmap", strerror(errno));
    {
        pthread_barrierattr_t a;
        if (pthread_barrierattr_init(&a) != 0 || pthread_barrierattr_setpshared(&a, PTHREAD_PROCESS_SHARED) != 0 ||
            pthread_barrier_init(g_race, &a, WORKERS) != 0)
            die("a barrier across processes", NULL);
        pthread_barrierattr_destroy(&a);
    }

    phase_open(path);
    if (!g_failed) phase_write(path, argv[1]);
    if (!g_failed) phase_busy(path);

    pthread_barrier_destroy(g_race);
    munmap(g_race, sizeof *g_race);
    munmap(g_results, sizeof *g_results * WORKERS);
    printf("concurrency_test: %d processes x %d threads, %.1f s: %s\n", PROCS, THREADS, (now_ms() - t0) / 1000.0,
           g_failed ? "FAILED" : "ok");
    if (g_failed || (keep && *keep == '1')) {
        printf("the database is kept in %s\n", dir);
    } else {
        char cmd[700];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
        if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
    }
    return g_failed ? 1 : 0;
}
