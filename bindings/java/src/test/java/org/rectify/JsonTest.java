package org.rectify;

import java.util.List;
import java.util.Map;

/** The small JSON reader: what the library writes reads back; anything else is refused. */
final class JsonTest {
    void register(AllTests runner) {
        runner.run("json: objects, arrays, strings with escapes, numbers, literals", this::values);
        runner.run("json: malformed text is refused naming the offset", this::malformed);
    }

    private void values() {
        Map<String, Object> o = Json.object(
            "{\"a\": [1, -2, 3.5e1, true, false, null], \"s\": \"市\\u5987联\\n\\\"x\\\" \\ud83d\\ude00\", \"e\": {}}");
        Check.equal(List.of(1L, -2L, 35.0, true, false), ((List<?>) o.get("a")).subList(0, 5), "array");
        Check.that(((List<?>) o.get("a")).get(5) == null, "null");
        Check.equal("市妇联\n\"x\" \uD83D\uDE00", o.get("s"), "string");
        Check.equal(Map.of(), o.get("e"), "empty object");
        Check.equal(List.of("a", "s", "e"), List.copyOf(o.keySet()), "key order");
        Check.equal(List.of(), Json.array(" [ ] "), "empty array");
    }

    private void malformed() {
        for (String bad : new String[] {"", "{", "[1,]", "{\"a\" 1}", "\"open", "tru", "[1] x", "{1: 2}"}) {
            IllegalArgumentException e = Check.raises(IllegalArgumentException.class, () -> Json.parse(bad));
            Check.contains(e.getMessage(), "JSON at offset", bad);
        }
        Check.raises(IllegalArgumentException.class, () -> Json.object("[]"));
    }
}
