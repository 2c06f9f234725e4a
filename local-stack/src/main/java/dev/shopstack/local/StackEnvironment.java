package dev.shopstack.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the launcher's settings from environment variables; every value is checked here, with the variable's name. */
final class StackEnvironment {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})(ms|s|m|h)");

    private StackEnvironment() {}

    /**
     * Settings from the environment: {@code SHOP_HOME}, {@code SHOP_JVM_OPTS}, {@code SHOP_STARTUP_CACHE} ({@code off}
     * starts from the plain jars), {@code SHOP_STARTUP_CACHE_DIR}, {@code SHOP_BIND_ADDRESS}, {@code SHOP_REPLICAS},
     * {@code SHOP_ZIPKIN} ({@code off}), {@code SHOP_MONITORING} ({@code on}), {@code SHOP_PROMETHEUS_SCRAPE_INTERVAL},
     * {@code SHOP_PROMETHEUS_EVALUATION_INTERVAL}, {@code SHOP_ALERT_FOR_MAX}, {@code SHOP_RESTARTS} ({@code off}),
     * {@code SHOP_DRAIN_PERIOD}, {@code SHOP_START_TIMEOUT}, {@code EUREKA_USERNAME}, {@code EUREKA_PASSWORD} and the port variables.
     */
    static StackSettings read(Path root, UnaryOperator<String> env) {
        String home = env.apply("SHOP_HOME");
        String jvm = env.apply("SHOP_JVM_OPTS");
        String cacheDir = env.apply("SHOP_STARTUP_CACHE_DIR");
        String user = env.apply("EUREKA_USERNAME");
        String password = env.apply("EUREKA_PASSWORD");
        Monitoring monitoring = Monitoring.OFF
                .withEnabled(isOn(env.apply("SHOP_MONITORING"), false))
                .withIntervals(
                        duration(env, "SHOP_PROMETHEUS_SCRAPE_INTERVAL", Duration.ofSeconds(15)),
                        duration(env, "SHOP_PROMETHEUS_EVALUATION_INTERVAL", Duration.ofSeconds(15)))
                .withAlertForAtMost(duration(env, "SHOP_ALERT_FOR_MAX", null));
        return new StackSettings(
                root,
                blank(home) ? root.resolve(".local") : Path.of(home),
                Ports.fromEnvironment(env),
                blank(env.apply("SHOP_BIND_ADDRESS"))
                        ? "127.0.0.1"
                        : env.apply("SHOP_BIND_ADDRESS").trim(),
                blank(jvm)
                        ? StackSettings.DEFAULT_JVM_OPTIONS
                        : List.of(jvm.trim().split("\\s+")),
                Map.of(),
                duration(env, "SHOP_START_TIMEOUT", Duration.ofMinutes(4)),
                isOn(env.apply("SHOP_STARTUP_CACHE"), true),
                blank(cacheDir) ? defaultCacheDir(env) : Path.of(cacheDir),
                replicas(env.apply("SHOP_REPLICAS"), "SHOP_REPLICAS"),
                isOn(env.apply("SHOP_ZIPKIN"), true),
                monitoring,
                blank(user) && blank(password)
                        ? DiscoveryCredentials.LOCAL
                        : new DiscoveryCredentials(blank(user) ? "eureka" : user, password),
                isOn(env.apply("SHOP_RESTARTS"), true) ? RestartPolicy.DEFAULT : RestartPolicy.NEVER,
                duration(env, "SHOP_DRAIN_PERIOD", Duration.ofSeconds(12)));
    }

    /** {@code 15s}, {@code 500ms}, {@code 2m}, {@code 1h}. */
    static Duration parseDuration(String text, String what) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    what + " must be a duration such as 500ms, 15s, 2m or 1h, not '" + text + "'");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    private static Duration duration(UnaryOperator<String> env, String name, Duration fallback) {
        String value = env.apply(name);
        return blank(value) ? fallback : parseDuration(value, name);
    }

    static int replicas(String value, String what) {
        if (blank(value)) {
            return 1;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a number of instances, not '" + value + "'");
        }
    }

    private static boolean isOn(String value, boolean fallback) {
        if (blank(value)) {
            return fallback;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes", "1" -> true;
            case "off", "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException("Expected on or off, not '" + value + "'");
        };
    }

    private static Path defaultCacheDir(UnaryOperator<String> env) {
        String xdg = env.apply("XDG_CACHE_HOME");
        Path base = blank(xdg) ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(xdg);
        return base.resolve("shopstack").resolve("startup-cache");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
