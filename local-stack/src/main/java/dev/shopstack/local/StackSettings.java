package dev.shopstack.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the launcher needs to know.
 *
 * @param root the repository root, where each module's {@code target/<module>.jar} is
 * @param workDir holds {@code data/} (databases, broker log, signing keys: kept between runs) and {@code logs/}
 * @param ports where everything listens
 * @param bindAddress the address every process listens on (IPv4); {@code 0.0.0.0} for all interfaces
 * @param jvmOptions options for each Spring Boot JVM
 * @param extraArgs additional Spring arguments per module or instance name (tests use it to shorten timeouts)
 * @param startTimeout how long to wait for everything to become healthy
 * @param startupCache whether the Spring Boot applications start from a class data sharing archive or AOT cache
 *     ({@link StartupCache}), made by a training run when none exists for the same jar
 * @param startupCacheDir where those caches live, shared by every stack on the machine
 * @param replicas instances of every service and of the gateway; from 2 on, discovery runs as two peers
 * @param zipkin whether to run Zipkin and send every span there
 * @param monitoring the optional Prometheus
 * @param discoveryCredentials HTTP Basic credentials of discovery
 * @param restartPolicy what happens when a child exits unexpectedly
 * @param drainPeriod in a rolling restart, how long an instance is out of service in discovery before SIGTERM
 */
public record StackSettings(
        Path root,
        Path workDir,
        Ports ports,
        String bindAddress,
        List<String> jvmOptions,
        Map<String, List<String>> extraArgs,
        Duration startTimeout,
        boolean startupCache,
        Path startupCacheDir,
        int replicas,
        boolean zipkin,
        Monitoring monitoring,
        DiscoveryCredentials discoveryCredentials,
        RestartPolicy restartPolicy,
        Duration drainPeriod) {

    // a small initial heap: without -Xms the heap starts at -Xmx (a 64th of a large machine's RAM is more), and
    // the serial collector keeps the memory it once touched resident; now the heap grows with each service's load
    static final List<String> DEFAULT_JVM_OPTIONS =
            List.of("-XX:+UseSerialGC", "-Xss512k", "-Xms64m", "-Xmx256m", "-XX:+ExitOnOutOfMemoryError");
    static final int MAX_REPLICAS = 5;
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    public StackSettings {
        extraArgs = Map.copyOf(extraArgs);
        jvmOptions = List.copyOf(jvmOptions);
        requireIpv4(bindAddress);
        if (replicas < 1 || replicas > MAX_REPLICAS) {
            throw new IllegalArgumentException("replicas must be 1 to " + MAX_REPLICAS + ", not " + replicas);
        }
    }

    /** Settings from the environment variables ({@link StackEnvironment} lists them). */
    public static StackSettings fromEnvironment(Path root, UnaryOperator<String> env) {
        return StackEnvironment.read(root, env);
    }

    /** The launcher's options: {@code --replicas N}, {@code --monitoring}, {@code --no-zipkin}. */
    public StackSettings withCommandLine(List<String> args) {
        StackSettings settings = this;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--monitoring")) {
                settings = settings.withMonitoring(monitoring.withEnabled(true));
            } else if (arg.equals("--no-zipkin")) {
                settings = settings.withZipkin(false);
            } else if (arg.startsWith("--replicas=")) {
                settings = settings.withReplicas(
                        StackEnvironment.replicas(arg.substring("--replicas=".length()), "--replicas"));
            } else if (arg.equals("--replicas") && i + 1 < args.size()) {
                settings = settings.withReplicas(StackEnvironment.replicas(args.get(++i), "--replicas"));
            } else {
                throw new IllegalArgumentException("Unknown option " + arg + "\n" + USAGE);
            }
        }
        return settings;
    }

    public static final String USAGE = """
            Usage: ./run-local [--replicas N] [--monitoring] [--no-zipkin]
              --replicas N   N (2..5) instances of every service and of the gateway, two discovery peers
              --monitoring   also Prometheus (the operating system's package) with the project's alert rules
              --no-zipkin    no Zipkin, no span export (same as SHOP_ZIPKIN=off)""";

    /** The address to connect to and to register: the bind address, or 127.0.0.1 when binding to all interfaces. */
    public String hostAddress() {
        return bindAddress.equals("0.0.0.0") ? "127.0.0.1" : bindAddress;
    }

    /** The host name in URLs printed for people. */
    public String publicHost() {
        return hostAddress().equals("127.0.0.1") ? "localhost" : hostAddress();
    }

    public Path dataDir() {
        return workDir.resolve("data");
    }

    public Path logsDir() {
        return workDir.resolve("logs");
    }

    public StackSettings withWorkDir(Path dir) {
        return copy(c -> c.workDir = dir);
    }

    public StackSettings withPorts(Ports newPorts) {
        return copy(c -> c.ports = newPorts);
    }

    public StackSettings withExtraArgs(Map<String, List<String>> args) {
        return copy(c -> c.extraArgs = args);
    }

    public StackSettings withReplicas(int count) {
        return copy(c -> c.replicas = count);
    }

    public StackSettings withZipkin(boolean on) {
        return copy(c -> c.zipkin = on);
    }

    public StackSettings withMonitoring(Monitoring newMonitoring) {
        return copy(c -> c.monitoring = newMonitoring);
    }

    public StackSettings withStartTimeout(Duration timeout) {
        return copy(c -> c.startTimeout = timeout);
    }

    public StackSettings withStartupCacheDir(Path dir) {
        return copy(c -> c.startupCacheDir = dir);
    }

    private StackSettings copy(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.build();
    }

    /** The settings the withers change, so that each wither names only its own. */
    private static final class Copy {
        private final StackSettings from;
        Path workDir;
        Ports ports;
        Map<String, List<String>> extraArgs;
        Duration startTimeout;
        Path startupCacheDir;
        int replicas;
        boolean zipkin;
        Monitoring monitoring;

        Copy(StackSettings from) {
            this.from = from;
            workDir = from.workDir;
            ports = from.ports;
            extraArgs = from.extraArgs;
            startTimeout = from.startTimeout;
            startupCacheDir = from.startupCacheDir;
            replicas = from.replicas;
            zipkin = from.zipkin;
            monitoring = from.monitoring;
        }

        StackSettings build() {
            return new StackSettings(
                    from.root,
                    workDir,
                    ports,
                    from.bindAddress,
                    from.jvmOptions,
                    extraArgs,
                    startTimeout,
                    from.startupCache,
                    startupCacheDir,
                    replicas,
                    zipkin,
                    monitoring,
                    from.discoveryCredentials,
                    from.restartPolicy,
                    from.drainPeriod);
        }
    }

    private static void requireIpv4(String address) {
        Matcher m = IPV4.matcher(address == null ? "" : address);
        boolean valid = m.matches();
        for (int i = 1; valid && i <= 4; i++) {
            valid = Integer.parseInt(m.group(i)) <= 255;
        }
        if (!valid) {
            throw new IllegalArgumentException("SHOP_BIND_ADDRESS must be an IPv4 address such as 127.0.0.1 or "
                    + "0.0.0.0, not '" + address + "'");
        }
    }
}
