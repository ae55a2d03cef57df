package org.rectify;

import org.rectify.ffi.RectifyConstants;

/** The escalation (督办) chain, in order of severity (RECTIFY_ESCALATION_*). */
public enum EscalationLevel {
    NOTICE(RectifyConstants.RECTIFY_ESCALATION_NOTICE),
    GUIDANCE(RectifyConstants.RECTIFY_ESCALATION_GUIDANCE),
    REMINDER(RectifyConstants.RECTIFY_ESCALATION_REMINDER),
    WARNING(RectifyConstants.RECTIFY_ESCALATION_WARNING),
    ACCOUNTABILITY(RectifyConstants.RECTIFY_ESCALATION_ACCOUNTABILITY);

    private final int code;

    EscalationLevel(int code) {
        this.code = code;
    }

    /** The C value. */
    public int code() {
        return code;
    }

    /** The constant for a C value; IllegalArgumentException for one this binding does not know. */
    public static EscalationLevel of(int code) {
        for (EscalationLevel value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new IllegalArgumentException("no EscalationLevel has the value " + code);
    }
}
