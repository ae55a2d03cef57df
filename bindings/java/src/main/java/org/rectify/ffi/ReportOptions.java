package org.rectify.ffi;

import com.sun.jna.Structure;

/**
 * {@code rectify_report_options}, field for field. A new instance holds what the
 * header's _INIT macro holds; the binding test checks the field list against the header.
 */
@Structure.FieldOrder({"version", "audience", "format", "as_of", "template_text", "flags"})
public final class ReportOptions extends Structure {
    public int version;  // C unsigned
    public int audience;
    public int format;
    public String as_of;
    public String template_text;
    public int flags;  // C unsigned

    public ReportOptions() {
        setStringEncoding("UTF-8");
        version = RectifyConstants.RECTIFY_REPORT_OPTIONS_VERSION;
        audience = RectifyConstants.RECTIFY_AUDIENCE_INTERNAL;
        format = RectifyConstants.RECTIFY_FORMAT_TEXT;
    }
}
