package org.rectify;

import static org.rectify.ffi.RectifyConstants.*;

/**
 * A call into the library failed: {@link #code()} is the C code (RECTIFY_E_*, negative) and the
 * message is what the library said went wrong and where (rectify_errmsg()).
 *
 * <p>There is one nested subclass per code, grouped into families where callers would catch them
 * together: {@link InvalidInput} (Argument, MalformedJson, Validation, Utf8), {@link Access}
 * (NoActor, Denied), {@link Database} (Busy, SchemaNewer, NotADatabase). A code this binding does
 * not know (the library may add some) is thrown as a plain RectifyException, never dropped.
 *
 * <p>Unchecked, like the errors of most Java data APIs: a host catches the cases it can act on
 * (a {@link Conflict} to reload, a {@link Denied} to tell the user) and lets the rest through.
 */
public class RectifyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int code;

    public RectifyException(int code, String message) {
        super(message == null || message.isEmpty() ? "rectify error " + code : message);
        this.code = code;
    }

    /** The RECTIFY_E_* code of the failed call. */
    public int code() {
        return code;
    }

    /** The exception for a code the library returned, carrying its message. */
    public static RectifyException of(int code, String message) {
        switch (code) {
            case RECTIFY_E_INTERNAL: return new Internal(code, message);
            case RECTIFY_E_NOMEM: return new NoMemory(code, message);
            case RECTIFY_E_ARGUMENT: return new Argument(code, message);
            case RECTIFY_E_NOT_FOUND: return new NotFound(code, message);
            case RECTIFY_E_CONFLICT: return new Conflict(code, message);
            case RECTIFY_E_TRANSITION: return new Transition(code, message);
            case RECTIFY_E_JSON: return new MalformedJson(code, message);
            case RECTIFY_E_INVALID: return new Validation(code, message);
            case RECTIFY_E_UTF8: return new Utf8(code, message);
            case RECTIFY_E_IO: return new File(code, message);
            case RECTIFY_E_DB: return new Database(code, message);
            case RECTIFY_E_BUSY: return new Busy(code, message);
            case RECTIFY_E_SCHEMA_NEWER: return new SchemaNewer(code, message);
            case RECTIFY_E_NOT_A_DB: return new NotADatabase(code, message);
            case RECTIFY_E_NO_ACTOR: return new NoActor(code, message);
            case RECTIFY_E_DUPLICATE: return new Duplicate(code, message);
            case RECTIFY_E_MISUSE: return new Misuse(code, message);
            case RECTIFY_E_DENIED: return new Denied(code, message);
            case RECTIFY_E_UNKNOWN_DATE: return new UnknownDate(code, message);
            case RECTIFY_E_TAMPERED: return new Tampered(code, message, null);
            case RECTIFY_E_GUARD: return new Guard(code, message);
            case RECTIFY_E_INTERRUPTED: return new Stopped(code, message);
            default: return new RectifyException(code, message);
        }
    }

    // --- input the library refuses; nothing changed ---------------------------------------------

    /** The input was refused before anything changed: a bad argument, JSON, data or UTF-8. */
    public static class InvalidInput extends RectifyException {
        private static final long serialVersionUID = 1L;
        public InvalidInput(int code, String message) { super(code, message); }
    }

    /** An argument is missing, out of range or malformed (a bad date, an unknown kind or status). */
    public static final class Argument extends InvalidInput {
        private static final long serialVersionUID = 1L;
        public Argument(int code, String message) { super(code, message); }
    }

    /** The JSON text is not well-formed; the message gives line and column. */
    public static final class MalformedJson extends InvalidInput {
        private static final long serialVersionUID = 1L;
        public MalformedJson(int code, String message) { super(code, message); }
    }

    /** Well-formed input that breaks the schema or a data rule; the message names the field path. */
    public static final class Validation extends InvalidInput {
        private static final long serialVersionUID = 1L;
        public Validation(int code, String message) { super(code, message); }
    }

    /** Text is not valid UTF-8; the message names where. */
    public static final class Utf8 extends InvalidInput {
        private static final long serialVersionUID = 1L;
        public Utf8(int code, String message) { super(code, message); }
    }

    // --- records and their state ----------------------------------------------------------------

    /** The record named does not exist. */
    public static final class NotFound extends RectifyException {
        private static final long serialVersionUID = 1L;
        public NotFound(int code, String message) { super(code, message); }
    }

    /** The write named a version the record no longer has: someone changed it first. Reload. */
    public static final class Conflict extends RectifyException {
        private static final long serialVersionUID = 1L;
        public Conflict(int code, String message) { super(code, message); }
    }

    /** A host key (ref) or name is already used by another record of the same kind. */
    public static final class Duplicate extends RectifyException {
        private static final long serialVersionUID = 1L;
        public Duplicate(int code, String message) { super(code, message); }
    }

    /** The status machine does not allow this transition. */
    public static final class Transition extends RectifyException {
        private static final long serialVersionUID = 1L;
        public Transition(int code, String message) { super(code, message); }
    }

    /** A close-out (销号) was refused by one of its guards; the message names it. */
    public static final class Guard extends RectifyException {
        private static final long serialVersionUID = 1L;
        public Guard(int code, String message) { super(code, message); }
    }

    /** The progress listener asked a long operation to stop; it stopped and changed nothing. */
    public static final class Stopped extends RectifyException {
        private static final long serialVersionUID = 1L;
        public Stopped(int code, String message) { super(code, message); }
    }

    /** The answer depends on a date in a year the calendar has no data for. */
    public static final class UnknownDate extends RectifyException {
        private static final long serialVersionUID = 1L;
        public UnknownDate(int code, String message) { super(code, message); }
    }

    /**
     * The audit log, the records or an evidence file fail verification. {@link #report()} is the
     * verification report (JSON) when the call produced one.
     */
    public static final class Tampered extends RectifyException {
        private static final long serialVersionUID = 1L;
        private final String report;

        public Tampered(int code, String message, String report) {
            super(code, message);
            this.report = report;
        }

        /** The verification report as JSON, or null when the failing call gives none. */
        public String report() {
            return report;
        }
    }

    // --- who acts -------------------------------------------------------------------------------

    /** The actor may not do this: none is set, or its roles do not allow it. Nothing changed. */
    public static class Access extends RectifyException {
        private static final long serialVersionUID = 1L;
        public Access(int code, String message) { super(code, message); }
    }

    /** A change was attempted on a handle with no actor. */
    public static final class NoActor extends Access {
        private static final long serialVersionUID = 1L;
        public NoActor(int code, String message) { super(code, message); }
    }

    /** The actor lacks a permission here; the message names it and the roles the actor holds. */
    public static final class Denied extends Access {
        private static final long serialVersionUID = 1L;
        public Denied(int code, String message) { super(code, message); }
    }

    // --- the database file and the handle -------------------------------------------------------

    /** The database reported an error. */
    public static class Database extends RectifyException {
        private static final long serialVersionUID = 1L;
        public Database(int code, String message) { super(code, message); }
    }

    /** Another connection held the database locked for longer than the busy timeout. */
    public static final class Busy extends Database {
        private static final long serialVersionUID = 1L;
        public Busy(int code, String message) { super(code, message); }
    }

    /** The file was written by a newer rectify; it was left untouched. */
    public static final class SchemaNewer extends Database {
        private static final long serialVersionUID = 1L;
        public SchemaNewer(int code, String message) { super(code, message); }
    }

    /** The file is not a rectify database; it was left untouched. */
    public static final class NotADatabase extends Database {
        private static final long serialVersionUID = 1L;
        public NotADatabase(int code, String message) { super(code, message); }
    }

    /** A file could not be opened, read or written. */
    public static final class File extends RectifyException {
        private static final long serialVersionUID = 1L;
        public File(int code, String message) { super(code, message); }
    }

    /** The handle is in a state that does not allow the call. */
    public static class Misuse extends RectifyException {
        private static final long serialVersionUID = 1L;
        public Misuse(int code, String message) { super(code, message); }
    }

    /**
     * The Java object's handle was closed already. Thrown by the binding before any call reaches
     * the library, since a freed handle is the one thing the C API cannot check.
     */
    public static final class Closed extends Misuse {
        private static final long serialVersionUID = 1L;
        public Closed(String message) { super(RECTIFY_E_MISUSE, message); }
    }

    /** An internal failure with no better code; the message says what. */
    public static final class Internal extends RectifyException {
        private static final long serialVersionUID = 1L;
        public Internal(int code, String message) { super(code, message); }
    }

    /** The library could not allocate memory. */
    public static final class NoMemory extends RectifyException {
        private static final long serialVersionUID = 1L;
        public NoMemory(int code, String message) { super(code, message); }
    }
}
