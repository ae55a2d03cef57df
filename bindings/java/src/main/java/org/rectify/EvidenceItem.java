package org.rectify;

import org.rectify.ffi.Evidence;

/**
 * One item of evidence (佐证材料) to attach: a title, and either a file the library hashes itself
 * or a uri where the host keeps it. {@code EvidenceItem.file("会议记录", path)}.
 */
public final class EvidenceItem {
    private final Evidence evidence = new Evidence();

    private EvidenceItem(String title) {
        evidence.title = title;
    }

    /** Evidence the library reads from path to record its SHA-256 and size. */
    public static EvidenceItem file(String title, String path) {
        EvidenceItem item = new EvidenceItem(title);
        item.evidence.path = path;
        return item;
    }

    /** Evidence kept by the host at uri; nothing is read. */
    public static EvidenceItem uri(String title, String uri) {
        EvidenceItem item = new EvidenceItem(title);
        item.evidence.uri = uri;
        return item;
    }

    /** Where the host also keeps a file given by path. */
    public EvidenceItem uri(String value) { evidence.uri = value; return this; }
    /** The host's word for it (文件, 照片, 会议记录 …). */
    public EvidenceItem kind(String value) { evidence.kind = value; return this; }
    public EvidenceItem mediaType(String value) { evidence.media_type = value; return this; }

    Evidence toStruct() {
        return evidence;
    }
}
