/*
 * import_batch_test.c: drives rectify_import_batch_file() and rectify_import_batch_json()
 * (rectify/interchange.h) through librectify.so from plain C99: a batch of copies of the seed
 * under other refs, counted; the same batch again, all unchanged; a bad document on line N, named
 * in the message, with the database file byte for byte as before; invalid UTF-8; the progress
 * callback (bytes, increasing, ending at the total) and a callback that stops the import; the
 * single import's progress (records); NULL arguments.
 *
 *   import_batch_test SEED.json
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

#define SEED_REF "tongcheng-2018-fulian"
#define DOCS 4

static char g_dir[256];

static void write_all(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
        fprintf(stderr, "cannot write %s\n", path);
        exit(2);
    }
}

/* text with every occurrence of from replaced by to, and line breaks by spaces (a JSON string
   holds no raw line break, so a pretty-printed document becomes one line). */
static char *replaced(const char *text, const char *from, const char *to, int flatten)
{
    size_t n = 0, fl = strlen(from), tl = strlen(to);
    const char *p;
    char *out, *o;
    for (p = strstr(text, from); p; p = strstr(p + fl, from)) n++;
    out = malloc(strlen(text) + n * (tl > fl ? tl - fl : 0) + 1);
    if (!out) abort();
    for (o = out, p = text; *p;) {
        if (strncmp(p, from, fl) == 0) {
            memcpy(o, to, tl);
            o += tl;
            p += fl;
        } else {
            *o++ = (flatten && (*p == '\n' || *p == '\r')) ? ' ' : *p;
            p++;
        }
    }
    *o = '\0';
    return out;
}

static char *one_line(const char *text, const char *from, const char *to) { return replaced(text, from, to, 1); }

/* DOCS copies of the seed, the k-th under refs SEED_REF-k, one a line, a blank line after the
   second; bad_line (1-based line number, 0 for none) gets a document with an impossible date. */
static char *batch_text(const char *seed, int bad_line, size_t *len)
{
    size_t cap = strlen(seed) * (DOCS + 1) + 1024, used = 0;
    char *out = malloc(cap);
    int k, line = 0;
    if (!out) abort();
    for (k = 0; k < DOCS; k++) {
        char ref[64];
        char *doc;
        snprintf(ref, sizeof ref, SEED_REF "-%d", k);
        doc = one_line(seed, SEED_REF, ref);
        ++line;
        if (line == bad_line) {
            char *bad = one_line(doc, "\"feedback_date\": null", "\"feedback_date\": \"2018-02-30\"");
            free(doc);
            doc = bad;
        }
        used += (size_t)sprintf(out + used, "%s\n", doc);
        free(doc);
        if (k == 1) {
            used += (size_t)sprintf(out + used, "  \n");
            ++line;
        }
    }
    *len = used;
    return out;
}

static rectify_db *open_db(const char *path)
{
    rectify_db *db = NULL;
    rectify_open_options o = RECTIFY_OPEN_OPTIONS_INIT;
    o.actor = "admin";
    MUST(rectify_db_open(&db, path, &o));
    return db;
}

static int64_t json_int(const char *json, const char *key)
{
    const char *p = json ? strstr(json, key) : NULL;
    if (!p) return -1;
    p = strchr(p, ':');
    return p ? strtoll(p + 1, NULL, 10) : -1;
}

/* The count of kind under "created"/"updated"/"unchanged" (section) in a summary. */
static int64_t count_of(const char *summary, const char *section, const char *kind)
{
    char key[64];
    const char *p = summary ? strstr(summary, section) : NULL;
    if (!p) return -1;
    snprintf(key, sizeof key, "\"%s\"", kind);
    return json_int(p, key);
}

typedef struct progress_log {
    int calls;
    int increasing;
    int64_t last_done, last_total;
    int stop_after; /* 0: never stop */
    char operation[32];
} progress_log;

static int on_progress(void *ctx, const char *operation, int64_t done, int64_t total)
{
    progress_log *log = ctx;
    if (log->calls > 0 && done < log->last_done) log->increasing = 0;
    log->calls++;
    log->last_done = done;
    log->last_total = total;
    snprintf(log->operation, sizeof log->operation, "%s", operation);
    return log->stop_after && log->calls >= log->stop_after;
}

int main(int argc, char **argv)
{
    char path[512], db_path[512], jsonl_path[512];
    char *seed, *good, *bad, *summary = NULL, *before, *after;
    size_t seed_len, good_len, bad_len, blen, alen;
    rectify_db *db;
    progress_log log;
    int64_t issues;

    if (argc != 2) {
        fprintf(stderr, "usage: import_batch_test SEED.json\n");
        return 2;
    }
    seed = read_file(argv[1], &seed_len);
    if (!seed) {
        fprintf(stderr, "cannot read %s\n", argv[1]);
        return 2;
    }
    snprintf(g_dir, sizeof g_dir, "/tmp/rectify-batch-XXXXXX");
    if (!mkdtemp(g_dir)) return 2;
    snprintf(db_path, sizeof db_path, "%s/batch.db", g_dir);
    snprintf(jsonl_path, sizeof jsonl_path, "%s/batch.jsonl", g_dir);
    good = batch_text(seed, 0, &good_len);

    /* Success, counted over every document; the blank line is skipped. */
    db = open_db(db_path);
    write_all(jsonl_path, good, good_len);
    memset(&log, 0, sizeof log);
    log.increasing = 1;
    MUST(rectify_db_set_progress(db, on_progress, &log));
    CHECK(rectify_import_batch_file(&summary, db, jsonl_path) == RECTIFY_OK);
    CHECK(json_int(summary, "\"documents\"") == DOCS);
    CHECK(count_of(summary, "\"created\"", "inspection") == DOCS);
    CHECK(count_of(summary, "\"created\"", "round") == 1);
    CHECK(count_of(summary, "\"created\"", "unit") == 1);
    CHECK(count_of(summary, "\"unchanged\"", "unit") == DOCS - 1);
    issues = count_of(summary, "\"created\"", "issue");
    CHECK(issues == 11 * DOCS);
    /* Progress: "import", bytes, increasing, the last report done == total == the file's size. */
    CHECK(log.calls >= 2);
    CHECK(log.increasing);
    CHECK(strcmp(log.operation, "import") == 0);
    CHECK(log.last_done == log.last_total && log.last_total == (int64_t)good_len);
    rectify_free(summary);
    summary = NULL;

    /* The same batch again, from memory: everything unchanged. */
    MUST(rectify_db_set_progress(db, NULL, NULL));
    CHECK(rectify_import_batch_json(&summary, db, good, good_len) == RECTIFY_OK);
    CHECK(json_int(summary, "\"documents\"") == DOCS);
    CHECK(count_of(summary, "\"created\"", "issue") == 0);
    CHECK(count_of(summary, "\"updated\"", "issue") == 0);
    CHECK(count_of(summary, "\"updated\"", "measure") == 0);
    CHECK(count_of(summary, "\"unchanged\"", "issue") == issues);
    rectify_free(summary);
    summary = NULL;
    rectify_db_close(db);

    /* A bad document on line 4 (after the blank line 3) of a new batch: the error names the line
       and the field; the database file is byte for byte as before. */
    before = read_file(db_path, &blen);
    {
        char *fresh = replaced(good, SEED_REF "-", SEED_REF "-new-", 0);
        size_t n;
        free(fresh);
        bad = batch_text(seed, 4, &bad_len);
        fresh = replaced(bad, SEED_REF "-", SEED_REF "-new-", 0);
        free(bad);
        bad = fresh;
        bad_len = strlen(bad);
        n = bad_len;
        write_all(jsonl_path, bad, n);
    }
    db = open_db(db_path);
    summary = (char *)1;
    CHECK_FAILS(rectify_import_batch_file(&summary, db, jsonl_path), RECTIFY_E_INVALID);
    CHECK(summary == NULL);
    CHECK(strstr(rectify_errmsg(), "batch.jsonl: line 4: inspection.feedback_date") != NULL);
    CHECK_FAILS(rectify_import_batch_json(NULL, db, bad, bad_len), RECTIFY_E_INVALID);
    CHECK(strncmp(rectify_errmsg(), "line 4: inspection.feedback_date", 32) == 0);

    /* Invalid UTF-8 on line 2. */
    {
        char *broken = malloc(good_len + 1);
        char *second;
        memcpy(broken, good, good_len + 1);
        second = strchr(broken, '\n') + 1;
        second = strstr(second, "市妇联");
        if (second) second[1] = (char)0xff;
        CHECK_FAILS(rectify_import_batch_json(NULL, db, broken, good_len), RECTIFY_E_UTF8);
        CHECK(strncmp(rectify_errmsg(), "line 2: ", 8) == 0);
        free(broken);
    }

    /* A callback that asks to stop: interrupted, nothing changed. */
    memset(&log, 0, sizeof log);
    log.stop_after = 2;
    MUST(rectify_db_set_progress(db, on_progress, &log));
    {
        char *fresh = replaced(good, SEED_REF "-", SEED_REF "-stopped-", 0);
        CHECK_FAILS(rectify_import_batch_json(NULL, db, fresh, strlen(fresh)), RECTIFY_E_INTERRUPTED);
        free(fresh);
    }
    rectify_db_close(db);
    after = read_file(db_path, &alen);
    CHECK(before && after && blen == alen && memcmp(before, after, blen) == 0);
    free(before);
    free(after);

    /* The single import reports "import" by records: done increasing up to total. */
    db = open_db(db_path);
    memset(&log, 0, sizeof log);
    log.increasing = 1;
    MUST(rectify_db_set_progress(db, on_progress, &log));
    {
        char *one = one_line(seed, SEED_REF, SEED_REF "-single");
        CHECK(rectify_import_json(NULL, NULL, db, one, strlen(one)) == RECTIFY_OK);
        free(one);
    }
    CHECK(log.calls >= 2 && log.increasing && strcmp(log.operation, "import") == 0);
    CHECK(log.last_total > 11 && log.last_done == log.last_total);

    /* NULL arguments. */
    CHECK_FAILS(rectify_import_batch_file(NULL, db, NULL), RECTIFY_E_ARGUMENT);
    CHECK_FAILS(rectify_import_batch_json(NULL, db, NULL, 3), RECTIFY_E_ARGUMENT);
    CHECK(rectify_import_batch_file(NULL, NULL, jsonl_path) < 0);
    CHECK(rectify_import_batch_json(NULL, NULL, good, good_len) < 0);
    {
        char missing[600];
        snprintf(missing, sizeof missing, "%s/absent.jsonl", g_dir);
        CHECK_FAILS(rectify_import_batch_file(NULL, db, missing), RECTIFY_E_IO);
    }
    /* Empty input imports nothing and succeeds. */
    CHECK(rectify_import_batch_json(&summary, db, "", 0) == RECTIFY_OK);
    CHECK(json_int(summary, "\"documents\"") == 0);
    rectify_free(summary);
    rectify_db_close(db);

    free(good);
    free(bad);
    free(seed);
    {
        char cmd[600];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", g_dir);
        if (!getenv("RECTIFY_TEST_KEEP") && system(cmd) != 0) fprintf(stderr, "cannot remove %s\n", g_dir);
    }
    (void)path;
    return check_report();
}
