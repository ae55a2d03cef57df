package org.rectify.ffi;

import com.sun.jna.Structure;

/**
 * {@code rectify_warning_options}, field for field. A new instance holds what the
 * header's _INIT macro holds; the binding test checks the field list against the header.
 */
@Structure.FieldOrder({"version", "as_of", "inspection_id", "unit_id", "round_id", "leader", "rollup", "lights", "offset", "limit"})
public final class WarningOptions extends Structure {
    public int version;  // C unsigned
    public String as_of;
    public long inspection_id;
    public long unit_id;
    public long round_id;
    public String leader;
    public int rollup;
    public int lights;  // C unsigned
    public long offset;
    public long limit;

    public WarningOptions() {
        setStringEncoding("UTF-8");
        version = RectifyConstants.RECTIFY_WARNING_OPTIONS_VERSION;
    }
}
