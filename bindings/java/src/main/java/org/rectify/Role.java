package org.rectify;

import org.rectify.ffi.RectifyConstants;

/** Roles a user is granted (RECTIFY_ROLE_*); docs/access.md lists what each may do. */
public enum Role {
    ADMIN(RectifyConstants.RECTIFY_ROLE_ADMIN),
    INSPECTOR(RectifyConstants.RECTIFY_ROLE_INSPECTOR),
    LIAISON(RectifyConstants.RECTIFY_ROLE_LIAISON),
    OWNER(RectifyConstants.RECTIFY_ROLE_OWNER),
    SUPERVISOR(RectifyConstants.RECTIFY_ROLE_SUPERVISOR),
    AUDITOR(RectifyConstants.RECTIFY_ROLE_AUDITOR),
    PUBLIC(RectifyConstants.RECTIFY_ROLE_PUBLIC);

    private final int code;

    Role(int code) {
        this.code = code;
    }

    /** The C value. */
    public int code() {
        return code;
    }

    /** The constant for a C value; IllegalArgumentException for one this binding does not know. */
    public static Role of(int code) {
        for (Role value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new IllegalArgumentException("no Role has the value " + code);
    }
}
