/*
 * options_version_test.c: every options struct of the C API as a caller built against version 1
 * of the headers passes it. Each struct is declared here with only its version-1 fields (frozen:
 * they must not follow the headers when a struct grows) and placed at the very end of a
 * readable page followed by a PROT_NONE page, so that a library reading past the caller's
 * version's size dies with SIGSEGV. Each call must succeed and use the fields given; a version
 * the library does not know (0, or newer than its headers) is refused with RECTIFY_E_ARGUMENT
 * naming the struct, and changes nothing.
 *
 *   options_version_test SEED.json
 *
 * Ends with "N passed, N failed"; exits nonzero on any failure.
 */
#define _XOPEN_SOURCE 700
#define _DEFAULT_SOURCE

#include <rectify/rectify.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "check.h"
#include "files.h"

/* Version 1 of each options struct, as the first release's headers declared it. */
struct open_v1 { unsigned version; unsigned flags; int busy_timeout_ms; const char *actor; };
struct list_v1 { unsigned version; int64_t inspection_id; int64_t parent_id; int64_t offset; int64_t limit; };
struct notice_v1 { unsigned version; int audience; int format; };
struct parse_v1 {
    unsigned version;
    const char *ref, *unit, *kind, *group, *onsite_start, *onsite_end, *feedback_date;
};
struct report_v1 { unsigned version; int audience; int format; const char *as_of; const char *template_text; unsigned flags; };
struct stats_v1 {
    unsigned version; int64_t inspection_id; int64_t unit_id; int64_t round_id;
    const char *as_of; int audience; unsigned flags;
};
struct warning_v1 {
    unsigned version; const char *as_of; int64_t inspection_id; int64_t unit_id; int64_t round_id;
    const char *leader; int rollup; unsigned lights; int64_t offset; int64_t limit;
};
struct evidence_v1 { unsigned version; const char *title, *kind, *path, *uri, *media_type; };

/* Headers never shrink a struct: the version-1 prefix fits in today's. */
typedef char open_fits[sizeof(rectify_open_options) >= sizeof(struct open_v1) ? 1 : -1];
typedef char list_fits[sizeof(rectify_list_options) >= sizeof(struct list_v1) ? 1 : -1];
typedef char notice_fits[sizeof(rectify_notice_options) >= sizeof(struct notice_v1) ? 1 : -1];
typedef char parse_fits[sizeof(rectify_parse_options) >= sizeof(struct parse_v1) ? 1 : -1];
typedef char report_fits[sizeof(rectify_report_options) >= sizeof(struct report_v1) ? 1 : -1];
typedef char stats_fits[sizeof(rectify_stats_options) >= sizeof(struct stats_v1) ? 1 : -1];
typedef char warning_fits[sizeof(rectify_warning_options) >= sizeof(struct warning_v1) ? 1 : -1];
typedef char evidence_fits[sizeof(rectify_evidence) >= sizeof(struct evidence_v1) ? 1 : -1];

static unsigned char *g_area;
static size_t g_page;

/* size bytes of struct, copied to the end of the readable page; the next page faults. */
static void *at_page_end(const void *s, size_t size)
{
    unsigned char *p = g_area + g_page - size;
    memset(g_area, 0xA5, g_page);
    memcpy(p, s, size);
    return p;
}

#define GUARDED(T, value) ((const T *)at_page_end(&(value), sizeof(value)))

static int has(const char *s, const char *part) { return s && strstr(s, part) != NULL; }

static void refused(int rc, const char *name)
{
    CHECK(rc == RECTIFY_E_ARGUMENT);
    CHECK(has(rectify_errmsg(), name));
    CHECK(has(rectify_errmsg(), "version"));
}

/* `call`, given `o`: a rectify_<lower>_options set to its defaults but with version 0 (nth 0) or
 * one newer than the headers' RECTIFY_<UPPER>_OPTIONS_VERSION (nth 1), is refused naming the struct. */
#define REFUSED_VERSION(nth, lower, UPPER, call)                                                 \
    do {                                                                                         \
        rectify_##lower##_options o = RECTIFY_##UPPER##_OPTIONS_INIT;                            \
        o.version = (nth) == 0 ? 0 : RECTIFY_##UPPER##_OPTIONS_VERSION + 1;                      \
        refused((call), "rectify_" #lower "_options");                                           \
    } while (0)

int main(int argc, char **argv)
{
    char dir[] = "/tmp/rectify-options-XXXXXX";
    char path[600], evidence_file[600];
    char *seed, *json = NULL, *text = NULL, *before = NULL, *after = NULL;
    unsigned char *data = NULL;
    size_t size = 0;
    int64_t inspection = 0, issue = 0, count = -1, id = 0;
    rectify_db *db = NULL;
    int i;

    if (argc != 2) {
        fprintf(stderr, "usage: %s SEED.json\n", argv[0]);
        return 2;
    }
    g_page = (size_t)sysconf(_SC_PAGESIZE);
    g_area = mmap(NULL, 2 * g_page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (g_area == MAP_FAILED || mprotect(g_area + g_page, g_page, PROT_NONE) != 0) {
        perror("mmap");
        return 2;
    }
    if (!mkdtemp(dir)) return 2;
    snprintf(path, sizeof path, "%s/options.db", dir);
    snprintf(evidence_file, sizeof evidence_file, "%s/minutes.txt", dir);
    {
        FILE *f = fopen(evidence_file, "w");
        if (!f) return 2;
        fputs("会议记录\n", f);
        fclose(f);
    }
    seed = must_read_file(argv[1], NULL);

    /* rectify_db_open with a version-1 struct: creates the file and acts as the actor given. */
    {
        struct open_v1 o = {1, RECTIFY_OPEN_CREATE, 0, "admin"};
        CHECK(rectify_db_open(&db, path, GUARDED(rectify_open_options, o)) == RECTIFY_OK);
        if (!db) return 2;
        MUST(rectify_import_json(&inspection, NULL, db, seed, strlen(seed)));
    }

    /* rectify_record_list: paging fields of version 1 are honoured. */
    {
        struct list_v1 o = {1, 0, 0, 0, 1};
        CHECK(rectify_record_list(&json, db, RECTIFY_KIND_ISSUE, GUARDED(rectify_list_options, o)) == RECTIFY_OK);
        CHECK(has(json, "\"id\""));
        rectify_free(json);
        json = NULL;
        MUST(rectify_record_list(&json, db, RECTIFY_KIND_ISSUE, NULL));
        {
            const char *p = strstr(json, "\"id\":");
            issue = p ? strtoll(p + 5, NULL, 10) : 0;
        }
        rectify_free(json);
        json = NULL;
    }

    /* rectify_notice_render, Markdown. */
    {
        struct notice_v1 o = {1, RECTIFY_AUDIENCE_INTERNAL, RECTIFY_FORMAT_MARKDOWN};
        CHECK(rectify_notice_render(&text, db, inspection, GUARDED(rectify_notice_options, o)) == RECTIFY_OK);
        CHECK(has(text, "#"));
        rectify_free(text);
        text = NULL;
    }

    /* rectify_notice_parse, with the ref given. */
    {
        struct parse_v1 o = {1, "given-ref", NULL, NULL, NULL, NULL, NULL, NULL};
        char *notice = NULL;
        MUST(rectify_notice_render(&notice, db, inspection, NULL));
        CHECK(rectify_notice_parse(&json, notice, strlen(notice), GUARDED(rectify_parse_options, o)) == RECTIFY_OK);
        CHECK(has(json, "\"given-ref\""));
        rectify_free(json);
        rectify_free(notice);
        json = NULL;
    }

    /* rectify_report_render, CSV as of a date. */
    {
        struct report_v1 o = {1, RECTIFY_AUDIENCE_INTERNAL, RECTIFY_FORMAT_CSV, "2019-01-31", NULL, 0u};
        CHECK(rectify_report_render(&data, &size, db, inspection, GUARDED(rectify_report_options, o)) == RECTIFY_OK);
        CHECK(data != NULL && size > 3 && data[0] == 0xEF);
        rectify_free(data);
        data = NULL;
    }

    /* rectify_stats_json: the as_of of version 1 reaches the result. */
    {
        struct stats_v1 o = {1, 0, 0, 0, "2019-01-31", RECTIFY_AUDIENCE_INTERNAL, 0u};
        o.inspection_id = inspection;
        CHECK(rectify_stats_json(&json, db, GUARDED(rectify_stats_options, o)) == RECTIFY_OK);
        CHECK(has(json, "\"as_of\":\"2019-01-31\""));
        rectify_free(json);
        json = NULL;
    }

    /* The warning queries. */
    {
        struct warning_v1 o = {1, "2019-01-31", 0, 0, 0, NULL, 0, 0u, 0, 0};
        o.inspection_id = inspection;
        CHECK(rectify_warnings(&json, db, GUARDED(rectify_warning_options, o)) == RECTIFY_OK);
        CHECK(json != NULL && json[0] != '\0');
        rectify_free(json);
        json = NULL;
        CHECK(rectify_overdue_count(&count, db, GUARDED(rectify_warning_options, o)) == RECTIFY_OK);
        CHECK(count >= 0);
        CHECK(rectify_followups_due(&json, db, 30, GUARDED(rectify_warning_options, o)) == RECTIFY_OK);
        CHECK(json != NULL && json[0] == '[');
        rectify_free(json);
        json = NULL;
    }

    /* rectify_evidence_add with a file: hashed and listed. */
    {
        struct evidence_v1 e = {1, "整改会议记录", "会议记录", NULL, NULL, "text/plain"};
        e.path = evidence_file;
        CHECK(issue > 0);
        CHECK(rectify_evidence_add(&id, db, RECTIFY_KIND_ISSUE, issue, GUARDED(rectify_evidence, e)) == RECTIFY_OK);
        CHECK(id > 0);
        MUST(rectify_evidence_list(&json, db, RECTIFY_KIND_ISSUE, issue));
        CHECK(has(json, "整改会议记录"));
        rectify_free(json);
        json = NULL;
    }

    /* Version 0 and a version newer than the library's headers are refused and change nothing. */
    MUST(rectify_record_list(&before, db, RECTIFY_KIND_ISSUE, NULL));
    for (i = 0; i < 2; i++) {
        rectify_db *other = NULL;
        REFUSED_VERSION(i, open, OPEN, rectify_db_open(&other, path, &o));
        CHECK(other == NULL);
        REFUSED_VERSION(i, list, LIST, rectify_record_list(&json, db, RECTIFY_KIND_ISSUE, &o));
        CHECK(json == NULL);
        REFUSED_VERSION(i, notice, NOTICE, rectify_notice_render(&text, db, inspection, &o));
        CHECK(text == NULL);
        REFUSED_VERSION(i, parse, PARSE, rectify_notice_parse(&json, "x", 1, &o));
        CHECK(json == NULL);
        REFUSED_VERSION(i, report, REPORT, rectify_report_render(&data, &size, db, inspection, &o));
        CHECK(data == NULL);
        REFUSED_VERSION(i, stats, STATS, rectify_stats_json(&json, db, &o));
        CHECK(json == NULL);
        REFUSED_VERSION(i, warning, WARNING, rectify_warnings(&json, db, &o));
        REFUSED_VERSION(i, warning, WARNING, rectify_overdue_count(&count, db, &o));
        REFUSED_VERSION(i, warning, WARNING, rectify_followups_due(&json, db, 30, &o));
        CHECK(json == NULL);
        {
            rectify_evidence e = RECTIFY_EVIDENCE_INIT;
            e.version = i == 0 ? 0 : RECTIFY_EVIDENCE_VERSION + 1;
            e.title = "不该留下";
            e.uri = "https://example.org/x";
            refused(rectify_evidence_add(&id, db, RECTIFY_KIND_ISSUE, issue, &e), "rectify_evidence");
        }
    }
    MUST(rectify_record_list(&after, db, RECTIFY_KIND_ISSUE, NULL));
    CHECK(strcmp(before, after) == 0);
    MUST(rectify_evidence_list(&json, db, RECTIFY_KIND_ISSUE, issue));
    CHECK(!has(json, "不该留下"));
    rectify_free(json);
    rectify_free(before);
    rectify_free(after);

    rectify_db_close(db);
    free(seed);
    unlink(evidence_file);
    remove_db_files(path);
    rmdir(dir);
    munmap(g_area, 2 * g_page);
    return check_report();
}
