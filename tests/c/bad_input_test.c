/*
 * bad_input_test.c: one table of bad calls across the C API (malformed and invalid
 * JSON, invalid UTF-8, NULL arguments, bad options versions, unknown enum values, impossible
 * dates, bad ids, stale versions, forbidden transitions, refused actors, a contradictory calendar
 * notice, a broken template, a notice the parser cannot place, close-out guards, a duplicate
 * user). Each row runs one call on a fresh handle and must return its code, leave it and a
 * message naming what and where as the last error, reset its out-parameters, and leave the
 * database file byte-for-byte as it was.
 *
 * rectify keeps its database in WAL mode. The comparison is of the main file after every handle
 * is closed: closing the last connection checkpoints the WAL into the main file and removes it,
 * so the main file then holds everything the database holds. The journal mode is recorded in the
 * header when the database is created, so opening it again (read-write or read-only) does not
 * rewrite the header; a failed call rolls back its transaction, so it leaves no frame to
 * checkpoint. (A read-only connection that closes last leaves an empty -wal behind, no frames;
 * here the row's read-write handle always closes last, and the test checks that no -wal is left
 * after setup.) Setup ends by closing every handle, and the saved copy is taken only then. A
 * control at the end makes one successful write and checks that the file does change.
 *
 *   bad_input_test SEED.json
 *
 * RECTIFY_TEST_VERBOSE=1 prints one line per row. Ends with "N passed, N failed"; exits nonzero
 * on any failure.
 */
#define _XOPEN_SOURCE 700

#include <rectify/rectify.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "files.h"

#define SENTINEL_PTR ((void *)1)
#define SENTINEL_ID ((int64_t)-777)

static int g_passed;
static int g_failed;
static int g_verbose;

#define MUST(expr)                                                                       \
    do {                                                                                 \
        if ((expr) != RECTIFY_OK) {                                                      \
            fprintf(stderr, "%s:%d: setup failed: %s: %s\n", __FILE__, __LINE__, #expr, \
                    rectify_errmsg());                                                   \
            exit(2);                                                                     \
        }                                                                                \
    } while (0)

/* ---- the fixture ------------------------------------------------------------------------- */

static char g_path[600];
static char *g_seed;
static int64_t g_inspection, g_unit, g_round, g_issue, g_issue_done, g_measure, g_measure2;

/* The seed with the first occurrence of from replaced by to (from must be there). */
static char *seed_with(const char *from, const char *to)
{
    const char *p = strstr(g_seed, from);
    size_t head, len;
    char *out;
    if (!p) {
        fprintf(stderr, "the seed has no '%s'\n", from);
        exit(2);
    }
    head = (size_t)(p - g_seed);
    len = strlen(g_seed) - strlen(from) + strlen(to);
    out = malloc(len + 1);
    if (!out) abort();
    memcpy(out, g_seed, head);
    strcpy(out + head, to);
    strcat(out, p + strlen(from));
    return out;
}

/* Imports the seed changed as from → to. */
static int import_changed(rectify_db *db, int64_t *id, char **summary, const char *from, const char *to)
{
    char *doc = seed_with(from, to);
    int rc = rectify_import_json(id, summary, db, doc, strlen(doc));
    free(doc);
    return rc;
}

/* ---- the rows ------------------------------------------------------------------------------ */

/* Out-parameters a row passes; each starts as a sentinel and must come back NULL / 0. */
typedef struct outs {
    char *json;
    char *summary;
    unsigned char *data;
    size_t size;
    int64_t id;
    int64_t id2;
    int num;
    rectify_db *db;
    rectify_calendar *cal;
} outs;

typedef int (*row_fn)(rectify_db *db, outs *o);

#define IMPORT_CHANGED(from, to) import_changed(db, &o->id, &o->summary, from, to)

/* Malformed JSON. */
static int r_json_truncated(rectify_db *db, outs *o)
{
    size_t n = strlen(g_seed) / 2;
    while (n > 0 && ((unsigned char)g_seed[n] & 0x80u)) n--; /* cut between characters, not inside one */
    return rectify_import_json(&o->id, &o->summary, db, g_seed, n);
}
static int r_json_trailing(rectify_db *db, outs *o)
{
    size_t n = strlen(g_seed);
    char *doc = malloc(n + 8);
    int rc;
    memcpy(doc, g_seed, n);
    memcpy(doc + n, "\n} junk", 8);
    rc = rectify_import_json(&o->id, &o->summary, db, doc, n + 7);
    free(doc);
    return rc;
}
static int r_json_empty(rectify_db *db, outs *o) { return rectify_import_json(&o->id, &o->summary, db, "", 0); }
static int r_json_not_object(rectify_db *db, outs *o)
{
    return rectify_import_json(&o->id, &o->summary, db, "[1, 2, 3]", 9);
}
/* JSON field errors, with their paths. */
static int r_json_wrong_type(rectify_db *db, outs *o)
{
    return IMPORT_CHANGED("\"title\": \"党的政治建设方面\"", "\"title\": 42");
}
static int r_json_bad_deadline(rectify_db *db, outs *o)
{
    return IMPORT_CHANGED("\"deadline\": null", "\"deadline\": \"2019-02-30\"");
}
static int r_json_bad_status(rectify_db *db, outs *o)
{
    return IMPORT_CHANGED("\"status\": \"done\"", "\"status\": \"finished\"");
}
static int r_json_negative_amount(rectify_db *db, outs *o)
{
    return IMPORT_CHANGED("\"amount_fen\": 1155000", "\"amount_fen\": -1155000");
}
static int r_json_duplicate_ref(rectify_db *db, outs *o)
{
    return IMPORT_CHANGED("\"ref\": \"tongcheng-2018-fulian/a1/i1/m2\"", "\"ref\": \"tongcheng-2018-fulian/a1/i1/m1\"");
}
static int r_json_unknown_key(rectify_db *db, outs *o)
{
    return IMPORT_CHANGED("\"format_version\": 1,", "\"format_version\": 1, \"colour\": \"red\",");
}
static int r_json_bad_format_version(rectify_db *db, outs *o)
{
    return IMPORT_CHANGED("\"format_version\": 1", "\"format_version\": 99");
}
static int r_json_illegal_transition(rectify_db *db, outs *o)
{
    return IMPORT_CHANGED("\"status\": \"done\"", "\"status\": \"not_started\"");
}
static int r_json_bad_utf8(rectify_db *db, outs *o)
{
    return IMPORT_CHANGED("党的政治建设方面", "\xff\xfe");
}
static int r_json_null(rectify_db *db, outs *o) { return rectify_import_json(&o->id, &o->summary, db, NULL, 10); }
static int r_import_missing_file(rectify_db *db, outs *o)
{
    return rectify_import_file(&o->id, &o->summary, db, "/nonexistent/rectify-bad-input.json");
}
static int r_import_no_actor(rectify_db *db, outs *o)
{
    return rectify_import_json(&o->id, &o->summary, db, g_seed, strlen(g_seed));
}
static int r_import_denied(rectify_db *db, outs *o)
{
    return rectify_import_json(&o->id, &o->summary, db, g_seed, strlen(g_seed));
}
/* Opening. */
static int r_open_bad_version(rectify_db *db, outs *o)
{
    rectify_open_options opts = RECTIFY_OPEN_OPTIONS_INIT;
    (void)db;
    opts.version = 99;
    return rectify_db_open(&o->db, g_path, &opts);
}
static int r_open_null_path(rectify_db *db, outs *o)
{
    (void)db;
    return rectify_db_open(&o->db, NULL, NULL);
}
static int r_open_bad_utf8_actor(rectify_db *db, outs *o)
{
    rectify_open_options opts = RECTIFY_OPEN_OPTIONS_INIT;
    (void)db;
    opts.actor = "adm\xc3\x28in";
    return rectify_db_open(&o->db, g_path, &opts);
}
static int r_set_actor_bad_utf8(rectify_db *db, outs *o)
{
    (void)o;
    return rectify_db_set_actor(db, "\xe4\xb8");
}
/* A change through a read-only handle of its own, closed before the row ends. */
static int r_status_read_only(rectify_db *db, outs *o)
{
    rectify_db *ro = NULL;
    rectify_open_options opts = RECTIFY_OPEN_OPTIONS_INIT;
    int rc;
    (void)db;
    opts.flags = RECTIFY_OPEN_READONLY;
    opts.actor = "admin";
    if (rectify_db_open(&ro, g_path, &opts) != RECTIFY_OK) return RECTIFY_E_INTERNAL;
    rc = rectify_status_set(&o->id, ro, RECTIFY_KIND_MEASURE, g_measure, RECTIFY_STATUS_IN_PROGRESS, 0);
    rectify_db_close(ro); /* close does not touch the last error */
    return rc;
}
/* Records. */
static int r_get_unknown_kind(rectify_db *db, outs *o) { return rectify_record_get(&o->json, db, 42, g_issue); }
static int r_get_id_zero(rectify_db *db, outs *o) { return rectify_record_get(&o->json, db, RECTIFY_KIND_ISSUE, 0); }
static int r_get_id_negative(rectify_db *db, outs *o)
{
    return rectify_record_get(&o->json, db, RECTIFY_KIND_ISSUE, -5);
}
static int r_get_nonexistent(rectify_db *db, outs *o)
{
    return rectify_record_get(&o->json, db, RECTIFY_KIND_ISSUE, 999999);
}
static int r_find_bad_utf8(rectify_db *db, outs *o)
{
    return rectify_record_find(&o->id, db, RECTIFY_KIND_ISSUE, "tongcheng\xff");
}
static int r_find_null_ref(rectify_db *db, outs *o) { return rectify_record_find(&o->id, db, RECTIFY_KIND_ISSUE, NULL); }
static int r_find_unknown_ref(rectify_db *db, outs *o)
{
    return rectify_record_find(&o->id, db, RECTIFY_KIND_ISSUE, "no-such-ref");
}
static int r_list_bad_version(rectify_db *db, outs *o)
{
    rectify_list_options opts = RECTIFY_LIST_OPTIONS_INIT;
    opts.version = 0;
    return rectify_record_list(&o->json, db, RECTIFY_KIND_ISSUE, &opts);
}
static int r_list_negative_limit(rectify_db *db, outs *o)
{
    rectify_list_options opts = RECTIFY_LIST_OPTIONS_INIT;
    opts.limit = -1;
    return rectify_record_list(&o->json, db, RECTIFY_KIND_ISSUE, &opts);
}
static int r_kind_unknown(rectify_db *db, outs *o)
{
    (void)db;
    return rectify_kind_from_name(&o->num, "problem");
}
static int r_status_name_unknown(rectify_db *db, outs *o)
{
    (void)db;
    return rectify_status_from_name(&o->num, "finished");
}
static int r_role_unknown(rectify_db *db, outs *o)
{
    (void)db;
    return rectify_role_from_name(&o->num, "boss");
}
/* Status changes. */
static int r_status_unknown(rectify_db *db, outs *o)
{
    return rectify_status_set(&o->id, db, RECTIFY_KIND_MEASURE, g_measure, 42, 0);
}
static int r_status_wrong_kind(rectify_db *db, outs *o)
{
    return rectify_status_set(&o->id, db, RECTIFY_KIND_ASPECT, g_measure, RECTIFY_STATUS_IN_PROGRESS, 0);
}
static int r_status_stale(rectify_db *db, outs *o)
{
    return rectify_status_set(&o->id, db, RECTIFY_KIND_MEASURE, g_measure, RECTIFY_STATUS_IN_PROGRESS, 99);
}
static int r_status_transition(rectify_db *db, outs *o)
{
    return rectify_status_set(&o->id, db, RECTIFY_KIND_MEASURE, g_measure, RECTIFY_STATUS_NOT_STARTED, 0);
}
static int r_status_nonexistent(rectify_db *db, outs *o)
{
    return rectify_status_set(&o->id, db, RECTIFY_KIND_MEASURE, 999999, RECTIFY_STATUS_IN_PROGRESS, 0);
}
static int r_status_no_actor(rectify_db *db, outs *o)
{
    return rectify_status_set(&o->id, db, RECTIFY_KIND_MEASURE, g_measure, RECTIFY_STATUS_IN_PROGRESS, 0);
}
static int r_status_denied(rectify_db *db, outs *o)
{
    return rectify_status_set(&o->id, db, RECTIFY_KIND_MEASURE, g_measure, RECTIFY_STATUS_IN_PROGRESS, 0);
}
static int r_status_closed_guard(rectify_db *db, outs *o)
{
    return rectify_status_set(&o->id, db, RECTIFY_KIND_ISSUE, g_issue, RECTIFY_STATUS_CLOSED, 0);
}
/* Progress. */
static int r_progress_bad_date(rectify_db *db, outs *o)
{
    return rectify_progress_add(&o->id, db, g_measure, "2019-02-30", "进展", NULL);
}
static int r_progress_ill_formed_date(rectify_db *db, outs *o)
{
    return rectify_progress_add(&o->id, db, g_measure, "2019/1/5", "进展", NULL);
}
static int r_progress_empty_text(rectify_db *db, outs *o)
{
    return rectify_progress_add(&o->id, db, g_measure, "2019-01-05", "", NULL);
}
static int r_progress_null_text(rectify_db *db, outs *o)
{
    return rectify_progress_add(&o->id, db, g_measure, "2019-01-05", NULL, NULL);
}
static int r_progress_bad_utf8(rectify_db *db, outs *o)
{
    return rectify_progress_add(&o->id, db, g_measure, "2019-01-05", "整改\xe6\x95", NULL);
}
static int r_progress_id_zero(rectify_db *db, outs *o)
{
    return rectify_progress_add(&o->id, db, 0, "2019-01-05", "进展", NULL);
}
static int r_progress_not_a_measure(rectify_db *db, outs *o)
{
    return rectify_progress_add(&o->id, db, 999999, "2019-01-05", "进展", NULL);
}
/* Export, notice, reports, statistics. */
static int r_export_nonexistent(rectify_db *db, outs *o)
{
    return rectify_export_json(&o->json, &o->size, db, 999999);
}
static int r_notice_bad_audience(rectify_db *db, outs *o)
{
    rectify_notice_options opts = RECTIFY_NOTICE_OPTIONS_INIT;
    opts.audience = 9;
    return rectify_notice_render(&o->json, db, g_inspection, &opts);
}
static int r_notice_bad_version(rectify_db *db, outs *o)
{
    rectify_notice_options opts = RECTIFY_NOTICE_OPTIONS_INIT;
    opts.version = 7;
    return rectify_notice_render(&o->json, db, g_inspection, &opts);
}
static int r_report_bad_format(rectify_db *db, outs *o)
{
    rectify_report_options opts = RECTIFY_REPORT_OPTIONS_INIT;
    opts.format = 42;
    return rectify_report_render(&o->data, &o->size, db, g_inspection, &opts);
}
static int r_report_bad_as_of(rectify_db *db, outs *o)
{
    rectify_report_options opts = RECTIFY_REPORT_OPTIONS_INIT;
    opts.as_of = "2019-13-01";
    return rectify_report_render(&o->data, &o->size, db, g_inspection, &opts);
}
static int r_report_broken_template(rectify_db *db, outs *o)
{
    rectify_report_options opts = RECTIFY_REPORT_OPTIONS_INIT;
    opts.template_text = "标题\n{{#aspects}}\n{{title}}\n";
    return rectify_report_render(&o->data, &o->size, db, g_inspection, &opts);
}
static int r_report_template_bad_utf8(rectify_db *db, outs *o)
{
    rectify_report_options opts = RECTIFY_REPORT_OPTIONS_INIT;
    opts.template_text = "{{title}}\xc0\xaf";
    return rectify_report_render(&o->data, &o->size, db, g_inspection, &opts);
}
static int r_stats_bad_as_of(rectify_db *db, outs *o)
{
    rectify_stats_options opts = RECTIFY_STATS_OPTIONS_INIT;
    opts.as_of = "2019-02-29";
    return rectify_stats_json(&o->json, db, &opts);
}
static int r_stats_ill_formed_as_of(rectify_db *db, outs *o)
{
    rectify_stats_options opts = RECTIFY_STATS_OPTIONS_INIT;
    opts.as_of = "yesterday";
    return rectify_stats_json(&o->json, db, &opts);
}
static int r_stats_bad_audience(rectify_db *db, outs *o)
{
    rectify_stats_options opts = RECTIFY_STATS_OPTIONS_INIT;
    opts.audience = 0;
    return rectify_stats_json(&o->json, db, &opts);
}
static int r_stats_denied(rectify_db *db, outs *o)
{
    rectify_stats_options opts = RECTIFY_STATS_OPTIONS_INIT;
    opts.inspection_id = g_inspection;
    return rectify_stats_json(&o->json, db, &opts);
}
/* Users. */
static int r_user_duplicate(rectify_db *db, outs *o)
{
    (void)o;
    return rectify_user_add(db, "narrow", NULL);
}
static int r_user_bad_utf8(rectify_db *db, outs *o)
{
    (void)o;
    return rectify_user_add(db, "\xed\xa0\x80", NULL);
}
static int r_user_add_denied(rectify_db *db, outs *o)
{
    (void)o;
    return rectify_user_add(db, "newcomer", NULL);
}
static int r_grant_bad_role(rectify_db *db, outs *o)
{
    (void)o;
    return rectify_user_grant(db, "narrow", 99, RECTIFY_SCOPE_ALL, 0);
}
static int r_grant_bad_scope(rectify_db *db, outs *o)
{
    (void)o;
    return rectify_user_grant(db, "narrow", RECTIFY_ROLE_LIAISON, 9, 0);
}
static int r_grant_scope_id_mismatch(rectify_db *db, outs *o)
{
    (void)o;
    return rectify_user_grant(db, "narrow", RECTIFY_ROLE_LIAISON, RECTIFY_SCOPE_ALL, 5);
}
static int r_grant_unknown_user(rectify_db *db, outs *o)
{
    (void)o;
    return rectify_user_grant(db, "nobody", RECTIFY_ROLE_LIAISON, RECTIFY_SCOPE_ALL, 0);
}
static int r_revoke_not_held(rectify_db *db, outs *o)
{
    (void)o;
    return rectify_user_revoke(db, "narrow", RECTIFY_ROLE_ADMIN, RECTIFY_SCOPE_ALL, 0);
}
static int r_revoke_last_admin(rectify_db *db, outs *o)
{
    (void)o;
    return rectify_user_revoke(db, "admin", RECTIFY_ROLE_ADMIN, RECTIFY_SCOPE_ALL, 0);
}
/* The database's calendar, profiles, deadlines. */
static int r_calendar_contradictory(rectify_db *db, outs *o)
{
    static const char notice[] =
        "{\"year\": 2030, \"papers\": [\"x\"], \"days\": ["
        "{\"name\": \"元旦\", \"date\": \"2030-01-01\", \"isOffDay\": true},"
        "{\"name\": \"元旦\", \"date\": \"2030-01-01\", \"isOffDay\": false}]}";
    (void)o;
    return rectify_db_calendar_load_json(db, notice, sizeof notice - 1);
}
static int r_calendar_malformed(rectify_db *db, outs *o)
{
    static const char notice[] = "{\"year\": 2030, \"papers\": [";
    (void)o;
    return rectify_db_calendar_load_json(db, notice, sizeof notice - 1);
}
static int r_calendar_bad_date(rectify_db *db, outs *o)
{
    static const char notice[] =
        "{\"year\": 2030, \"papers\": [\"x\"], \"days\": ["
        "{\"name\": \"元旦\", \"date\": \"2030-02-31\", \"isOffDay\": true}]}";
    (void)o;
    return rectify_db_calendar_load_json(db, notice, sizeof notice - 1);
}
static int r_calendar_set_day_bad_type(rectify_db *db, outs *o)
{
    (void)o;
    return rectify_db_calendar_set_day(db, "2030-01-02", 42);
}
static int r_profile_malformed(rectify_db *db, outs *o)
{
    static const char profile[] = "{\"name\": \"p\", \"plan_due\": {\"unit\": \"days\", \"n\": }";
    return rectify_profile_add(&o->id, db, profile, sizeof profile - 1);
}
static int r_apply_unknown_profile(rectify_db *db, outs *o)
{
    (void)o;
    return rectify_inspection_apply_profile(db, g_inspection, "no-such-profile");
}
static int r_warnings_bad_version(rectify_db *db, outs *o)
{
    rectify_warning_options opts = RECTIFY_WARNING_OPTIONS_INIT;
    opts.version = 5;
    return rectify_warnings(&o->json, db, &opts);
}
static int r_extension_bad_date(rectify_db *db, outs *o)
{
    return rectify_extension_request(&o->id, db, g_measure2, "2019-04-31", "需要更多时间");
}
static int r_escalate_bad_level(rectify_db *db, outs *o)
{
    return rectify_escalate(&o->id, db, RECTIFY_KIND_MEASURE, g_measure, 42, "2019-01-05", "市妇联", NULL, NULL);
}
/* Follow-through. */
static int r_close_out_guard(rectify_db *db, outs *o)
{
    return rectify_close_out(&o->id, db, g_issue, "2019-02-01", NULL);
}
static int r_close_out_no_evidence(rectify_db *db, outs *o)
{
    return rectify_close_out(&o->id, db, g_issue_done, "2019-02-01", "验收");
}
static int r_close_out_bad_date(rectify_db *db, outs *o)
{
    return rectify_close_out(&o->id, db, g_issue, "2019-02-29", NULL);
}
static int r_guards_wrong_type(rectify_db *db, outs *o)
{
    static const char guards[] = "{\"min_evidence\": \"one\"}";
    (void)o;
    return rectify_close_out_guards_set(db, guards, sizeof guards - 1);
}
static int r_evidence_no_title(rectify_db *db, outs *o)
{
    rectify_evidence e = RECTIFY_EVIDENCE_INIT;
    e.uri = "https://example.org/a.pdf";
    return rectify_evidence_add(&o->id, db, RECTIFY_KIND_MEASURE, g_measure, &e);
}
static int r_evidence_missing_file(rectify_db *db, outs *o)
{
    rectify_evidence e = RECTIFY_EVIDENCE_INIT;
    e.title = "会议记录";
    e.path = "/nonexistent/rectify-evidence.pdf";
    return rectify_evidence_add(&o->id, db, RECTIFY_KIND_MEASURE, g_measure, &e);
}
static int r_review_bad_scope(rectify_db *db, outs *o)
{
    return rectify_review_schedule(&o->id, db, 9, g_inspection, "2019-06-01", "回头看组", "回头看");
}
static int r_lead_bad_date(rectify_db *db, outs *o)
{
    return rectify_lead_add(&o->id, db, g_inspection, "线索", "市纪委监委", "2019-00-10");
}
/* The parser: needs no database. A notice it reads well starts like the seed's. */
#define PREAMBLE "根据市委统一部署，2018年9月19日至10月25日，市委第一巡察组对市妇联党组开展了政治巡察。\n"
static int r_parse_unplaceable(rectify_db *db, outs *o)
{
    static const char text[] = PREAMBLE "(一)党的政治建设方面\n无处安放的一行。\n1、问题\n整改情况：已整改。\n";
    (void)db;
    return rectify_notice_parse(&o->json, text, sizeof text - 1, NULL);
}
static int r_parse_bad_utf8(rectify_db *db, outs *o)
{
    static const char text[] = "市妇联党组关于巡察整改情况的通报\n\xff\n";
    (void)db;
    return rectify_notice_parse(&o->json, text, sizeof text - 1, NULL);
}
static int r_parse_bad_option_date(rectify_db *db, outs *o)
{
    static const char text[] = PREAMBLE "(一)党的政治建设方面\n1、问题\n整改情况：已整改。\n";
    rectify_parse_options opts = RECTIFY_PARSE_OPTIONS_INIT;
    (void)db;
    opts.onsite_start = "2018-09-31";
    return rectify_notice_parse(&o->json, text, sizeof text - 1, &opts);
}
static int r_parse_null_text(rectify_db *db, outs *o)
{
    (void)db;
    return rectify_notice_parse(&o->json, NULL, 5, NULL);
}
/* Audit and backup. */
static int r_audit_log_bad_kind(rectify_db *db, outs *o) { return rectify_audit_log(&o->json, db, 42, 1, 0, 0); }
static int r_backup_exists(rectify_db *db, outs *o)
{
    (void)o;
    return rectify_backup(db, g_path);
}
/* A private calendar (no database involved, but the rule is the same). */
static int r_cal_new_bad_flags(rectify_db *db, outs *o)
{
    (void)db;
    return rectify_calendar_new(&o->cal, 42);
}

typedef struct row {
    const char *name;
    const char *actor; /* who the fresh handle acts for; NULL: no actor */
    row_fn fn;
    int want;
    const char *msg; /* what the message must name */
} row;

static const row g_rows[] = {
    {"import: truncated JSON", "admin", r_json_truncated, RECTIFY_E_JSON, "line"},
    {"import: trailing garbage", "admin", r_json_trailing, RECTIFY_E_JSON, "line"},
    {"import: empty text", "admin", r_json_empty, RECTIFY_E_JSON, "line"},
    {"import: an array, not an object", "admin", r_json_not_object, RECTIFY_E_INVALID, "object"},
    {"import: a title that is a number", "admin", r_json_wrong_type, RECTIFY_E_INVALID, "aspects[0].title"},
    {"import: deadline 2019-02-30", "admin", r_json_bad_deadline, RECTIFY_E_INVALID,
     "aspects[0].issues[0].measures[0].deadline"},
    {"import: unknown status name", "admin", r_json_bad_status, RECTIFY_E_INVALID, "aspects[0].issues[0].status"},
    {"import: negative amount", "admin", r_json_negative_amount, RECTIFY_E_INVALID, "amount_fen"},
    {"import: duplicate measure ref", "admin", r_json_duplicate_ref, RECTIFY_E_INVALID,
     "aspects[0].issues[0].measures[1].ref"},
    {"import: unknown key", "admin", r_json_unknown_key, RECTIFY_E_INVALID, "colour"},
    {"import: format_version 99", "admin", r_json_bad_format_version, RECTIFY_E_INVALID, "format_version"},
    {"import: done -> not_started", "admin", r_json_illegal_transition, RECTIFY_E_TRANSITION,
     "aspects[0].issues[0].status"},
    {"import: invalid UTF-8 in a title", "admin", r_json_bad_utf8, RECTIFY_E_UTF8, "UTF-8"},
    {"import: NULL text", "admin", r_json_null, RECTIFY_E_ARGUMENT, "json"},
    {"import_file: no such file", "admin", r_import_missing_file, RECTIFY_E_IO, "rectify-bad-input.json"},
    {"import: no actor", NULL, r_import_no_actor, RECTIFY_E_NO_ACTOR, "actor"},
    {"import: actor outside its grants", "narrow", r_import_denied, RECTIFY_E_DENIED, "import"},
    {"open: options version 99", "admin", r_open_bad_version, RECTIFY_E_ARGUMENT, "version"},
    {"open: NULL path", "admin", r_open_null_path, RECTIFY_E_ARGUMENT, "path"},
    {"open: actor not UTF-8", "admin", r_open_bad_utf8_actor, RECTIFY_E_UTF8, "actor"},
    {"set_actor: not UTF-8", "admin", r_set_actor_bad_utf8, RECTIFY_E_UTF8, "actor"},
    {"status_set: read-only handle", "admin", r_status_read_only, RECTIFY_E_MISUSE, "read-only"},
    {"record_get: unknown kind 42", "admin", r_get_unknown_kind, RECTIFY_E_ARGUMENT, "kind"},
    {"record_get: id 0", "admin", r_get_id_zero, RECTIFY_E_ARGUMENT, "id"},
    {"record_get: id -5", "admin", r_get_id_negative, RECTIFY_E_ARGUMENT, "id"},
    {"record_get: nonexistent id", "admin", r_get_nonexistent, RECTIFY_E_NOT_FOUND, "999999"},
    {"record_find: ref not UTF-8", "admin", r_find_bad_utf8, RECTIFY_E_UTF8, "ref"},
    {"record_find: NULL ref", "admin", r_find_null_ref, RECTIFY_E_ARGUMENT, "ref"},
    {"record_find: unknown ref", "admin", r_find_unknown_ref, RECTIFY_E_NOT_FOUND, "no-such-ref"},
    {"record_list: options version 0", "admin", r_list_bad_version, RECTIFY_E_ARGUMENT, "version"},
    {"record_list: limit -1", "admin", r_list_negative_limit, RECTIFY_E_ARGUMENT, "limit"},
    {"kind_from_name: unknown kind", "admin", r_kind_unknown, RECTIFY_E_ARGUMENT, "problem"},
    {"status_from_name: unknown status", "admin", r_status_name_unknown, RECTIFY_E_ARGUMENT, "finished"},
    {"role_from_name: unknown role", "admin", r_role_unknown, RECTIFY_E_ARGUMENT, "boss"},
    {"status_set: unknown status 42", "admin", r_status_unknown, RECTIFY_E_ARGUMENT, "status"},
    {"status_set: an aspect has no status", "admin", r_status_wrong_kind, RECTIFY_E_ARGUMENT, "kind"},
    {"status_set: stale expect_version", "admin", r_status_stale, RECTIFY_E_CONFLICT, "version"},
    {"status_set: done -> not_started", "admin", r_status_transition, RECTIFY_E_TRANSITION, "not_started"},
    {"status_set: nonexistent measure", "admin", r_status_nonexistent, RECTIFY_E_NOT_FOUND, "999999"},
    {"status_set: no actor", NULL, r_status_no_actor, RECTIFY_E_NO_ACTOR, "actor"},
    {"status_set: actor outside its grants", "narrow", r_status_denied, RECTIFY_E_DENIED, "narrow"},
    {"status_set: closed, a measure in progress", "admin", r_status_closed_guard, RECTIFY_E_GUARD, "measures_done"},
    {"progress_add: date 2019-02-30", "admin", r_progress_bad_date, RECTIFY_E_ARGUMENT, "2019-02-30"},
    {"progress_add: date 2019/1/5", "admin", r_progress_ill_formed_date, RECTIFY_E_ARGUMENT, "2019/1/5"},
    {"progress_add: empty text", "admin", r_progress_empty_text, RECTIFY_E_ARGUMENT, "text"},
    {"progress_add: NULL text", "admin", r_progress_null_text, RECTIFY_E_ARGUMENT, "text"},
    {"progress_add: text not UTF-8", "admin", r_progress_bad_utf8, RECTIFY_E_UTF8, "text"},
    {"progress_add: measure id 0", "admin", r_progress_id_zero, RECTIFY_E_ARGUMENT, "measure"},
    {"progress_add: nonexistent measure", "admin", r_progress_not_a_measure, RECTIFY_E_NOT_FOUND, "999999"},
    {"export: nonexistent inspection", "admin", r_export_nonexistent, RECTIFY_E_NOT_FOUND, "999999"},
    {"notice_render: audience 9", "admin", r_notice_bad_audience, RECTIFY_E_ARGUMENT, "audience"},
    {"notice_render: options version 7", "admin", r_notice_bad_version, RECTIFY_E_ARGUMENT, "version"},
    {"report_render: format 42", "admin", r_report_bad_format, RECTIFY_E_ARGUMENT, "format"},
    {"report_render: as_of 2019-13-01", "admin", r_report_bad_as_of, RECTIFY_E_ARGUMENT, "2019-13-01"},
    {"report_render: unclosed section", "admin", r_report_broken_template, RECTIFY_E_INVALID, "aspects"},
    {"report_render: template not UTF-8", "admin", r_report_template_bad_utf8, RECTIFY_E_UTF8, "template"},
    {"stats: as_of 2019-02-29", "admin", r_stats_bad_as_of, RECTIFY_E_ARGUMENT, "2019-02-29"},
    {"stats: as_of yesterday", "admin", r_stats_ill_formed_as_of, RECTIFY_E_ARGUMENT, "yesterday"},
    {"stats: audience 0", "admin", r_stats_bad_audience, RECTIFY_E_ARGUMENT, "audience"},
    {"stats: public actor, internal audience", "narrow", r_stats_denied, RECTIFY_E_DENIED, "read"},
    {"user_add: name taken", "admin", r_user_duplicate, RECTIFY_E_DUPLICATE, "narrow"},
    {"user_add: name not UTF-8", "admin", r_user_bad_utf8, RECTIFY_E_UTF8, "name"},
    {"user_add: not an admin", "narrow", r_user_add_denied, RECTIFY_E_DENIED, "narrow"},
    {"user_grant: role 99", "admin", r_grant_bad_role, RECTIFY_E_ARGUMENT, "role"},
    {"user_grant: scope 9", "admin", r_grant_bad_scope, RECTIFY_E_ARGUMENT, "scope"},
    {"user_grant: scope_id on the whole database", "admin", r_grant_scope_id_mismatch, RECTIFY_E_ARGUMENT, "scope_id"},
    {"user_grant: unknown user", "admin", r_grant_unknown_user, RECTIFY_E_NOT_FOUND, "nobody"},
    {"user_revoke: role not held", "admin", r_revoke_not_held, RECTIFY_E_NOT_FOUND, "narrow"},
    {"user_revoke: the last admin", "admin", r_revoke_last_admin, RECTIFY_E_MISUSE, "admin"},
    {"calendar: contradictory notice", "admin", r_calendar_contradictory, RECTIFY_E_INVALID, "2030-01-01"},
    {"calendar: malformed notice", "admin", r_calendar_malformed, RECTIFY_E_JSON, "line"},
    {"calendar: date 2030-02-31", "admin", r_calendar_bad_date, RECTIFY_E_INVALID, "days[0].date"},
    {"calendar_set_day: type 42", "admin", r_calendar_set_day_bad_type, RECTIFY_E_ARGUMENT, "type"},
    {"profile_add: malformed JSON", "admin", r_profile_malformed, RECTIFY_E_JSON, "line"},
    {"apply_profile: unknown profile", "admin", r_apply_unknown_profile, RECTIFY_E_NOT_FOUND, "no-such-profile"},
    {"warnings: options version 5", "admin", r_warnings_bad_version, RECTIFY_E_ARGUMENT, "version"},
    {"extension_request: 2019-04-31", "admin", r_extension_bad_date, RECTIFY_E_ARGUMENT, "2019-04-31"},
    {"escalate: level 42", "admin", r_escalate_bad_level, RECTIFY_E_ARGUMENT, "level"},
    {"close_out: a measure in progress", "admin", r_close_out_guard, RECTIFY_E_GUARD, "measures_done"},
    {"close_out: every measure done, no evidence", "admin", r_close_out_no_evidence, RECTIFY_E_GUARD, "evidence"},
    {"close_out: date 2019-02-29", "admin", r_close_out_bad_date, RECTIFY_E_ARGUMENT, "2019-02-29"},
    {"close_out_guards_set: min_evidence a string", "admin", r_guards_wrong_type, RECTIFY_E_INVALID, "min_evidence"},
    {"evidence_add: no title", "admin", r_evidence_no_title, RECTIFY_E_ARGUMENT, "title"},
    {"evidence_add: file missing", "admin", r_evidence_missing_file, RECTIFY_E_IO, "rectify-evidence.pdf"},
    {"review_schedule: scope 9", "admin", r_review_bad_scope, RECTIFY_E_ARGUMENT, "scope"},
    {"lead_add: handed_on 2019-00-10", "admin", r_lead_bad_date, RECTIFY_E_ARGUMENT, "2019-00-10"},
    {"notice_parse: text it cannot place", "admin", r_parse_unplaceable, RECTIFY_E_INVALID, "line 3"},
    {"notice_parse: invalid UTF-8", "admin", r_parse_bad_utf8, RECTIFY_E_UTF8, "line 2"},
    {"notice_parse: onsite_start 2018-09-31", "admin", r_parse_bad_option_date, RECTIFY_E_ARGUMENT, "onsite_start"},
    {"notice_parse: NULL text", "admin", r_parse_null_text, RECTIFY_E_ARGUMENT, "text"},
    {"audit_log: kind 42", "admin", r_audit_log_bad_kind, RECTIFY_E_ARGUMENT, "kind"},
    {"backup: destination exists", "admin", r_backup_exists, RECTIFY_E_IO, "exist"},
    {"calendar_new: flags 42", "admin", r_cal_new_bad_flags, RECTIFY_E_ARGUMENT, "flags"},
};

/* ---- the harness --------------------------------------------------------------------------- */

static int same_bytes(const char *saved, size_t saved_size, char *why, size_t why_size)
{
    size_t size = 0, i;
    char *now = read_file(g_path, &size);
    int same;
    if (!now) {
        snprintf(why, why_size, "cannot read the database file");
        return 0;
    }
    same = size == saved_size && memcmp(now, saved, size) == 0;
    if (!same) {
        for (i = 0; i < size && i < saved_size && now[i] == saved[i]; i++) {
        }
        snprintf(why, why_size, "database file changed: %zu bytes, was %zu; first difference at byte %zu", size,
                 saved_size, i);
    }
    free(now);
    return same;
}

static void run_row(const row *r, const char *saved, size_t saved_size)
{
    rectify_db *db = NULL;
    rectify_open_options opts = RECTIFY_OPEN_OPTIONS_INIT;
    outs o;
    int rc, code, ok = 1;
    const char *msg;
    char why[300] = "";

    opts.flags = 0; /* the file is there: never create */
    opts.actor = r->actor;
    if (rectify_db_open(&db, g_path, &opts) != RECTIFY_OK) {
        fprintf(stderr, "%s: cannot open the database: %s\n", r->name, rectify_errmsg());
        exit(2);
    }
    o.json = o.summary = SENTINEL_PTR;
    o.data = SENTINEL_PTR;
    o.size = 7;
    o.id = o.id2 = SENTINEL_ID;
    o.num = -777;
    o.db = SENTINEL_PTR;
    o.cal = SENTINEL_PTR;

    rc = r->fn(db, &o);
    code = rectify_errcode();
    msg = rectify_errmsg();
    if (rc != r->want || code != r->want) {
        ok = 0;
        snprintf(why, sizeof why, "returned %d (%s), errcode %d, expected %d (%s)", rc, rectify_strerror(rc), code,
                 r->want, rectify_strerror(r->want));
    } else if (strstr(msg, r->msg) == NULL) {
        ok = 0;
        snprintf(why, sizeof why, "the message does not name '%s'", r->msg);
    }
    /* Out-parameters a row passed must be reset; those it did not pass keep their sentinel. */
    if (ok && ((o.json != NULL && o.json != SENTINEL_PTR) || (o.summary != NULL && o.summary != SENTINEL_PTR) ||
               (o.data != NULL && o.data != SENTINEL_PTR) || (o.size != 0 && o.size != 7) ||
               (o.id != 0 && o.id != SENTINEL_ID) || (o.num != 0 && o.num != -777) ||
               (o.db != NULL && o.db != SENTINEL_PTR) || (o.cal != NULL && o.cal != SENTINEL_PTR))) {
        ok = 0;
        snprintf(why, sizeof why, "an out-parameter was not reset to NULL / 0");
    }
    /* A leaked handle would be a bug too: close whatever came back before comparing. */
    if (o.db != SENTINEL_PTR) rectify_db_close(o.db);
    if (o.cal != SENTINEL_PTR) rectify_calendar_free(o.cal);
    if (o.json != SENTINEL_PTR) rectify_free(o.json);
    if (o.summary != SENTINEL_PTR) rectify_free(o.summary);
    if (o.data != SENTINEL_PTR) rectify_free(o.data);
    rectify_db_close(db);
    if (ok && !same_bytes(saved, saved_size, why, sizeof why)) ok = 0;

    if (ok) {
        g_passed++;
        if (g_verbose) printf("ok    %-48s %d %s\n", r->name, rc, msg);
    } else {
        g_failed++;
        printf("FAIL  %-48s %s\n      message: %s\n", r->name, why, msg);
    }
}

int main(int argc, char **argv)
{
    char dir[] = "/tmp/rectify-bad-input-XXXXXX";
    char *saved;
    size_t saved_size, i, n = sizeof g_rows / sizeof g_rows[0];
    const char *verbose = getenv("RECTIFY_TEST_VERBOSE");
    rectify_db *admin = NULL;

    if (argc < 2) {
        fprintf(stderr, "usage: %s SEED.json\n", argv[0]);
        return 2;
    }
    g_verbose = verbose && verbose[0] && strcmp(verbose, "0") != 0;
    if (!mkdtemp(dir)) return 2;
    snprintf(g_path, sizeof g_path, "%s/bad-input.db", dir);
    g_seed = read_file(argv[1], NULL);
    if (!g_seed) {
        fprintf(stderr, "cannot read %s\n", argv[1]);
        return 2;
    }

    /* Setup: the seed, and a user holding only the public role. Then every handle closes. */
    {
        rectify_open_options o = RECTIFY_OPEN_OPTIONS_INIT;
        o.actor = "admin";
        MUST(rectify_db_open(&admin, g_path, &o));
    }
    MUST(rectify_import_json(&g_inspection, NULL, admin, g_seed, strlen(g_seed)));
    MUST(rectify_record_find(&g_unit, admin, RECTIFY_KIND_UNIT, "tongcheng-fulian"));
    MUST(rectify_record_find(&g_round, admin, RECTIFY_KIND_ROUND, "tongcheng-2018-round"));
    MUST(rectify_record_find(&g_issue, admin, RECTIFY_KIND_ISSUE, "tongcheng-2018-fulian/a1/i1"));
    MUST(rectify_record_find(&g_issue_done, admin, RECTIFY_KIND_ISSUE, "tongcheng-2018-fulian/a3/i1"));
    MUST(rectify_record_find(&g_measure, admin, RECTIFY_KIND_MEASURE, "tongcheng-2018-fulian/a1/i1/m1"));
    MUST(rectify_record_find(&g_measure2, admin, RECTIFY_KIND_MEASURE, "tongcheng-2018-fulian/a1/i1/m2"));
    MUST(rectify_user_add(admin, "narrow", "只读公众"));
    MUST(rectify_user_grant(admin, "narrow", RECTIFY_ROLE_PUBLIC, RECTIFY_SCOPE_ALL, 0));
    rectify_db_close(admin);

    saved = read_file(g_path, &saved_size);
    if (!saved) return 2;
    {
        char wal[620];
        snprintf(wal, sizeof wal, "%s-wal", g_path);
        if (access(wal, F_OK) == 0) {
            fprintf(stderr, "the WAL outlived the last handle: the main file alone is not the database\n");
            return 2;
        }
    }

    for (i = 0; i < n; i++) run_row(&g_rows[i], saved, saved_size);

    /* The control: one call that succeeds must change the file, or the comparison proves nothing. */
    {
        rectify_open_options o = RECTIFY_OPEN_OPTIONS_INIT;
        char why[300];
        o.actor = "admin";
        MUST(rectify_db_open(&admin, g_path, &o));
        MUST(rectify_progress_add(NULL, admin, g_measure, "2019-01-05", "对照：一次成功的写入", NULL));
        rectify_db_close(admin);
        if (same_bytes(saved, saved_size, why, sizeof why)) {
            g_failed++;
            printf("FAIL  control: a successful write left the database file as it was\n");
        } else {
            g_passed++;
            if (g_verbose) printf("ok    control: a successful write changes the file (%s)\n", why);
        }
    }

    free(saved);
    free(g_seed);
    if (g_failed == 0) {
        char cmd[700];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
        if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
    } else {
        fprintf(stderr, "kept %s\n", dir);
    }
    printf("%zu rows: %d passed, %d failed\n", n, g_passed, g_failed);
    return g_failed == 0 ? 0 : 1;
}
