package org.rectify;

import org.rectify.ffi.RectifyConstants;

/** Units of a legal period (RECTIFY_PERIOD_*). */
public enum PeriodUnit {
    DAYS(RectifyConstants.RECTIFY_PERIOD_DAYS),
    MONTHS(RectifyConstants.RECTIFY_PERIOD_MONTHS),
    WORKDAYS(RectifyConstants.RECTIFY_PERIOD_WORKDAYS);

    private final int code;

    PeriodUnit(int code) {
        this.code = code;
    }

    /** The C value. */
    public int code() {
        return code;
    }

    /** The constant for a C value; IllegalArgumentException for one this binding does not know. */
    public static PeriodUnit of(int code) {
        for (PeriodUnit value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new IllegalArgumentException("no PeriodUnit has the value " + code);
    }
}
