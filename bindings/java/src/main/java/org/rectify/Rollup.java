package org.rectify;

import org.rectify.ffi.RectifyConstants;

/** What a warnings row stands for (RECTIFY_ROLLUP_*). */
public enum Rollup {
    MEASURE(RectifyConstants.RECTIFY_ROLLUP_MEASURE),
    ISSUE(RectifyConstants.RECTIFY_ROLLUP_ISSUE),
    INSPECTION(RectifyConstants.RECTIFY_ROLLUP_INSPECTION),
    UNIT(RectifyConstants.RECTIFY_ROLLUP_UNIT),
    ROUND(RectifyConstants.RECTIFY_ROLLUP_ROUND);

    private final int code;

    Rollup(int code) {
        this.code = code;
    }

    /** The C value. */
    public int code() {
        return code;
    }

    /** The constant for a C value; IllegalArgumentException for one this binding does not know. */
    public static Rollup of(int code) {
        for (Rollup value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new IllegalArgumentException("no Rollup has the value " + code);
    }
}
