package dev.shopstack.platform.secrets;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Checks every declared secret against its rule and the known placeholders, and names every problem at once, so an
 * operator fixes them in one round. Knows nothing of Spring: {@code lookup} reads the configuration.
 */
public final class SecretsCheck {

    private final Placeholders placeholders;

    public SecretsCheck(Placeholders placeholders) {
        this.placeholders = placeholders;
    }

    /** The problems, one line each, in the order of the secrets' names; empty when all is well. */
    public List<String> problems(Map<String, SecretRule> rules, Function<String, String> lookup) {
        List<String> problems = new ArrayList<>();
        new TreeMap<>(rules).forEach((name, rule) -> {
            String value = lookup.apply(rule.property());
            String where = rule.property() + " (" + rule.envOrDerived() + ")";
            String problem = problem(rule, value);
            if (problem != null) {
                problems.add(name + ": " + where + " " + problem);
            }
        });
        return problems;
    }

    private String problem(SecretRule rule, String value) {
        if (value == null || value.isBlank()) {
            return "is missing";
        }
        return switch (rule.kind()) {
            case TEXT -> text(value, rule.minLength(), "characters");
            case URL_PASSWORD -> urlPasswords(value, rule.minLength());
            case BASE64_KEY -> base64Key(value, rule.minLength());
            case KEY_DIRECTORY -> keyDirectory(value);
        };
    }

    private String text(String value, int minLength, String unit) {
        if (placeholders.matches(value)) {
            return "is a known placeholder (from .env.example, a local profile or the secrets template)";
        }
        return value.length() < minLength ? "is shorter than " + minLength + " " + unit : null;
    }

    private String urlPasswords(String urls, int minLength) {
        for (String url : urls.split(",")) {
            String userInfo = userInfo(url.trim());
            int colon = userInfo == null ? -1 : userInfo.indexOf(':');
            if (colon < 0 || colon == userInfo.length() - 1) {
                return "has a URL without user and password";
            }
            String problem = text(
                    URLDecoder.decode(userInfo.substring(colon + 1), StandardCharsets.UTF_8), minLength, "characters");
            if (problem != null) {
                return "has a password that " + problem;
            }
        }
        return null;
    }

    private static String userInfo(String url) {
        try {
            return new URI(url).getRawUserInfo();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private String base64Key(String value, int minBytes) {
        if (placeholders.matches(value)) {
            return "is a known placeholder (from .env.example, a local profile or the secrets template)";
        }
        try {
            int bytes = Base64.getDecoder().decode(value.trim()).length;
            return bytes < minBytes ? "decodes to " + bytes + " bytes, fewer than " + minBytes : null;
        } catch (IllegalArgumentException notBase64) {
            return "is not base64";
        }
    }

    private static String keyDirectory(String directory) {
        Path path = Path.of(directory);
        if (!Files.isDirectory(path)) {
            return "is not a directory";
        }
        try (Stream<Path> files = Files.list(path)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".pem")) ? null : "holds no .pem key";
        } catch (IOException e) {
            return "cannot be read";
        }
    }
}
