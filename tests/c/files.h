/*
 * files.h: reading whole files and asking whether one exists, for the C tests (seeds, exports,
 * database files compared byte for byte).
 *
 *   read_file(path, &len)       the file's bytes with a NUL after them, or NULL if it cannot be
 *                               read; len (may be NULL) gets the size. Free with free().
 *   must_read_file(path, &len)  the same, for setup: exits 2 with a message if it cannot be read
 *   file_exists(path)           1 if something is at path
 *   remove_db_files(path)       removes a database file and its -wal, -shm and -journal files
 */
#ifndef RECTIFY_TESTS_C_FILES_H
#define RECTIFY_TESTS_C_FILES_H

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static inline char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long size;
    if (!f) return NULL;
    if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
        fclose(f);
        return NULL;
    }
    buf = malloc((size_t)size + 1);
    if (!buf || fread(buf, 1, (size_t)size, f) != (size_t)size) {
        free(buf);
        fclose(f);
        return NULL;
    }
    buf[size] = '\0';
    fclose(f);
    if (len) *len = (size_t)size;
    return buf;
}

static inline char *must_read_file(const char *path, size_t *len)
{
    char *buf = read_file(path, len);
    if (!buf) {
        fprintf(stderr, "cannot read %s\n", path);
        exit(2);
    }
    return buf;
}

static inline int file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static inline void remove_db_files(const char *path)
{
    static const char *const sides[] = {"-wal", "-shm", "-journal"};
    char p[1100];
    size_t i;
    unlink(path);
    for (i = 0; i < sizeof sides / sizeof sides[0]; i++) {
        snprintf(p, sizeof p, "%s%s", path, sides[i]);
        unlink(p);
    }
}

#endif /* RECTIFY_TESTS_C_FILES_H */
