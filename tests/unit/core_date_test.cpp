#include "core/date.hpp"

#include <doctest/doctest.h>

using rectify::core::Date;
using rectify::core::parse_date;

TEST_CASE("dates parse only as real calendar days in YYYY-MM-DD form") {
    CHECK(parse_date("2018-09-19") == Date(2018, 9, 19));
    CHECK(parse_date("2020-02-29") == Date(2020, 2, 29)); // leap year
    CHECK_FALSE(parse_date("2019-02-29"));                // not a leap year
    CHECK_FALSE(parse_date("2018-02-30"));
    CHECK_FALSE(parse_date("1900-02-29"));                // century, not leap
    CHECK(parse_date("2000-02-29"));                      // 400-year rule
    CHECK_FALSE(parse_date("2018-04-31"));
    CHECK_FALSE(parse_date("2018-13-01"));
    CHECK_FALSE(parse_date("2018-00-10"));
    CHECK_FALSE(parse_date("2018-9-19"));
    CHECK_FALSE(parse_date("2018-09-19 "));
    CHECK_FALSE(parse_date("2018/09/19"));
    CHECK_FALSE(parse_date(""));
    CHECK_FALSE(parse_date("0201-01-01"));
}

TEST_CASE("dates print as ISO text and as official Chinese text") {
    CHECK(rectify::core::format_date(Date(2019, 1, 18)) == "2019-01-18");
    CHECK(rectify::core::format_date_chinese(Date(2018, 9, 19)) == "2018年9月19日");
    CHECK(rectify::core::describe_bad_date("2018-02-30") == "is not a calendar date: February 2018 has 28 days");
    CHECK(rectify::core::describe_bad_date("2020-02-30") == "is not a calendar date: February 2020 has 29 days");
    CHECK(rectify::core::describe_bad_date("2018-13-01") == "is not a calendar date: there is no month 13");
    CHECK(rectify::core::describe_bad_date("2018-00-10") == "is not a calendar date: there is no month 0");
    CHECK(rectify::core::describe_bad_date("2018-04-31") == "is not a calendar date: April 2018 has 30 days");
    CHECK(rectify::core::describe_bad_date("1899-12-31") == "is out of range: dates run from 1900-01-01 to 9999-12-31");
    CHECK(rectify::core::describe_bad_date("") == "is not a date in YYYY-MM-DD form");
    CHECK(rectify::core::describe_bad_date("tomorrow") == "is not a date in YYYY-MM-DD form");
}
