/*
 * valgrind_canary.c: the two faults capi.valgrind.* exist to catch, made on purpose, so that
 * capi.valgrind.canary proves memcheck runs with the options the real tests get and reports a
 * branch on an uninitialised value and a definite leak. Links nothing of rectify.
 */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    int *never_set = malloc(sizeof *never_set);
    void *leaked = malloc(64);
    if (never_set == NULL || leaked == NULL) return 2;
    if (*never_set > 0) /* uninitialised: memcheck reports this jump */
        puts("positive");
    else
        puts("not positive");
    free(never_set);
    leaked = NULL; /* the 64 bytes are definitely lost */
    return 0;
}
