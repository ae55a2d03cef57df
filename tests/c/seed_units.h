/*
 * seed_units.h: the seed case as a second unit's inspection, for the C tests that need two units
 * in one round (scopes, roll-ups, refusals across units).
 *
 *   seed_second_unit(seed)  the seed document with its inspection ref, unit ref and unit names
 *                           moved to 市档案馆 (unit ref "tongcheng-dangan"), in the same round.
 *                           Free with free().
 */
#ifndef RECTIFY_TESTS_C_SEED_UNITS_H
#define RECTIFY_TESTS_C_SEED_UNITS_H

#include <stdlib.h>
#include <string.h>

static inline char *seed_second_unit(const char *seed)
{
    const char *from[] = {"tongcheng-2018-fulian", "\"tongcheng-fulian\"", "\"市妇联\"", "\"市妇联党组\""};
    const char *to[] = {"tongcheng-2018-dangan", "\"tongcheng-dangan\"", "\"市档案馆\"", "\"市档案馆党组\""};
    size_t cap = strlen(seed) * 2 + 1, i;
    char *out = malloc(cap), *tmp;
    if (!out) return NULL;
    strcpy(out, seed);
    for (i = 0; i < sizeof from / sizeof from[0]; i++) {
        char *p;
        while ((p = strstr(out, from[i])) != NULL) {
            size_t head = (size_t)(p - out);
            tmp = malloc(cap);
            if (!tmp) {
                free(out);
                return NULL;
            }
            memcpy(tmp, out, head);
            strcpy(tmp + head, to[i]);
            strcat(tmp, p + strlen(from[i]));
            free(out);
            out = tmp;
        }
    }
    return out;
}

#endif /* RECTIFY_TESTS_C_SEED_UNITS_H */
