/* warning_row: one field of a flat JSON object; see warning_row.h. */
#include "warning_row.h"

#include <string.h>

/* p is on an opening quote; returns the position after the closing one. */
static const char *skip_string(const char *p, const char *end) {
    for (++p; p < end && *p != '"'; ++p) {
        if (*p == '\\') ++p; /* the escaped character cannot close the string */
    }
    return p < end ? p + 1 : end;
}

/* p is on a value; returns the position after it (nested values are skipped whole). */
static const char *skip_value(const char *p, const char *end) {
    int depth = 0;
    if (*p == '"') return skip_string(p, end);
    if (*p != '{' && *p != '[') {
        while (p < end && *p != ',' && *p != '}' && *p != ']' && *p != ' ' && *p != '\n') ++p;
        return p;
    }
    while (p < end) {
        if (*p == '"') {
            p = skip_string(p, end);
            continue;
        }
        if (*p == '{' || *p == '[') ++depth;
        if ((*p == '}' || *p == ']') && --depth == 0) return p + 1;
        ++p;
    }
    return end;
}

static const char *skip_space(const char *p, const char *end) {
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) ++p;
    return p;
}

static int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Appends byte c to out if there is room (keeping one byte for the NUL). */
static void put(char *out, size_t cap, size_t *n, char c) {
    if (*n + 1 < cap) out[(*n)++] = c;
}

/* Unescapes the string at p (on its opening quote) into out. */
static void copy_string(const char *p, const char *end, char *out, size_t cap) {
    size_t n = 0;
    for (++p; p < end && *p != '"'; ++p) {
        if (*p != '\\' || p + 1 >= end) {
            put(out, cap, &n, *p);
            continue;
        }
        switch (*++p) {
        case 'n': put(out, cap, &n, '\n'); break;
        case 't': put(out, cap, &n, '\t'); break;
        case 'r': put(out, cap, &n, '\r'); break;
        case 'b': put(out, cap, &n, '\b'); break;
        case 'f': put(out, cap, &n, '\f'); break;
        case 'u': {
            /* The library writes UTF-8 as it is and escapes only control characters this way,
               so a code point below U+0800 is all that can come; wider ones become '?'. */
            unsigned cp = 0;
            int i, ok = p + 4 < end;
            for (i = 1; ok && i <= 4; ++i) {
                int d = hex_digit(p[i]);
                ok = d >= 0;
                cp = cp * 16 + (unsigned)d;
            }
            if (!ok) break;
            p += 4;
            if (cp < 0x80) {
                put(out, cap, &n, (char)cp);
            } else if (cp < 0x800) {
                put(out, cap, &n, (char)(0xC0 | (cp >> 6)));
                put(out, cap, &n, (char)(0x80 | (cp & 0x3F)));
            } else {
                put(out, cap, &n, '?');
            }
            break;
        }
        default: put(out, cap, &n, *p); break; /* \" \\ \/ */
        }
    }
    out[n] = '\0';
}

int warning_row_field(const char *row, size_t len, const char *key, char *out, size_t cap) {
    const char *p = row, *end = row + len;
    const size_t key_len = strlen(key);

    if (cap == 0) return 0;
    out[0] = '\0';
    p = skip_space(p, end);
    if (p >= end || *p != '{') return 0;
    for (++p;;) {
        const char *name, *value, *after;
        p = skip_space(p, end);
        if (p >= end || *p != '"') return 0; /* '}' (or garbage): the key is not there */
        name = p + 1;
        p = skip_string(p, end);
        p = skip_space(p, end);
        if (p >= end || *p != ':') return 0;
        value = skip_space(p + 1, end);
        if (value >= end) return 0;
        after = skip_value(value, end);
        if ((size_t)(p - name) >= key_len + 1 && memcmp(name, key, key_len) == 0 && name[key_len] == '"') {
            if (*value == '"') {
                copy_string(value, end, out, cap);
            } else if (!(after - value == 4 && memcmp(value, "null", 4) == 0)) {
                size_t n = (size_t)(after - value) < cap - 1 ? (size_t)(after - value) : cap - 1;
                memcpy(out, value, n);
                out[n] = '\0';
            }
            return 1;
        }
        p = skip_space(after, end);
        if (p >= end || *p != ',') return 0;
        ++p;
    }
}

const char *warning_light_label(const char *light) {
    if (strcmp(light, "red") == 0) return "红灯";
    if (strcmp(light, "yellow") == 0) return "黄灯";
    if (strcmp(light, "green") == 0) return "绿灯";
    if (strcmp(light, "blue") == 0) return "蓝灯";
    return light;
}
