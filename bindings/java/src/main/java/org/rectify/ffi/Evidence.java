package org.rectify.ffi;

import com.sun.jna.Structure;

/**
 * {@code rectify_evidence}, field for field. A new instance holds what the
 * header's _INIT macro holds; the binding test checks the field list against the header.
 */
@Structure.FieldOrder({"version", "title", "kind", "path", "uri", "media_type"})
public final class Evidence extends Structure {
    public int version;  // C unsigned
    public String title;
    public String kind;
    public String path;
    public String uri;
    public String media_type;

    public Evidence() {
        setStringEncoding("UTF-8");
        version = RectifyConstants.RECTIFY_EVIDENCE_VERSION;
    }
}
