/**
 * @file
 * rectify/calendar.h: working-day calendars and legal periods (期间).
 *
 * A rectify_calendar says, for any date from 1900-01-01 to 9999-12-31, whether it is a working
 * day, and does working-day arithmetic on it. It is built from the State Council's holiday
 * notices in holiday-cn's JSON format (one notice object {"year", "papers", "days": [{"name",
 * "date", "isOffDay"}]}, or an array of them); the library bundles the notices of 2007-2026.
 * A calendar is independent of any database: it lives in memory until rectify_calendar_free().
 *
 * What a date is
 *   - listed in a loaded notice or set by the host: RECTIFY_DAY_HOLIDAY when listed off (even on
 *     a weekend), else RECTIFY_DAY_ADJUSTED_WORKDAY on Saturday/Sunday (调休上班) or
 *     RECTIFY_DAY_WORKDAY on Monday-Friday;
 *   - any other date of a known year: RECTIFY_DAY_WORKDAY (Monday-Friday) or RECTIFY_DAY_WEEKEND;
 *   - anything else: RECTIFY_DAY_UNKNOWN. A year is known once a notice for it (its "year") with
 *     a non-empty "papers" list is loaded. A listed date counts as data for itself even when its
 *     own year is not known (holiday-cn puts 2018-12-29 in the 2019 file).
 *   When several statements cover one date: the host's (rectify_calendar_set_day) wins; then the
 *   notice with the greatest year (the 2019 notice, issued in December 2018, outranks the 2018
 *   notice on 2018-12-29); within one year, the notice loaded last replaces, as a whole, what the
 *   earlier notice for that year said.
 *
 * Unknown dates
 *   rectify_calendar_day_type() reports RECTIFY_DAY_UNKNOWN as an answer. Every other call whose
 *   answer depends on an unknown day follows a policy: the one passed to the call, or with
 *   RECTIFY_UNKNOWN_DEFAULT the calendar's own (RECTIFY_UNKNOWN_FAIL unless changed).
 *   RECTIFY_UNKNOWN_FAIL returns RECTIFY_E_UNKNOWN_DATE and names the first unknown day;
 *   RECTIFY_UNKNOWN_WEEKDAYS counts unknown days as an ordinary Monday-Friday week. Only the days
 *   an answer depends on matter, as each call says.
 *
 * Dates
 *   Dates go in as "YYYY-MM-DD" (NUL-terminated; anything else is RECTIFY_E_ARGUMENT) and come
 *   out into a caller's buffer of at least RECTIFY_DATE_SIZE bytes, written as "YYYY-MM-DD" and a
 *   NUL. On failure such a buffer (when not NULL) holds "".
 *
 * Threads
 *   Calls that only read a calendar (those taking `const rectify_calendar *`) may run on several
 *   threads at once. A call that changes it must not run alongside any other call on it.
 *
 * Limits
 *   n of any arithmetic is at most RECTIFY_CALENDAR_MAX_OFFSET either way, and no result may leave
 *   1900-01-01 .. 9999-12-31; otherwise RECTIFY_E_ARGUMENT.
 */
#ifndef RECTIFY_CALENDAR_H
#define RECTIFY_CALENDAR_H

#include "common.h"
#include "errors.h"

RECTIFY_BEGIN_DECLS

/** A working-day calendar. Opaque; made by rectify_calendar_new(), freed by rectify_calendar_free(). */
typedef struct rectify_calendar rectify_calendar;

/** Bytes of a date buffer: "YYYY-MM-DD" and its NUL. */
#define RECTIFY_DATE_SIZE 11

/** The largest |n| of working-day, day and month arithmetic (about 400 years of working days). */
#define RECTIFY_CALENDAR_MAX_OFFSET 100000

/** Flags of rectify_calendar_new(). */
#define RECTIFY_CALENDAR_EMPTY 0 /**< knows no year: every date is unknown until notices are loaded */
#define RECTIFY_CALENDAR_CHINA 1 /**< starts as a copy of the bundled China calendar, 2007-2026 */

/** Day types. 0 is never a day type. */
#define RECTIFY_DAY_WORKDAY 1          /**< Monday-Friday working day */
#define RECTIFY_DAY_WEEKEND 2          /**< Saturday or Sunday off, as every week */
#define RECTIFY_DAY_HOLIDAY 3          /**< statutory or local day off (法定节假日) */
#define RECTIFY_DAY_ADJUSTED_WORKDAY 4 /**< Saturday or Sunday made a working day (调休上班) */
#define RECTIFY_DAY_UNKNOWN 5          /**< in a year the calendar has no data for */

/** Unknown-date policies. */
#define RECTIFY_UNKNOWN_DEFAULT 0  /**< per call only: the calendar's own policy */
#define RECTIFY_UNKNOWN_FAIL 1     /**< fail with RECTIFY_E_UNKNOWN_DATE (a new calendar's policy) */
#define RECTIFY_UNKNOWN_WEEKDAYS 2 /**< treat unknown days as Monday-Friday working, weekends off */

/** Units of rectify_period_end(). */
#define RECTIFY_PERIOD_DAYS 1     /**< natural days */
#define RECTIFY_PERIOD_MONTHS 2   /**< calendar months */
#define RECTIFY_PERIOD_WORKDAYS 3 /**< working days */

/* --- making and changing calendars --------------------------------------------------------- */

/**
 * Makes a calendar: RECTIFY_CALENDAR_CHINA for a copy of the bundled China calendar (notices of
 * 2007-2026), RECTIFY_CALENDAR_EMPTY for one that knows nothing. Changes to it never touch the
 * bundled data or other calendars. On success *out is freed with rectify_calendar_free(); on
 * failure it is NULL. RECTIFY_E_ARGUMENT for unknown flags.
 *
 * @par Permission
 * none: works on a calendar in memory, needs no database.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when out is NULL or flags is unknown.
 */
RECTIFY_API int rectify_calendar_new(rectify_calendar **out, int flags);

/**
 * A copy of cal (its notices, local days and policy), independent from then on.
 *
 * @par Permission
 * none: works on a calendar in memory, needs no database.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when out or cal is NULL.
 */
RECTIFY_API int rectify_calendar_copy(rectify_calendar **out, const rectify_calendar *cal);

/**
 * Frees a calendar. rectify_calendar_free(NULL) does nothing.
 *
 * @par Permission
 * none: works on a calendar in memory, needs no database.
 */
RECTIFY_API void rectify_calendar_free(rectify_calendar *cal);

/**
 * Loads holiday notices from JSON text: len bytes at json, UTF-8, no NUL needed. The notices
 * apply in the order they appear; a notice for a year replaces, as a whole, any loaded before for
 * that year. A notice whose "papers" list is empty (holiday-cn's placeholder for a year not yet
 * announced) changes nothing and must list no days. Listing a weekday as working, a weekend day
 * as off, or one date twice alike is redundant and accepted.
 * Errors, after which the calendar is unchanged: RECTIFY_E_UTF8, RECTIFY_E_JSON (line and column),
 * RECTIFY_E_INVALID (the message names the path, "[1].days[3].date": a wrong type, a missing
 * member, a date that is not a calendar date or lies more than a year from the notice's year, or
 * one date listed both off and working in one notice).
 *
 * @par Permission
 * none: works on a calendar in memory, needs no database.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when cal or json is NULL.
 * @retval RECTIFY_E_UTF8 when json is not valid UTF-8.
 * @retval RECTIFY_E_JSON when json is not well-formed (line and column).
 * @retval RECTIFY_E_INVALID when a notice breaks the format or contradicts itself (the message names the
 *         path).
 */
RECTIFY_API int rectify_calendar_load_json(rectify_calendar *cal, const char *json, size_t len);

/**
 * rectify_calendar_load_json() on the contents of the file at path (UTF-8 path, as fopen takes).
 * RECTIFY_E_IO when it cannot be read; other errors name the file.
 *
 * @par Permission
 * none: works on a calendar in memory, needs no database.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when cal or path is NULL.
 * @retval RECTIFY_E_IO when the file cannot be opened or read.
 * @retval RECTIFY_E_UTF8 when the file is not valid UTF-8.
 * @retval RECTIFY_E_JSON when it is not well-formed.
 * @retval RECTIFY_E_INVALID when a notice breaks the format or contradicts itself.
 */
RECTIFY_API int rectify_calendar_load_file(rectify_calendar *cal, const char *path);

/**
 * The host's own statement about one date, over whatever the notices say, for a locality's extra
 * days off and extra working days: RECTIFY_DAY_HOLIDAY makes it a day off; RECTIFY_DAY_WORKDAY or
 * RECTIFY_DAY_ADJUSTED_WORKDAY makes it a working day (read back as the one its weekday gives).
 * The date becomes known even in an unknown year. A later call for the same date replaces this
 * one; notices loaded later never override it. RECTIFY_E_ARGUMENT for a bad date or any other type.
 *
 * @par Permission
 * none: works on a calendar in memory, needs no database.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when cal or date is NULL, date is no calendar date, or day_type is not
 *         HOLIDAY, WORKDAY or ADJUSTED_WORKDAY.
 */
RECTIFY_API int rectify_calendar_set_day(rectify_calendar *cal, const char *date, int day_type);

/**
 * Drops the host's statement about date, so the notices speak for it again. *out_removed (may be
 * NULL) is 1 if there was one, 0 if not (which is not an error).
 *
 * @par Permission
 * none: works on a calendar in memory, needs no database.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when cal or date is NULL or date is no calendar date.
 */
RECTIFY_API int rectify_calendar_clear_day(int *out_removed, rectify_calendar *cal, const char *date);

/**
 * Sets the calendar's policy: RECTIFY_UNKNOWN_FAIL or RECTIFY_UNKNOWN_WEEKDAYS.
 *
 * @par Permission
 * none: works on a calendar in memory, needs no database.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when cal is NULL or policy is not FAIL or WEEKDAYS.
 */
RECTIFY_API int rectify_calendar_set_unknown_policy(rectify_calendar *cal, int policy);

/* --- questions ------------------------------------------------------------------------------ */

/**
 * *out_known is 1 when a notice for year has been loaded, else 0.
 *
 * @par Permission
 * none: works on a calendar in memory, needs no database.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when out_known or cal is NULL.
 */
RECTIFY_API int rectify_calendar_year_known(int *out_known, const rectify_calendar *cal, int year);

/**
 * The type of date: a RECTIFY_DAY_* value, RECTIFY_DAY_UNKNOWN included (never an error, and no
 * policy applies). *out_type is 0 on failure.
 *
 * @par Permission
 * none: works on a calendar in memory, needs no database.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when out_type, cal or date is NULL or date is no calendar date.
 */
RECTIFY_API int rectify_calendar_day_type(int *out_type, const rectify_calendar *cal, const char *date);

/**
 * The name of a day type ("workday", "weekend", "holiday", "adjusted_workday", "unknown"); static; NULL if unknown.
 *
 * @par Permission
 * none.
 * @return the name, or NULL for an unknown day type.
 */
RECTIFY_API const char *rectify_day_type_name(int day_type);

/**
 * *out_is_workday is 1 when date is a working day, else 0. Depends on date alone.
 *
 * @par Permission
 * none: works on a calendar in memory, needs no database.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when cal or an out-parameter is NULL, a date is not a calendar date in
 *         YYYY-MM-DD form, or policy is no RECTIFY_UNKNOWN_* value.
 * @retval RECTIFY_E_UNKNOWN_DATE when the answer depends on a day of a year the calendar has no data for
 *         and the policy is to fail.
 */
RECTIFY_API int rectify_calendar_is_workday(int *out_is_workday, const rectify_calendar *cal, const char *date,
                                            int policy);

/**
 * Working-day arithmetic: for n > 0 the n-th working day after date, for n < 0 the |n|-th working
 * day before it; date itself is never counted, whatever its type. For n == 0, date itself (even a
 * rest day). Writes the result to out_date (RECTIFY_DATE_SIZE bytes). Depends on the days strictly
 * between date and the result, and on the result.
 *
 * @par Permission
 * none: works on a calendar in memory, needs no database.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when cal or an out-parameter is NULL, a date is not a calendar date in
 *         YYYY-MM-DD form, or policy is no RECTIFY_UNKNOWN_* value, |n| exceeds RECTIFY_CALENDAR_MAX_OFFSET
 *         or the result leaves 1900-01-01 .. 9999-12-31.
 * @retval RECTIFY_E_UNKNOWN_DATE when the answer depends on a day of a year the calendar has no data for
 *         and the policy is to fail.
 */
RECTIFY_API int rectify_calendar_add_workdays(char *out_date, const rectify_calendar *cal, const char *date, int n,
                                              int policy);

/**
 * The working days passed walking from `from` to `to`, the start day excluded and the end day
 * included: those in (from, to] when to >= from, minus those in [to, from) when to < from. So
 * count(d, add_workdays(d, n)) == n for every d and n. Depends on the days counted.
 *
 * @par Permission
 * none: works on a calendar in memory, needs no database.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when cal or an out-parameter is NULL, a date is not a calendar date in
 *         YYYY-MM-DD form, or policy is no RECTIFY_UNKNOWN_* value.
 * @retval RECTIFY_E_UNKNOWN_DATE when the answer depends on a day of a year the calendar has no data for
 *         and the policy is to fail.
 */
RECTIFY_API int rectify_calendar_count_workdays(int *out_count, const rectify_calendar *cal, const char *from,
                                                const char *to, int policy);

/**
 * The first working day on or after date (date itself when it is one), to out_date
 * (RECTIFY_DATE_SIZE bytes). For the first one strictly after, use add_workdays with n = 1.
 * Depends on the days from date to the result.
 *
 * @par Permission
 * none: works on a calendar in memory, needs no database.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when cal or an out-parameter is NULL, a date is not a calendar date in
 *         YYYY-MM-DD form, or policy is no RECTIFY_UNKNOWN_* value, or the result leaves 9999-12-31.
 * @retval RECTIFY_E_UNKNOWN_DATE when the answer depends on a day of a year the calendar has no data for
 *         and the policy is to fail.
 */
RECTIFY_API int rectify_calendar_next_workday(char *out_date, const rectify_calendar *cal, const char *date,
                                              int policy);

/**
 * The last day of a legal period (Civil Code arts. 200-203) of n units (1 <= n <=
 * RECTIFY_CALENDAR_MAX_OFFSET) starting on start, to out_date (RECTIFY_DATE_SIZE bytes):
 *   - the start day is not counted;
 *   - RECTIFY_PERIOD_DAYS: start + n days;
 *   - RECTIFY_PERIOD_MONTHS: the same-numbered day n months later, or that month's last day where
 *     there is none (01-31 + 1 month is 02-28, or 02-29 in a leap year);
 *   - for both: a last day that is a rest day (holiday, or weekend not adjusted to working) moves
 *     to the first working day after it;
 *   - RECTIFY_PERIOD_WORKDAYS: the n-th working day after the start day.
 * Days and months depend on the days from the nominal last day to the result; working days on
 * every day counted.
 *
 * @par Permission
 * none: works on a calendar in memory, needs no database.
 * @retval RECTIFY_OK on success.
 * @retval RECTIFY_E_ARGUMENT when cal or an out-parameter is NULL, a date is not a calendar date in
 *         YYYY-MM-DD form, or policy is no RECTIFY_UNKNOWN_* value, unit is no RECTIFY_PERIOD_* value, n is
 *         out of 1 .. RECTIFY_CALENDAR_MAX_OFFSET or the result leaves 9999-12-31.
 * @retval RECTIFY_E_UNKNOWN_DATE when the answer depends on a day of a year the calendar has no data for
 *         and the policy is to fail.
 */
RECTIFY_API int rectify_period_end(char *out_date, const rectify_calendar *cal, const char *start, int unit, int n,
                                   int policy);

RECTIFY_END_DECLS

#endif /* RECTIFY_CALENDAR_H */
