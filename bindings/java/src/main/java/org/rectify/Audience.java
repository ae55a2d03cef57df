package org.rectify;

import org.rectify.ffi.RectifyConstants;

/** Who a notice or report is for (RECTIFY_AUDIENCE_*); public output never shows non-public text. */
public enum Audience {
    INTERNAL(RectifyConstants.RECTIFY_AUDIENCE_INTERNAL),
    PUBLIC(RectifyConstants.RECTIFY_AUDIENCE_PUBLIC);

    private final int code;

    Audience(int code) {
        this.code = code;
    }

    /** The C value. */
    public int code() {
        return code;
    }

    /** The constant for a C value; IllegalArgumentException for one this binding does not know. */
    public static Audience of(int code) {
        for (Audience value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new IllegalArgumentException("no Audience has the value " + code);
    }
}
