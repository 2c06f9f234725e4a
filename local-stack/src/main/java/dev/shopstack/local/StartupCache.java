package dev.shopstack.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Class data sharing for the Spring Boot applications: a training run records the classes an application loads while
 * its context starts, and later starts map them from that file instead of loading, verifying and linking each class
 * again. On JDK 25 and later the file is an AOT cache (JEP 483/514/515), before that a dynamic CDS archive. Both need
 * the application in extracted form ({@code -Djarmode=tools extract}).
 * <p>
 * Entries are keyed by what the archive depends on: the jar's contents ({@link JarFingerprint}), the JDK and the JVM
 * options. They live in one directory per machine ({@code ~/.cache/shopstack/startup-cache} by default), shared by
 * the local run and the e2e suite, so an application is trained once per distinct jar, not once per work directory
 * or build. An entry is written in place (the archive records its class path) under a file lock, and counts only once
 * its {@code complete} marker exists. The training run stops right after the context refresh
 * ({@code spring.context.exit=onRefresh}): no port is opened, nothing registers or consumes, but database migrations
 * run as they would on a real start.
 */
final class StartupCache {

    private static final String COMPLETE = "complete";
    private static final int KEPT_PER_APP = 3;

    private final Path root;
    private final Path java;
    private final boolean aotCache = Runtime.version().feature() >= 25;

    StartupCache(Path root, Path java) {
        this.root = root;
        this.java = java;
    }

    /** The cache entry of one application's jar, JDK and JVM options. */
    record Entry(String app, Path dir, Path archive, Path runnableJar) {

        boolean isComplete() {
            return Files.isRegularFile(dir.resolve(COMPLETE)) && Files.isRegularFile(archive);
        }

        Path lockFile() {
            return dir.resolveSibling(dir.getFileName() + ".lock");
        }
    }

    Entry entry(String app, Path jar, List<String> jvmOptions) {
        MessageDigest digest = JarFingerprint.sha256();
        String key = String.join(
                "\n",
                JarFingerprint.of(jar),
                java.toString(),
                Runtime.version().toString(),
                String.join(
                        " ",
                        jvmOptions.stream()
                                .filter(option -> !option.startsWith("-D"))
                                .toList()));
        String id = HexFormat.of()
                .formatHex(digest.digest(key.getBytes(StandardCharsets.UTF_8)))
                .substring(0, 16);
        Path dir = root.resolve(app).resolve(id);
        return new Entry(
                app,
                dir,
                dir.resolve(aotCache ? "app.aot" : "app.jsa"),
                dir.resolve("app").resolve(jar.getFileName()));
    }

    /** The JVM option that starts from a complete entry's archive; marks the entry as used. */
    List<String> useArchive(Entry entry) {
        try {
            Files.setLastModifiedTime(entry.dir().resolve(COMPLETE), FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            // only the pruning order suffers
        }
        return List.of((aotCache ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + entry.archive());
    }

    /**
     * Extracts the jar and starts one training run, whose output goes to {@code log}; when another launcher is
     * training the same entry, waits for that one instead. Call for all stale applications at once and
     * {@link StartupCacheTraining.Run#await} afterwards: they train in parallel.
     */
    StartupCacheTraining.Run train(
            Entry entry,
            Path jar,
            List<String> jvmOptions,
            List<String> springArgs,
            Map<String, String> environment,
            Path log) {
        try {
            Files.createDirectories(entry.dir().getParent());
            FileChannel channel =
                    FileChannel.open(entry.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return new StartupCacheTraining.Run(entry, null, null);
            }
            if (entry.isComplete()) { // finished by another launcher since we looked
                lock.release();
                channel.close();
                return new StartupCacheTraining.Run(entry, null, null);
            }
            deleteRecursively(entry.dir());
            Files.createDirectories(entry.dir());
            Files.createDirectories(log.getParent());
            run(
                    List.of(
                            java.toString(),
                            "-Djarmode=tools",
                            "-jar",
                            jar.toString(),
                            "extract",
                            "--destination",
                            entry.runnableJar().getParent().toString()),
                    environment,
                    log);
            List<String> command = new ArrayList<>();
            command.add(java.toString());
            command.addAll(jvmOptions);
            command.add(
                    aotCache ? "-XX:AOTCacheOutput=" + entry.archive() : "-XX:ArchiveClassesAtExit=" + entry.archive());
            command.add("-Dspring.context.exit=onRefresh");
            command.addAll(List.of("-jar", entry.runnableJar().toString()));
            command.addAll(springArgs);
            return new StartupCacheTraining.Run(entry, start(command, environment, log), channel);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot prepare the start-up cache of " + entry.app() + " in " + entry.dir(), e);
        }
    }

    /** Marks a trained entry complete. */
    static void complete(Entry entry) throws IOException {
        Files.writeString(entry.dir().resolve(COMPLETE), entry.app() + "\n");
    }

    /** Keeps the most recently used entries of an application; older ones go once nobody used them for an hour. */
    void prune(String app) {
        Path appDir = root.resolve(app);
        if (!Files.isDirectory(appDir)) {
            return;
        }
        try (var dirs = Files.list(appDir)) {
            List<Path> complete = dirs.filter(Files::isDirectory)
                    .filter(dir -> Files.isRegularFile(dir.resolve(COMPLETE)))
                    .sorted(Comparator.comparing(StartupCache::lastUse).reversed())
                    .toList();
            long hourAgo = System.currentTimeMillis() - TimeUnit.HOURS.toMillis(1);
            for (Path old : complete.subList(Math.min(KEPT_PER_APP, complete.size()), complete.size())) {
                if (lastUse(old).toMillis() < hourAgo) {
                    deleteRecursively(old);
                    Files.deleteIfExists(old.resolveSibling(old.getFileName() + ".lock"));
                }
            }
        } catch (IOException e) {
            // pruning is housekeeping: a failure costs disk, nothing else
        }
    }

    private static FileTime lastUse(Path dir) {
        try {
            return Files.getLastModifiedTime(dir.resolve(COMPLETE));
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void run(List<String> command, Map<String, String> environment, Path log) throws IOException {
        Process process = start(command, environment, log);
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("Failed: " + String.join(" ", command) + " (see " + log + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("Interrupted: " + String.join(" ", command), e);
        }
    }

    private static Process start(List<String> command, Map<String, String> environment, Path log) throws IOException {
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        return builder.start();
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
