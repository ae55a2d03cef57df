package org.rectify;

import java.util.Objects;

/**
 * The few assertions the tests need (no JUnit on the build machines): each throws
 * AssertionError with what was expected and what came.
 */
final class Check {
    private Check() {}

    static void that(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }

    static void equal(Object expected, Object actual, String what) {
        if (!Objects.equals(expected, actual)) {
            throw new AssertionError(what + ": expected <" + expected + "> but was <" + actual + ">");
        }
    }

    static void contains(String haystack, String needle, String what) {
        if (haystack == null || !haystack.contains(needle)) {
            throw new AssertionError(what + ": <" + needle + "> not in <" + haystack + ">");
        }
    }

    /** Runs body, which must throw exactly an instance of type (a subclass is accepted); returns it. */
    static <T extends Throwable> T raises(Class<T> type, Runnable body) {
        try {
            body.run();
        } catch (Throwable e) {
            if (type.isInstance(e)) {
                return type.cast(e);
            }
            throw new AssertionError("expected " + type.getName() + " but got " + e, e);
        }
        throw new AssertionError("expected " + type.getName() + " but nothing was thrown");
    }
}
