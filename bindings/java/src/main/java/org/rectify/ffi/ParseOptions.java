package org.rectify.ffi;

import com.sun.jna.Structure;

/**
 * {@code rectify_parse_options}, field for field. A new instance holds what the
 * header's _INIT macro holds; the binding test checks the field list against the header.
 */
@Structure.FieldOrder({"version", "ref", "unit", "kind", "group", "onsite_start", "onsite_end", "feedback_date"})
public final class ParseOptions extends Structure {
    public int version;  // C unsigned
    public String ref;
    public String unit;
    public String kind;
    public String group;
    public String onsite_start;
    public String onsite_end;
    public String feedback_date;

    public ParseOptions() {
        setStringEncoding("UTF-8");
        version = RectifyConstants.RECTIFY_PARSE_OPTIONS_VERSION;
    }
}
