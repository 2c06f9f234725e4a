package dev.shopstack.sandbox.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** Stripe's metadata rules: at most 50 keys of at most 40 characters, values of at most 500; empty means unset. */
public final class Metadata {

    static final int MAX_KEYS = 50;
    static final int MAX_KEY_LENGTH = 40;
    static final int MAX_VALUE_LENGTH = 500;

    private Metadata() {}

    public static Map<String, String> from(FormParams params) {
        FormParams metadata = params.hash("metadata");
        Map<String, String> values = new LinkedHashMap<>();
        metadata.strings().forEach((key, value) -> {
            if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
                throw StripeApiException.invalid(
                        "metadata",
                        "parameter_invalid_string",
                        "Metadata keys must be between 1 and " + MAX_KEY_LENGTH + " characters long.");
            }
            if (value.length() > MAX_VALUE_LENGTH) {
                throw StripeApiException.invalid(
                        metadata.fullName(key),
                        "parameter_invalid_string",
                        "Metadata values can have up to " + MAX_VALUE_LENGTH + " characters, but you passed in a "
                                + "value that is " + value.length() + " characters.");
            }
            if (!value.isEmpty()) {
                values.put(key, value);
            }
        });
        if (values.size() > MAX_KEYS) {
            throw StripeApiException.invalid(
                    "metadata",
                    "parameter_invalid_string",
                    "You can have up to " + MAX_KEYS + " metadata keys, but you passed in " + values.size() + ".");
        }
        return values;
    }
}
