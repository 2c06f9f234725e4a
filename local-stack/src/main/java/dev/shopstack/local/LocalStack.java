package dev.shopstack.local;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole platform on one machine, each part its own supervised process ({@link StackParts}): started in waves,
 * restarted with back-off when one crashes ({@link Supervisor}), stopped in order. {@link Main} is the one-command
 * local run; the e2e tests use this class to start, stop, kill and roll parts of the stack.
 */
public final class LocalStack implements AutoCloseable {

    public static final String KAFKA = KafkaBroker.NAME;
    public static final String MAIL = InfrastructureParts.MAIL;
    public static final String ZIPKIN = InfrastructureParts.ZIPKIN;
    public static final String PROMETHEUS = Prometheus.NAME;
    public static final String DISCOVERY = "discovery";
    public static final String GATEWAY = "gateway";
    public static final String USER_SERVICE = "user-service";
    public static final String CATALOG_SERVICE = "catalog-service";
    public static final String ORDER_SERVICE = "order-service";
    public static final String NOTIFICATION_SERVICE = "notification-service";
    public static final String PAYMENT_SANDBOX = "payment-sandbox";
    public static final String WEB = "web";
    public static final List<String> SERVICES =
            List.of(USER_SERVICE, CATALOG_SERVICE, ORDER_SERVICE, NOTIFICATION_SERVICE);

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final StackSettings settings;
    private final Discovery discovery;
    private final StartupCacheTraining cache;
    private final StackParts stackParts;
    private final Map<String, Part> parts;
    private final Supervisor supervisor;
    private final List<String> notes = new ArrayList<>();
    private Duration startupTime = Duration.ZERO;
    private volatile boolean closed;

    private LocalStack(StackSettings settings) {
        this.settings = settings;
        this.discovery = new Discovery(
                "http://" + settings.hostAddress() + ":" + settings.ports().discovery(),
                settings.discoveryCredentials());
        this.cache = new StartupCacheTraining(new StartupCache(settings.startupCacheDir(), javaExecutable()));
        boolean prometheusInstalled = Prometheus.binary(System::getenv).isPresent();
        if (settings.monitoring().enabled() && !prometheusInstalled) {
            notes.add(Prometheus.INSTALL_HINT);
        }
        this.stackParts = new StackParts(settings, javaExecutable(), discovery, cache, prometheusInstalled);
        this.parts = stackParts.parts();
        this.supervisor = new Supervisor(
                settings.restartPolicy(),
                Clock.systemUTC(),
                System.out::println,
                part -> awaitReady(part, settings.startTimeout(), false));
    }

    /** Starts everything and returns once every part is healthy, registered and routed. */
    public static LocalStack start(StackSettings settings) {
        LocalStack stack = create(settings);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    static LocalStack create(StackSettings settings) {
        return new LocalStack(settings);
    }

    void startAll() {
        notes.forEach(System.out::println);
        List<String> markers = new ArrayList<>(List.of(stackParts.marker()));
        stackParts.prometheus().ifPresent(p -> markers.add("--config.file=" + p.configFile()));
        Orphans.stop(markers, System.out::println);
        stackParts.requirePortsFree();
        stackParts.kafka().prepare(javaExecutable());
        stackParts.h2().ifPresent(h2 -> h2.prepare(javaExecutable()));
        if (settings.startupCache()) {
            cache.prepare(stackParts.firstInstances(), stackParts.jars(), settings.logsDir(), System.out::println);
        }
        stackParts.prometheus().ifPresent(p -> p.prepare(stackParts::metricsAddresses));
        long started = System.nanoTime(); // start-up proper: a first run's cache training is timed on its own
        for (List<String> wave : stackParts.waves()) {
            wave.forEach(name -> part(name).process().start());
            wave.forEach(name -> awaitReady(part(name), settings.startTimeout(), true));
            wave.forEach(name -> supervisor.watch(part(name)));
        }
        startupTime = Duration.ofNanos(System.nanoTime() - started);
    }

    /** Starts one stopped part again and waits until it is healthy; from then on it is restarted if it crashes. */
    public void start(String name) {
        Part part = part(name);
        supervisor.expectRunning(part);
        part.process().start();
        awaitReady(part, settings.startTimeout(), true);
        supervisor.watch(part);
    }

    /** Stops one part gracefully (SIGTERM): it stays down until {@link #start(String)}. */
    public void stop(String name) {
        Part part = part(name);
        supervisor.expectStop(part);
        part.process().stop(STOP_GRACE);
    }

    /** Kills one part hard (SIGKILL), like a crash: the supervisor brings it back after its back-off. */
    public void kill(String name) {
        part(name).process().kill();
    }

    /** Waits until a part (for example one the supervisor restarts) runs and serves again. */
    public void awaitReady(String name, Duration timeout) {
        awaitReady(part(name), timeout, true);
    }

    /** How often the supervisor restarted this part. */
    public int restarts(String name) {
        return supervisor.restarts(part(name));
    }

    /**
     * Restarts every instance of a module one at a time, as a Kubernetes rolling update: each leaves discovery
     * (OUT_OF_SERVICE), is stopped gracefully after the drain period, started and awaited (ready, registered,
     * routed) before the next one goes.
     */
    public void rollingRestart(String module) {
        List<String> instances = instances(module);
        instances.forEach(name -> awaitReady(name, settings.startTimeout()));
        for (String name : instances) {
            Part part = part(name);
            if (part.registration() != null && discovery.takeOutOfService(part.registration())) {
                Probe.pause(settings.drainPeriod());
            }
            stop(name);
            if (part.registration() != null) {
                discovery.clearOverride(part.registration());
            }
            start(name);
        }
    }

    /** The names of a module's instances: {@code order-service}, {@code order-service-2} ... */
    public List<String> instances(String module) {
        return parts.values().stream()
                .filter(part -> part.module().equals(module))
                .map(Part::name)
                .toList();
    }

    public boolean isRunning(String name) {
        return part(name).process().isAlive();
    }

    public long pid(String name) {
        return part(name).process().pid();
    }

    /** The class data sharing archive (or AOT cache) a Spring Boot part starts from, or empty without one. */
    public Optional<Path> startupArchive(String name) {
        return cache.completeEntry(part(name).module()).map(StartupCache.Entry::archive);
    }

    public Path logFile(String name) {
        return part(name).process().logFile();
    }

    public StackSettings settings() {
        return settings;
    }

    public Ports ports() {
        return settings.ports();
    }

    public int replicas() {
        return settings.replicas();
    }

    public String gateway() {
        return "http://" + settings.publicHost() + ":" + settings.ports().gateway();
    }

    /** The web front (started only when its jar exists). */
    public String web() {
        return "http://" + settings.publicHost() + ":" + settings.ports().web();
    }

    /** The payment sandbox (started only when its jar exists). */
    public String paymentSandbox() {
        return "http://" + settings.publicHost() + ":" + settings.ports().paymentSandbox();
    }

    public String mailApi() {
        return "http://" + settings.publicHost() + ":" + settings.ports().mailApi();
    }

    /** The primary discovery peer; its registry needs {@link #discoveryAuthorization()}. */
    public String discovery() {
        return "http://" + settings.publicHost() + ":" + settings.ports().discovery();
    }

    /** The {@code Authorization} header value for discovery's registry and dashboard. */
    public String discoveryAuthorization() {
        return settings.discoveryCredentials().authorizationHeader();
    }

    public String zipkin() {
        return "http://" + settings.publicHost() + ":" + settings.ports().zipkin();
    }

    public String prometheus() {
        return "http://" + settings.publicHost() + ":" + settings.ports().prometheus();
    }

    public Duration startupTime() {
        return startupTime;
    }

    public List<String> names() {
        return List.copyOf(parts.keySet());
    }

    /** Resident memory (VmRSS) of a running part in kB, or -1 where /proc is not available. */
    public long residentMemoryKb(String name) {
        return Main.residentMemoryKb(pid(name));
    }

    /** Stops everything so nothing is left running: the applications together, then the infrastructure. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        supervisor.close();
        stackParts.stopAll(STOP_GRACE);
    }

    /** A summary for people: what runs where, its memory and its restarts; the web front first. */
    public String summary() {
        return Summary.describe(settings, parts, supervisor::restarts, startupTime, notes);
    }

    /**
     * Polls until the part is ready. {@code failFast}: a part that is not running and that the supervisor will not
     * bring back (never ready yet, or given up) fails at once with its log's last lines.
     */
    private boolean awaitReady(Part part, Duration timeout, boolean failFast) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!closed) {
            boolean alive = part.process().isAlive();
            if (!alive && failFast && (!part.state().supervised || supervisor.hasGivenUp(part))) {
                throw new IllegalStateException(part.name() + " exited during start-up. Last lines of "
                        + part.process().logFile() + ":\n" + part.process().logTail(40));
            }
            if (alive && part.ready().getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                if (failFast) {
                    throw new IllegalStateException("Not healthy after " + timeout.toSeconds() + " s: " + part.name()
                            + ". See " + part.process().logFile());
                }
                return false;
            }
            Probe.pause(Duration.ofMillis(500));
        }
        return false;
    }

    private Part part(String name) {
        Part part = parts.get(name);
        if (part == null) {
            throw new IllegalArgumentException("No part named " + name + "; parts: " + parts.keySet());
        }
        return part;
    }

    static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
