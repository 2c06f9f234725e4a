package dev.shopstack.sandbox.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds Stripe-shaped JSON objects, which name their empty fields with {@code null} rather than leaving them out. */
public final class Json {

    private Json() {}

    /** {@code object("id", "pi_1", "amount", 100)}: keys and values in turn, nulls kept. */
    public static Map<String, Object> object(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must come in pairs");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
