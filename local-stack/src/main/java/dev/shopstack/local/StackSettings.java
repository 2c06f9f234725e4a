package dev.shopstack.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What the launcher needs to know.
 *
 * @param root the repository root, where each module's {@code target/<module>.jar} is
 * @param workDir holds {@code data/} (databases, broker log, signing keys: kept between runs) and {@code logs/}
 * @param ports where everything listens
 * @param jvmOptions options for each service JVM
 * @param extraArgs additional Spring arguments per service name (tests use it to shorten timeouts)
 * @param startTimeout how long to wait for everything to become healthy
 * @param startupCache whether the Spring Boot applications start from a class data sharing archive or AOT cache
 *     ({@link StartupCache}), made by a training run on the first start
 */
public record StackSettings(
        Path root,
        Path workDir,
        Ports ports,
        List<String> jvmOptions,
        Map<String, List<String>> extraArgs,
        Duration startTimeout,
        boolean startupCache) {

    static final List<String> DEFAULT_JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC", "-Xss512k", "-Xmx256m", "-XX:+ExitOnOutOfMemoryError");

    /**
     * Settings from the environment: {@code SHOP_HOME}, {@code SHOP_JVM_OPTS}, {@code SHOP_STARTUP_CACHE} ({@code off}
     * starts from the plain jars) and the port variables.
     */
    public static StackSettings fromEnvironment(Path root, UnaryOperator<String> env) {
        String home = env.apply("SHOP_HOME");
        String jvm = env.apply("SHOP_JVM_OPTS");
        return new StackSettings(root,
                home == null || home.isBlank() ? root.resolve(".local") : Path.of(home),
                Ports.fromEnvironment(env),
                jvm == null || jvm.isBlank() ? DEFAULT_JVM_OPTIONS : List.of(jvm.trim().split("\\s+")),
                Map.of(),
                Duration.ofMinutes(4),
                !"off".equalsIgnoreCase(env.apply("SHOP_STARTUP_CACHE")));
    }

    public Path dataDir() {
        return workDir.resolve("data");
    }

    public Path startupCacheDir() {
        return workDir.resolve("startup-cache");
    }

    public Path logsDir() {
        return workDir.resolve("logs");
    }

    public StackSettings withWorkDir(Path dir) {
        return new StackSettings(root, dir, ports, jvmOptions, extraArgs, startTimeout, startupCache);
    }

    public StackSettings withPorts(Ports newPorts) {
        return new StackSettings(root, workDir, newPorts, jvmOptions, extraArgs, startTimeout, startupCache);
    }

    public StackSettings withExtraArgs(Map<String, List<String>> args) {
        return new StackSettings(root, workDir, ports, jvmOptions, Map.copyOf(args), startTimeout, startupCache);
    }
}
