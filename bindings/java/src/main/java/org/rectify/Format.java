package org.rectify;

import org.rectify.ffi.RectifyConstants;

/** Output formats of notices and reports (RECTIFY_FORMAT_*). */
public enum Format {
    TEXT(RectifyConstants.RECTIFY_FORMAT_TEXT),
    MARKDOWN(RectifyConstants.RECTIFY_FORMAT_MARKDOWN),
    HTML(RectifyConstants.RECTIFY_FORMAT_HTML),
    CSV(RectifyConstants.RECTIFY_FORMAT_CSV),
    XLSX(RectifyConstants.RECTIFY_FORMAT_XLSX),
    OSCAL(RectifyConstants.RECTIFY_FORMAT_OSCAL);

    private final int code;

    Format(int code) {
        this.code = code;
    }

    /** The C value. */
    public int code() {
        return code;
    }

    /** The constant for a C value; IllegalArgumentException for one this binding does not know. */
    public static Format of(int code) {
        for (Format value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new IllegalArgumentException("no Format has the value " + code);
    }
}
