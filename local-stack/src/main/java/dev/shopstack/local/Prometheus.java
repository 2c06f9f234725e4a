package dev.shopstack.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Prometheus for {@code --monitoring}: the operating system's package, with a configuration generated from
 * docker-compose's and the project's own rule files ({@code deploy/prometheus}), read at every start, so the local
 * run evaluates exactly the alerts that compose and Kubernetes do. Its data lives in the work directory.
 */
final class Prometheus {

    static final String NAME = "prometheus";
    static final String INSTALL_HINT = "Prometheus is not installed, so --monitoring starts without it. "
            + "Install the operating system's package (Debian/Ubuntu: apt-get install prometheus) and start again.";

    private final StackSettings settings;
    private final Path dir;
    private ScrapeRelay relay;

    Prometheus(StackSettings settings) {
        this.settings = settings;
        this.dir = settings.workDir().resolve(NAME);
    }

    /** The {@code prometheus} on the PATH, else {@code /usr/bin/prometheus}, if either exists. */
    static Optional<Path> binary(UnaryOperator<String> env) {
        String path = env.apply("PATH");
        List<Path> candidates = new ArrayList<>();
        if (path != null) {
            for (String entry : path.split(java.io.File.pathSeparator)) {
                if (!entry.isBlank()) {
                    candidates.add(Path.of(entry, NAME));
                }
            }
        }
        candidates.add(Path.of("/usr/bin", NAME));
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    Path configFile() {
        return dir.resolve("prometheus.yml");
    }

    /**
     * Writes the configuration and the rule files (with their {@code for:} windows shortened when the settings ask
     * for it). {@code addresses} maps a compose host name to this run's addresses of that process.
     */
    void prepare(Function<String, List<String>> addresses) {
        Path source = settings.root().resolve("deploy").resolve("prometheus");
        try {
            List<String> compose = Files.readAllLines(source.resolve("prometheus.yml"));
            Path rulesDir = Files.createDirectories(dir.resolve("rules"));
            Files.createDirectories(dir.resolve("data"));
            List<Path> rules = new ArrayList<>();
            for (String name : ruleFiles(source, compose)) {
                Path copy = rulesDir.resolve(name);
                Files.writeString(
                        copy,
                        PrometheusConfig.shortenForWindows(
                                Files.readAllLines(source.resolve(name)),
                                settings.monitoring().alertForAtMost()));
                rules.add(copy);
            }
            List<PrometheusConfig.Job> jobs = PrometheusConfig.jobs(compose);
            String relayAddress = null;
            Path binary = binary(System::getenv).orElseThrow();
            if (ScrapeRelay.needed(ScrapeRelay.version(binary))) {
                Set<String> targets = new LinkedHashSet<>();
                jobs.forEach(job -> job.targets().forEach(t -> targets.addAll(addresses.apply(t.host()))));
                relay = new ScrapeRelay(settings.bindAddress(), targets);
                relayAddress = settings.hostAddress() + ":" + relay.port();
            }
            Files.writeString(
                    configFile(), PrometheusConfig.render(jobs, settings.monitoring(), rules, addresses, relayAddress));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare Prometheus from " + source, e);
        }
    }

    /** The rule files compose loads, and any other rule file beside them (not their promtool tests). */
    static Set<String> ruleFiles(Path source, List<String> compose) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (String name : PrometheusConfig.ruleFileNames(compose)) {
            if (Files.isRegularFile(source.resolve(name))) {
                names.add(name);
            }
        }
        try (var files = Files.list(source)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if ((name.endsWith(".yml") || name.endsWith(".yaml"))
                        && !name.contains(".test.")
                        && !name.equals("prometheus.yml")
                        && Files.readAllLines(file).stream().anyMatch(line -> line.startsWith("groups:"))) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    List<String> arguments() {
        return List.of(
                "--config.file=" + configFile(),
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--storage.tsdb.retention.time=2d",
                "--web.listen-address=" + settings.bindAddress() + ":"
                        + settings.ports().prometheus());
    }

    String url() {
        return "http://" + settings.publicHost() + ":" + settings.ports().prometheus();
    }

    /** Stops the scrape relay, if one runs. */
    void closeRelay() {
        if (relay != null) {
            relay.close();
        }
    }

    boolean ready() {
        return Probe.answers(
                "http://" + settings.hostAddress() + ":" + settings.ports().prometheus() + "/-/ready",
                status -> status == 200);
    }
}
