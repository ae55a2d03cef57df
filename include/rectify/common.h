/**
 * @file
 * rectify/common.h: the conventions every rectify header shares.
 *
 * Conventions of the whole C API
 * ------------------------------
 * - Every symbol starts with rectify_, every macro with RECTIFY_. Only C types cross the API:
 *   opaque handles, int, int64_t, size_t and NUL-terminated UTF-8 strings.
 * - A function that can fail returns int: RECTIFY_OK (0) or a negative RECTIFY_E_* code
 *   (rectify/errors.h). After a failure rectify_errmsg() tells what and where.
 * - Out-parameters come first. On failure they are set to NULL / 0 where they are pointers the
 *   caller owns, so that freeing them is always safe.
 * - Memory the library hands out (every char ** out-parameter) belongs to the caller and is
 *   released with rectify_free() alone. A `const char *` the library returns is borrowed; each
 *   function says how long it lives.
 * - Options structs start with `unsigned version`; initialise them with their _INIT macro so that
 *   a program built against an older header keeps working with a newer library.
 * - A handle may be used by one thread at a time. Several handles on one database file, in one
 *   process or in several, are safe.
 */
#ifndef RECTIFY_COMMON_H
#define RECTIFY_COMMON_H

#include <stddef.h>
#include <stdint.h>

/**
 * @def RECTIFY_API
 * Marks a function of the C API: exported from the shared library (dllexport/visibility
 * "default" while building it, dllimport for a Windows host), plain for the static library.
 * Everything not so marked stays hidden.
 */
#if defined(_WIN32) && !defined(RECTIFY_STATIC)
#  if defined(RECTIFY_BUILDING)
#    define RECTIFY_API __declspec(dllexport)
#  else
#    define RECTIFY_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__) && defined(RECTIFY_BUILDING)
#  define RECTIFY_API __attribute__((visibility("default")))
#else
#  define RECTIFY_API
#endif

/**
 * @def RECTIFY_BEGIN_DECLS
 * Opens `extern "C" {` when the header is read by a C++ compiler, so that the functions keep
 * their C names; nothing in C.
 * @def RECTIFY_END_DECLS
 * Closes what RECTIFY_BEGIN_DECLS opened.
 */
#ifdef __cplusplus
#  define RECTIFY_BEGIN_DECLS extern "C" {
#  define RECTIFY_END_DECLS }
#else
#  define RECTIFY_BEGIN_DECLS
#  define RECTIFY_END_DECLS
#endif

/** Version of the headers. rectify_version_number() gives the library's. */
#define RECTIFY_VERSION_MAJOR 0
#define RECTIFY_VERSION_MINOR 1 /**< the headers' minor version: grows with each release that adds */
#define RECTIFY_VERSION_PATCH 0 /**< the headers' patch version: fixes only */
#define RECTIFY_VERSION_STRING "0.1.0" /**< the headers' version as rectify_version() returns it */
/** MAJOR * 10000 + MINOR * 100 + PATCH, as rectify_version_number() returns it. */
#define RECTIFY_VERSION_NUMBER \
    (RECTIFY_VERSION_MAJOR * 10000 + RECTIFY_VERSION_MINOR * 100 + RECTIFY_VERSION_PATCH)

RECTIFY_BEGIN_DECLS

/**
 * The library's version as "MAJOR.MINOR.PATCH". Static storage; never NULL.
 *
 * @par Permission
 * none: needs no database and no actor.
 * @return the version text, static storage, never NULL.
 */
RECTIFY_API const char *rectify_version(void);

/**
 * The library's version as MAJOR * 10000 + MINOR * 100 + PATCH.
 *
 * @par Permission
 * none: needs no database and no actor.
 * @return MAJOR * 10000 + MINOR * 100 + PATCH; never fails.
 */
RECTIFY_API int rectify_version_number(void);

/**
 * Releases memory the library handed out. rectify_free(NULL) does nothing.
 *
 * @par Permission
 * none: needs no database and no actor.
 */
RECTIFY_API void rectify_free(void *p);

RECTIFY_END_DECLS

#endif /* RECTIFY_COMMON_H */
