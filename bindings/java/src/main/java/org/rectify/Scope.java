package org.rectify;

import org.rectify.ffi.RectifyConstants;

/** Scopes a role is granted on (RECTIFY_SCOPE_*). */
public enum Scope {
    ALL(RectifyConstants.RECTIFY_SCOPE_ALL),
    ROUND(RectifyConstants.RECTIFY_SCOPE_ROUND),
    UNIT(RectifyConstants.RECTIFY_SCOPE_UNIT);

    private final int code;

    Scope(int code) {
        this.code = code;
    }

    /** The C value. */
    public int code() {
        return code;
    }

    /** The constant for a C value; IllegalArgumentException for one this binding does not know. */
    public static Scope of(int code) {
        for (Scope value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new IllegalArgumentException("no Scope has the value " + code);
    }
}
