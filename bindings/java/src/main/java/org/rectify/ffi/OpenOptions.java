package org.rectify.ffi;

import com.sun.jna.Structure;

/**
 * {@code rectify_open_options}, field for field. A new instance holds what the
 * header's _INIT macro holds; the binding test checks the field list against the header.
 */
@Structure.FieldOrder({"version", "flags", "busy_timeout_ms", "actor"})
public final class OpenOptions extends Structure {
    public int version;  // C unsigned
    public int flags;  // C unsigned
    public int busy_timeout_ms;
    public String actor;

    public OpenOptions() {
        setStringEncoding("UTF-8");
        version = RectifyConstants.RECTIFY_OPEN_OPTIONS_VERSION;
        flags = RectifyConstants.RECTIFY_OPEN_CREATE;
    }
}
