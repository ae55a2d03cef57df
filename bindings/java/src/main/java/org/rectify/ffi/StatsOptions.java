package org.rectify.ffi;

import com.sun.jna.Structure;

/**
 * {@code rectify_stats_options}, field for field. A new instance holds what the
 * header's _INIT macro holds; the binding test checks the field list against the header.
 */
@Structure.FieldOrder({"version", "inspection_id", "unit_id", "round_id", "as_of", "audience", "flags"})
public final class StatsOptions extends Structure {
    public int version;  // C unsigned
    public long inspection_id;
    public long unit_id;
    public long round_id;
    public String as_of;
    public int audience;
    public int flags;  // C unsigned

    public StatsOptions() {
        setStringEncoding("UTF-8");
        version = RectifyConstants.RECTIFY_STATS_OPTIONS_VERSION;
        audience = RectifyConstants.RECTIFY_AUDIENCE_INTERNAL;
    }
}
