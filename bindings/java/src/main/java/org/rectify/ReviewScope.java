package org.rectify;

import org.rectify.ffi.RectifyConstants;

/** What a look-back review (回头看) covers (RECTIFY_REVIEW_*). */
public enum ReviewScope {
    INSPECTION(RectifyConstants.RECTIFY_REVIEW_INSPECTION),
    ROUND(RectifyConstants.RECTIFY_REVIEW_ROUND);

    private final int code;

    ReviewScope(int code) {
        this.code = code;
    }

    /** The C value. */
    public int code() {
        return code;
    }

    /** The constant for a C value; IllegalArgumentException for one this binding does not know. */
    public static ReviewScope of(int code) {
        for (ReviewScope value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new IllegalArgumentException("no ReviewScope has the value " + code);
    }
}
