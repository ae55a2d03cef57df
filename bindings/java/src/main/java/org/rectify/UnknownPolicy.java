package org.rectify;

import org.rectify.ffi.RectifyConstants;

/** What calendar arithmetic does with a date in a year it has no data for (RECTIFY_UNKNOWN_*). */
public enum UnknownPolicy {
    DEFAULT(RectifyConstants.RECTIFY_UNKNOWN_DEFAULT),
    FAIL(RectifyConstants.RECTIFY_UNKNOWN_FAIL),
    WEEKDAYS(RectifyConstants.RECTIFY_UNKNOWN_WEEKDAYS);

    private final int code;

    UnknownPolicy(int code) {
        this.code = code;
    }

    /** The C value. */
    public int code() {
        return code;
    }

    /** The constant for a C value; IllegalArgumentException for one this binding does not know. */
    public static UnknownPolicy of(int code) {
        for (UnknownPolicy value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new IllegalArgumentException("no UnknownPolicy has the value " + code);
    }
}
