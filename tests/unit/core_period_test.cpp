// Legal periods (Civil Code arts. 200-203) on the official calendar: month ends and leap years,
// last days on holidays and weekends moving to the next working day, working-day periods across
// Spring Festival, unknown years, and bad arguments.
#include "core/calendar_bundled.hpp"
#include "core/error.hpp"
#include "core/period.hpp"

#include <doctest/doctest.h>

#include <random>
#include <string>

using namespace rectify::core;

namespace {

Date D(const char *text) {
    auto d = parse_date(text);
    REQUIRE_MESSAGE(d, text);
    return *d;
}

const Calendar &china() { return bundled_china_calendar(); }

Date end(const char *start, PeriodUnit u, std::int64_t n, UnknownPolicy p = UnknownPolicy::calendar) {
    return period_end(china(), D(start), u, n, p);
}

template <class F> std::pair<int, std::string> error_of(F &&f) {
    try {
        f();
    } catch (const Error &e) {
        return {static_cast<int>(e.code()), e.what()};
    }
    return {0, ""};
}

} // namespace

TEST_CASE("period: months end on the same-numbered day, or the month's last day where there is none") {
    CHECK(add_months(D("2019-01-31"), 1) == D("2019-02-28"));
    CHECK(add_months(D("2020-01-31"), 1) == D("2020-02-29")); // leap year
    CHECK(add_months(D("2000-01-31"), 1) == D("2000-02-29")); // divisible by 400: leap
    CHECK(add_months(D("1900-01-31"), 1) == D("1900-02-28")); // divisible by 100: not leap
    CHECK(add_months(D("2019-01-30"), 1) == D("2019-02-28"));
    CHECK(add_months(D("2019-01-28"), 1) == D("2019-02-28"));
    CHECK(add_months(D("2019-03-31"), 1) == D("2019-04-30"));
    CHECK(add_months(D("2019-02-28"), 1) == D("2019-03-28")); // no snapping to month ends, unlike boost
    CHECK(add_months(D("2020-02-29"), 12) == D("2021-02-28"));
    CHECK(add_months(D("2020-02-29"), 48) == D("2024-02-29"));
    CHECK(add_months(D("2019-12-15"), 1) == D("2020-01-15"));
    CHECK(add_months(D("2019-08-31"), 6) == D("2020-02-29"));
    CHECK(add_months(D("2019-03-31"), -1) == D("2019-02-28"));
    CHECK(add_months(D("2019-01-15"), -13) == D("2017-12-15"));
    CHECK(error_of([] { add_months(D("9999-12-01"), 1); }).first == int(Errc::argument));
    CHECK(error_of([] { add_months(D("1900-01-31"), -1); }).first == int(Errc::argument));
    CHECK(error_of([] { add_months(D("2019-01-01"), kMaxOffset + 1); }).first == int(Errc::argument));
    CHECK(error_of([] { add_months(D("2019-01-01"), -kMaxOffset); }).first == int(Errc::argument));
}

TEST_CASE("period: a period in months ends on its nominal day when that is a working day") {
    CHECK(end("2019-01-31", PeriodUnit::months, 1) == D("2019-02-28")); // a Thursday
    CHECK(end("2024-01-31", PeriodUnit::months, 1) == D("2024-02-29")); // leap day, a Thursday
    CHECK(end("2018-09-19", PeriodUnit::months, 2) == D("2018-11-19")); // a Monday
    CHECK(end("2019-03-15", PeriodUnit::months, 3) == D("2019-06-17")); // 06-15 is a Saturday
}

TEST_CASE("period: a month-end last day on a weekend moves to the next working day") {
    CHECK(end("2020-01-31", PeriodUnit::months, 1) == D("2020-03-02")); // 2020-02-29, a Saturday
    CHECK(end("2021-01-31", PeriodUnit::months, 1) == D("2021-03-01")); // 2021-02-28, a Sunday
    CHECK(end("2019-08-31", PeriodUnit::months, 1) == D("2019-09-30")); // 09-30 a Monday
}

TEST_CASE("period: a last day on a holiday moves to the first working day after it") {
    // National Day 2019: off 10-01..10-07.
    CHECK(end("2019-09-30", PeriodUnit::days, 1) == D("2019-10-08"));
    CHECK(end("2019-09-20", PeriodUnit::days, 11) == D("2019-10-08"));
    CHECK(end("2019-09-01", PeriodUnit::months, 1) == D("2019-10-08"));
    CHECK(end("2019-08-05", PeriodUnit::months, 2) == D("2019-10-08"));
    // National Day 2023 with Mid-Autumn: off 09-29..10-06; 10-07 is a 调休 Saturday.
    CHECK(end("2023-09-28", PeriodUnit::days, 1) == D("2023-10-07"));
    CHECK(end("2023-08-29", PeriodUnit::months, 1) == D("2023-10-07"));
    // Spring Festival 2019: off 02-04..02-10.
    CHECK(end("2019-01-04", PeriodUnit::months, 1) == D("2019-02-11"));
    CHECK(end("2019-02-01", PeriodUnit::days, 5) == D("2019-02-11"));
    // New Year: 2018-12-30 and -31 off (from the 2019 notice), 2019-01-01 too.
    CHECK(end("2018-11-30", PeriodUnit::months, 1) == D("2019-01-02"));
    CHECK(end("2018-12-28", PeriodUnit::days, 1) == D("2018-12-29")); // a 调休 Saturday: a working day
    // A plain weekend.
    CHECK(end("2019-02-28", PeriodUnit::days, 2) == D("2019-03-04"));
    // A last day on a 调休 Sunday stays.
    CHECK(end("2019-09-28", PeriodUnit::days, 1) == D("2019-09-29"));
    CHECK(end("2019-08-29", PeriodUnit::months, 1) == D("2019-09-29"));
}

TEST_CASE("period: N working days end on the N-th working day after the start day") {
    // Spring Festival 2019: 02-01 Fri, 02-02 Sat and 02-03 Sun worked, 02-04..02-10 off.
    CHECK(end("2019-01-31", PeriodUnit::workdays, 1) == D("2019-02-01"));
    CHECK(end("2019-01-31", PeriodUnit::workdays, 3) == D("2019-02-03"));
    CHECK(end("2019-01-31", PeriodUnit::workdays, 4) == D("2019-02-11"));
    CHECK(end("2019-01-31", PeriodUnit::workdays, 5) == D("2019-02-12"));
    CHECK(end("2019-02-05", PeriodUnit::workdays, 1) == D("2019-02-11")); // starting on a holiday
    // Spring Festival 2024: 02-04 Sun worked, 02-10..02-17 off, 02-18 Sun worked.
    CHECK(end("2024-02-08", PeriodUnit::workdays, 2) == D("2024-02-18"));
    CHECK(end("2024-02-02", PeriodUnit::workdays, 10) == D("2024-02-21"));
    // 15 working days from 2019-09-20 across National Day.
    CHECK(end("2019-09-20", PeriodUnit::workdays, 15) == D("2019-10-16"));
    CHECK(end("2019-09-20", PeriodUnit::workdays, 15) == china().add_workdays(D("2019-09-20"), 15));
}

TEST_CASE("period: every period ends on a working day, with only rest days between its nominal end and its end") {
    std::mt19937 rng(20191001);
    std::uniform_int_distribution<int> day(0, 19 * 365 - 400);
    std::uniform_int_distribution<int> len(1, 90);
    for (int i = 0; i < 2000; ++i) {
        const Date start = Date(2007, 1, 1) + boost::gregorian::days(day(rng));
        const int n = len(rng);
        for (auto u : {PeriodUnit::days, PeriodUnit::months}) {
            const std::int64_t k = u == PeriodUnit::months ? 1 + n % 12 : n;
            const Date nominal = u == PeriodUnit::days ? start + boost::gregorian::days(k) : add_months(start, k);
            const Date e = period_end(china(), start, u, k);
            CHECK(china().is_workday(e));
            CHECK(e >= nominal);
            for (Date d = nominal; d < e; d += boost::gregorian::days(1)) CHECK_FALSE(china().is_workday(d));
        }
    }
}

TEST_CASE("period: a period ending in a year without data follows the unknown-date policy") {
    auto [code, message] = error_of([] { end("2026-12-15", PeriodUnit::months, 1); });
    CHECK(code == int(Errc::unknown_date));
    CHECK(message.find("a period of 1 month from 2026-12-15") != std::string::npos);
    // Each context once: the period, then the step of it that needed the missing year.
    CHECK(message.find("a period of", message.find("a period of") + 1) == std::string::npos);
    CHECK(message.find("months") == std::string::npos);
    auto workdays = error_of([] { end("2026-12-25", PeriodUnit::workdays, 10); }).second;
    CHECK(workdays.find("a period of 10 working days from 2026-12-25: adding 10 working days to 2026-12-25") == 0);
    CHECK(workdays.find("a period of", 1) == std::string::npos);
    auto one_day = error_of([] { end("2026-12-31", PeriodUnit::workdays, 1); }).second;
    CHECK(one_day.find("a period of 1 working day from 2026-12-31: adding 1 working day to") == 0);
    CHECK(message.find("2027-01-15") != std::string::npos);
    CHECK(end("2026-12-15", PeriodUnit::months, 1, UnknownPolicy::weekdays) == D("2027-01-15"));
    CHECK(end("2026-12-30", PeriodUnit::days, 3, UnknownPolicy::weekdays) == D("2027-01-04")); // 01-02 a Saturday
    CHECK(error_of([] { end("2026-12-25", PeriodUnit::workdays, 10); }).first == int(Errc::unknown_date));
    // Only the days from the nominal last day on matter for natural days and months: a start
    // in unknown 2006 is fine.
    CHECK(end("2006-06-01", PeriodUnit::days, 365) == D("2007-06-01"));
    CHECK(end("2006-06-01", PeriodUnit::months, 12) == D("2007-06-01"));
    // The calendar's own policy applies when the call does not choose.
    Calendar c = china();
    c.set_unknown_policy(UnknownPolicy::weekdays);
    CHECK(period_end(c, D("2026-12-15"), PeriodUnit::months, 1) == D("2027-01-15"));
    CHECK(error_of([&] { period_end(c, D("2026-12-15"), PeriodUnit::months, 1, UnknownPolicy::fail); }).first ==
          int(Errc::unknown_date));
}

TEST_CASE("period: n below 1, absurd n, an unknown unit and the end of time are argument errors") {
    for (std::int64_t n : {std::int64_t(0), std::int64_t(-1), kMaxOffset + 1, std::int64_t(INT64_MAX), std::int64_t(INT64_MIN)})
        for (auto u : {PeriodUnit::days, PeriodUnit::months, PeriodUnit::workdays})
            CHECK_MESSAGE(error_of([&] { end("2019-01-01", u, n); }).first == int(Errc::argument), n);
    CHECK(error_of([] { end("2019-01-01", static_cast<PeriodUnit>(9), 1); }).first == int(Errc::argument));
    CHECK(error_of([] { end("9999-12-01", PeriodUnit::months, 1, UnknownPolicy::weekdays); }).first == int(Errc::argument));
    CHECK(error_of([] { end("9999-12-31", PeriodUnit::days, 1, UnknownPolicy::weekdays); }).first == int(Errc::argument));
    CHECK(end("9999-12-25", PeriodUnit::days, 6, UnknownPolicy::weekdays) == D("9999-12-31")); // a Friday, the last day
    CHECK(name(PeriodUnit::workdays) == "workdays");
}
