package org.rectify;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import org.rectify.ffi.RectifyLibrary;
import org.rectify.ffi.SizeT;

/**
 * The shapes every wrapped call shares: a code checked and turned into an exception, memory the
 * library hands out copied into Java and released at once, text sent as UTF-8 bytes.
 */
final class Calls {
    private Calls() {}

    static RectifyLibrary lib() {
        return LibraryLoader.library();
    }

    /** Throws the exception for a negative code, with the calling thread's message. */
    static int check(int code) {
        if (code < 0) {
            throw lastError(code);
        }
        return code;
    }

    /**
     * The exception for a code just returned. rectify_errmsg() is per thread, and a JNA call runs
     * on the calling Java thread, so the message read here is the failed call's own.
     */
    static RectifyException lastError(int code) {
        String message = lib().rectify_errmsg();
        if (message == null || message.isEmpty()) {
            message = lib().rectify_strerror(code);
        }
        return RectifyException.of(code, message);
    }

    /** Copies the string the library handed out (UTF-8, NUL-terminated) and frees it; null stays null. */
    static String takeText(PointerByReference out) {
        Pointer p = out.getValue();
        if (p == null) {
            return null;
        }
        try {
            return p.getString(0, "UTF-8");
        } finally {
            lib().rectify_free(p);
        }
    }

    /** Copies size bytes the library handed out and frees them. */
    static byte[] takeBytes(PointerByReference out, long size) {
        Pointer p = out.getValue();
        if (p == null) {
            return null;
        }
        try {
            return p.getByteArray(0, Math.toIntExact(size));
        } finally {
            lib().rectify_free(p);
        }
    }

    /** Text as the UTF-8 bytes a (pointer, length) parameter takes. */
    static byte[] utf8(String text) {
        if (text == null) {
            throw new RectifyException.Argument(
                org.rectify.ffi.RectifyConstants.RECTIFY_E_ARGUMENT, "the text is null");
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static SizeT length(byte[] bytes) {
        return new SizeT(bytes.length);
    }

    /** A date the library wrote into a RECTIFY_DATE_SIZE buffer. */
    static String date(byte[] buffer) {
        int end = 0;
        while (end < buffer.length && buffer[end] != 0) {
            end++;
        }
        return new String(buffer, 0, end, StandardCharsets.US_ASCII);
    }
}
