package dev.shopstack.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The whole platform on one machine, each part its own process: a KRaft Kafka broker and a GreenMail SMTP catcher
 * (both from Maven Central jars), discovery, the four services and the gateway. {@link #main} is the one-command
 * local run; the e2e tests use the same class to start, stop and kill parts of the stack.
 */
public final class LocalStack implements AutoCloseable {

    public static final String KAFKA = "kafka";
    public static final String MAIL = "mail";
    public static final String DISCOVERY = "discovery";
    public static final String GATEWAY = "gateway";
    public static final String USER_SERVICE = "user-service";
    public static final String CATALOG_SERVICE = "catalog-service";
    public static final String ORDER_SERVICE = "order-service";
    public static final String NOTIFICATION_SERVICE = "notification-service";
    public static final List<String> SERVICES =
            List.of(USER_SERVICE, CATALOG_SERVICE, ORDER_SERVICE, NOTIFICATION_SERVICE);

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(10);

    private final StackSettings settings;
    /** The service-to-service credential for /internal/**, new for every run of the stack. */
    private final String internalToken = randomToken();
    private final Map<String, Component> components = new LinkedHashMap<>();
    /** The Spring Boot applications, by name: what a training run for the start-up cache needs. */
    private final Map<String, SpringBootApp> springBootApps = new LinkedHashMap<>();
    private final StartupCache startupCache;
    private Duration startupTime = Duration.ZERO;
    private volatile boolean closed;

    private LocalStack(StackSettings settings) {
        this.settings = settings;
        this.startupCache = settings.startupCache()
                ? new StartupCache(settings.startupCacheDir(), javaExecutable()) : null;
        Ports ports = settings.ports();
        add(kafka());
        add(new Component(java(MAIL, List.of("-Xmx96m", "-XX:+UseSerialGC",
                "-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + ports.smtp(),
                "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + ports.mailApi(),
                "-Dgreenmail.auth.disabled", "-cp", classpath("greenmail.classpath"),
                "com.icegreen.greenmail.standalone.GreenMailStandaloneRunner")),
                () -> Probe.answers(mailApi() + "/api/service/readiness", status -> status == 200),
                mailApi() + "/api/user/{email}/messages/INBOX"));
        add(new Component(springBoot(DISCOVERY, ports.discovery(), List.of()),
                () -> Probe.ready(ports.discovery()), "http://localhost:" + ports.discovery()));
        add(service(USER_SERVICE, ports.userService(), "/.well-known/jwks.json"));
        add(service(CATALOG_SERVICE, ports.catalogService(), "/api/categories"));
        // no public read: the gateway would answer 401 itself, which proves nothing about the route
        add(service(ORDER_SERVICE, ports.orderService(), null));
        add(service(NOTIFICATION_SERVICE, ports.notificationService(), null));
        add(new Component(springBoot(GATEWAY, ports.gateway(),
                List.of("--management.server.port=" + ports.gatewayManagement())),
                () -> Probe.ready(ports.gatewayManagement()) && registered(GATEWAY), gateway()));
    }

    /** Starts everything and returns once every part is healthy, registered and routed. */
    public static LocalStack start(StackSettings settings) {
        LocalStack stack = new LocalStack(settings);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void add(Component component) {
        components.put(component.name(), component);
    }

    private void startAll() {
        killOrphans();
        requirePortsFree();
        formatKafkaStorage();
        prepareStartupCache();
        long started = System.nanoTime(); // start-up proper: a first run's cache training is timed on its own
        // the infrastructure first; services register with discovery, so they start once it answers
        startAndAwait(List.of(KAFKA, MAIL, DISCOVERY));
        List<String> rest = new ArrayList<>(SERVICES);
        rest.add(GATEWAY);
        startAndAwait(rest);
        startupTime = Duration.ofNanos(System.nanoTime() - started);
    }

    private void startAndAwait(List<String> names) {
        names.forEach(name -> components.get(name).process().start());
        await(names);
    }

    /** Starts one stopped part again and waits until it is healthy. */
    public void start(String name) {
        startAndAwait(List.of(name));
    }

    /** Stops one part gracefully (SIGTERM). */
    public void stop(String name) {
        component(name).process().stop(STOP_GRACE);
    }

    /** Kills one part hard (SIGKILL), like a crash. */
    public void kill(String name) {
        component(name).process().kill();
    }

    public boolean isRunning(String name) {
        return component(name).process().isAlive();
    }

    public long pid(String name) {
        return component(name).process().pid();
    }

    /** The class data sharing archive (or AOT cache) a Spring Boot part starts from, or empty without one. */
    public Optional<Path> startupArchive(String name) {
        SpringBootApp app = springBootApps.get(name);
        return app == null ? Optional.empty() : freshArchive(app);
    }

    public Path logFile(String name) {
        return component(name).process().logFile();
    }

    public Ports ports() {
        return settings.ports();
    }

    public String gateway() {
        return "http://localhost:" + settings.ports().gateway();
    }

    public String mailApi() {
        return "http://localhost:" + settings.ports().mailApi();
    }

    public String discovery() {
        return "http://localhost:" + settings.ports().discovery();
    }

    public Duration startupTime() {
        return startupTime;
    }

    public List<String> names() {
        return List.copyOf(components.keySet());
    }

    /** Resident memory (VmRSS) of a running part in kB, or -1 where /proc is not available. */
    public long residentMemoryKb(String name) {
        Path status = Path.of("/proc", Long.toString(pid(name)), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or the process is gone
        }
        return -1;
    }

    /** Stops everything so nothing is left running: gateway and services together, then the infrastructure. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<String> applications = new ArrayList<>(SERVICES);
        applications.add(GATEWAY);
        stopTogether(applications);
        stopTogether(List.of(DISCOVERY, MAIL, KAFKA));
    }

    private void stopTogether(List<String> names) {
        List<Thread> stopping = names.stream().map(name -> new Thread(() -> stop(name), "stop-" + name)).toList();
        stopping.forEach(Thread::start);
        stopping.forEach(LocalStack::join);
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Component component(String name) {
        Component component = components.get(name);
        if (component == null) {
            throw new IllegalArgumentException("No part named " + name + "; parts: " + components.keySet());
        }
        return component;
    }

    private void await(List<String> names) {
        long deadline = System.nanoTime() + settings.startTimeout().toNanos();
        List<String> pending = new ArrayList<>(names);
        while (!pending.isEmpty()) {
            for (String name : List.copyOf(pending)) {
                Component component = components.get(name);
                if (!component.process().isAlive()) {
                    throw new IllegalStateException(name + " exited during start-up. Last lines of "
                            + component.process().logFile() + ":\n" + component.process().logTail(40));
                }
                if (component.ready().getAsBoolean()) {
                    pending.remove(name);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not healthy after " + settings.startTimeout().toSeconds()
                        + " s: " + pending + ". See the logs in " + settings.logsDir());
            }
            sleep(Duration.ofMillis(500));
        }
    }

    /** @param probePath a public path the gateway routes to this service, or null */
    private Component service(String name, int port, String probePath) {
        BooleanSupplier ready = () -> Probe.ready(port) && registered(name)
                && (probePath == null || routed(probePath));
        return new Component(springBoot(name, port, List.of()), ready, "http://localhost:" + port);
    }

    /** Registered and UP in discovery. */
    private boolean registered(String name) {
        HttpResponse<String> response = Probe.get(discovery() + "/eureka/apps/" + name, "application/json");
        return response != null && response.statusCode() == 200 && response.body().contains("\"UP\"");
    }

    /** The gateway reaches the service: anything but "no route" or "no instance/peer unavailable". */
    private boolean routed(String path) {
        return Probe.ready(settings.ports().gatewayManagement())
                && Probe.answers(gateway() + path, status -> status != 404 && status < 500);
    }

    private ManagedProcess springBoot(String name, int port, List<String> extra) {
        Path jar = settings.root().resolve(name).resolve("target").resolve(name + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests package)");
        }
        Ports ports = settings.ports();
        List<String> springArgs = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--shop.data-dir=" + settings.dataDir(),
                "--eureka.client.service-url.defaultZone=http://127.0.0.1:" + ports.discovery() + "/eureka/",
                "--spring.kafka.bootstrap-servers=127.0.0.1:" + ports.kafka(),
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + ports.smtp()));
        springArgs.addAll(extra);
        springArgs.addAll(settings.extraArgs().getOrDefault(name, List.of()));
        // in the environment, not on the command line where any local user could read it
        Map<String, String> environment = withJvmEnvironment(Map.of("SHOP_INTERNAL_TOKEN", internalToken));
        var app = new SpringBootApp(name, jar, settings.jvmOptions(), List.copyOf(springArgs), environment);
        springBootApps.put(name, app);
        return new ManagedProcess(name, () -> springBootCommand(app), environment,
                settings.logsDir().resolve(name + ".log"));
    }

    /** What a Spring Boot child runs with: its jar, its JVM options and its Spring arguments. */
    private record SpringBootApp(String name, Path jar, List<String> jvmOptions, List<String> springArgs,
            Map<String, String> environment) {
    }

    /** From the start-up cache when it is fresh, from the plain jar otherwise. */
    private List<String> springBootCommand(SpringBootApp app) {
        List<String> command = new ArrayList<>(List.of(javaExecutable().toString(), stackMarker()));
        command.addAll(app.jvmOptions());
        Optional<Path> archive = freshArchive(app);
        if (archive.isPresent()) {
            command.addAll(startupCache.useArchive(archive.get()));
            command.addAll(List.of("-jar", startupCache.runnableJar(app.name(), app.jar()).toString()));
        } else {
            command.addAll(List.of("-jar", app.jar().toString()));
        }
        command.addAll(app.springArgs());
        return command;
    }

    private Optional<Path> freshArchive(SpringBootApp app) {
        return startupCache != null && startupCache.isFresh(app.name(), app.jar(), app.jvmOptions())
                ? Optional.of(startupCache.archive(app.name())) : Optional.empty();
    }

    /**
     * Trains every Spring Boot application whose start-up cache is missing or stale, all at once. A failed training
     * costs only speed: that application starts from its plain jar.
     */
    private void prepareStartupCache() {
        if (startupCache == null) {
            return;
        }
        List<StartupCache.Training> trainings = new ArrayList<>();
        for (SpringBootApp app : springBootApps.values()) {
            if (startupCache.isFresh(app.name(), app.jar(), app.jvmOptions())) {
                continue;
            }
            try {
                trainings.add(startupCache.train(app.name(), app.jar(), app.jvmOptions(), app.springArgs(),
                        app.environment(), settings.logsDir().resolve(app.name() + "-training.log")));
            } catch (UncheckedIOException e) {
                System.out.println("No start-up cache for " + app.name() + ", it starts from its jar: "
                        + e.getMessage());
            }
        }
        if (trainings.isEmpty()) {
            return;
        }
        System.out.println("Preparing the start-up cache of " + trainings.stream().map(StartupCache.Training::name)
                .toList() + " (first start or new jars; later starts are faster; SHOP_STARTUP_CACHE=off skips it) ...");
        long started = System.nanoTime();
        Instant deadline = Instant.now().plus(TRAINING_TIMEOUT); // they run in parallel: one deadline for all
        for (StartupCache.Training training : trainings) {
            if (!training.await(deadline)) {
                System.out.println("No start-up cache for " + training.name() + ", it starts from its jar; see "
                        + settings.logsDir().resolve(training.name() + "-training.log"));
            }
        }
        System.out.printf("Start-up cache ready in %.1f s.%n", (System.nanoTime() - started) / 1e9);
    }

    private ManagedProcess java(String name, List<String> args) {
        return java(name, args, Map.of());
    }

    private ManagedProcess java(String name, List<String> args, Map<String, String> environment) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable().toString());
        command.add(stackMarker());
        command.addAll(args);
        return new ManagedProcess(name, () -> command, withJvmEnvironment(environment),
                settings.logsDir().resolve(name + ".log"));
    }

    /**
     * Two glibc malloc arenas per JVM instead of up to eight per core: the JVM allocates its heap itself, and native
     * memory freed into many arenas tends to stay resident.
     */
    private static Map<String, String> withJvmEnvironment(Map<String, String> environment) {
        Map<String, String> all = new LinkedHashMap<>(environment);
        all.putIfAbsent("MALLOC_ARENA_MAX", "2");
        return Map.copyOf(all);
    }

    private static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    private Component kafka() {
        Ports ports = settings.ports();
        Path dir = settings.dataDir().resolve("kafka");
        ManagedProcess broker = java(KAFKA, List.of("-Xms128m", "-Xmx256m", "-XX:+UseSerialGC",
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"), "-cp", classpath("kafka.classpath"), "kafka.Kafka", dir.resolve("server.properties").toString()));
        return new Component(broker, () -> Probe.portOpen(ports.kafka()), "127.0.0.1:" + ports.kafka());
    }

    /** Writes the single-node KRaft configuration and formats the log directory on the first run only. */
    private void formatKafkaStorage() {
        Ports ports = settings.ports();
        Path dir = settings.dataDir().resolve("kafka");
        try {
            Files.createDirectories(dir);
            Path clusterIdFile = dir.resolve("cluster.id");
            if (!Files.exists(clusterIdFile)) {
                Files.writeString(clusterIdFile, newClusterId());
            }
            Path config = dir.resolve("server.properties");
            Files.writeString(config, String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.voters=1@127.0.0.1:" + ports.kafkaController(),
                    "listeners=PLAINTEXT://127.0.0.1:" + ports.kafka() + ",CONTROLLER://127.0.0.1:"
                            + ports.kafkaController(),
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + ports.kafka(),
                    "controller.listener.names=CONTROLLER",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "inter.broker.listener.name=PLAINTEXT",
                    "log.dirs=" + dir.resolve("logs"),
                    "num.partitions=3",
                    "auto.create.topics.enable=true",
                    "offsets.topic.replication.factor=1",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    "log.retention.hours=168",
                    ""));
            Files.writeString(dir.resolve("log4j2.properties"), String.join("\n",
                    "appender.out.type=Console",
                    "appender.out.name=out",
                    "appender.out.layout.type=PatternLayout",
                    "appender.out.layout.pattern=%d{ISO8601} %-5p [%c{1}] %m%n",
                    "rootLogger.level=INFO",
                    "rootLogger.appenderRef.out.ref=out",
                    "logger.kafka.name=kafka",
                    "logger.kafka.level=WARN",
                    "logger.org.name=org.apache.kafka",
                    "logger.org.level=WARN",
                    "logger.server.name=kafka.server.KafkaRaftServer",
                    "logger.server.level=INFO",
                    ""));
            if (Files.exists(dir.resolve("logs").resolve("meta.properties"))) {
                return;
            }
            var format = new ProcessBuilder(javaExecutable().toString(),
                    "-cp", classpath("kafka.classpath"), "kafka.tools.StorageTool", "format",
                    "-t", Files.readString(clusterIdFile).trim(), "-c", config.toString(), "--ignore-formatted")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            Files.createDirectories(settings.logsDir()).resolve("kafka-format.log").toFile()))
                    .start();
            if (!format.waitFor(2, TimeUnit.MINUTES) || format.exitValue() != 0) {
                throw new IllegalStateException("Formatting the Kafka log directory failed; see "
                        + settings.logsDir().resolve("kafka-format.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare Kafka in " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while formatting Kafka storage", e);
        }
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A Kafka cluster id: 16 random bytes, URL-safe base64 without padding (what kafka-storage random-uuid makes). */
    private static String newClusterId() {
        byte[] bytes = new byte[16];
        String id;
        do {
            new SecureRandom().nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }

    /** The runtime classpath of the broker or the mail catcher, recorded at build time by Maven. */
    private static String classpath(String resource) {
        try (InputStream in = LocalStack.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing: build local-stack with Maven first");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every child carries this on its command line, so a later run can find what a crashed launcher left. */
    private String stackMarker() {
        return "-Dshopstack.stack=" + settings.workDir().toAbsolutePath().normalize();
    }

    /** Children of an earlier launcher that was killed hard (no shutdown hook ran) would hold the ports. */
    private void killOrphans() {
        String marker = stackMarker();
        long self = ProcessHandle.current().pid();
        List<ProcessHandle> orphans = ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self)
                .filter(p -> p.info().commandLine().map(line -> line.contains(marker + " ")).orElse(false))
                .toList();
        for (ProcessHandle orphan : orphans) {
            System.out.println("Stopping process " + orphan.pid() + " left over by an earlier run");
            orphan.destroy();
        }
        for (ProcessHandle orphan : orphans) {
            try {
                orphan.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception timeoutOrInterrupted) {
                orphan.destroyForcibly();
            }
        }
    }

    private void requirePortsFree() {
        Ports p = settings.ports();
        List<String> busy = new ArrayList<>();
        int[] all = {p.discovery(), p.gateway(), p.gatewayManagement(), p.userService(), p.catalogService(),
                p.orderService(), p.notificationService(), p.kafka(), p.kafkaController(), p.smtp(), p.mailApi()};
        for (int port : all) {
            if (Probe.portOpen(port)) {
                busy.add(Integer.toString(port));
            }
        }
        if (!busy.isEmpty()) {
            throw new IllegalStateException("Ports already in use: " + busy
                    + ". Is another stack running? Stop it, or move this one with the *_PORT variables.");
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** A summary for people: what runs where, and how much memory each part holds. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append(String.format("%nShopstack is up in %.1f s.%n%n", startupTime.toMillis() / 1000.0));
        text.append(String.format("  %-34s %s%n", "Gateway (the API)", gateway()));
        text.append(String.format("  %-34s %s%n", "Eureka dashboard", discovery()));
        text.append(String.format("  %-34s %s%n", "Mail inbox (GreenMail API)", mailApi()));
        text.append(String.format("  %-34s %s%n", "  one mailbox", mailApi() + "/api/user/<email>/messages/INBOX"));
        text.append(String.format("  %-34s 127.0.0.1:%d%n", "SMTP", settings.ports().smtp()));
        text.append(String.format("  %-34s 127.0.0.1:%d%n", "Kafka", settings.ports().kafka()));
        text.append(String.format("%n  %-22s %8s  %s%n", "process", "RSS MB", "log"));
        for (String name : components.keySet()) {
            long rss = residentMemoryKb(name);
            text.append(String.format("  %-22s %8s  %s%n", name, rss < 0 ? "?" : Long.toString(rss / 1024),
                    settings.root().relativize(logFile(name).toAbsolutePath())));
        }
        text.append(String.format("%nTry: curl -i %s/api/categories%nCtrl-C stops everything.%n", gateway()));
        return text.toString();
    }

    public static void main(String[] args) throws InterruptedException {
        Path root = Path.of(System.getProperty("shop.root", ".")).toAbsolutePath().normalize();
        StackSettings settings = StackSettings.fromEnvironment(root, System::getenv);
        System.out.println("Starting Shopstack from " + root + " (logs in " + settings.logsDir() + ") ...");
        LocalStack stack = new LocalStack(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping Shopstack ...");
            stack.close();
        }, "shopstack-shutdown"));
        try {
            stack.startAll();
        } catch (RuntimeException e) {
            System.err.println("Start-up failed: " + e.getMessage());
            System.exit(1);
        }
        System.out.println(stack.summary());
        new CountDownLatch(1).await(); // until Ctrl-C; the shutdown hook stops the children
    }
}
