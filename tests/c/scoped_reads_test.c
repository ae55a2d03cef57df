/*
 * scoped_reads_test.c: a count or a warning list narrowed to a unit, a round or an inspection the
 * actor holds no grant on is refused with RECTIFY_E_DENIED, never answered with 0 or an empty
 * list; the message names the scope, the missing permission and the roles held, and the
 * out-parameters stay reset. Record lists stay views: narrowed to what the actor cannot read they
 * list nothing. The same reads narrowed to the actor's own unit answer with the
 * right counts and rows.
 *
 * Two inspections of one round: the seed (unit A, 市妇联) and a copy of it as unit B (市档案馆).
 * Three measures of A and one of B get deadlines through escalations; the liaison holds a grant
 * on unit A only.
 *
 *   scoped_reads_test SEED.json
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
#include "seed_units.h"

#define SENTINEL ((int64_t)-7777)

static int64_t find(rectify_db *db, int kind, const char *ref)
{
    int64_t id = 0;
    MUST(rectify_record_find(&id, db, kind, ref));
    return id;
}

static int has(const char *text, const char *part) { return text && strstr(text, part) != NULL; }

/* The last error names what was asked for (scope), the permission and the liaison's grant. */
static int denial_names(const char *scope, const char *held)
{
    const char *msg = rectify_errmsg();
    return rectify_errcode() == RECTIFY_E_DENIED && has(msg, scope) && has(msg, "needs permission read") &&
           has(msg, "'liaison1' has") && has(msg, held);
}

/* call, given &json, is refused: RECTIFY_E_DENIED, json reset to NULL, the message naming the
 * scope and the roles held. */
#define DENIED_JSON(json, call, scope, held)  \
    do {                                      \
        (json) = (char *)1;                   \
        CHECK((call) == RECTIFY_E_DENIED);    \
        CHECK((json) == NULL);                \
        CHECK(denial_names((scope), (held))); \
    } while (0)

static int row_cb(void *ctx, const char *row, size_t len)
{
    (void)row;
    (void)len;
    ++*(int *)ctx;
    return 0;
}

int main(int argc, char **argv)
{
    char dir[] = "/tmp/rectify-scoped-XXXXXX";
    char path[600], scope_b[64], scope_round[64], scope_insp_b[64], held[64], text[64];
    char *json;
    int64_t insp_a = 0, insp_b = 0, unit_a, unit_b, round, measure_b, id, count;
    rectify_db *admin, *liaison;
    const char *in_a[] = {"tongcheng-2018-fulian/a1/i1/m3", "tongcheng-2018-fulian/a1/i1/m4",
                          "tongcheng-2018-fulian/a1/i2/m2"};
    size_t i;

    if (argc != 2) {
        fprintf(stderr, "usage: %s SEED.json\n", argv[0]);
        return 2;
    }
    if (!mkdtemp(dir)) return 2;
    snprintf(path, sizeof path, "%s/scoped.db", dir);
    admin = open_two_units(path, argv[1], &insp_a, &insp_b);
    unit_a = find(admin, RECTIFY_KIND_UNIT, "tongcheng-fulian");
    unit_b = find(admin, RECTIFY_KIND_UNIT, "tongcheng-dangan");
    round = find(admin, RECTIFY_KIND_ROUND, "tongcheng-2018-round");
    measure_b = find(admin, RECTIFY_KIND_MEASURE, "tongcheng-2018-dangan/a1/i1/m3");
    /* Open measures with deadlines: three in A, one in B, all before 2019-03-01. */
    for (i = 0; i < sizeof in_a / sizeof in_a[0]; i++)
        MUST(rectify_escalate(&id, admin, RECTIFY_KIND_MEASURE, find(admin, RECTIFY_KIND_MEASURE, in_a[i]),
                              RECTIFY_ESCALATION_NOTICE, "2018-12-20", "市妇联党组", "2019-01-10", NULL));
    MUST(rectify_escalate(&id, admin, RECTIFY_KIND_MEASURE, measure_b, RECTIFY_ESCALATION_NOTICE, "2018-12-20",
                          "市档案馆党组", "2019-01-10", NULL));
    MUST(rectify_extension_request(&id, admin, measure_b, "2019-02-10", "档案整理需要时间"));
    MUST(rectify_user_add(admin, "liaison1", NULL));
    MUST(rectify_user_grant(admin, "liaison1", RECTIFY_ROLE_LIAISON, RECTIFY_SCOPE_UNIT, unit_a));
    liaison = open_as(path, "liaison1");

    snprintf(scope_b, sizeof scope_b, "of unit %lld", (long long)unit_b);
    snprintf(scope_round, sizeof scope_round, "of round %lld", (long long)round);
    snprintf(scope_insp_b, sizeof scope_insp_b, "of inspection %lld", (long long)insp_b);
    snprintf(held, sizeof held, "liaison on unit %lld", (long long)unit_a);

    /* rectify_overdue_count: unit B, round, inspection B refused; unit A and everything visible counted. */
    {
        rectify_warning_options o = RECTIFY_WARNING_OPTIONS_INIT;
        o.as_of = "2019-03-01";
        o.unit_id = unit_b;
        count = SENTINEL;
        CHECK(rectify_overdue_count(&count, liaison, &o) == RECTIFY_E_DENIED);
        CHECK(count == 0);
        CHECK(denial_names(scope_b, held));
        CHECK(has(rectify_errmsg(), "counting overdue measures"));
        o.unit_id = 0;
        o.round_id = round;
        count = SENTINEL;
        CHECK(rectify_overdue_count(&count, liaison, &o) == RECTIFY_E_DENIED);
        CHECK(count == 0);
        CHECK(denial_names(scope_round, held));
        o.round_id = 0;
        o.inspection_id = insp_b;
        count = SENTINEL;
        CHECK(rectify_overdue_count(&count, liaison, &o) == RECTIFY_E_DENIED);
        CHECK(count == 0);
        CHECK(denial_names(scope_insp_b, held));
        o.inspection_id = 0;
        o.unit_id = 99999;
        count = SENTINEL;
        CHECK_FAILS(rectify_overdue_count(&count, liaison, &o), RECTIFY_E_NOT_FOUND);
        CHECK(count == 0);
        CHECK(has(rectify_errmsg(), "no unit 99999"));

        o.unit_id = unit_a;
        count = SENTINEL;
        CHECK(rectify_overdue_count(&count, liaison, &o) == RECTIFY_OK);
        CHECK(count == 3);
        o.unit_id = 0;
        o.inspection_id = insp_a;
        CHECK(rectify_overdue_count(&count, liaison, &o) == RECTIFY_OK);
        CHECK(count == 3);
        o.inspection_id = 0;
        CHECK(rectify_overdue_count(&count, liaison, &o) == RECTIFY_OK); /* unnarrowed: what it sees */
        CHECK(count == 3);
        o.unit_id = unit_b;
        CHECK(rectify_overdue_count(&count, admin, &o) == RECTIFY_OK);
        CHECK(count == 1);
        o.unit_id = 0;
        o.round_id = round;
        CHECK(rectify_overdue_count(&count, admin, &o) == RECTIFY_OK);
        CHECK(count == 4);
    }
    /* rectify_warnings and rectify_warnings_each. */
    {
        rectify_warning_options o = RECTIFY_WARNING_OPTIONS_INIT;
        int rows = 0;
        o.as_of = "2019-03-01";
        o.unit_id = unit_b;
        DENIED_JSON(json, rectify_warnings(&json, liaison, &o), scope_b, held);
        CHECK(has(rectify_errmsg(), "reading warnings"));
        CHECK(rectify_warnings_each(liaison, &o, row_cb, &rows) == RECTIFY_E_DENIED);
        CHECK(rows == 0);
        CHECK(denial_names(scope_b, held));
        o.unit_id = unit_a;
        CHECK(rectify_warnings(&json, liaison, &o) == RECTIFY_OK);
        CHECK(has(json, "\"red\":3"));
        rectify_free(json);
        CHECK(rectify_warnings_each(liaison, &o, row_cb, &rows) == RECTIFY_OK);
        CHECK(rows == 28);
    }
    /* rectify_overdue, rectify_due_within, rectify_escalation_list_open, rectify_followups_due. */
    {
        rectify_warning_options o = RECTIFY_WARNING_OPTIONS_INIT;
        o.as_of = "2019-03-01";
        o.unit_id = unit_b;
        DENIED_JSON(json, rectify_overdue(&json, liaison, &o), scope_b, held);
        DENIED_JSON(json, rectify_due_within(&json, liaison, 30, &o), scope_b, held);
        DENIED_JSON(json, rectify_escalation_list_open(&json, liaison, &o), scope_b, held);
        DENIED_JSON(json, rectify_followups_due(&json, liaison, 30, &o), scope_b, held);

        o.unit_id = unit_a;
        CHECK(rectify_overdue(&json, liaison, &o) == RECTIFY_OK);
        CHECK(has(json, "a1/i1/m3") && has(json, "a1/i2/m2") && !has(json, "dangan"));
        rectify_free(json);
        o.as_of = "2019-01-01";
        CHECK(rectify_due_within(&json, liaison, 30, &o) == RECTIFY_OK);
        CHECK(has(json, "a1/i1/m4") && !has(json, "dangan"));
        rectify_free(json);
        CHECK(rectify_escalation_list_open(&json, liaison, &o) == RECTIFY_OK);
        CHECK(has(json, "市妇联党组") && !has(json, "市档案馆党组"));
        rectify_free(json);
        CHECK(rectify_followups_due(&json, liaison, 30, &o) == RECTIFY_OK);
        CHECK(json && strcmp(json, "[]") == 0); /* no follow-up plans in A */
        rectify_free(json);
    }
    /* rectify_stats_json refuses the same way. */
    {
        rectify_stats_options o = RECTIFY_STATS_OPTIONS_INIT;
        o.as_of = "2019-03-01";
        o.unit_id = unit_b;
        DENIED_JSON(json, rectify_stats_json(&json, liaison, &o), scope_b, held);
    }
    /* A record list is a view, not a count: narrowed to B's inspection it lists nothing
     * (docs/access.md), while the same call on A lists A's records. */
    {
        rectify_list_options o = RECTIFY_LIST_OPTIONS_INIT;
        o.inspection_id = insp_b;
        CHECK(rectify_record_list(&json, liaison, RECTIFY_KIND_MEASURE, &o) == RECTIFY_OK);
        CHECK(strcmp(json, "[]") == 0);
        rectify_free(json);
        o.inspection_id = 0;
        o.parent_id = round;
        CHECK(rectify_record_list(&json, liaison, RECTIFY_KIND_INSPECTION, &o) == RECTIFY_OK);
        CHECK(has(json, "tongcheng-2018-fulian") && !has(json, "tongcheng-2018-dangan"));
        rectify_free(json);
        o.parent_id = 0;
        o.inspection_id = insp_a;
        CHECK(rectify_record_list(&json, liaison, RECTIFY_KIND_MEASURE, &o) == RECTIFY_OK);
        CHECK(has(json, "tongcheng-2018-fulian/a1/i1/m1") && !has(json, "dangan"));
        rectify_free(json);
    }
    /* rectify_extension_list of a measure in B. */
    {
        json = (char *)1;
        CHECK(rectify_extension_list(&json, liaison, measure_b, 0) == RECTIFY_E_DENIED);
        CHECK(json == NULL);
        snprintf(text, sizeof text, "listing the extensions of measure %lld", (long long)measure_b);
        CHECK(denial_names(text, held));
        CHECK(rectify_extension_list(&json, admin, measure_b, 0) == RECTIFY_OK);
        CHECK(has(json, "档案整理需要时间"));
        rectify_free(json);
        CHECK(rectify_extension_list(&json, liaison, 0, 0) == RECTIFY_OK); /* all it may read: none */
        CHECK(json && strcmp(json, "[]") == 0);
        rectify_free(json);
    }

    rectify_db_close(liaison);
    rectify_db_close(admin);
    {
        static const char *const suffixes[] = {"", "-wal", "-shm", "-journal"};
        char file[700];
        for (i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
            snprintf(file, sizeof file, "%s%s", path, suffixes[i]);
            unlink(file);
        }
        rmdir(dir);
    }
    return check_report();
}
