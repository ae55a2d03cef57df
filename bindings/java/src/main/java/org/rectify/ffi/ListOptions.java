package org.rectify.ffi;

import com.sun.jna.Structure;

/**
 * {@code rectify_list_options}, field for field. A new instance holds what the
 * header's _INIT macro holds; the binding test checks the field list against the header.
 */
@Structure.FieldOrder({"version", "inspection_id", "parent_id", "offset", "limit"})
public final class ListOptions extends Structure {
    public int version;  // C unsigned
    public long inspection_id;
    public long parent_id;
    public long offset;
    public long limit;

    public ListOptions() {
        setStringEncoding("UTF-8");
        version = RectifyConstants.RECTIFY_LIST_OPTIONS_VERSION;
    }
}
