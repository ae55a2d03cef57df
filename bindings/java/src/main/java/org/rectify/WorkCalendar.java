package org.rectify;

import static org.rectify.Calls.check;
import static org.rectify.Calls.length;
import static org.rectify.Calls.lib;
import static org.rectify.Calls.utf8;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import org.rectify.ffi.RectifyConstants;

/**
 * A working-day calendar (rectify_calendar): which dates are working days, and legal periods
 * (期间) counted on them. Independent of any database; close it (try-with-resources) when done.
 * Named so as not to be confused with java.util.Calendar.
 *
 * <p>Every question takes an {@link UnknownPolicy} for dates in years the calendar has no data
 * for; the overloads without one use the calendar's own (UnknownDate unless changed).
 */
public final class WorkCalendar implements AutoCloseable {
    private final NativeHandle handle;

    WorkCalendar(Pointer pointer) {
        this.handle = new NativeHandle(this, pointer, p -> lib().rectify_calendar_free(p), "the calendar is closed");
    }

    /** A copy of the bundled China calendar (the State Council's notices, 2007-2026). */
    public static WorkCalendar china() {
        return create(RectifyConstants.RECTIFY_CALENDAR_CHINA);
    }

    /** A calendar that knows no year until notices are loaded. */
    public static WorkCalendar empty() {
        return create(RectifyConstants.RECTIFY_CALENDAR_EMPTY);
    }

    private static WorkCalendar create(int flags) {
        PointerByReference out = new PointerByReference();
        check(lib().rectify_calendar_new(out, flags));
        return new WorkCalendar(out.getValue());
    }

    /** An independent copy of this calendar. */
    public WorkCalendar copy() {
        PointerByReference out = new PointerByReference();
        check(lib().rectify_calendar_copy(out, handle.get()));
        return new WorkCalendar(out.getValue());
    }

    @Override
    public void close() {
        handle.close();
    }

    public boolean isClosed() {
        return handle.isClosed();
    }

    // ---- changing it -------------------------------------------------------------------------

    /** Loads holiday notices in holiday-cn's JSON format (one notice or an array). */
    public void loadJson(String notices) {
        byte[] bytes = utf8(notices);
        check(lib().rectify_calendar_load_json(handle.get(), bytes, length(bytes)));
    }

    public void loadFile(String path) {
        check(lib().rectify_calendar_load_file(handle.get(), path));
    }

    /** The host's own statement about a date: HOLIDAY, WORKDAY or ADJUSTED_WORKDAY. */
    public void setDay(String date, DayType type) {
        check(lib().rectify_calendar_set_day(handle.get(), date, type.code()));
    }

    /** Drops the host's statement about date; true if there was one. */
    public boolean clearDay(String date) {
        IntByReference out = new IntByReference();
        check(lib().rectify_calendar_clear_day(out, handle.get(), date));
        return out.getValue() != 0;
    }

    /** The calendar's own policy: FAIL or WEEKDAYS. */
    public void setUnknownPolicy(UnknownPolicy policy) {
        check(lib().rectify_calendar_set_unknown_policy(handle.get(), policy.code()));
    }

    // ---- questions ---------------------------------------------------------------------------

    public boolean yearKnown(int year) {
        IntByReference out = new IntByReference();
        check(lib().rectify_calendar_year_known(out, handle.get(), year));
        return out.getValue() != 0;
    }

    /** What date is; UNKNOWN is an answer here, never an error. */
    public DayType dayType(String date) {
        IntByReference out = new IntByReference();
        check(lib().rectify_calendar_day_type(out, handle.get(), date));
        return DayType.of(out.getValue());
    }

    public boolean isWorkday(String date) {
        return isWorkday(date, UnknownPolicy.DEFAULT);
    }

    public boolean isWorkday(String date, UnknownPolicy policy) {
        IntByReference out = new IntByReference();
        check(lib().rectify_calendar_is_workday(out, handle.get(), date, policy.code()));
        return out.getValue() != 0;
    }

    /** The n-th working day after date (before it for n &lt; 0); date itself is never counted. */
    public String addWorkdays(String date, int n) {
        return addWorkdays(date, n, UnknownPolicy.DEFAULT);
    }

    public String addWorkdays(String date, int n, UnknownPolicy policy) {
        byte[] out = dateBuffer();
        check(lib().rectify_calendar_add_workdays(out, handle.get(), date, n, policy.code()));
        return Calls.date(out);
    }

    /** Working days in (from, to], negative when to is before from. */
    public int countWorkdays(String from, String to) {
        return countWorkdays(from, to, UnknownPolicy.DEFAULT);
    }

    public int countWorkdays(String from, String to, UnknownPolicy policy) {
        IntByReference out = new IntByReference();
        check(lib().rectify_calendar_count_workdays(out, handle.get(), from, to, policy.code()));
        return out.getValue();
    }

    /** The first working day on or after date. */
    public String nextWorkday(String date) {
        return nextWorkday(date, UnknownPolicy.DEFAULT);
    }

    public String nextWorkday(String date, UnknownPolicy policy) {
        byte[] out = dateBuffer();
        check(lib().rectify_calendar_next_workday(out, handle.get(), date, policy.code()));
        return Calls.date(out);
    }

    /** The last day of a legal period of n units from start (Civil Code arts. 200-203). */
    public String periodEnd(String start, PeriodUnit unit, int n) {
        return periodEnd(start, unit, n, UnknownPolicy.DEFAULT);
    }

    public String periodEnd(String start, PeriodUnit unit, int n, UnknownPolicy policy) {
        byte[] out = dateBuffer();
        check(lib().rectify_period_end(out, handle.get(), start, unit.code(), n, policy.code()));
        return Calls.date(out);
    }

    private static byte[] dateBuffer() {
        return new byte[RectifyConstants.RECTIFY_DATE_SIZE];
    }
}
