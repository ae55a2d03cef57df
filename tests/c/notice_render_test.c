/*
 * notice_render_test.c: the notice (通报) through rectify_report_render() and
 * rectify_notice_render() from plain C99: the bundled text and Markdown templates on the seed
 * case, a host's own template, a broken one (RECTIFY_E_INVALID naming the problem), and NULL and
 * garbage arguments, each of which must fail with its code and reset the out-parameters.
 *
 *   notice_render_test SEED.json
 *
 * Ends with "N passed, N failed"; exits nonzero on any failure.
 */
#define _XOPEN_SOURCE 700

#include <rectify/rectify.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int g_passed;
static int g_failed;

static void check_impl(int ok, const char *expr, int line)
{
    if (ok) {
        g_passed++;
        return;
    }
    g_failed++;
    fprintf(stderr, "notice_render_test.c:%d: FAILED: %s\n    last error %d: %s\n", line, expr, rectify_errcode(),
            rectify_errmsg());
}
#define CHECK(e) check_impl((e) ? 1 : 0, #e, __LINE__)

static int contains(const unsigned char *text, const char *needle)
{
    return text != NULL && strstr((const char *)text, needle) != NULL;
}

/* Renders with the given format and template; returns the code, leaves the output in *out. */
static int render(rectify_db *db, int format, const char *tmpl, unsigned char **out, size_t *size)
{
    rectify_report_options o = RECTIFY_REPORT_OPTIONS_INIT;
    o.format = format;
    o.as_of = "2019-03-01";
    o.template_text = tmpl;
    return rectify_report_render(out, size, db, 1, &o);
}

/* A call expected to fail: its code, the same code left behind, a message, the output reset. */
static void expect_failure(int rc, int want, unsigned char *const *out, const char *message_part, int line)
{
    check_impl(rc == want, "the expected error code", line);
    check_impl(rectify_errcode() == want, "rectify_errcode() is the returned code", line);
    check_impl(message_part == NULL || strstr(rectify_errmsg(), message_part) != NULL, "the message names the problem", line);
    check_impl(out == NULL || *out == NULL, "the output is reset", line);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s SEED.json\n", argv[0]);
        return 2;
    }
    char dir[] = "/tmp/rectify-notice-XXXXXX";
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 2;
    }
    char path[256];
    snprintf(path, sizeof path, "%s/notice.db", dir);

    rectify_open_options oo = RECTIFY_OPEN_OPTIONS_INIT;
    oo.actor = "admin";
    rectify_db *db = NULL;
    CHECK(rectify_db_open(&db, path, &oo) == RECTIFY_OK);
    int64_t id = 0;
    CHECK(rectify_import_file(&id, NULL, db, argv[1]) == RECTIFY_OK);
    CHECK(id == 1);

    unsigned char *out = NULL;
    size_t size = 0;

    /* The bundled text template: the seed's title, counts, headings and totals. */
    CHECK(render(db, RECTIFY_FORMAT_TEXT, NULL, &out, &size) == RECTIFY_OK);
    CHECK(out != NULL && size == strlen((const char *)out));
    CHECK(contains(out, "市妇联党组关于巡察整改情况的通报\n"));
    CHECK(contains(out, "6个方面11项整改任务"));
    CHECK(contains(out, "（六）夺取反腐败斗争压倒性胜利方面的问题\n8.超范围发放公务交通补贴\n整改情况：严格执行"));
    CHECK(contains(out, "追缴资金11550.00元"));
    CHECK(contains(out, "（七）巩固整改成果,推进全面从严治党\n"));
    rectify_free(out);

    /* Markdown: the same notice with Markdown headings. */
    CHECK(render(db, RECTIFY_FORMAT_MARKDOWN, NULL, &out, NULL) == RECTIFY_OK);
    CHECK(contains(out, "# 市妇联党组关于巡察整改情况的通报\n"));
    CHECK(contains(out, "\n## （一）党的政治建设方面\n"));
    CHECK(contains(out, "\n### 8. 超范围发放公务交通补贴\n\n**整改情况**：严格执行"));
    rectify_free(out);

    /* The older call renders through the same templates, Markdown included. */
    char *text = NULL;
    rectify_notice_options no = RECTIFY_NOTICE_OPTIONS_INIT;
    CHECK(rectify_notice_render(&text, db, 1, &no) == RECTIFY_OK);
    CHECK(text != NULL && strstr(text, "8.超范围发放公务交通补贴\n") != NULL);
    rectify_free(text);
    no.format = RECTIFY_FORMAT_MARKDOWN;
    CHECK(rectify_notice_render(&text, db, 1, &no) == RECTIFY_OK);
    CHECK(text != NULL && strstr(text, "\n## （六）夺取反腐败斗争压倒性胜利方面的问题\n") != NULL);
    rectify_free(text);
    text = (char *)1;
    no.format = RECTIFY_FORMAT_CSV;
    CHECK(rectify_notice_render(&text, db, 1, &no) == RECTIFY_E_ARGUMENT);
    CHECK(text == NULL);

    /* A host's own template, in both formats. */
    CHECK(render(db, RECTIFY_FORMAT_TEXT, "{{org}}：{{#aspects}}{{number}}{{/aspects}}", &out, &size) == RECTIFY_OK);
    CHECK(out != NULL && strcmp((const char *)out, "市妇联党组：一二三四五六") == 0);
    CHECK(size == strlen("市妇联党组：一二三四五六"));
    rectify_free(out);
    CHECK(render(db, RECTIFY_FORMAT_MARKDOWN, "**{{issue_total}}**{{#outcomes}} {{money_wan_yuan}}{{/outcomes}}", &out, NULL) ==
          RECTIFY_OK);
    CHECK(out != NULL && strcmp((const char *)out, "**11** 1.155万元") == 0);
    rectify_free(out);

    /* A broken template: RECTIFY_E_INVALID, naming what mustache found. */
    out = (unsigned char *)1;
    size = 99;
    expect_failure(render(db, RECTIFY_FORMAT_TEXT, "{{#aspects}}{{title}}", &out, &size), RECTIFY_E_INVALID, &out,
                   "template: Unclosed section \"aspects\"", __LINE__);
    CHECK(size == 0);
    out = (unsigned char *)1;
    expect_failure(render(db, RECTIFY_FORMAT_MARKDOWN, "{{title", &out, NULL), RECTIFY_E_INVALID, &out, "template: Unclosed tag",
                   __LINE__);
    /* A template that is not UTF-8, and one for a format without templates. */
    out = (unsigned char *)1;
    expect_failure(render(db, RECTIFY_FORMAT_TEXT, "\xff{{org}}", &out, NULL), RECTIFY_E_UTF8, &out, "template_text", __LINE__);
    out = (unsigned char *)1;
    expect_failure(render(db, RECTIFY_FORMAT_CSV, "{{org}}", &out, &size), RECTIFY_E_ARGUMENT, &out, "template", __LINE__);

    /* NULL and garbage arguments. */
    rectify_report_options o = RECTIFY_REPORT_OPTIONS_INIT;
    expect_failure(rectify_report_render(NULL, &size, db, 1, &o), RECTIFY_E_ARGUMENT, NULL, "out_data", __LINE__);
    out = (unsigned char *)1;
    expect_failure(rectify_report_render(&out, &size, NULL, 1, &o), RECTIFY_E_ARGUMENT, &out, "db", __LINE__);
    out = (unsigned char *)1;
    expect_failure(rectify_report_render(&out, &size, db, 0, &o), RECTIFY_E_ARGUMENT, &out, "inspection_id", __LINE__);
    out = (unsigned char *)1;
    expect_failure(rectify_report_render(&out, &size, db, 99, &o), RECTIFY_E_NOT_FOUND, &out, NULL, __LINE__);
    o.format = 0;
    out = (unsigned char *)1;
    expect_failure(rectify_report_render(&out, &size, db, 1, &o), RECTIFY_E_ARGUMENT, &out, "format", __LINE__);
    o.format = RECTIFY_FORMAT_TEXT;
    o.audience = 7;
    out = (unsigned char *)1;
    expect_failure(rectify_report_render(&out, &size, db, 1, &o), RECTIFY_E_ARGUMENT, &out, "audience", __LINE__);
    o.audience = RECTIFY_AUDIENCE_INTERNAL;
    o.version = 0;
    out = (unsigned char *)1;
    expect_failure(rectify_report_render(&out, &size, db, 1, &o), RECTIFY_E_ARGUMENT, &out, "version", __LINE__);
    o.version = RECTIFY_REPORT_OPTIONS_VERSION;
    o.as_of = "2019-02-30";
    out = (unsigned char *)1;
    expect_failure(rectify_report_render(&out, &size, db, 1, &o), RECTIFY_E_ARGUMENT, &out, "2019-02-30", __LINE__);
    /* NULL options: the internal text notice with the bundled template. */
    CHECK(rectify_report_render(&out, NULL, db, 1, NULL) == RECTIFY_OK);
    CHECK(contains(out, "6个方面11项整改任务"));
    rectify_free(out);

    rectify_db_close(db);
    unlink(path);
    rmdir(dir);
    printf("%d passed, %d failed\n", g_passed, g_failed);
    return g_failed == 0 ? 0 : 1;
}
