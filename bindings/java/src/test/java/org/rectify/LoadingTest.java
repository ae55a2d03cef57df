package org.rectify;

import org.rectify.ffi.RectifyConstants;

/** Finding the library, refusing the wrong version, and turning every code into its exception. */
final class LoadingTest {
    void register(AllTests runner) {
        runner.run("loading: the loaded library is this binding's major version", this::loadedVersion);
        runner.run("loading: a named path that is not there fails naming it and what to set", this::missingPath);
        runner.run("loading: another major or an older release is refused with both versions", this::wrongVersion);
        runner.run("errors: every code has its own exception class carrying code and message", this::everyCode);
        runner.run("errors: families catch their members; an unknown code stays an error", this::families);
    }

    private void loadedVersion() {
        Check.equal(RectifyConstants.RECTIFY_VERSION_MAJOR, Rectify.versionNumber() / 10000, "major");
        Check.equal(LibraryLoader.versionText(Rectify.versionNumber()), Rectify.version(), "version text");
        Check.that(Rectify.schemaVersion() > 0, "schema version " + Rectify.schemaVersion());
        Check.equal("record not found", Rectify.strerror(RectifyConstants.RECTIFY_E_NOT_FOUND).toLowerCase(),
                    "strerror");
    }

    private void missingPath() {
        LibraryLoadException e = Check.raises(LibraryLoadException.class,
            () -> LibraryLoader.load("/nonexistent/librectify.so.0", null));
        Check.contains(e.getMessage(), "/nonexistent/librectify.so.0", "the path tried");
        Check.contains(e.getMessage(), "the system property rectify.library", "where it came from");
        Check.contains(e.getMessage(), "RECTIFY_LIBRARY", "what to set");
        e = Check.raises(LibraryLoadException.class, () -> LibraryLoader.load(null, "/nonexistent/env.so"));
        Check.contains(e.getMessage(), "the environment variable RECTIFY_LIBRARY: /nonexistent/env.so", "env");
    }

    private void wrongVersion() {
        int major = RectifyConstants.RECTIFY_VERSION_MAJOR;
        LibraryLoader.checkVersion(RectifyConstants.RECTIFY_VERSION_NUMBER, "/lib/same.so");
        LibraryLoader.checkVersion(RectifyConstants.RECTIFY_VERSION_NUMBER + 1, "/lib/newer-patch.so");
        LibraryLoadException e = Check.raises(LibraryLoadException.class,
            () -> LibraryLoader.checkVersion((major + 1) * 10000, "/lib/next-major.so"));
        Check.contains(e.getMessage(), "/lib/next-major.so is version " + (major + 1) + ".0.0", "names both");
        Check.contains(e.getMessage(), "needs " + LibraryLoader.versionText(RectifyConstants.RECTIFY_VERSION_NUMBER),
                       "names the wanted version");
        if (RectifyConstants.RECTIFY_VERSION_NUMBER > major * 10000) {
            Check.raises(LibraryLoadException.class,
                () -> LibraryLoader.checkVersion(RectifyConstants.RECTIFY_VERSION_NUMBER - 1, "/lib/older.so"));
        }
    }

    private void everyCode() throws Exception {
        java.util.Set<Class<?>> classes = new java.util.HashSet<>();
        int codes = 0;
        for (java.lang.reflect.Field field : RectifyConstants.class.getFields()) {
            if (!field.getName().startsWith("RECTIFY_E_")) {
                continue;
            }
            codes++;
            int code = field.getInt(null);
            RectifyException e = RectifyException.of(code, "what " + code);
            Check.equal(code, e.code(), field.getName());
            Check.equal("what " + code, e.getMessage(), field.getName() + " message");
            Check.that(e.getClass() != RectifyException.class, field.getName() + " has its own class");
            Check.that(classes.add(e.getClass()), field.getName() + " shares " + e.getClass().getSimpleName());
        }
        Check.equal(22, codes, "codes in errors.h");
    }

    private void families() {
        Check.that(RectifyException.of(RectifyConstants.RECTIFY_E_JSON, "") instanceof RectifyException.InvalidInput,
                   "JSON is invalid input");
        Check.that(RectifyException.of(RectifyConstants.RECTIFY_E_DENIED, "") instanceof RectifyException.Access,
                   "denied is an access error");
        Check.that(RectifyException.of(RectifyConstants.RECTIFY_E_BUSY, "") instanceof RectifyException.Database,
                   "busy is a database error");
        Check.that(new RectifyException.Closed("x") instanceof RectifyException.Misuse, "closed is misuse");
        RectifyException unknown = RectifyException.of(-999, "");
        Check.equal(RectifyException.class, unknown.getClass(), "an unknown code");
        Check.equal("rectify error -999", unknown.getMessage(), "its message without one from the library");
    }
}
