package org.rectify;

/** Working-day calendars: the bundled China calendar, legal periods, unknown years, closing. */
final class CalendarTest {
    void register(AllTests runner) {
        runner.run("calendar: National Day and its adjusted working days", this::nationalDay);
        runner.run("calendar: a year with no data fails unless weekdays are asked for", this::unknownYear);
        runner.run("calendar: host days, copies and closing", this::hostDays);
    }

    private void nationalDay() {
        try (WorkCalendar cal = WorkCalendar.china()) {
            Check.equal(DayType.HOLIDAY, cal.dayType("2019-10-01"), "2019-10-01");
            Check.equal(DayType.ADJUSTED_WORKDAY, cal.dayType("2019-09-29"), "2019-09-29 (调休上班)");
            Check.that(!cal.isWorkday("2019-10-07"), "2019-10-07 is off");
            Check.equal("2019-10-08", cal.nextWorkday("2019-10-01"), "next working day");
            // A 1-day period from 2019-09-30 ends on 10-01, a holiday, so it moves to 10-08.
            Check.equal("2019-10-08", cal.periodEnd("2019-09-30", PeriodUnit.DAYS, 1), "period end");
            Check.equal("2019-10-08", cal.addWorkdays("2019-09-30", 1), "one working day on");
            Check.equal(1, cal.countWorkdays("2019-09-30", "2019-10-08"), "counted back");
        }
    }

    private void unknownYear() {
        try (WorkCalendar cal = WorkCalendar.empty()) {
            Check.that(!cal.yearKnown(2019), "an empty calendar knows no year");
            Check.equal(DayType.UNKNOWN, cal.dayType("2019-10-01"), "unknown is an answer here");
            RectifyException.UnknownDate e = Check.raises(RectifyException.UnknownDate.class,
                () -> cal.isWorkday("2019-10-01"));
            Check.contains(e.getMessage(), "2019-10-01", "names the date");
            Check.that(cal.isWorkday("2019-10-01", UnknownPolicy.WEEKDAYS), "a Tuesday, as weekdays go");
            cal.setUnknownPolicy(UnknownPolicy.WEEKDAYS);
            Check.that(cal.isWorkday("2019-10-01"), "the calendar's own policy");
        }
    }

    private void hostDays() {
        WorkCalendar cal = WorkCalendar.china();
        cal.setDay("2019-10-09", DayType.HOLIDAY);
        try (WorkCalendar copy = cal.copy()) {
            Check.that(cal.clearDay("2019-10-09"), "there was a host day");
            Check.that(!cal.clearDay("2019-10-09"), "and now there is none");
            Check.equal(DayType.WORKDAY, cal.dayType("2019-10-09"), "the original is a workday again");
            Check.equal(DayType.HOLIDAY, copy.dayType("2019-10-09"), "the copy kept it");
        }
        Check.raises(RectifyException.Argument.class, () -> cal.dayType("2019-02-30"));
        cal.close();
        Check.that(cal.isClosed(), "closed");
        Check.raises(RectifyException.Closed.class, () -> cal.dayType("2019-10-09"));
    }
}
