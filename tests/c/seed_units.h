/*
 * seed_units.h: the seed case as a second unit's inspection, for the C tests that need two units
 * in one round (scopes, roll-ups, refusals across units).
 *
 *   seed_second_unit(seed)  the seed document with its inspection ref, unit ref and unit names
 *                           moved to 市档案馆 (unit ref "tongcheng-dangan"), in the same round.
 *                           Free with free().
 *   open_as(path, actor)    a handle on path acting as actor; exits 2 if it does not open.
 *   open_two_units(path, seed_path, &first, &second)
 *                           path filled by "admin" with the seed and its second-unit copy; the
 *                           two inspections' ids in first and second; the admin's handle.
 */
#ifndef RECTIFY_TESTS_C_SEED_UNITS_H
#define RECTIFY_TESTS_C_SEED_UNITS_H

#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "files.h"

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

static inline rectify_db *open_as(const char *path, const char *actor)
{
    rectify_db *db = NULL;
    rectify_open_options o = RECTIFY_OPEN_OPTIONS_INIT;
    o.actor = actor;
    MUST(rectify_db_open(&db, path, &o));
    return db;
}

static inline rectify_db *open_two_units(const char *path, const char *seed_path, int64_t *first, int64_t *second)
{
    char *seed = must_read_file(seed_path, NULL);
    char *other = seed_second_unit(seed);
    rectify_db *admin;
    if (!other) exit(2);
    admin = open_as(path, "admin");
    MUST(rectify_import_json(first, NULL, admin, seed, strlen(seed)));
    MUST(rectify_import_json(second, NULL, admin, other, strlen(other)));
    free(seed);
    free(other);
    return admin;
}

#endif /* RECTIFY_TESTS_C_SEED_UNITS_H */
