/*
 * export_progress_test.c: the whole-database export (rectify_export_all(),
 * rectify_export_all_file(), rectify/interchange.h) and the progress callback
 * (rectify_db_set_progress(), rectify/db.h) of export, audit verification and backup, through
 * librectify.so from plain C99: one document per readable inspection, equal to
 * rectify_export_json()'s; a JSON Lines file that imports into a new database and exports the
 * same again; progress that starts at 0, never goes back and ends at done == total; a callback
 * that asks to stop gives RECTIFY_E_INTERRUPTED, leaves no file and changes nothing; NULL
 * arguments; a reader who sees only their unit.
 *
 *   export_progress_test SEED.json
 *
 * Ends with "N passed, N failed"; exits nonzero on any failure.
 */
#define _XOPEN_SOURCE 700

#include <rectify/rectify.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "files.h"
#include "seed_units.h"

/* How many entries of dir (besides . and ..) there are. */
static int entries(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;
    if (!d) return -1;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) n++;
    closedir(d);
    return n;
}

/* JSON text without the whitespace between tokens: the pretty export made compact. */
static char *compact(const char *json)
{
    char *out = malloc(strlen(json) + 1), *o = out;
    int in_string = 0, escaped = 0;
    for (; *json; json++) {
        char c = *json;
        if (in_string) {
            *o++ = c;
            if (escaped) escaped = 0;
            else if (c == '\\') escaped = 1;
            else if (c == '"') in_string = 0;
        } else if (c == '"') {
            in_string = 1;
            *o++ = c;
        } else if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
            *o++ = c;
        }
    }
    *o = '\0';
    return out;
}

/* Lines handed over by rectify_export_all(), joined with '\n' after each. */
struct lines {
    char *text;
    size_t len;
    int count;
    int stop_after; /* 0: never */
    int newline_inside;
};

static int collect(void *ctx, const char *row, size_t len)
{
    struct lines *l = ctx;
    l->text = realloc(l->text, l->len + len + 2);
    memcpy(l->text + l->len, row, len);
    if (memchr(row, '\n', len)) l->newline_inside = 1;
    l->len += len;
    l->text[l->len++] = '\n';
    l->text[l->len] = '\0';
    l->count++;
    return l->stop_after && l->count >= l->stop_after;
}

static struct lines export_lines(rectify_db *db, int *rc)
{
    struct lines l;
    memset(&l, 0, sizeof l);
    *rc = rectify_export_all(db, collect, &l);
    return l;
}

/* What the progress callback saw for one operation. */
struct seen {
    const char *operation; /* the one to record; others are ignored */
    int calls;
    int other_operation;
    int went_back;
    int64_t first_done, last_done, total;
    int total_changed;
    int stop_at_call; /* 0: never stop; n: return nonzero on the nth call */
};

static int record(void *ctx, const char *operation, int64_t done, int64_t total)
{
    struct seen *s = ctx;
    if (strcmp(operation, s->operation) != 0) {
        s->other_operation = 1;
        return 0;
    }
    s->calls++;
    if (s->calls == 1) {
        s->first_done = done;
        s->total = total;
    } else {
        if (done < s->last_done) s->went_back = 1;
        if (total != s->total) s->total_changed = 1;
    }
    s->last_done = done;
    return s->stop_at_call && s->calls >= s->stop_at_call;
}

static struct seen watch(rectify_db *db, const char *operation, int stop_at_call)
{
    struct seen s;
    memset(&s, 0, sizeof s);
    s.operation = operation;
    s.stop_at_call = stop_at_call;
    (void)db;
    return s;
}

#define CHECK_PROGRESS(s, want_total)                                                            \
    do {                                                                                         \
        CHECK((s).calls >= 2);                                                                   \
        CHECK((s).first_done == 0);                                                              \
        CHECK(!(s).went_back && !(s).total_changed && !(s).other_operation);                      \
        CHECK((s).last_done == (s).total);                                                       \
        if ((want_total) >= 0) CHECK((s).total == (want_total));                                 \
        else CHECK((s).total > 0);                                                               \
    } while (0)

static int64_t events(rectify_db *db)
{
    char *report = NULL;
    int64_t n = -1;
    const char *p;
    if (rectify_audit_verify(&report, db) == RECTIFY_OK && report && (p = strstr(report, "\"events\":")) != NULL)
        n = strtoll(p + 9, NULL, 10);
    rectify_free(report);
    return n;
}

int main(int argc, char **argv)
{
    char dir[] = "/tmp/rectify-export-XXXXXX";
    char path[600], copy[600], out[600], backup[700], sub[700];
    char *seed, *other, *file, *json = NULL, *flat;
    int64_t first = 0, second = 0, unit = 0;
    int rc;
    rectify_db *admin, *fresh, *reader;
    struct lines all, again, mine, some;
    struct seen s;

    if (argc != 2) {
        fprintf(stderr, "usage: %s SEED.json\n", argv[0]);
        return 2;
    }
    if (!mkdtemp(dir)) return 2;
    snprintf(path, sizeof path, "%s/a.db", dir);
    snprintf(copy, sizeof copy, "%s/b.db", dir);
    snprintf(out, sizeof out, "%s/out", dir);
    snprintf(sub, sizeof sub, "%s/all.jsonl", out);
    snprintf(backup, sizeof backup, "%s/backup.db", out);
    if (mkdir(out, 0700) != 0) return 2;
    seed = read_file(argv[1], NULL);
    if (!seed) {
        fprintf(stderr, "cannot read %s\n", argv[1]);
        return 2;
    }
    other = seed_second_unit(seed);
    if (!other) {
        fprintf(stderr, "out of memory\n");
        return 2;
    }

    admin = open_as(path, "admin");
    MUST(rectify_import_json(&first, NULL, admin, seed, strlen(seed)));
    MUST(rectify_import_json(&second, NULL, admin, other, strlen(other)));
    MUST(rectify_record_find(&unit, admin, RECTIFY_KIND_UNIT, "tongcheng-dangan"));

    /* One compact line per inspection, in id order, each rectify_export_json()'s document. */
    all = export_lines(admin, &rc);
    CHECK(rc == RECTIFY_OK);
    CHECK(all.count == 2);
    CHECK(!all.newline_inside);
    {
        char *pretty1 = NULL, *pretty2 = NULL, *c1, *c2, *want;
        MUST(rectify_export_json(&pretty1, NULL, admin, first));
        MUST(rectify_export_json(&pretty2, NULL, admin, second));
        c1 = compact(pretty1);
        c2 = compact(pretty2);
        want = malloc(strlen(c1) + strlen(c2) + 3);
        sprintf(want, "%s\n%s\n", c1, c2);
        CHECK(all.text && strcmp(all.text, want) == 0);
        free(want);
        free(c1);
        free(c2);
        rectify_free(pretty1);
        rectify_free(pretty2);
    }

    /* A callback returning nonzero stops the stream early, and that is not an error. */
    memset(&some, 0, sizeof some);
    some.stop_after = 1;
    CHECK(rectify_export_all(admin, collect, &some) == RECTIFY_OK);
    CHECK(some.count == 1);
    free(some.text);

    /* The file: the same lines, and nothing else left in the folder. */
    CHECK(rectify_export_all_file(admin, sub) == RECTIFY_OK);
    file = read_file(sub, NULL);
    CHECK(file && all.text && strcmp(file, all.text) == 0);
    free(file);
    CHECK(entries(out) == 1);

    /* Round trip: the lines imported into a new database export as the same lines. */
    fresh = open_as(copy, "admin");
    {
        char *line = all.text, *nl;
        while (line && (nl = strchr(line, '\n')) != NULL) {
            int64_t id = 0;
            CHECK(rectify_import_json(&id, NULL, fresh, line, (size_t)(nl - line)) == RECTIFY_OK);
            line = nl + 1;
        }
    }
    again = export_lines(fresh, &rc);
    CHECK(rc == RECTIFY_OK);
    CHECK(again.count == 2);
    CHECK(again.text && all.text && strcmp(again.text, all.text) == 0);
    free(again.text);
    rectify_db_close(fresh);

    /* Progress of the export: 0 first, never back, done == total == 2 last. */
    s = watch(admin, "export", 0);
    MUST(rectify_db_set_progress(admin, record, &s));
    again = export_lines(admin, &rc);
    CHECK(rc == RECTIFY_OK);
    free(again.text);
    CHECK_PROGRESS(s, 2);
    s = watch(admin, "export", 0);
    CHECK(rectify_export_all_file(admin, sub) == RECTIFY_OK);
    CHECK_PROGRESS(s, 2);

    /* Audit verification: one total for the events and the records. */
    s = watch(admin, "audit_verify", 0);
    {
        char *report = NULL;
        CHECK(rectify_audit_verify(&report, admin) == RECTIFY_OK);
        rectify_free(report);
    }
    CHECK_PROGRESS(s, -1);

    /* Backup: pages. */
    s = watch(admin, "backup", 0);
    CHECK(rectify_backup(admin, backup) == RECTIFY_OK);
    CHECK_PROGRESS(s, -1);
    CHECK(file_exists(backup));
    {
        rectify_db *b = open_as(backup, "admin");
        struct lines from_backup = export_lines(b, &rc);
        CHECK(rc == RECTIFY_OK && from_backup.text && strcmp(from_backup.text, all.text) == 0);
        free(from_backup.text);
        rectify_db_close(b);
    }
    remove_db_files(backup);

    /* Stopping: RECTIFY_E_INTERRUPTED, no file, the old file as it was, nothing changed. */
    {
        const int64_t before = events(admin);
        FILE *f = fopen(sub, "wb");
        fputs("old\n", f);
        fclose(f);
        s = watch(admin, "export", 1);
        CHECK_FAILS(rectify_export_all_file(admin, sub), RECTIFY_E_INTERRUPTED);
        file = read_file(sub, NULL);
        CHECK(file && strcmp(file, "old\n") == 0);
        free(file);
        CHECK(entries(out) == 1);
        unlink(sub);
        s = watch(admin, "export", 2); /* stops at the last report, after every document was written */
        CHECK_FAILS(rectify_export_all_file(admin, sub), RECTIFY_E_INTERRUPTED);
        CHECK(!file_exists(sub));
        CHECK(entries(out) == 0);

        s = watch(admin, "export", 1);
        memset(&some, 0, sizeof some);
        CHECK_FAILS(rectify_export_all(admin, collect, &some), RECTIFY_E_INTERRUPTED);
        CHECK(some.count == 0);
        free(some.text);

        s = watch(admin, "backup", 1);
        CHECK_FAILS(rectify_backup(admin, backup), RECTIFY_E_INTERRUPTED);
        CHECK(!file_exists(backup));
        s = watch(admin, "backup", 2);
        CHECK_FAILS(rectify_backup(admin, backup), RECTIFY_E_INTERRUPTED);
        CHECK(!file_exists(backup));
        CHECK(entries(out) == 0);

        s = watch(admin, "audit_verify", 1);
        {
            char *report = NULL;
            CHECK_FAILS(rectify_audit_verify(&report, admin), RECTIFY_E_INTERRUPTED);
            CHECK(report == NULL);
        }
        MUST(rectify_db_set_progress(admin, NULL, NULL));
        CHECK(events(admin) == before);
        again = export_lines(admin, &rc);
        CHECK(rc == RECTIFY_OK && again.text && strcmp(again.text, all.text) == 0);
        free(again.text);
    }

    /* NULL and bad arguments. */
    CHECK_FAILS(rectify_export_all(NULL, collect, &some), RECTIFY_E_ARGUMENT);
    CHECK_FAILS(rectify_export_all(admin, NULL, NULL), RECTIFY_E_ARGUMENT);
    CHECK_FAILS(rectify_export_all_file(NULL, sub), RECTIFY_E_ARGUMENT);
    CHECK_FAILS(rectify_export_all_file(admin, NULL), RECTIFY_E_ARGUMENT);
    CHECK_FAILS(rectify_export_all_file(admin, ""), RECTIFY_E_ARGUMENT);
    CHECK_FAILS(rectify_export_all_file(admin, out), RECTIFY_E_IO);
    snprintf(copy, sizeof copy, "%s/no/such/folder/all.jsonl", dir);
    CHECK_FAILS(rectify_export_all_file(admin, copy), RECTIFY_E_IO);
    CHECK(entries(out) == 0);

    /* A reader of one unit exports that unit's inspection only. */
    MUST(rectify_user_add(admin, "reader", NULL));
    MUST(rectify_user_grant(admin, "reader", RECTIFY_ROLE_LIAISON, RECTIFY_SCOPE_UNIT, unit));
    reader = open_as(path, "reader");
    mine = export_lines(reader, &rc);
    CHECK(rc == RECTIFY_OK);
    CHECK(mine.count == 1);
    MUST(rectify_export_json(&json, NULL, admin, second));
    flat = compact(json);
    CHECK(mine.text && strncmp(mine.text, flat, strlen(flat)) == 0 && mine.text[strlen(flat)] == '\n');
    free(flat);
    rectify_free(json);
    free(mine.text);
    rectify_db_close(reader);
    /* Someone with no grant at all is refused, and no file appears. */
    MUST(rectify_user_add(admin, "nobody", NULL));
    reader = open_as(path, "nobody");
    CHECK_FAILS(rectify_export_all_file(reader, sub), RECTIFY_E_DENIED);
    CHECK(entries(out) == 0);
    rectify_db_close(reader);

    free(all.text);
    rectify_db_close(admin);
    free(seed);
    free(other);
    {
        char cmd[700];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
        if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
    }
    return check_report();
}
