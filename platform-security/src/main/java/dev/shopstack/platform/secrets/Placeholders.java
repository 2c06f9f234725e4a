package dev.shopstack.platform.secrets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Values that are published and so never secret: those of {@code .env.example}, the {@code local} profiles, the
 * dev overlay and the Kubernetes secrets template. Read from every {@value #RESOURCE} on the class path, one per
 * line: a value, or {@code contains:TEXT} for a marker such as {@code REPLACE_ME} (case-insensitive).
 */
public final class Placeholders {

    public static final String RESOURCE = "META-INF/shopstack/secret-placeholders.txt";
    private static final String CONTAINS = "contains:";

    private final Set<String> values;
    private final List<String> markers;

    public Placeholders(Set<String> values, List<String> markers) {
        this.values = Set.copyOf(values);
        this.markers =
                markers.stream().map(marker -> marker.toLowerCase(Locale.ROOT)).toList();
    }

    public static Placeholders fromClassPath(ClassLoader loader) {
        Set<String> values = new HashSet<>();
        List<String> markers = new ArrayList<>();
        try {
            for (URL url : Collections.list(loader.getResources(RESOURCE))) {
                try (var reader = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
                    reader.lines()
                            .map(String::strip)
                            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                            .forEach(line -> {
                                if (line.startsWith(CONTAINS)) {
                                    markers.add(line.substring(CONTAINS.length()));
                                } else {
                                    values.add(line);
                                }
                            });
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        return new Placeholders(values, markers);
    }

    public boolean matches(String value) {
        String lower = value.strip().toLowerCase(Locale.ROOT);
        return values.contains(value.strip()) || markers.stream().anyMatch(lower::contains);
    }
}
