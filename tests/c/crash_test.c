/*
 * crash_test.c: nothing committed is ever lost, and no half transaction is ever seen, when the
 * writer dies by SIGKILL at any moment.
 *
 * The parent imports the seed once, then for each round forks a writer that opens the database
 * afresh and loops forever: a progress record with a unique text, a measure's status moved
 * in_progress <-> done with expect_version, a whole import of the seed under a unique ref and
 * title. After each call returns RECTIFY_OK the writer appends one line to a journal (write +
 * fsync), so every journal line names a commit the library reported. The parent kills the writer
 * 0-30 ms after it says it is ready, then checks:
 *   - PRAGMA integrity_check is "ok" (the first open after the kill recovers the WAL);
 *   - rectify_audit_verify() reports the chain intact;
 *   - every journaled progress text is there exactly once, the measure's version is at least the
 *     last journaled one (and its status the journaled one when the versions are equal), every
 *     journaled import is there with its title;
 *   - every imported inspection, journaled or not, is whole: as many aspects, issues, measures,
 *     progress records and outcomes as the seed's;
 *   - nothing checked in an earlier round has gone.
 *
 *   crash_test SEED.json [ROUNDS [PRNG_SEED]]
 *
 * ROUNDS (default 100, or $RECTIFY_CRASH_ROUNDS) and PRNG_SEED (default 20180919, or
 * $RECTIFY_CRASH_SEED) are printed so that a failure can be rerun. Exits nonzero on any failure,
 * naming the round and what was missing.
 */
#define _XOPEN_SOURCE 700
#define _DEFAULT_SOURCE

#include <rectify/rectify.h>
#include <sqlite3.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "files.h"

#define SEED_REF "tongcheng-2018-fulian"

static int g_failed;
static int g_round;

#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
static void fail(const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "round %d: FAILED: ", g_round);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n");
    g_failed++;
}

static void die(const char *what, const char *detail)
{
    fprintf(stderr, "round %d: setup failed: %s: %s\n", g_round, what, detail ? detail : "");
    exit(2);
}

static uint64_t g_rng;
static uint64_t next_random(uint64_t *s) /* splitmix64 */
{
    uint64_t z = (*s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
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

/* The seed under ref token, with a title naming it: one more inspection of the same unit. */
static char *variant(const char *seed, const char *token)
{
    char title[128];
    char *a = replace_all(seed, SEED_REF, token), *b;
    snprintf(title, sizeof title, "\"title\": \"%s 整改情况的通报\"", token);
    b = replace_all(a, "\"title\": \"市妇联党组关于巡察整改情况的通报\"", title);
    free(a);
    return b;
}

/* --- SQLite, for integrity_check and counts only ----------------------------------------------- */

static sqlite3 *sq_open(const char *path)
{
    sqlite3 *s = NULL;
    if (sqlite3_open_v2(path, &s, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) die("sqlite3_open", sqlite3_errmsg(s));
    sqlite3_busy_timeout(s, 5000);
    return s;
}

/* The first column of the first row of sql (with up to one text parameter) as an integer. */
static long long sq_int(sqlite3 *s, const char *sql, const char *param)
{
    sqlite3_stmt *st = NULL;
    long long v = -1;
    if (sqlite3_prepare_v2(s, sql, -1, &st, NULL) != SQLITE_OK) die(sql, sqlite3_errmsg(s));
    if (param) sqlite3_bind_text(st, 1, param, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

static char *sq_text(sqlite3 *s, const char *sql, const char *param)
{
    sqlite3_stmt *st = NULL;
    char *v = NULL;
    if (sqlite3_prepare_v2(s, sql, -1, &st, NULL) != SQLITE_OK) die(sql, sqlite3_errmsg(s));
    if (param) sqlite3_bind_text(st, 1, param, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0)) {
        v = malloc((size_t)sqlite3_column_bytes(st, 0) + 1);
        strcpy(v, (const char *)sqlite3_column_text(st, 0));
    }
    sqlite3_finalize(st);
    return v;
}

/* What one inspection holds, by table. */
#define NTABLES 5
static const char *const k_tables[NTABLES] = {"aspects", "issues", "measures", "progress", "outcomes"};

static void counts_of(sqlite3 *s, long long id, long long out[NTABLES])
{
    char sql[200], idtext[32];
    int i;
    snprintf(idtext, sizeof idtext, "%lld", id);
    for (i = 0; i < NTABLES; i++) {
        snprintf(sql, sizeof sql, "SELECT count(*) FROM %s WHERE inspection_id = CAST(?1 AS INTEGER)", k_tables[i]);
        out[i] = sq_int(s, sql, idtext);
    }
}

/* --- the writer ------------------------------------------------------------------------------- */

struct shared {
    volatile int in_call; /* 1 from just before a write call until its journal line is synced */
};

static void journal(int fd, const char *line)
{
    size_t len = strlen(line);
    if (write(fd, line, len) != (ssize_t)len || fsync(fd) != 0) _exit(4);
}

static void writer(const char *path, const char *journal_path, const char *seed, int ready_fd, struct shared *sh,
                   int64_t progress_measure, int64_t status_measure, int64_t version, int status, uint64_t rng)
{
    rectify_db *db = NULL;
    rectify_open_options o = RECTIFY_OPEN_OPTIONS_INIT;
    int fd = open(journal_path, O_WRONLY | O_APPEND | O_CREAT, 0600);
    long n;
    char token[64], line[160];

    o.actor = "admin";
    if (fd < 0 || rectify_db_open(&db, path, &o) != RECTIFY_OK) {
        fprintf(stderr, "writer: open: %s\n", rectify_errmsg());
        _exit(3);
    }
    if (write(ready_fd, "r", 1) != 1) _exit(3);
    close(ready_fd);
    for (n = 0;; n++) {
        unsigned pick = (unsigned)(next_random(&rng) % 10);
        int rc;
        snprintf(token, sizeof token, "crash-%d-%ld", g_round, n);
        sh->in_call = 1;
        if (pick < 5) {
            rc = rectify_progress_add(NULL, db, progress_measure, "2019-01-15", token, NULL);
            snprintf(line, sizeof line, "P %s\n", token);
        } else if (pick < 8) {
            int to = status == RECTIFY_STATUS_DONE ? RECTIFY_STATUS_IN_PROGRESS : RECTIFY_STATUS_DONE;
            int64_t v = 0;
            rc = rectify_status_set(&v, db, RECTIFY_KIND_MEASURE, status_measure, to, version);
            if (rc == RECTIFY_OK) {
                version = v;
                status = to;
            }
            snprintf(line, sizeof line, "S %lld %d\n", (long long)version, status);
        } else {
            char *doc = variant(seed, token);
            rc = rectify_import_json(NULL, NULL, db, doc, strlen(doc));
            free(doc);
            snprintf(line, sizeof line, "I %s\n", token);
        }
        if (rc != RECTIFY_OK) {
            fprintf(stderr, "writer: round %d call %ld failed: %d %s\n", g_round, n, rc, rectify_errmsg());
            _exit(3);
        }
        journal(fd, line);
        sh->in_call = 0;
    }
}

/* --- the checks ------------------------------------------------------------------------------- */

struct expected {
    long long counts[NTABLES]; /* of the seed's inspection, as imported */
    long long last_version;    /* of the status measure, as last journaled */
    int last_status;
    long long progress_seen;   /* crash- progress records and inspections found so far */
    long long imports_seen;
    long long kinds[3];        /* journaled progress, status and import commits */
};

/* Checks every complete line of the journal; returns how many. */
static long long check_journal(sqlite3 *s, const char *journal_path, struct expected *e)
{
    size_t len;
    char *text = must_read_file(journal_path, &len), *p = text, *nl;
    long long lines = 0;
    while ((nl = strchr(p, '\n')) != NULL) {
        char token[64];
        long long v;
        int st;
        *nl = '\0';
        lines++;
        if (p[0] == 'P') e->kinds[0]++;
        if (p[0] == 'S') e->kinds[1]++;
        if (p[0] == 'I') e->kinds[2]++;
        if (sscanf(p, "P %63s", token) == 1) {
            long long c = sq_int(s, "SELECT count(*) FROM progress WHERE text = ?1", token);
            if (c != 1) fail("journaled progress %s found %lld times, not once", token, c);
        } else if (sscanf(p, "S %lld %d", &v, &st) == 2) {
            e->last_version = v;
            e->last_status = st;
        } else if (sscanf(p, "I %63s", token) == 1) {
            char *title = sq_text(s, "SELECT title FROM inspections WHERE ref = ?1", token);
            if (!title) fail("journaled import %s is missing", token);
            else if (strncmp(title, token, strlen(token)) != 0) fail("journaled import %s has title %s", token, title);
            free(title);
        } else {
            fail("journal line \"%s\" is garbled", p);
        }
        p = nl + 1;
    }
    free(text);
    return lines;
}

static void check_round(const char *path, const char *journal_path, struct expected *e, int64_t status_measure,
                        long long *checked)
{
    sqlite3 *s = sq_open(path);
    char *ok = sq_text(s, "PRAGMA integrity_check", NULL);
    char idtext[32];
    rectify_db *db = NULL;
    rectify_open_options o = RECTIFY_OPEN_OPTIONS_INIT;
    char *report = NULL;
    sqlite3_stmt *st = NULL;
    long long n;

    if (!ok || strcmp(ok, "ok") != 0) fail("integrity_check: %s", ok ? ok : "(nothing)");
    free(ok);

    o.actor = "admin";
    if (rectify_db_open(&db, path, &o) != RECTIFY_OK) {
        fail("rectify_db_open after the kill: %s", rectify_errmsg());
    } else {
        if (rectify_audit_verify(&report, db) != RECTIFY_OK || !report || !strstr(report, "\"intact\":true"))
            fail("audit verify: %s", report ? report : rectify_errmsg());
        rectify_free(report);
        rectify_db_close(db);
    }

    *checked += check_journal(s, journal_path, e);
    snprintf(idtext, sizeof idtext, "%lld", (long long)status_measure);
    {
        long long v = sq_int(s, "SELECT version FROM measures WHERE id = CAST(?1 AS INTEGER)", idtext);
        char *status = sq_text(s, "SELECT status FROM measures WHERE id = CAST(?1 AS INTEGER)", idtext);
        if (v < e->last_version)
            fail("status measure %lld: version %lld stored, %lld journaled", (long long)status_measure, v, e->last_version);
        else if (v == e->last_version && e->last_status &&
                 (!status || strcmp(status, rectify_status_name(e->last_status)) != 0))
            fail("status measure %lld: %s stored at the journaled version %lld, %s journaled", (long long)status_measure,
                 status ? status : "?", v, rectify_status_name(e->last_status));
        free(status);
    }

    /* Every imported inspection, journaled or not, is whole. */
    if (sqlite3_prepare_v2(s, "SELECT id, ref FROM inspections WHERE ref LIKE 'crash-%'", -1, &st, NULL) != SQLITE_OK)
        die("select inspections", sqlite3_errmsg(s));
    n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        long long c[NTABLES];
        int i;
        n++;
        counts_of(s, sqlite3_column_int64(st, 0), c);
        for (i = 0; i < NTABLES; i++)
            if (c[i] != e->counts[i]) {
                fail("inspection %s is torn: %s %lld, the seed has %lld", (const char *)sqlite3_column_text(st, 1),
                     k_tables[i], c[i], e->counts[i]);
            }
    }
    sqlite3_finalize(st);
    if (n < e->imports_seen) fail("imported inspections went down from %lld to %lld", e->imports_seen, n);
    e->imports_seen = n;
    n = sq_int(s, "SELECT count(*) FROM progress WHERE text LIKE 'crash-%'", NULL);
    if (n < e->progress_seen) fail("written progress records went down from %lld to %lld", e->progress_seen, n);
    e->progress_seen = n;
    sqlite3_close(s);
}

int main(int argc, char **argv)
{
    char dir[] = "/tmp/rectify-crash-XXXXXX";
    char path[600], journal_path[600];
    char *seed;
    int rounds = 100, kills_in_call = 0, round;
    uint64_t prng_seed = 20180919;
    long long checked = 0;
    int64_t inspection = 0, progress_measure, status_measure;
    struct expected e;
    struct shared *sh;
    struct timespec t0, t1;
    const char *env;

    if (argc < 2 || argc > 4) {
        fprintf(stderr, "usage: %s SEED.json [ROUNDS [PRNG_SEED]]\n", argv[0]);
        return 2;
    }
    if ((env = getenv("RECTIFY_CRASH_ROUNDS")) != NULL) rounds = atoi(env);
    if ((env = getenv("RECTIFY_CRASH_SEED")) != NULL) prng_seed = strtoull(env, NULL, 10);
    if (argc > 2) rounds = atoi(argv[2]);
    if (argc > 3) prng_seed = strtoull(argv[3], NULL, 10);
    if (rounds < 1) return 2;
    printf("crash_test: %d rounds, PRNG seed %llu\n", rounds, (unsigned long long)prng_seed);
    fflush(stdout);
    g_rng = prng_seed;
    clock_gettime(CLOCK_MONOTONIC, &t0);

    if (!mkdtemp(dir)) return 2;
    snprintf(path, sizeof path, "%s/crash.db", dir);
    seed = must_read_file(argv[1], NULL);
    memset(&e, 0, sizeof e);

    {
        rectify_db *db = NULL;
        rectify_open_options o = RECTIFY_OPEN_OPTIONS_INIT;
        sqlite3 *s;
        o.actor = "admin";
        if (rectify_db_open(&db, path, &o) != RECTIFY_OK) die("open", rectify_errmsg());
        if (rectify_import_json(&inspection, NULL, db, seed, strlen(seed)) != RECTIFY_OK) die("import", rectify_errmsg());
        rectify_db_close(db);
        s = sq_open(path);
        counts_of(s, inspection, e.counts);
        if (e.counts[1] != 11 || e.counts[2] != 28) die("the seed is not 11 issues and 28 measures", NULL);
        progress_measure = sq_int(s, "SELECT id FROM measures WHERE ref = '" SEED_REF "/a1/i1/m1'", NULL);
        status_measure = sq_int(s, "SELECT min(id) FROM measures WHERE status = 'in_progress'", NULL);
        sqlite3_close(s);
        if (progress_measure <= 0 || status_measure <= 0) die("no measures to write to", NULL);
    }
    sh = mmap(NULL, sizeof *sh, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (sh == MAP_FAILED) die("mmap", strerror(errno));

    for (round = 1; round <= rounds && g_failed == 0; round++) {
        int pipefd[2], wstatus = 0;
        char c;
        pid_t pid;
        long delay_us;
        int64_t version;
        int status;
        g_round = round;
        snprintf(journal_path, sizeof journal_path, "%s/journal-%d", dir, round);
        {
            sqlite3 *s = sq_open(path);
            char idtext[32], *name;
            snprintf(idtext, sizeof idtext, "%lld", (long long)status_measure);
            version = sq_int(s, "SELECT version FROM measures WHERE id = CAST(?1 AS INTEGER)", idtext);
            name = sq_text(s, "SELECT status FROM measures WHERE id = CAST(?1 AS INTEGER)", idtext);
            if (!name || rectify_status_from_name(&status, name) != RECTIFY_OK) die("measure status", name);
            free(name);
            sqlite3_close(s);
        }
        sh->in_call = 0;
        delay_us = (long)(next_random(&g_rng) % 30001);
        if (pipe(pipefd) != 0) die("pipe", strerror(errno));
        fflush(NULL);
        pid = fork();
        if (pid < 0) die("fork", strerror(errno));
        if (pid == 0) {
            close(pipefd[0]);
            writer(path, journal_path, seed, pipefd[1], sh, progress_measure, status_measure, version, status,
                   prng_seed ^ ((uint64_t)round * 0x9e3779b97f4a7c15ull));
            _exit(5);
        }
        close(pipefd[1]);
        if (read(pipefd[0], &c, 1) != 1) {
            close(pipefd[0]);
            waitpid(pid, &wstatus, 0);
            fail("the writer died before it was ready (wait status %d)", wstatus);
            break;
        }
        close(pipefd[0]);
        {
            struct timespec d;
            d.tv_sec = 0;
            d.tv_nsec = delay_us * 1000;
            while (nanosleep(&d, &d) != 0 && errno == EINTR) {
            }
        }
        kill(pid, SIGKILL);
        if (waitpid(pid, &wstatus, 0) != pid) die("waitpid", strerror(errno));
        if (!WIFSIGNALED(wstatus) || WTERMSIG(wstatus) != SIGKILL) {
            fail("the writer ended by itself (wait status %d) before the kill", wstatus);
            break;
        }
        if (sh->in_call) kills_in_call++;
        check_round(path, journal_path, &e, status_measure, &checked);
    }
    /* At the end, every round's journal again: later recoveries lost nothing of earlier rounds. */
    if (g_failed == 0) {
        sqlite3 *s = sq_open(path);
        struct expected again = e;
        int r;
        for (r = 1; r < round; r++) {
            g_round = r;
            snprintf(journal_path, sizeof journal_path, "%s/journal-%d", dir, r);
            check_journal(s, journal_path, &again);
        }
        sqlite3_close(s);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    printf("%d rounds, %lld journaled commits checked (%lld progress, %lld status, %lld imports), "
           "%d kills mid-write; %lld written progress records and %lld imports in the database; %.1f s\n",
           round - 1, checked, e.kinds[0], e.kinds[1], e.kinds[2], kills_in_call, e.progress_seen, e.imports_seen,
           (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
    if (g_failed) {
        printf("FAILED in round %d (PRNG seed %llu); the database is kept in %s\n", g_round,
               (unsigned long long)prng_seed, dir);
        return 1;
    }
    free(seed);
    munmap(sh, sizeof *sh);
    {
        char cmd[700];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
        if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
    }
    return 0;
}
