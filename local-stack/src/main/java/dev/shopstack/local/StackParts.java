package dev.shopstack.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Every process of one stack, in start order, and how to tell each is ready: the infrastructure (the H2 server in
 * replica mode, Kafka, the mail catcher: {@link InfrastructureParts}), discovery (two peers in replica mode), Zipkin,
 * Prometheus, and every instance of every {@link AppModule} whose jar is there.
 */
final class StackParts {

    private final StackSettings settings;
    private final Path java;
    private final String marker;
    private final Discovery discovery;
    private final StartupCacheTraining cache;
    /** The service-to-service credential for /internal/**, new for every run of the stack. */
    private final String internalToken;

    private final Map<String, Part> parts = new LinkedHashMap<>();
    private final List<List<String>> waves = new ArrayList<>();
    private final Map<String, SpringBootLaunch> firstInstances = new LinkedHashMap<>();
    private final Map<String, Path> jars = new LinkedHashMap<>();
    private final KafkaBroker kafka;
    /** Replica mode only. */
    private final H2Server h2;

    private final Prometheus prometheus;
    private final InfrastructureParts infrastructureParts;

    StackParts(
            StackSettings settings,
            Path java,
            Discovery discovery,
            StartupCacheTraining cache,
            boolean prometheusInstalled) {
        this.settings = settings;
        this.java = java;
        this.marker = "-Dshopstack.stack=" + settings.workDir().toAbsolutePath().normalize();
        this.discovery = discovery;
        this.cache = cache;
        this.internalToken = randomToken();
        this.kafka = new KafkaBroker(settings);
        this.prometheus = settings.monitoring().enabled() && prometheusInstalled ? new Prometheus(settings) : null;
        this.infrastructureParts = new InfrastructureParts(settings, java, marker);
        Ports ports = settings.ports();
        boolean sandbox = AppModule.ALL.stream()
                .anyMatch(m -> m.name().equals("payment-sandbox") && Files.isRegularFile(m.jar(settings.root())));

        List<String> services = AppModule.ALL.stream()
                .filter(m -> m.role() == AppModule.Role.SERVICE)
                .map(AppModule::name)
                .toList();
        this.h2 = settings.replicas() > 1 ? new H2Server(settings, services) : null;
        if (h2 != null) {
            // a wave of its own: ready before any service, stopped after everything else
            waves.add(List.of(add(infrastructureParts.h2(h2))));
        }
        List<String> infrastructure = new ArrayList<>();
        infrastructure.add(add(infrastructureParts.kafka(kafka)));
        infrastructure.add(add(infrastructureParts.mail()));
        List<String> applications = new ArrayList<>();
        List<String> replicas = new ArrayList<>();
        for (AppModule module : AppModule.ALL) {
            if (!module.present(settings.root())) {
                continue;
            }
            jars.put(module.name(), module.jar(settings.root()));
            int instances = switch (module.role()) {
                case SERVICE, GATEWAY -> settings.replicas();
                case DISCOVERY -> settings.replicas() > 1 ? 2 : 1;
                case STANDALONE -> 1;
            };
            for (int k = 1; k <= instances; k++) {
                SpringBootLaunch launch = SpringBootLaunch.of(settings, module, k, internalToken, sandbox);
                firstInstances.putIfAbsent(module.name(), launch);
                String name = add(springBoot(launch));
                (module.role() == AppModule.Role.DISCOVERY ? infrastructure : k == 1 ? applications : replicas)
                        .add(name);
            }
        }
        if (settings.zipkin()) {
            applications.add(add(infrastructureParts.zipkin()));
        }
        if (prometheus != null) {
            applications.add(add(Part.single(
                    Prometheus.NAME,
                    new ManagedProcess(
                            Prometheus.NAME,
                            this::prometheusCommand,
                            Map.of(),
                            settings.logsDir().resolve("prometheus.log")),
                    prometheus::ready,
                    prometheus.url(),
                    List.of(ports.prometheus()))));
        }
        waves.add(infrastructure);
        waves.add(applications);
        if (!replicas.isEmpty()) {
            waves.add(replicas);
        }
    }

    Map<String, Part> parts() {
        return parts;
    }

    /** The parts to start together, each wave once the one before is ready. */
    List<List<String>> waves() {
        return waves;
    }

    List<SpringBootLaunch> firstInstances() {
        return List.copyOf(firstInstances.values());
    }

    Map<String, Path> jars() {
        return jars;
    }

    KafkaBroker kafka() {
        return kafka;
    }

    Optional<H2Server> h2() {
        return Optional.ofNullable(h2);
    }

    Optional<Prometheus> prometheus() {
        return Optional.ofNullable(prometheus);
    }

    /** What every child carries on its command line, so a later run can find what a crashed launcher left. */
    String marker() {
        return marker;
    }

    /** A compose host name's local addresses, for Prometheus: every instance of that module, or the named part. */
    List<String> metricsAddresses(String composeHost) {
        String host = settings.hostAddress();
        if (composeHost.equals("localhost") || composeHost.equals(Prometheus.NAME)) {
            return List.of(host + ":" + settings.ports().prometheus());
        }
        if (composeHost.equals(InfrastructureParts.ZIPKIN) && parts.containsKey(InfrastructureParts.ZIPKIN)) {
            return List.of(host + ":" + settings.ports().zipkin());
        }
        List<String> addresses = new ArrayList<>();
        for (Part part : parts.values()) {
            AppModule module = AppModule.ALL.stream()
                    .filter(m -> m.name().equals(part.module()))
                    .findFirst()
                    .orElse(null);
            if (module != null && module.name().equals(composeHost)) {
                addresses.add(host + ":" + module.managementPort(settings.ports(), part.instance()));
            }
        }
        return addresses;
    }

    /** Every port is free, or the start fails naming the busy ones. */
    void requirePortsFree() {
        List<String> busy = parts.values().stream()
                .flatMap(part -> part.ports().stream())
                .filter(port -> Probe.portOpen(settings.hostAddress(), port))
                .map(String::valueOf)
                .toList();
        if (!busy.isEmpty()) {
            throw new IllegalStateException("Ports already in use: " + busy
                    + ". Is another stack running? Stop it, or move this one with the *_PORT variables.");
        }
    }

    /** Stops every part, the last wave first, the parts of one wave together (SIGTERM, SIGKILL after grace). */
    void stopAll(Duration grace) {
        List<List<String>> reversed = new ArrayList<>(waves);
        Collections.reverse(reversed);
        for (List<String> wave : reversed) {
            List<Thread> stopping = wave.stream()
                    .map(name -> new Thread(() -> parts.get(name).process().stop(grace), "stop-" + name))
                    .toList();
            stopping.forEach(Thread::start);
            for (Thread thread : stopping) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        if (prometheus != null) {
            prometheus.closeRelay();
        }
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String add(Part part) {
        parts.put(part.name(), part);
        return part.name();
    }

    private Part springBoot(SpringBootLaunch launch) {
        AppModule module = launch.module();
        Ports ports = settings.ports();
        String host = settings.hostAddress();
        int port = module.port(ports, launch.instance());
        int management = module.managementPort(ports, launch.instance());
        Path jar = jars.get(module.name());
        ManagedProcess process = new ManagedProcess(
                launch.name(),
                () -> cache.command(java, List.of(marker), launch, jar),
                launch.environment(),
                settings.logsDir().resolve(launch.name() + ".log"));
        Discovery.Registration registration =
                module.registers() ? Discovery.Registration.of(module.name(), host, port) : null;
        BooleanSupplier ready = switch (module.role()) {
            case DISCOVERY -> () -> Probe.ready(host, port);
            case GATEWAY -> () -> Probe.ready(host, management) && discovery.isUp(registration);
            case SERVICE ->
                () -> Probe.ready(host, port)
                        && discovery.isUp(registration)
                        && (module.routeProbe() == null || routed(module.routeProbe()));
            case STANDALONE -> () -> Probe.readyOrAnswering(host, port);
        };
        List<Integer> listening = management == port ? List.of(port) : List.of(port, management);
        return new Part(
                launch.name(),
                module.name(),
                launch.instance(),
                process,
                ready,
                "http://" + settings.publicHost() + ":" + port,
                listening,
                registration,
                new Part.State());
    }

    /** The gateway reaches the service: anything but "no route" or "no instance/peer unavailable". */
    private boolean routed(String path) {
        String host = settings.hostAddress();
        return Probe.ready(host, settings.ports().gatewayManagement())
                && Probe.answers(
                        "http://" + host + ":" + settings.ports().gateway() + path,
                        status -> status != 404 && status < 500);
    }

    private List<String> prometheusCommand() {
        List<String> command = new ArrayList<>();
        command.add(Prometheus.binary(System::getenv).orElseThrow().toString());
        command.addAll(prometheus.arguments());
        return command;
    }
}
