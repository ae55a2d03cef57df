// The calendar loader, through rectify_calendar_load_json() on holiday notices in holiday-cn's
// JSON, into an empty calendar or a copy of the bundled China one (odd-sized inputs).
// Promises checked (include/rectify/calendar.h, src/core/calendar.hpp):
//   - a failed load leaves the calendar as it was, and says why;
//   - after a successful one, the calendar says what the notices say: a year is known exactly when
//     a notice with papers was loaded for it, and (loaded into an empty calendar) every listed
//     date has the type the winning notice gives it (the greatest year listing it; within a year,
//     the last notice), every other date of a known year is a weekday or a weekend day;
//   - and the working-day arithmetic agrees with itself:
//     count_workdays(d, add_workdays(d, n)) == n, the result of add_workdays (n != 0) and of
//     next_workday is a working day, and add_workdays(d, 0) is d.
#include "fuzz_support.hpp"

// The expected answers come from the library's own notice parser: the loader must accept no
// more and no less than it, and what the notices mean is then worked out here independently.
#include "core/calendar_json.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <map>
#include <set>
#include <string_view>
#include <utility>
#include <vector>

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

int expected_type(const rectify::core::Date &date, bool off) {
    if (off) return RECTIFY_DAY_HOLIDAY;
    const bool weekend = date.day_of_week() == boost::date_time::Saturday || date.day_of_week() == boost::date_time::Sunday;
    return weekend ? RECTIFY_DAY_ADJUSTED_WORKDAY : RECTIFY_DAY_WORKDAY;
}

void require_type(const rectify_calendar *cal, const rectify::core::Date &date, int expected) {
    const std::string text = rectify::core::format_date(date);
    int type = 0;
    checked(rectify_calendar_day_type(&type, cal, text.c_str()), "rectify_calendar_day_type");
    if (type != expected) {
        char detail[96];
        std::snprintf(detail, sizeof detail, "%s is %s, the notices make it %s", text.c_str(), rectify_day_type_name(type),
                      rectify_day_type_name(expected));
        fail("a loaded calendar disagrees with its notices", detail);
    }
}

// The calendar after a successful load of json, against the notices' own meaning.
void check_meaning(const rectify_calendar *cal, std::string_view json, bool from_empty) {
    using rectify::core::Date;
    std::vector<rectify::core::HolidayNotice> notices;
    try {
        notices = rectify::core::parse_holiday_notices(json);
    } catch (const std::exception &e) {
        fail("the calendar loaded what its notice parser refuses", e.what());
    }
    // Within a year the notice loaded last counts; a notice with no papers says nothing.
    std::map<int, const rectify::core::HolidayNotice *> last;
    for (const auto &n : notices)
        if (!n.papers.empty()) last[n.year] = &n;

    for (int year = 1900; year <= 2200; ++year) {
        int known = -1;
        checked(rectify_calendar_year_known(&known, cal, year), "rectify_calendar_year_known");
        const bool loaded = last.count(year) > 0;
        // A copy of the bundled calendar knows 2007-2026 besides.
        if (loaded && known != 1) fail("a year with a loaded notice is not known");
        if (from_empty && !loaded && known != 0) fail("a year no notice was loaded for is known");
    }
    if (!from_empty) return; // the bundled notices also speak of some dates: no simple oracle

    // Among the notices listing a date, the one of the greatest year wins.
    std::map<Date, std::pair<int, bool>> listed;
    for (const auto &[year, notice] : last)
        for (const auto &day : notice->days) {
            auto it = listed.find(day.date);
            if (it == listed.end() || year > it->second.first) listed[day.date] = {year, day.off};
        }
    for (const auto &[date, who] : listed) require_type(cal, date, expected_type(date, who.second));

    int years_walked = 0;
    for (const auto &entry : last) {
        if (++years_walked > 3) break; // enough to catch a wrong index, cheap enough to fuzz
        for (Date d(entry.first, 1, 1); d.year() == entry.first; d += boost::gregorian::days(1)) {
            if (listed.count(d)) continue;
            const bool weekend = d.day_of_week() == boost::date_time::Saturday || d.day_of_week() == boost::date_time::Sunday;
            require_type(cal, d, weekend ? RECTIFY_DAY_WEEKEND : RECTIFY_DAY_WORKDAY);
        }
    }
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
        check_meaning(cal, std::string_view(reinterpret_cast<const char *>(data), size), flags == RECTIFY_CALENDAR_EMPTY);
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
