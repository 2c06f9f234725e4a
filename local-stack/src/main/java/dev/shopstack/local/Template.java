package dev.shopstack.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A configuration file shipped as a resource next to this class, with {@code ${name}} placeholders. Every
 * placeholder must have a value and every value a placeholder: a misspelt name fails instead of writing a broken file.
 */
final class Template {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-zA-Z][a-zA-Z0-9.-]*)}");

    private final String name;
    private final String text;

    private Template(String name, String text) {
        this.name = name;
        this.text = text;
    }

    static Template resource(String name) {
        try (InputStream in = Template.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Template " + name + " is missing from the launcher's jar");
            }
            return new Template(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Template of(String name, String text) {
        return new Template(name, text);
    }

    String render(Map<String, ?> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        Set<String> used = new HashSet<>();
        while (matcher.find()) {
            String key = matcher.group(1);
            Object value = values.get(key);
            if (value == null) {
                throw new IllegalArgumentException(name + " needs a value for ${" + key + "}");
            }
            used.add(key);
            matcher.appendReplacement(out, Matcher.quoteReplacement(value.toString()));
        }
        matcher.appendTail(out);
        if (!used.containsAll(values.keySet())) {
            throw new IllegalArgumentException(name + " has no place for "
                    + values.keySet().stream()
                            .filter(key -> !used.contains(key))
                            .toList());
        }
        return out.toString();
    }
}
