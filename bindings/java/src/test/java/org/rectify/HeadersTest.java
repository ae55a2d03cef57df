package org.rectify;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.rectify.ffi.RectifyConstants;
import org.rectify.ffi.RectifyLibrary;
import org.rectify.ffi.ProgressCallback;
import org.rectify.ffi.RowCallback;
import org.rectify.ffi.SizeT;
import org.rectify.ffi.SizeTByReference;

/**
 * The binding against the C headers, so it cannot silently fall behind the C API: every integer
 * #define is in RectifyConstants with its value, every RECTIFY_API function is declared in
 * RectifyLibrary with types that fit its prototype, every options struct is mirrored field for
 * field and starts as its _INIT macro says. And nothing is declared that the headers lack.
 */
final class HeadersTest {
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern INTEGER_DEFINE = Pattern.compile(
        "^#define\\s+(RECTIFY_\\w+)\\s+\\(?(-?(?:0x[0-9a-fA-F]+|\\d+))u?\\)?\\s*$", Pattern.MULTILINE);
    private static final Pattern FUNCTION = Pattern.compile(
        "RECTIFY_API\\s+([^;(]*?)\\s*\\b(rectify_\\w+)\\s*\\(([^)]*)\\)\\s*;", Pattern.DOTALL);
    private static final Pattern STRUCT = Pattern.compile(
        "typedef\\s+struct\\s+(\\w+)\\s*\\{(.*?)\\}\\s*\\w+\\s*;", Pattern.DOTALL);
    private static final Pattern INIT = Pattern.compile(
        "#define\\s+(RECTIFY_\\w+_INIT)\\s*\\\\?\\s*\\{([^}]*)\\}");

    private final Path includeDir;
    private String allHeaders;

    HeadersTest(Path includeDir) {
        this.includeDir = includeDir;
    }

    void register(AllTests runner) {
        runner.run("headers: every integer #define is in RectifyConstants with its value", this::constants);
        runner.run("headers: every RECTIFY_API function is declared with fitting types", this::functions);
        runner.run("headers: every options struct is mirrored and starts as its _INIT", this::structs);
    }

    private String headers() throws Exception {
        if (allHeaders == null) {
            List<Path> paths;
            try (Stream<Path> files = Files.list(includeDir)) {
                paths = files.filter(p -> p.toString().endsWith(".h")).sorted().collect(Collectors.toList());
            }
            Check.that(paths.size() >= 10, "the headers at " + includeDir + " (found " + paths.size() + ")");
            StringBuilder text = new StringBuilder();
            for (Path path : paths) {
                text.append(COMMENT.matcher(new String(Files.readAllBytes(path), StandardCharsets.UTF_8))
                                   .replaceAll("")).append('\n');
            }
            allHeaders = text.toString();
        }
        return allHeaders;
    }

    private void constants() throws Exception {
        Set<String> inHeaders = new HashSet<>();
        Matcher m = INTEGER_DEFINE.matcher(headers());
        while (m.find()) {
            String name = m.group(1);
            long value = Long.decode(m.group(2));
            inHeaders.add(name);
            Field field;
            try {
                field = RectifyConstants.class.getField(name);
            } catch (NoSuchFieldException e) {
                throw new AssertionError(name + " is not in RectifyConstants");
            }
            Check.equal(value, (long) field.getInt(null), name);
        }
        Check.that(inHeaders.size() > 80, "found the defines (" + inHeaders.size() + ")");
        inHeaders.add("RECTIFY_VERSION_NUMBER");  // an expression, checked through the version test
        for (Field field : RectifyConstants.class.getFields()) {
            Check.that(inHeaders.contains(field.getName()), field.getName() + " is in no header");
        }
    }

    private static String normalise(String cType) {
        return cType.trim().replaceAll("\\s+", " ").replaceAll("\\s*\\*", " *").replace("* *", "**");
    }

    /** What a C type of the headers must be declared as; two for const char * (text or bytes). */
    private static Set<Class<?>> javaTypesFor(String cType) {
        switch (cType) {
            case "void": return Set.of(void.class);
            case "void *": return Set.of(Pointer.class);
            case "int": case "unsigned": return Set.of(int.class);
            case "int64_t": return Set.of(long.class);
            case "size_t": return Set.of(SizeT.class);
            case "const char *": return Set.of(String.class);
            case "char *": return Set.of(byte[].class);
            case "int *": return Set.of(IntByReference.class);
            case "int64_t *": return Set.of(LongByReference.class);
            case "size_t *": return Set.of(SizeTByReference.class);
            case "char **": case "unsigned char **": return Set.of(PointerByReference.class);
            case "rectify_db *": case "rectify_calendar *": case "const rectify_calendar *": return Set.of(Pointer.class);
            case "rectify_db **": case "rectify_calendar **": return Set.of(PointerByReference.class);
            case "rectify_row_callback": return Set.of(RowCallback.class);
            case "rectify_progress_callback": return Set.of(ProgressCallback.class);
            default:
                Matcher struct = Pattern.compile("const (rectify_\\w+) \\*").matcher(cType);
                if (struct.matches()) {
                    return Set.of(structClass(struct.group(1)));
                }
                throw new AssertionError("no Java type is known for the C type '" + cType + "'");
        }
    }

    /** rectify_open_options → org.rectify.ffi.OpenOptions. */
    private static Class<?> structClass(String cName) {
        StringBuilder name = new StringBuilder("org.rectify.ffi.");
        for (String part : cName.substring("rectify_".length()).split("_")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        try {
            return Class.forName(name.toString());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(cName + " has no mirror " + name);
        }
    }

    private void functions() throws Exception {
        Map<String, Method> declared = new HashMap<>();
        for (Method method : RectifyLibrary.class.getDeclaredMethods()) {
            Check.that(declared.put(method.getName(), method) == null, method.getName() + " declared twice");
        }
        Set<String> inHeaders = new HashSet<>();
        Matcher m = FUNCTION.matcher(headers());
        while (m.find()) {
            String name = m.group(2);
            inHeaders.add(name);
            Method method = declared.get(name);
            Check.that(method != null, name + " is not declared in RectifyLibrary");
            Class<?> returned = method.getReturnType();
            Check.that(javaTypesFor(normalise(m.group(1))).contains(returned),
                       name + " returns " + returned.getSimpleName() + ", not a fit for " + m.group(1));
            List<String> cParams = new ArrayList<>();
            String params = m.group(3).trim();
            if (!params.equals("void")) {
                for (String param : params.split(",")) {
                    Matcher typeAndName = Pattern.compile("^(.*?)(\\w+)$").matcher(param.trim());
                    Check.that(typeAndName.matches(), name + ": cannot read the parameter " + param);
                    cParams.add(normalise(typeAndName.group(1)));
                }
            }
            Class<?>[] javaParams = method.getParameterTypes();
            Check.equal(cParams.size(), javaParams.length, name + ": parameter count");
            for (int i = 0; i < javaParams.length; i++) {
                Set<Class<?>> fits = javaTypesFor(cParams.get(i));
                // Text with a length after it is sent as bytes: a String's length is not its bytes'.
                if (cParams.get(i).equals("const char *") && i + 1 < cParams.size()
                    && cParams.get(i + 1).equals("size_t")) {
                    fits = Set.of(byte[].class);
                }
                Check.that(fits.contains(javaParams[i]), name + ": parameter " + (i + 1) + " is "
                           + javaParams[i].getSimpleName() + ", not a fit for " + cParams.get(i));
            }
        }
        Check.that(inHeaders.size() > 80, "found the functions (" + inHeaders.size() + ")");
        for (String name : declared.keySet()) {
            Check.that(inHeaders.contains(name), name + " is declared but in no header");
        }
    }

    private void structs() throws Exception {
        Map<String, String> inits = new HashMap<>();
        Matcher init = INIT.matcher(headers());
        while (init.find()) {
            inits.put(init.group(1), init.group(2));
        }
        Matcher m = STRUCT.matcher(headers());
        int seen = 0;
        while (m.find()) {
            seen++;
            String cName = m.group(1);
            Class<?> mirror = structClass(cName);
            Structure instance = (Structure) mirror.getDeclaredConstructor().newInstance();
            List<String> cFields = new ArrayList<>();
            List<String> cTypes = new ArrayList<>();
            for (String line : m.group(2).split(";")) {
                Matcher field = Pattern.compile("^(.*?)(\\w+)$").matcher(line.trim());
                if (line.trim().isEmpty()) {
                    continue;
                }
                Check.that(field.matches(), cName + ": cannot read the field " + line);
                cTypes.add(normalise(field.group(1)));
                cFields.add(field.group(2));
            }
            List<String> order = mirror.getAnnotation(Structure.FieldOrder.class) == null ? List.of()
                : List.of(mirror.getAnnotation(Structure.FieldOrder.class).value());
            Check.equal(cFields, order, cName + ": field order");
            String[] initial = inits.get(cName.toUpperCase() + "_INIT").split(",");
            Check.equal(cFields.size(), initial.length, cName + ": values in its _INIT");
            for (int i = 0; i < cFields.size(); i++) {
                Field field = mirror.getField(cFields.get(i));
                Check.that(Modifier.isPublic(field.getModifiers()), cName + "." + cFields.get(i) + " is public");
                Check.that(javaTypesFor(cTypes.get(i)).contains(field.getType()),
                           cName + "." + cFields.get(i) + " is " + field.getType().getSimpleName());
                Check.equal(initValue(initial[i].trim(), field.getType()), field.get(instance),
                            cName + "." + cFields.get(i) + " as its _INIT macro sets it");
            }
        }
        Check.equal(8, seen, "options structs in the headers");
    }

    /** A value of an _INIT macro as the mirror holds it: NULL is null, 0 and 0u are zero. */
    private static Object initValue(String token, Class<?> type) throws Exception {
        if (token.equals("NULL")) {
            return null;
        }
        int value = token.startsWith("RECTIFY_") ? RectifyConstants.class.getField(token).getInt(null)
                                                 : Integer.decode(token.replaceAll("u$", ""));
        return type == long.class ? (Object) (long) value : (Object) value;
    }
}
