package org.rectify.ffi;

import com.sun.jna.Structure;

/**
 * {@code rectify_notice_options}, field for field. A new instance holds what the
 * header's _INIT macro holds; the binding test checks the field list against the header.
 */
@Structure.FieldOrder({"version", "audience", "format"})
public final class NoticeOptions extends Structure {
    public int version;  // C unsigned
    public int audience;
    public int format;

    public NoticeOptions() {
        setStringEncoding("UTF-8");
        version = RectifyConstants.RECTIFY_NOTICE_OPTIONS_VERSION;
        audience = RectifyConstants.RECTIFY_AUDIENCE_INTERNAL;
        format = RectifyConstants.RECTIFY_FORMAT_TEXT;
    }
}
