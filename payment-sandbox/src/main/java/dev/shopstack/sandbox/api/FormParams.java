package dev.shopstack.sandbox.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request's parameters in Stripe's bracket notation ({@code metadata[order_id]=7},
 * {@code automatic_payment_methods[enabled]=true}, {@code expand[0]=latest_charge} or {@code expand[]=...}), as a tree
 * of at most three levels. Tomcat has already bounded the count and size; names are bounded here. Every accessor
 * answers Stripe's own 400 errors for a value of the wrong kind.
 */
public final class FormParams {

    private static final Pattern NAME = Pattern.compile("([a-z_]{1,60})((?:\\[[^\\[\\]]{0,40}\\]){0,2})");
    private static final Pattern BRACKET = Pattern.compile("\\[([^\\[\\]]*)\\]");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,15}");

    private final String prefix;
    /** name → {@code List<String>} (values) or {@code FormParams} (nested) */
    private final Map<String, Object> entries = new LinkedHashMap<>();

    private FormParams(String prefix) {
        this.prefix = prefix;
    }

    public static FormParams parse(Map<String, String[]> parameters) {
        FormParams root = new FormParams("");
        new TreeMap<>(parameters).forEach((key, values) -> {
            Matcher name = NAME.matcher(key);
            if (!name.matches()) {
                throw StripeApiException.invalid(
                        null, "parameter_unknown", "Received unknown parameter: " + Ids.printable(key));
            }
            List<String> path = new ArrayList<>();
            path.add(name.group(1));
            Matcher bracket = BRACKET.matcher(name.group(2));
            while (bracket.find()) {
                path.add(bracket.group(1));
            }
            root.put(path, List.of(values));
        });
        return root;
    }

    @SuppressWarnings("unchecked")
    private void put(List<String> path, List<String> values) {
        String head = path.get(0);
        if (path.size() == 1) {
            Object existing = entries.get(head);
            if (existing instanceof FormParams) {
                throw conflicting(head);
            }
            List<String> all = existing == null ? new ArrayList<>() : new ArrayList<>((List<String>) existing);
            all.addAll(values);
            entries.put(head, all);
            return;
        }
        Object child = entries.computeIfAbsent(head, key -> new FormParams(fullName(key)));
        if (!(child instanceof FormParams nested)) {
            throw conflicting(head);
        }
        nested.put(path.subList(1, path.size()), values);
    }

    private StripeApiException conflicting(String key) {
        return StripeApiException.invalid(
                fullName(key),
                "parameter_invalid_string",
                "Invalid value for " + fullName(key) + ": it cannot be both a value and a hash.");
    }

    /** The name a nested key has in the request, as error messages quote it. */
    public String fullName(String key) {
        return prefix.isEmpty() ? key : prefix + "[" + key + "]";
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public boolean has(String name) {
        return entries.containsKey(name);
    }

    /** Whether the parameter was sent as a hash ({@code name[key]=...}). */
    public boolean isHash(String name) {
        return entries.get(name) instanceof FormParams;
    }

    /** Refuses every parameter not named, as Stripe does ({@code parameter_unknown}). */
    public FormParams allowOnly(Set<String> names) {
        for (String key : entries.keySet()) {
            if (!names.contains(key)) {
                throw StripeApiException.unknownParameter(fullName(key));
            }
        }
        return this;
    }

    /** The single value of a parameter, or null when absent. */
    public String string(String name) {
        Object value = entries.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> values)) {
            throw StripeApiException.invalid(
                    fullName(name),
                    "parameter_invalid_string",
                    "Invalid string: {...}. " + fullName(name) + " must be a string.");
        }
        if (values.size() != 1) {
            throw StripeApiException.invalid(
                    fullName(name),
                    "parameter_invalid_string",
                    "Invalid value for " + fullName(name) + ": it was given more than once.");
        }
        return (String) values.get(0);
    }

    /** A string of at most {@code maxLength} characters, or null when absent; an empty string counts as absent. */
    public String string(String name, int maxLength) {
        String value = string(name);
        if (value != null && value.length() > maxLength) {
            throw StripeApiException.invalid(
                    fullName(name),
                    "parameter_invalid_string_too_long",
                    fullName(name) + " can be at most " + maxLength + " characters long.");
        }
        return value == null || value.isEmpty() ? null : value;
    }

    public String requiredString(String name, int maxLength) {
        String value = string(name, maxLength);
        if (value == null) {
            throw StripeApiException.missing(fullName(name));
        }
        return value;
    }

    /** An integer, or null when absent. */
    public Long integer(String name) {
        String value = string(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!INTEGER.matcher(value).matches()) {
            throw StripeApiException.invalid(
                    fullName(name), "parameter_invalid_integer", "Invalid integer: " + Ids.printable(value));
        }
        return Long.parseLong(value);
    }

    /** A boolean, or null when absent. */
    public Boolean bool(String name) {
        String value = string(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default ->
                throw StripeApiException.invalid(
                        fullName(name), "parameter_invalid_boolean", "Invalid boolean: " + Ids.printable(value));
        };
    }

    /** A nested hash ({@code name[key]=...}); empty when absent. */
    public FormParams hash(String name) {
        Object value = entries.get(name);
        if (value == null) {
            return new FormParams(fullName(name));
        }
        if (value instanceof FormParams nested) {
            return nested;
        }
        if (value instanceof List<?> values && values.size() == 1 && "".equals(values.get(0))) {
            return new FormParams(fullName(name)); // name= is how a client sends an empty hash
        }
        throw StripeApiException.invalid(
                fullName(name), "parameter_invalid_string", "Invalid hash: " + fullName(name) + " must be a hash.");
    }

    /** A list, sent as {@code name[0]=a&name[1]=b} (stripe-java) or {@code name[]=a&name[]=b}; empty when absent. */
    public List<String> list(String name) {
        Object value = entries.get(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> values) {
            return values.size() == 1 && "".equals(values.get(0)) ? List.of() : castStrings(values);
        }
        FormParams nested = (FormParams) value;
        TreeMap<Integer, List<String>> byIndex = new TreeMap<>();
        for (Map.Entry<String, Object> entry : nested.entries.entrySet()) {
            String index = entry.getKey();
            if (!(entry.getValue() instanceof List<?> items) || !(index.isEmpty() || index.matches("\\d{1,3}"))) {
                throw StripeApiException.invalid(
                        fullName(name),
                        "parameter_invalid_array",
                        "Invalid array: " + fullName(name) + " must be a list of strings.");
            }
            byIndex.put(index.isEmpty() ? -1 : Integer.parseInt(index), castStrings(items));
        }
        List<String> all = new ArrayList<>();
        byIndex.values().forEach(all::addAll);
        return all;
    }

    /** The string values of a nested hash, in request order ({@code metadata[key]=value}). */
    public Map<String, String> strings() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : entries.keySet()) {
            values.put(key, string(key));
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private static List<String> castStrings(List<?> values) {
        return (List<String>) values;
    }
}
