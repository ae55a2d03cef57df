// The working-day calendar against the official notices, edge by edge: Spring Festival and
// National Day of several years, 调休 weekends, December dates from the next year's notice, the
// two notices of 2019 and 2020, unknown years, loading rules and errors, and the arithmetic
// checked against a day-by-day walk.
#include "core/calendar.hpp"
#include "core/calendar_bundled.hpp"
#include "core/error.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>

using namespace rectify::core;

namespace {

Date D(const char *text) {
    auto d = parse_date(text);
    REQUIRE_MESSAGE(d, text);
    return *d;
}

std::string S(const Date &d) { return format_date(d); }

const Calendar &china() { return bundled_china_calendar(); }

DayType type(const char *date) { return china().day_type(D(date)); }

// The code and message of what f throws; code 0 if it throws nothing.
template <class F> std::pair<int, std::string> error_of(F &&f) {
    try {
        f();
    } catch (const Error &e) {
        return {static_cast<int>(e.code()), e.what()};
    }
    return {0, ""};
}

std::string slurp(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in, path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string holiday_cn(int year) { return slurp(std::string(RECTIFY_HOLIDAY_CN_DIR) + "/" + std::to_string(year) + ".json"); }

// A made-up notice for 2027: New Year on Friday 2027-01-01 plus a 调休 Saturday.
const char *kNotice2027 = R"({"year": 2027, "papers": ["https://example.org/made-up-2027"], "days": [
    {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
    {"name": "春节", "date": "2027-02-06", "isOffDay": false},
    {"name": "春节", "date": "2027-02-08", "isOffDay": true}]})";

// Every day type from 2007 to 2026, to prove a failed call changed nothing.
std::string fingerprint(const Calendar &c) {
    std::string out;
    for (Date d(2006, 12, 1); d <= Date(2027, 12, 31); d += boost::gregorian::days(1))
        out += static_cast<char>('0' + static_cast<int>(c.day_type(d)));
    return out;
}

// The n-th working day after (n > 0) or before (n < 0) d, walking one day at a time.
Date walk(const Calendar &c, Date d, int n, UnknownPolicy p = UnknownPolicy::calendar) {
    const int step = n > 0 ? 1 : -1;
    for (int left = n > 0 ? n : -n; left > 0;) {
        d += boost::gregorian::days(step);
        if (c.is_workday(d, p)) --left;
    }
    return d;
}

} // namespace

TEST_CASE("calendar: day numbers are pinned to 1900-01-01, a Monday, and end on 9999-12-31") {
    CHECK(Date(1900, 1, 1).day_number() == kEpochJdn);
    CHECK(to_daynum(Date(1900, 1, 1)) == 0);
    CHECK(Date(1900, 1, 1).day_of_week() == boost::date_time::Monday);
    CHECK(from_daynum(kLastDay) == Date(9999, 12, 31));
    CHECK(from_daynum(to_daynum(Date(2019, 2, 2))) == Date(2019, 2, 2));
    CHECK(weekdays_before(7) == 5);
    CHECK(nth_weekday(5) == 7); // the sixth weekday is the second Monday
}

TEST_CASE("calendar: the bundled China calendar knows 2007-2026 and nothing else") {
    for (int y = 2007; y <= 2026; ++y) CHECK_MESSAGE(china().knows_year(y), y);
    CHECK_FALSE(china().knows_year(2006));
    CHECK_FALSE(china().knows_year(2027));
    CHECK(china().unknown_policy() == UnknownPolicy::fail);
    CHECK(type("2006-12-29") == DayType::unknown);
    CHECK(type("2027-01-04") == DayType::unknown);
    CHECK(type("1900-01-01") == DayType::unknown);
    CHECK(type("9999-12-31") == DayType::unknown);
}

TEST_CASE("calendar: Spring Festival, with its 调休 weekends") {
    // 2019: off 02-04..02-10; Saturday 02-02 and Sunday 02-03 are working days.
    CHECK(type("2019-02-01") == DayType::workday);
    CHECK(type("2019-02-02") == DayType::adjusted_workday);
    CHECK(type("2019-02-03") == DayType::adjusted_workday);
    for (int d = 4; d <= 10; ++d) CHECK(china().day_type(Date(2019, 2, d)) == DayType::holiday);
    CHECK(type("2019-02-11") == DayType::workday);
    CHECK(type("2019-02-16") == DayType::weekend);
    // 2021: off 02-11..02-17; Sunday 02-07 and Saturday 02-20 work.
    CHECK(type("2021-02-07") == DayType::adjusted_workday);
    CHECK(type("2021-02-10") == DayType::workday);
    CHECK(type("2021-02-11") == DayType::holiday);
    CHECK(type("2021-02-17") == DayType::holiday);
    CHECK(type("2021-02-20") == DayType::adjusted_workday);
    CHECK(type("2021-02-21") == DayType::weekend);
    // 2024: off 02-10..02-17; Sundays 02-04 and 02-18 work.
    CHECK(type("2024-02-04") == DayType::adjusted_workday);
    CHECK(type("2024-02-10") == DayType::holiday); // a Saturday inside the holiday is a holiday
    CHECK(type("2024-02-17") == DayType::holiday);
    CHECK(type("2024-02-18") == DayType::adjusted_workday);
    // 2026: off 02-15..02-23, nine days; Saturdays 02-14 and 02-28 work.
    CHECK(type("2026-02-14") == DayType::adjusted_workday);
    CHECK(type("2026-02-23") == DayType::holiday);
    CHECK(type("2026-02-24") == DayType::workday);
    CHECK(type("2026-02-28") == DayType::adjusted_workday);
}

TEST_CASE("calendar: National Day, with its 调休 weekends") {
    // 2019: off 10-01..10-07; Sunday 09-29 and Saturday 10-12 work.
    CHECK(type("2019-09-28") == DayType::weekend);
    CHECK(type("2019-09-29") == DayType::adjusted_workday);
    CHECK(type("2019-09-30") == DayType::workday);
    for (int d = 1; d <= 7; ++d) CHECK(china().day_type(Date(2019, 10, d)) == DayType::holiday);
    CHECK(type("2019-10-08") == DayType::workday);
    CHECK(type("2019-10-12") == DayType::adjusted_workday);
    // 2023: Mid-Autumn joins National Day, off 09-29..10-06; Saturday 10-07 and Sunday 10-08 work.
    CHECK(type("2023-09-29") == DayType::holiday);
    CHECK(type("2023-10-06") == DayType::holiday);
    CHECK(type("2023-10-07") == DayType::adjusted_workday);
    CHECK(type("2023-10-08") == DayType::adjusted_workday);
}

TEST_CASE("calendar: the later of two notices for one year stands (2019 May Day, 2020 Spring Festival)") {
    // The second 2019 notice made May Day four days: off 05-01..05-04, Sunday 05-05 working.
    CHECK(type("2019-04-28") == DayType::adjusted_workday);
    CHECK(type("2019-05-02") == DayType::holiday);
    CHECK(type("2019-05-04") == DayType::holiday);
    CHECK(type("2019-05-05") == DayType::adjusted_workday);
    // The second 2020 notice extended Spring Festival: Saturday 02-01, first a working day, is off.
    CHECK(type("2020-01-19") == DayType::adjusted_workday);
    CHECK(type("2020-01-31") == DayType::holiday);
    CHECK(type("2020-02-01") == DayType::holiday);
    CHECK(type("2020-02-02") == DayType::holiday);
    CHECK(type("2020-02-03") == DayType::workday); // listed as working on a Monday: redundant, accepted
}

TEST_CASE("calendar: a December date from the next year's notice counts for its own date") {
    CHECK(type("2018-12-28") == DayType::workday);
    CHECK(type("2018-12-29") == DayType::adjusted_workday); // a Saturday, from 2019's notice
    CHECK(type("2018-12-30") == DayType::holiday);
    CHECK(type("2018-12-31") == DayType::holiday);           // a Monday off
    CHECK(type("2019-01-01") == DayType::holiday);
    CHECK(type("2019-01-02") == DayType::workday);
    // 2006 is unknown, yet the 2007 notice's 2006-12-30 and -31 are data for themselves.
    CHECK(type("2006-12-30") == DayType::adjusted_workday);
    CHECK(type("2006-12-31") == DayType::adjusted_workday);
    CHECK(type("2006-12-29") == DayType::unknown);
    CHECK(china().is_workday(D("2006-12-30")));
    CHECK(error_of([] { china().is_workday(D("2006-12-29")); }).first == int(Errc::unknown_date));
}

TEST_CASE("calendar: working days per year match the notices") {
    const int expected[] = {249, 251, 250, 250, 250, 249, 250, 250, 249, 250,
                            249, 250, 250, 249, 250, 249, 249, 251, 248, 248};
    for (int y = 2007; y <= 2026; ++y)
        CHECK_MESSAGE(china().count_workdays(Date(y - 1, 12, 31), Date(y, 12, 31), UnknownPolicy::weekdays) ==
                          expected[y - 2007],
                      y);
}

TEST_CASE("calendar: the bundled calendar says what each holiday-cn file says") {
    // Straight from data/calendars/holiday-cn, not through scripts/gen-calendar: for every
    // listed date, its type follows isOffDay unless a later year's notice lists it too.
    std::map<Date, std::pair<int, bool>> latest; // date -> (notice year, off)
    for (int y = 2007; y <= 2026; ++y)
        for (const auto &n : parse_holiday_notices(holiday_cn(y)))
            for (const auto &day : n.days) latest[day.date] = {n.year, day.off};
    CHECK(latest.size() > 600);
    for (const auto &[date, v] : latest) {
        const DayType t = china().day_type(date);
        const int wd = date.day_of_week().as_number();
        const bool weekend = wd == 0 || wd == 6; // boost counts from Sunday
        const DayType want = v.second ? DayType::holiday : weekend ? DayType::adjusted_workday : DayType::workday;
        CHECK_MESSAGE(t == want, S(date));
    }
    CHECK(parse_holiday_notices(bundled_china_calendar_json()).size() == 20);
}

TEST_CASE("calendar: 2027 is unknown: an error by default, weekdays when asked") {
    auto [code, message] = error_of([] { china().is_workday(D("2027-01-04")); });
    CHECK(code == int(Errc::unknown_date));
    CHECK(message.find("2027-01-04") != std::string::npos);
    CHECK(message.find("2007-2026") != std::string::npos);

    // Per call.
    CHECK(china().is_workday(D("2027-01-04"), UnknownPolicy::weekdays));       // a Monday
    CHECK_FALSE(china().is_workday(D("2027-01-02"), UnknownPolicy::weekdays)); // a Saturday
    CHECK(china().is_workday(D("2027-01-01"), UnknownPolicy::weekdays));       // New Year, unknown to the fallback
    // Arithmetic that runs into 2027 fails, unless asked.
    CHECK(china().add_workdays(D("2026-12-30"), 1) == D("2026-12-31"));
    auto e = error_of([] { china().add_workdays(D("2026-12-31"), 1); });
    CHECK(e.first == int(Errc::unknown_date));
    CHECK(e.second.find("2027-01-01") != std::string::npos);
    CHECK(china().add_workdays(D("2026-12-31"), 1, UnknownPolicy::weekdays) == D("2027-01-01"));
    CHECK(china().add_workdays(D("2026-12-31"), 2, UnknownPolicy::weekdays) == D("2027-01-04"));
    CHECK(china().count_workdays(D("2026-12-30"), D("2027-01-05"), UnknownPolicy::weekdays) == 4);
    CHECK(error_of([] { china().count_workdays(D("2026-12-30"), D("2027-01-05")); }).first == int(Errc::unknown_date));
    CHECK(error_of([] { china().next_workday(D("2027-01-02")); }).first == int(Errc::unknown_date));
    // Going back into 2006 as well.
    // (2006-12-30 and -31 are data from the 2007 notice: reaching them needs nothing unknown.)
    CHECK(china().add_workdays(D("2007-01-05"), -3) == D("2006-12-30"));
    CHECK(error_of([] { china().add_workdays(D("2007-01-05"), -4); }).first == int(Errc::unknown_date));
    CHECK(china().add_workdays(D("2007-01-05"), -4, UnknownPolicy::weekdays) == D("2006-12-29"));

    // Per calendar, and the per-call policy still overrides it.
    Calendar c = china();
    c.set_unknown_policy(UnknownPolicy::weekdays);
    CHECK(c.is_workday(D("2027-01-04")));
    CHECK(c.add_workdays(D("2026-12-31"), 2) == D("2027-01-04"));
    CHECK(error_of([&] { c.add_workdays(D("2026-12-31"), 2, UnknownPolicy::fail); }).first == int(Errc::unknown_date));
    CHECK(china().unknown_policy() == UnknownPolicy::fail); // the copy changed, the bundled one did not
    CHECK(error_of([&] { c.set_unknown_policy(UnknownPolicy::calendar); }).first == int(Errc::argument));
    CHECK(error_of([&] { c.is_workday(D("2019-01-02"), static_cast<UnknownPolicy>(7)); }).first == int(Errc::argument));
}

TEST_CASE("calendar: holiday-cn's 2027.json (no papers yet) leaves 2027 unknown, a real 2027 notice makes it known") {
    Calendar c = china();
    c.load_json(holiday_cn(2027));
    CHECK_FALSE(c.knows_year(2027));
    CHECK(c.day_type(D("2027-03-01")) == DayType::unknown);
    CHECK(fingerprint(c) == fingerprint(china()));

    c.load_json(kNotice2027);
    CHECK(c.knows_year(2027));
    CHECK(c.day_type(D("2027-01-01")) == DayType::holiday);
    CHECK(c.day_type(D("2027-01-04")) == DayType::workday);
    CHECK(c.day_type(D("2027-02-06")) == DayType::adjusted_workday);
    CHECK(c.day_type(D("2027-02-07")) == DayType::weekend);
    CHECK(c.day_type(D("2027-12-31")) == DayType::workday);
    CHECK(c.day_type(D("2028-01-01")) == DayType::unknown);
    CHECK(c.add_workdays(D("2026-12-31"), 1) == D("2027-01-04"));
    CHECK(china().day_type(D("2027-01-01")) == DayType::unknown); // the bundled one is untouched

    // The placeholder loaded after the real notice changes nothing either.
    c.load_json(holiday_cn(2027));
    CHECK(c.day_type(D("2027-01-01")) == DayType::holiday);
}

TEST_CASE("calendar: a later notice for a year replaces the earlier one as a whole") {
    Calendar c;
    c.load_json(R"({"year": 2019, "papers": ["first"], "days": [
        {"name": "元旦", "date": "2018-12-29", "isOffDay": false},
        {"name": "劳动节", "date": "2019-05-01", "isOffDay": true},
        {"name": "劳动节", "date": "2019-05-05", "isOffDay": true}]})");
    CHECK(c.day_type(D("2018-12-29")) == DayType::adjusted_workday);
    CHECK(c.day_type(D("2019-05-05")) == DayType::holiday);
    c.load_json(R"({"year": 2019, "papers": ["second"], "days": [
        {"name": "劳动节", "date": "2019-05-01", "isOffDay": true},
        {"name": "劳动节", "date": "2019-05-05", "isOffDay": false}]})");
    CHECK(c.day_type(D("2019-05-05")) == DayType::adjusted_workday);
    CHECK(c.day_type(D("2018-12-29")) == DayType::unknown); // the first notice's December day went with it
    CHECK(c.known_years() == std::vector<int>{2019});

    // Within one array too: the later element stands.
    Calendar a;
    a.load_json(R"([{"year": 2019, "papers": ["a"], "days": [{"name": "x", "date": "2019-06-03", "isOffDay": true}]},
                    {"year": 2019, "papers": ["b"], "days": []}])");
    CHECK(a.day_type(D("2019-06-03")) == DayType::workday);
}

TEST_CASE("calendar: of two notices listing one date, the later year's wins, whatever the load order") {
    const char *n2018 = R"({"year": 2018, "papers": ["p"], "days": [{"name": "x", "date": "2018-12-29", "isOffDay": true}]})";
    const char *n2019 = R"({"year": 2019, "papers": ["p"], "days": [{"name": "元旦", "date": "2018-12-29", "isOffDay": false}]})";
    Calendar a, b;
    a.load_json(n2018);
    a.load_json(n2019);
    b.load_json(n2019);
    b.load_json(n2018);
    CHECK(a.day_type(D("2018-12-29")) == DayType::adjusted_workday);
    CHECK(b.day_type(D("2018-12-29")) == DayType::adjusted_workday);
}

TEST_CASE("calendar: a contradictory notice is refused by name, and the calendar is unchanged") {
    Calendar c = china();
    const auto before = fingerprint(c);
    auto [code, message] = error_of([&] {
        c.load_json(R"([{"year": 2027, "papers": ["p"], "days": [
            {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
            {"name": "春节", "date": "2027-02-06", "isOffDay": false},
            {"name": "春节", "date": "2027-02-06", "isOffDay": true}]}])");
    });
    CHECK(code == int(Errc::invalid));
    CHECK(message.find("[0].days[2].date") != std::string::npos);
    CHECK(message.find("2027-02-06") != std::string::npos);
    CHECK(message.find("days[1]") != std::string::npos);
    CHECK(message.find("2027") != std::string::npos);
    CHECK_FALSE(c.knows_year(2027));
    CHECK(fingerprint(c) == before);

    // A valid notice before the bad one in the same array is not applied either.
    CHECK(error_of([&] {
              c.load_json(R"([{"year": 2027, "papers": ["p"], "days": []},
                              {"year": 2028, "papers": ["p"], "days": [{"name": "x", "date": "2028-01-01", "isOffDay": 1}]}])");
          }).first == int(Errc::invalid));
    CHECK_FALSE(c.knows_year(2027));

    // Listing a date twice alike, a weekday as working or a weekend day as off: redundant, accepted.
    c.load_json(R"({"year": 2027, "papers": ["p"], "days": [
        {"name": "a", "date": "2027-01-01", "isOffDay": true},
        {"name": "a", "date": "2027-01-01", "isOffDay": true},
        {"name": "b", "date": "2027-01-04", "isOffDay": false},
        {"name": "c", "date": "2027-01-09", "isOffDay": true}]})");
    CHECK(c.day_type(D("2027-01-04")) == DayType::workday);
    CHECK(c.day_type(D("2027-01-09")) == DayType::holiday);
}

TEST_CASE("calendar: bad notices are refused with the path of what is wrong") {
    struct Case {
        const char *json;
        Errc code;
        const char *needle;
    };
    const Case cases[] = {
        {"", Errc::json, "line 1"},
        {"{\"year\": 2027,", Errc::json, "malformed"},
        {"{} []", Errc::json, "malformed"},
        {"\"2027\"", Errc::invalid, "(document)"},
        {"[1]", Errc::invalid, "[0]"},
        {R"({"papers": [], "days": []})", Errc::invalid, "year"},
        {R"({"year": "2027", "papers": [], "days": []})", Errc::invalid, "year"},
        {R"({"year": 2027.5, "papers": [], "days": []})", Errc::invalid, "year"},
        {R"({"year": 1850, "papers": [], "days": []})", Errc::invalid, "year"},
        {R"({"year": 2027, "papers": "x", "days": []})", Errc::invalid, "papers"},
        {R"({"year": 2027, "papers": [1], "days": []})", Errc::invalid, "papers[0]"},
        {R"({"year": 2027, "papers": ["p"]})", Errc::invalid, "days"},
        {R"({"year": 2027, "papers": ["p"], "days": {}})", Errc::invalid, "days"},
        {R"({"year": 2027, "papers": ["p"], "days": [1]})", Errc::invalid, "days[0]"},
        {R"({"year": 2027, "papers": ["p"], "days": [{"name": "a", "date": "2027-01-01", "isOffDay": true},
            {"name": "a", "date": "2027-01-02", "isOffDay": true}, {"name": "a", "date": "2027-01-03", "isOffDay": true},
            {"name": "a", "date": "2027-02-30", "isOffDay": true}]})", Errc::invalid, "days[3].date"},
        {R"({"year": 2027, "papers": ["p"], "days": [{"name": "a", "date": "2027/01/01", "isOffDay": true}]})",
         Errc::invalid, "days[0].date"},
        {R"({"year": 2027, "papers": ["p"], "days": [{"name": "a", "date": 20270101, "isOffDay": true}]})",
         Errc::invalid, "days[0].date"},
        {R"({"year": 2027, "papers": ["p"], "days": [{"name": "a", "date": "2030-01-01", "isOffDay": true}]})",
         Errc::invalid, "more than a year"},
        {R"({"year": 2027, "papers": ["p"], "days": [{"name": "a", "date": "2027-01-01", "isOffDay": "yes"}]})",
         Errc::invalid, "days[0].isOffDay"},
        {R"({"year": 2027, "papers": ["p"], "days": [{"date": "2027-01-01", "isOffDay": true}]})",
         Errc::invalid, "days[0].name"},
        {R"({"year": 2027, "papers": ["p"], "days": [{"name": "a", "date": "2027-01-01"}]})",
         Errc::invalid, "days[0].isOffDay"},
        {R"([{"year": 2027, "papers": ["p"], "days": []}, {"year": 2028, "papers": ["p"],
            "days": [{"name": "a", "date": "2028-13-01", "isOffDay": true}]}])", Errc::invalid, "[1].days[0].date"},
        {R"({"year": 2027, "papers": [], "days": [{"name": "a", "date": "2027-01-01", "isOffDay": true}]})",
         Errc::invalid, "papers"},
        {"{\"year\": 2027, \"papers\": [\"\xff\"], \"days\": []}", Errc::utf8, "byte"},
    };
    for (const auto &k : cases) {
        Calendar c = china();
        auto [code, message] = error_of([&] { c.load_json(k.json); });
        CHECK_MESSAGE(code == int(k.code), k.json, " -> ", message);
        CHECK_MESSAGE(message.find(k.needle) != std::string::npos, k.json, " -> ", message);
        CHECK_FALSE(c.knows_year(2027));
    }
    // Members other than year, papers and days are ignored, as holiday-cn's $schema and $id.
    Calendar c;
    c.load_json(R"({"$schema": "x", "$id": "y", "year": 2027.0, "papers": ["p"], "days": []})");
    CHECK(c.knows_year(2027));
    c.load_json("[]"); // nothing to load is not an error
}

TEST_CASE("calendar: hosts add local days off and working days on a copy of the China calendar") {
    Calendar local = china();
    local.set_day(D("2019-06-03"), true);  // a Monday off, locally
    local.set_day(D("2019-06-08"), false); // a Saturday worked instead
    local.set_day(D("2019-10-01"), false); // even over a statutory holiday: the host's word wins
    CHECK(local.day_type(D("2019-06-03")) == DayType::holiday);
    CHECK(local.day_type(D("2019-06-08")) == DayType::adjusted_workday);
    CHECK(local.day_type(D("2019-10-01")) == DayType::workday);
    CHECK(china().day_type(D("2019-06-03")) == DayType::workday); // the bundled one is untouched
    CHECK(local.add_workdays(D("2019-05-31"), 1) == D("2019-06-04"));
    CHECK(local.count_workdays(D("2019-05-31"), D("2019-06-09")) == china().count_workdays(D("2019-05-31"), D("2019-06-09")));

    // A local day in an unknown year is data for itself; its neighbours stay unknown.
    local.set_day(D("2027-01-01"), true);
    CHECK(local.day_type(D("2027-01-01")) == DayType::holiday);
    CHECK(local.day_type(D("2027-01-04")) == DayType::unknown);
    CHECK_FALSE(local.knows_year(2027));

    // Notices loaded later do not override the host; clearing gives the notices back.
    local.load_json(R"({"year": 2019, "papers": ["again"], "days": [{"name": "国庆节", "date": "2019-10-01", "isOffDay": true}]})");
    CHECK(local.day_type(D("2019-10-01")) == DayType::workday);
    CHECK(local.clear_day(D("2019-10-01")));
    CHECK_FALSE(local.clear_day(D("2019-10-01")));
    CHECK(local.day_type(D("2019-10-01")) == DayType::holiday);
    // That reload replaced the whole 2019 notice: Spring Festival 2019 is now ordinary.
    CHECK(local.day_type(D("2019-02-04")) == DayType::workday);
}

TEST_CASE("calendar: working-day arithmetic across Spring Festival and National Day") {
    const auto &c = china();
    CHECK(c.add_workdays(D("2019-02-01"), 1) == D("2019-02-02"));
    CHECK(c.add_workdays(D("2019-02-01"), 3) == D("2019-02-11"));
    CHECK(c.add_workdays(D("2019-02-03"), 1) == D("2019-02-11"));
    CHECK(c.add_workdays(D("2019-02-05"), 1) == D("2019-02-11")); // from inside the holiday
    CHECK(c.add_workdays(D("2019-02-11"), -1) == D("2019-02-03"));
    CHECK(c.add_workdays(D("2019-02-11"), -3) == D("2019-02-01"));
    CHECK(c.add_workdays(D("2019-02-06"), -1) == D("2019-02-03"));
    CHECK(c.add_workdays(D("2019-09-30"), 1) == D("2019-10-08"));
    CHECK(c.add_workdays(D("2019-10-08"), -1) == D("2019-09-30"));
    CHECK(c.add_workdays(D("2019-10-08"), -2) == D("2019-09-29"));
    CHECK(c.add_workdays(D("2019-10-05"), 0) == D("2019-10-05")); // n == 0: the date itself
    CHECK(c.add_workdays(D("2018-12-28"), 1) == D("2018-12-29"));
    CHECK(c.add_workdays(D("2018-12-29"), 1) == D("2019-01-02"));
    CHECK(c.add_workdays(D("2019-01-02"), -2) == D("2018-12-28"));
    CHECK(c.add_workdays(D("2019-01-01"), 250) == D("2019-12-31"));

    CHECK(c.count_workdays(D("2019-02-01"), D("2019-02-11")) == 3);
    CHECK(c.count_workdays(D("2019-02-11"), D("2019-02-01")) == -3);
    CHECK(c.count_workdays(D("2019-02-05"), D("2019-02-09")) == 0);
    CHECK(c.count_workdays(D("2019-02-05"), D("2019-02-05")) == 0);
    CHECK(c.count_workdays(D("2019-09-30"), D("2019-10-08")) == 1);

    CHECK(c.next_workday(D("2019-10-01")) == D("2019-10-08"));
    CHECK(c.next_workday(D("2019-09-29")) == D("2019-09-29")); // a 调休 Sunday is a working day
    CHECK(c.next_workday(D("2019-09-30")) == D("2019-09-30"));
    CHECK(c.next_workday(D("2019-02-09")) == D("2019-02-11"));
    CHECK(c.next_workday(D("2026-12-31")) == D("2026-12-31"));
    CHECK(c.is_workday(D("2019-02-02")));
    CHECK_FALSE(c.is_workday(D("2019-02-04")));
}

TEST_CASE("calendar: count_workdays inverts add_workdays, and both agree with a day-by-day walk") {
    std::mt19937 rng(20190202);
    const DayNum first = to_daynum(Date(2007, 1, 1)), last = to_daynum(Date(2026, 12, 31));
    std::uniform_int_distribution<DayNum> day(first + 200, last - 200);
    std::uniform_int_distribution<int> offset(-130, 130);
    const auto &c = china();
    for (int i = 0; i < 4000; ++i) {
        const Date start = from_daynum(day(rng));
        const int n = offset(rng);
        const Date end = c.add_workdays(start, n);
        CHECK_MESSAGE(c.count_workdays(start, end) == n, S(start), " ", n);
        if (i % 8 == 0) CHECK_MESSAGE(end == walk(c, start, n), S(start), " ", n);
        // The end of a non-zero move is always a working day.
        if (n != 0) CHECK(c.is_workday(end));
    }
    // Counting between any two dates agrees with a walk.
    for (int i = 0; i < 300; ++i) {
        const Date a = from_daynum(day(rng)), b = from_daynum(day(rng));
        std::int64_t walked = 0;
        if (b >= a)
            for (Date d = a + boost::gregorian::days(1); d <= b; d += boost::gregorian::days(1)) walked += c.is_workday(d);
        else
            for (Date d = b; d < a; d += boost::gregorian::days(1)) walked -= c.is_workday(d);
        CHECK_MESSAGE(c.count_workdays(a, b) == walked, S(a), " ", S(b));
    }
    // Across the edge of the data and beyond it, under the weekday fallback.
    std::uniform_int_distribution<DayNum> wide(to_daynum(Date(2000, 1, 1)), to_daynum(Date(2035, 1, 1)));
    for (int i = 0; i < 2000; ++i) {
        const Date start = from_daynum(wide(rng));
        const int n = offset(rng) * 3;
        const Date end = c.add_workdays(start, n, UnknownPolicy::weekdays);
        CHECK(c.count_workdays(start, end, UnknownPolicy::weekdays) == n);
        if (i % 16 == 0) CHECK(end == walk(c, start, n, UnknownPolicy::weekdays));
    }
}

TEST_CASE("calendar: an empty calendar knows nothing, and the fallback is a plain Monday-Friday week") {
    Calendar c;
    CHECK(c.known_years().empty());
    CHECK(c.day_type(D("2019-10-01")) == DayType::unknown);
    CHECK(error_of([&] { c.add_workdays(D("2019-10-01"), 1); }).first == int(Errc::unknown_date));
    CHECK(error_of([&] { c.add_workdays(D("2019-10-01"), 1); }).second.find("it knows no year") != std::string::npos);
    CHECK(c.add_workdays(D("2019-10-01"), 1, UnknownPolicy::weekdays) == D("2019-10-02"));
    CHECK(c.add_workdays(D("2019-10-04"), 1, UnknownPolicy::weekdays) == D("2019-10-07"));
    CHECK(c.add_workdays(D("2019-10-05"), -1, UnknownPolicy::weekdays) == D("2019-10-04"));
    CHECK(c.add_workdays(D("2019-10-07"), -6, UnknownPolicy::weekdays) == D("2019-09-27"));
    CHECK(c.count_workdays(D("2019-10-04"), D("2019-10-14"), UnknownPolicy::weekdays) == 6);
    CHECK(c.next_workday(D("2019-10-05"), UnknownPolicy::weekdays) == D("2019-10-07"));
    CHECK(c.add_workdays(D("2019-10-05"), 0) == D("2019-10-05")); // nothing depended on any day
}

TEST_CASE("calendar: absurd n and the ends of the date range are argument errors") {
    const auto &c = china();
    const std::int64_t huge[] = {kMaxOffset + 1, -kMaxOffset - 1, INT64_MAX, INT64_MIN, 1LL << 40};
    for (auto n : huge) {
        auto [code, message] = error_of([&] { c.add_workdays(D("2019-01-01"), n, UnknownPolicy::weekdays); });
        CHECK_MESSAGE(code == int(Errc::argument), n);
        CHECK(message.find("out of range") != std::string::npos);
    }
    CHECK(c.add_workdays(D("2019-01-01"), kMaxOffset, UnknownPolicy::weekdays) > D("2400-01-01"));
    CHECK(c.add_workdays(D("9999-12-28"), 1, UnknownPolicy::weekdays) == D("9999-12-29"));
    CHECK(error_of([&] { c.add_workdays(D("9999-12-30"), 2, UnknownPolicy::weekdays); }).first == int(Errc::argument));
    CHECK(error_of([&] { c.add_workdays(D("9999-12-31"), 1, UnknownPolicy::weekdays); }).first == int(Errc::argument));
    CHECK(c.next_workday(D("9999-12-31"), UnknownPolicy::weekdays) == D("9999-12-31")); // a Friday
    Calendar end_of_time;
    end_of_time.set_day(D("9999-12-31"), true);
    CHECK(error_of([&] { end_of_time.next_workday(D("9999-12-31")); }).first == int(Errc::argument));
    CHECK(c.add_workdays(D("1900-01-02"), -1, UnknownPolicy::weekdays) == D("1900-01-01"));
    CHECK(error_of([&] { c.add_workdays(D("1900-01-02"), -2, UnknownPolicy::weekdays); }).first == int(Errc::argument));
    CHECK(error_of([&] { c.add_workdays(D("1900-01-01"), -1, UnknownPolicy::weekdays); }).first == int(Errc::argument));
    CHECK(c.count_workdays(D("1900-01-01"), D("9999-12-31"), UnknownPolicy::weekdays) > 2000000);
    // Dates boost accepts but the calendar does not.
    CHECK(error_of([&] { c.day_type(Date(1899, 12, 31)); }).first == int(Errc::argument));
    CHECK(error_of([&] { c.day_type(Date()); }).first == int(Errc::argument));
    Calendar local;
    CHECK(error_of([&] { local.set_day(Date(1600, 1, 1), true); }).first == int(Errc::argument));
}

TEST_CASE("calendar: a copy changes apart from its original") {
    Calendar a = china();
    Calendar b = a;
    b.set_day(D("2019-03-01"), true);
    CHECK(a.day_type(D("2019-03-01")) == DayType::workday);
    CHECK(b.day_type(D("2019-03-01")) == DayType::holiday);
}
