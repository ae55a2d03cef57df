/*
 * warning_row: reads the fields of one warning row, as rectify_warnings_each() hands it over.
 *
 * A row is a flat JSON object of strings, numbers, booleans and nulls (rectify/deadlines.h lists
 * its keys). A C host has no JSON parser at hand, and a flat object needs none: this reads one
 * field without building anything. A host that has a JSON library should use it instead.
 */
#ifndef OA_WARNING_ROW_H
#define OA_WARNING_ROW_H

#include <stddef.h>

/*
 * Copies the value of key into out (cap bytes, always NUL-terminated, cut short if need be):
 * a string unescaped, a number or boolean as written, null as "". Returns 1 if the key is there,
 * 0 if not (out is then "").
 */
int warning_row_field(const char *row, size_t len, const char *key, char *out, size_t cap);

/* The Chinese label of a light's JSON name ("red" → "红灯"); the name itself if unknown. */
const char *warning_light_label(const char *light);

#endif /* OA_WARNING_ROW_H */
