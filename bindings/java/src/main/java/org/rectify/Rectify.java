package org.rectify;

import static org.rectify.Calls.lib;
import static org.rectify.Calls.takeText;

import com.sun.jna.ptr.PointerByReference;
import org.rectify.ffi.RectifyLibrary;

/** What belongs to the library rather than to a database: its version, and parsing notices. */
public final class Rectify {
    private Rectify() {}

    /** The loaded library's version, "MAJOR.MINOR.PATCH". */
    public static String version() {
        return lib().rectify_version();
    }

    /** The loaded library's version as MAJOR * 10000 + MINOR * 100 + PATCH. */
    public static int versionNumber() {
        return lib().rectify_version_number();
    }

    /** The schema version this library writes. */
    public static int schemaVersion() {
        return lib().rectify_schema_version();
    }

    /** Static English text for a code. */
    public static String strerror(int code) {
        return lib().rectify_strerror(code);
    }

    /**
     * The loaded JNA interface, for a call this API does not wrap. Codes it returns are not
     * checked: pass them to {@link #check(int)}.
     */
    public static RectifyLibrary library() {
        return lib();
    }

    /** Throws the exception for a negative code a raw call returned; returns the code otherwise. */
    public static int check(int code) {
        return Calls.check(code);
    }

    /**
     * Parses a notice written as people write them (docs/parse.md) into an inspection document
     * that {@link Database#importJson} takes. Needs no database. Validation names the line it
     * could not place.
     */
    public static String parseNotice(String text, NoticeFacts facts) {
        byte[] bytes = Calls.utf8(text);
        PointerByReference out = new PointerByReference();
        check(lib().rectify_notice_parse(out, bytes, Calls.length(bytes),
                                         facts == null ? null : facts.toOptions()));
        return takeText(out);
    }
}
