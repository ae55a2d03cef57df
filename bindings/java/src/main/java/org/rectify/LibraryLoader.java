package org.rectify;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Map;
import org.rectify.ffi.RectifyConstants;
import org.rectify.ffi.RectifyLibrary;

/**
 * Finds librectify, checks its version, and hands out the one loaded instance.
 *
 * <p>Where the library is looked for, in order:
 * <ol>
 *   <li>the system property {@code rectify.library}, a full path;</li>
 *   <li>the environment variable {@code RECTIFY_LIBRARY}, a full path;</li>
 *   <li>JNA's own search for "rectify": {@code jna.library.path}, then the system's
 *       ({@code LD_LIBRARY_PATH}, the ld.so cache).</li>
 * </ol>
 * When a path is named nothing else is tried: a host that names a library means that one, and
 * silently loading another would hide the mistake.
 */
final class LibraryLoader {
    static final String PROPERTY = "rectify.library";
    static final String ENVIRONMENT = "RECTIFY_LIBRARY";

    // Strings cross the ABI as UTF-8 whatever the JVM's default charset is.
    private static final Map<String, Object> OPTIONS = Map.of(Library.OPTION_STRING_ENCODING, "UTF-8");

    private static RectifyLibrary instance;

    private LibraryLoader() {}

    /** The library, loaded and checked on first use; a failure is thrown again on every call. */
    static synchronized RectifyLibrary library() {
        if (instance == null) {
            instance = load(System.getProperty(PROPERTY), System.getenv(ENVIRONMENT));
        }
        return instance;
    }

    /** Loads from the named path (property first, then environment) or JNA's search, and checks it. */
    static RectifyLibrary load(String property, String environment) {
        String where;
        String name;
        if (property != null && !property.isEmpty()) {
            where = "the system property " + PROPERTY;
            name = property;
        } else if (environment != null && !environment.isEmpty()) {
            where = "the environment variable " + ENVIRONMENT;
            name = environment;
        } else {
            where = "JNA's search (jna.library.path, then the system)";
            name = "rectify";
        }
        RectifyLibrary library;
        try {
            library = Native.load(name, RectifyLibrary.class, OPTIONS);
        } catch (UnsatisfiedLinkError e) {
            throw new LibraryLoadException(
                "librectify was not found: tried " + where + ": " + name + " (" + e.getMessage() + ").\n"
                + "Set the system property " + PROPERTY + " or the environment variable " + ENVIRONMENT
                + " to the full path of librectify.so." + RectifyConstants.RECTIFY_VERSION_MAJOR
                + ", or add its folder to jna.library.path.", e);
        }
        checkVersion(versionOf(library, name), name);
        return library;
    }

    private static int versionOf(RectifyLibrary library, String path) {
        try {
            return library.rectify_version_number();
        } catch (UnsatisfiedLinkError e) {
            throw new LibraryLoadException(
                path + " does not export rectify_version_number(): it is not librectify.", e);
        }
    }

    /**
     * Refuses a library of another major version, or an older release than the headers this
     * binding mirrors. Within a major nothing is removed or changed (docs/design.md, C API conventions),
     * so a library of the same major at least as new has every function the binding declares.
     */
    static void checkVersion(int number, String path) {
        int wanted = RectifyConstants.RECTIFY_VERSION_NUMBER;
        if (number / 10000 != RectifyConstants.RECTIFY_VERSION_MAJOR || number < wanted) {
            throw new LibraryLoadException(
                "librectify at " + path + " is version " + versionText(number) + " (rectify_version_number() = "
                + number + "), but this Java binding needs " + versionText(wanted) + " or a later "
                + RectifyConstants.RECTIFY_VERSION_MAJOR + ".x release. Install a matching librectify or point "
                + PROPERTY + " / " + ENVIRONMENT + " at one.", null);
        }
    }

    static String versionText(int number) {
        return (number / 10000) + "." + (number / 100 % 100) + "." + (number % 100);
    }
}
