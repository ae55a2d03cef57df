/*
 * parse_test.c: drives rectify_notice_parse() (rectify/notice.h) through librectify.so from plain
 * C99: NULL arguments, an options struct of an unknown version, the seed notice parsed with and
 * without options, and notices the parser must refuse with the line named in rectify_errmsg().
 *
 *   parse_test SEED_REPORT
 *
 * The notice is handed over in a heap buffer of exactly its length, with no NUL after it, so the
 * sanitizer build catches any read past len. Ends with "N passed, N failed"; nonzero on failure.
 */
#include <rectify/rectify.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "files.h"

/* A heap copy of text without its NUL: len bytes exactly. */
static char *unterminated(const char *text, size_t len)
{
    char *p = malloc(len ? len : 1);
    if (!p) abort();
    memcpy(p, text, len);
    return p;
}

static int parse(char **out, const char *text, const rectify_parse_options *opts)
{
    size_t len = strlen(text);
    char *copy = unterminated(text, len);
    int rc = rectify_notice_parse(out, copy, len, opts);
    free(copy);
    return rc;
}

int main(int argc, char **argv)
{
    size_t len = 0;
    char *seed, *copy, *json = (char *)"untouched";
    rectify_parse_options opts = RECTIFY_PARSE_OPTIONS_INIT;
    int rc;
    const char *preamble = "根据市委统一部署，2018年9月19日至10月25日，市委第一巡察组对市妇联党组开展了政治巡察。\n";
    char text[1024];

    if (argc != 2) {
        fprintf(stderr, "usage: parse_test SEED_REPORT\n");
        return 2;
    }
    seed = read_file(argv[1], &len);
    if (!seed) {
        fprintf(stderr, "cannot read %s\n", argv[1]);
        return 2;
    }
    copy = unterminated(seed, len);

    /* NULL arguments. */
    CHECK(rectify_notice_parse(NULL, copy, len, NULL) == RECTIFY_E_ARGUMENT);
    CHECK(strstr(rectify_errmsg(), "out_json") != NULL);
    CHECK(rectify_notice_parse(&json, NULL, 0, NULL) == RECTIFY_E_ARGUMENT);
    CHECK(json == NULL);
    CHECK(strstr(rectify_errmsg(), "text") != NULL);

    /* An options struct of a version this library does not know. */
    opts.version = RECTIFY_PARSE_OPTIONS_VERSION + 1;
    json = (char *)"untouched";
    CHECK(rectify_notice_parse(&json, copy, len, &opts) == RECTIFY_E_ARGUMENT);
    CHECK(json == NULL);
    CHECK(strstr(rectify_errmsg(), "RECTIFY_PARSE_OPTIONS_INIT") != NULL);
    opts.version = 0;
    CHECK(rectify_notice_parse(&json, copy, len, &opts) == RECTIFY_E_ARGUMENT);

    /* The seed with no options: the derived ref, 6 aspects, the narratives as written. */
    rc = rectify_notice_parse(&json, copy, len, NULL);
    CHECK(rc == RECTIFY_OK);
    if (rc == RECTIFY_OK) {
        CHECK(strncmp(json, "{\n  \"format\": \"rectify-inspection\"", 34) == 0);
        CHECK(strstr(json, "\"ref\": \"市妇联-2018-09-19\"") != NULL);
        CHECK(strstr(json, "\"title\": \"夺取反腐败斗争压倒性胜利方面的问题\"") != NULL);
        CHECK(strstr(json, "\"text\": \"2018年12月20日开设市妇联工会银行账户,实行工会开支独立核算。\"") != NULL);
        CHECK(strstr(json, "\"onsite_end\": \"2018-10-25\"") != NULL);
        rectify_free(json);
    }

    /* With options: the host's ref and kind. */
    opts = (rectify_parse_options)RECTIFY_PARSE_OPTIONS_INIT;
    opts.ref = "oa-2018-17";
    opts.kind = "special";
    rc = rectify_notice_parse(&json, copy, len, &opts);
    CHECK(rc == RECTIFY_OK);
    if (rc == RECTIFY_OK) {
        CHECK(strstr(json, "\"ref\": \"oa-2018-17/a6/i4/m1/p1\"") != NULL);
        CHECK(strstr(json, "\"kind\": \"special\"") != NULL);
        rectify_free(json);
    }
    opts.kind = "weekly";
    CHECK(rectify_notice_parse(&json, copy, len, &opts) == RECTIFY_E_ARGUMENT);
    opts.kind = "\xff";
    CHECK(rectify_notice_parse(&json, copy, len, &opts) == RECTIFY_E_ARGUMENT);
    CHECK(strstr(rectify_errmsg(), "kind is not valid UTF-8") != NULL);

    /* Refusals name the line. */
    snprintf(text, sizeof text, "%s(一)党的政治建设方面\n无处安放的一行。\n1、问题\n整改情况：已整改。\n", preamble);
    CHECK(parse(&json, text, NULL) == RECTIFY_E_INVALID);
    CHECK(json == NULL);
    CHECK(strncmp(rectify_errmsg(), "line 3: cannot place this text", 30) == 0);
    snprintf(text, sizeof text, "%s(一)党的政治建设方面\n1、问题\xC0\xAF\n", preamble);
    CHECK(parse(&json, text, NULL) == RECTIFY_E_UTF8);
    CHECK(strncmp(rectify_errmsg(), "line 3: invalid UTF-8", 21) == 0);
    CHECK(rectify_notice_parse(&json, "", 0, NULL) == RECTIFY_E_INVALID);
    CHECK(strcmp(rectify_errmsg(), "the notice is empty") == 0);
    CHECK(parse(&json, "(一)政治建设\n1、问题\n整改情况：甲。\n", NULL) == RECTIFY_E_INVALID);
    CHECK(strstr(rectify_errmsg(), "rectify_parse_options.unit") != NULL);

    free(copy);
    free(seed);
    return check_report();
}
