// The calendar loader, through rectify_calendar_load_json() on holiday notices in holiday-cn's
// JSON, into an empty calendar or a copy of the bundled China one (odd-sized inputs).
// Promises checked (include/rectify/calendar.h):
//   - a failed load leaves the calendar as it was, and says why;
//   - after a successful one the working-day arithmetic agrees with itself:
//     count_workdays(d, add_workdays(d, n)) == n, the result of add_workdays (n != 0) and of
//     next_workday is a working day, and add_workdays(d, 0) is d.
#include "fuzz_support.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>

using namespace rectify_fuzz;

namespace {

// Dates around the holidays the notices move most, in years the bundled calendar knows and
// in years it does not.
const char *const kProbeDates[] = {"2018-12-28", "2019-02-01", "2019-04-30", "2020-01-23", "2020-09-30",
                                   "2025-01-26", "2026-02-14", "2026-09-30", "2027-01-01", "2027-02-05"};
const int kProbeYears[] = {2018, 2019, 2020, 2025, 2026, 2027};
const int kProbeMonths[] = {1, 2, 4, 5, 9, 10, 12};

// The calendar's answers that a load can change: which years are known, and the type of every
// day of the probed months.
void require_same_calendar(const rectify_calendar *a, const rectify_calendar *b) {
    for (int year = 1900; year <= 2200; ++year) {
        int ka = -1, kb = -1;
        checked(rectify_calendar_year_known(&ka, a, year), "rectify_calendar_year_known");
        checked(rectify_calendar_year_known(&kb, b, year), "rectify_calendar_year_known");
        if (ka != kb) fail("a failed load changed which years the calendar knows");
    }
    for (int year : kProbeYears)
        for (int month : kProbeMonths)
            for (int day = 1; day <= 28; ++day) {
                char date[RECTIFY_DATE_SIZE];
                std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, month, day);
                int ta = 0, tb = 0;
                checked(rectify_calendar_day_type(&ta, a, date), "rectify_calendar_day_type");
                checked(rectify_calendar_day_type(&tb, b, date), "rectify_calendar_day_type");
                if (ta != tb) fail("a failed load changed a day's type", date);
            }
}

void require_workday(const rectify_calendar *cal, const char *date, const char *what) {
    int is_workday = -1;
    if (checked(rectify_calendar_is_workday(&is_workday, cal, date, RECTIFY_UNKNOWN_WEEKDAYS), "rectify_calendar_is_workday") != RECTIFY_OK ||
        is_workday != 1)
        fail(what, date);
}

void check_arithmetic(const rectify_calendar *cal, const char *from, int n) {
    char to[RECTIFY_DATE_SIZE] = {0};
    if (checked(rectify_calendar_add_workdays(to, cal, from, n, RECTIFY_UNKNOWN_WEEKDAYS), "rectify_calendar_add_workdays") != RECTIFY_OK)
        return;
    int count = 0;
    if (checked(rectify_calendar_count_workdays(&count, cal, from, to, RECTIFY_UNKNOWN_WEEKDAYS), "rectify_calendar_count_workdays") != RECTIFY_OK)
        fail("add_workdays gave a date that count_workdays refuses", to);
    if (count != n) {
        char detail[96];
        std::snprintf(detail, sizeof detail, "from %s, n %d: %s, counted %d", from, n, to, count);
        fail("count_workdays(d, add_workdays(d, n)) != n", detail);
    }
    if (n == 0 && std::strcmp(to, from) != 0) fail("add_workdays(d, 0) is not d", from);
    if (n != 0) require_workday(cal, to, "add_workdays gave a rest day");

    char next[RECTIFY_DATE_SIZE] = {0};
    if (checked(rectify_calendar_next_workday(next, cal, from, RECTIFY_UNKNOWN_WEEKDAYS), "rectify_calendar_next_workday") == RECTIFY_OK)
        require_workday(cal, next, "next_workday gave a rest day");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    rectify_calendar *cal = nullptr;
    const int flags = (size % 2) ? RECTIFY_CALENDAR_CHINA : RECTIFY_CALENDAR_EMPTY;
    if (checked(rectify_calendar_new(&cal, flags), "rectify_calendar_new") != RECTIFY_OK) fail("cannot make a calendar");
    rectify_calendar *before = nullptr;
    if (checked(rectify_calendar_copy(&before, cal), "rectify_calendar_copy") != RECTIFY_OK) fail("cannot copy a calendar");

    if (checked(rectify_calendar_load_json(cal, reinterpret_cast<const char *>(data), size), "rectify_calendar_load_json") != RECTIFY_OK) {
        require_same_calendar(cal, before);
    } else {
        // n from the input's bytes, so that the fuzzer steers it too.
        unsigned hash = 2166136261u;
        for (size_t i = 0; i < size; ++i) hash = (hash ^ data[i]) * 16777619u;
        const int steps[] = {0, 1, -1, 5, -7, 20, static_cast<int>(hash % 401) - 200};
        for (const char *date : kProbeDates)
            for (int n : steps) check_arithmetic(cal, date, n);
    }
    rectify_calendar_free(before);
    rectify_calendar_free(cal);
    return 0;
}
