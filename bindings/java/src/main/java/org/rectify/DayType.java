package org.rectify;

import org.rectify.ffi.RectifyConstants;

/** Day types of a working-day calendar (RECTIFY_DAY_*). */
public enum DayType {
    WORKDAY(RectifyConstants.RECTIFY_DAY_WORKDAY),
    WEEKEND(RectifyConstants.RECTIFY_DAY_WEEKEND),
    HOLIDAY(RectifyConstants.RECTIFY_DAY_HOLIDAY),
    ADJUSTED_WORKDAY(RectifyConstants.RECTIFY_DAY_ADJUSTED_WORKDAY),
    UNKNOWN(RectifyConstants.RECTIFY_DAY_UNKNOWN);

    private final int code;

    DayType(int code) {
        this.code = code;
    }

    /** The C value. */
    public int code() {
        return code;
    }

    /** The constant for a C value; IllegalArgumentException for one this binding does not know. */
    public static DayType of(int code) {
        for (DayType value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new IllegalArgumentException("no DayType has the value " + code);
    }
}
