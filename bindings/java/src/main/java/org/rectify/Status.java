package org.rectify;

import org.rectify.ffi.RectifyConstants;

/** Statuses of issues and measures (RECTIFY_STATUS_*); docs/schema.md draws the machine. */
public enum Status {
    NOT_STARTED(RectifyConstants.RECTIFY_STATUS_NOT_STARTED),
    IN_PROGRESS(RectifyConstants.RECTIFY_STATUS_IN_PROGRESS),
    SUBSTANTIALLY_DONE(RectifyConstants.RECTIFY_STATUS_SUBSTANTIALLY_DONE),
    DONE(RectifyConstants.RECTIFY_STATUS_DONE),
    CLOSED(RectifyConstants.RECTIFY_STATUS_CLOSED),
    REOPENED(RectifyConstants.RECTIFY_STATUS_REOPENED);

    private final int code;

    Status(int code) {
        this.code = code;
    }

    /** The C value. */
    public int code() {
        return code;
    }

    /** The status as record JSON names it ("in_progress"); Argument for a name the library does not know. */
    public static Status named(String name) {
        com.sun.jna.ptr.IntByReference out = new com.sun.jna.ptr.IntByReference();
        Calls.check(Calls.lib().rectify_status_from_name(out, name));
        return of(out.getValue());
    }

    /** The Chinese label a clerk reads ("整改中"), from the library. */
    public String label() {
        return Calls.lib().rectify_status_label(code);
    }

    /** The constant for a C value; IllegalArgumentException for one this binding does not know. */
    public static Status of(int code) {
        for (Status value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new IllegalArgumentException("no Status has the value " + code);
    }
}
