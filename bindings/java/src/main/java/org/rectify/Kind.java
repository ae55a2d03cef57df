package org.rectify;

import org.rectify.ffi.RectifyConstants;

/** The kinds of record (RECTIFY_KIND_*); each record's JSON names its kind. */
public enum Kind {
    ROUND(RectifyConstants.RECTIFY_KIND_ROUND),
    UNIT(RectifyConstants.RECTIFY_KIND_UNIT),
    INSPECTION(RectifyConstants.RECTIFY_KIND_INSPECTION),
    ASPECT(RectifyConstants.RECTIFY_KIND_ASPECT),
    ISSUE(RectifyConstants.RECTIFY_KIND_ISSUE),
    MEASURE(RectifyConstants.RECTIFY_KIND_MEASURE),
    PROGRESS(RectifyConstants.RECTIFY_KIND_PROGRESS),
    OUTCOME(RectifyConstants.RECTIFY_KIND_OUTCOME);

    private final int code;

    Kind(int code) {
        this.code = code;
    }

    /** The C value. */
    public int code() {
        return code;
    }

    /** The constant for a C value; IllegalArgumentException for one this binding does not know. */
    public static Kind of(int code) {
        for (Kind value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new IllegalArgumentException("no Kind has the value " + code);
    }
}
