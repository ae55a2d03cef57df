/*
 * check.h: the check helpers the C tests share. Each test program is one translation unit, so
 * the counters and the helper live here as statics.
 *
 *   CHECK(expr)               counts a pass, or prints the failure with the last rectify error
 *   CHECK_FAILS(expr, want)   expr returns want, and leaves it and a message as the last error
 *   MUST(expr)                setup that must succeed; exits 2 otherwise
 *   check_report()            prints "N passed, N failed"; the program's exit status
 */
#ifndef RECTIFY_TESTS_C_CHECK_H
#define RECTIFY_TESTS_C_CHECK_H

#include <rectify/rectify.h>

#include <stdio.h>
#include <stdlib.h>

static int g_passed;
static int g_failed;

static void check_impl(int ok, const char *expr, const char *file, int line)
{
    if (ok) {
        g_passed++;
        return;
    }
    g_failed++;
    fprintf(stderr, "%s:%d: FAILED: %s\n    last error %d: %s\n", file, line, expr, rectify_errcode(), rectify_errmsg());
}
#define CHECK(expr) check_impl((expr) ? 1 : 0, #expr, __FILE__, __LINE__)

#define CHECK_FAILS(expr, want) \
    CHECK((expr) == (want) && rectify_errcode() == (want) && rectify_errmsg()[0] != '\0')

#define MUST(expr)                                                                       \
    do {                                                                                 \
        if ((expr) != RECTIFY_OK) {                                                      \
            fprintf(stderr, "%s:%d: setup failed: %s: %s\n", __FILE__, __LINE__, #expr, \
                    rectify_errmsg());                                                   \
            exit(2);                                                                     \
        }                                                                                \
    } while (0)

static int check_report(void)
{
    printf("%d passed, %d failed\n", g_passed, g_failed);
    return g_failed ? 1 : 0;
}

#endif /* RECTIFY_TESTS_C_CHECK_H */
