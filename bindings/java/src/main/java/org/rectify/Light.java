package org.rectify;

import org.rectify.ffi.RectifyConstants;

/** Warning lights (RECTIFY_LIGHT_*), in order of severity. */
public enum Light {
    GREEN(RectifyConstants.RECTIFY_LIGHT_GREEN),
    BLUE(RectifyConstants.RECTIFY_LIGHT_BLUE),
    YELLOW(RectifyConstants.RECTIFY_LIGHT_YELLOW),
    RED(RectifyConstants.RECTIFY_LIGHT_RED);

    private final int code;

    Light(int code) {
        this.code = code;
    }

    /** The C value. */
    public int code() {
        return code;
    }

    /** The constant for a C value; IllegalArgumentException for one this binding does not know. */
    public static Light of(int code) {
        for (Light value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new IllegalArgumentException("no Light has the value " + code);
    }
}
