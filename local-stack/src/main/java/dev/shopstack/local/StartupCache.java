package dev.shopstack.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Class data sharing for the Spring Boot applications: a training run records the classes an application loads while
 * its context starts, and later starts map them from that file instead of loading, verifying and linking each class
 * again. On JDK 25 and later the file is an AOT cache (JEP 483/514/515), before that a dynamic CDS archive; measured
 * alone for catalog-service on this project's machine, CPU to a refreshed context fell by about 28% (CDS, JDK 17) and
 * 50% (AOT cache, JDK 25). Both need the application in extracted form ({@code -Djarmode=tools extract}).
 * <p>
 * An application is trained on the first start and again when its jar, the JDK or the JVM options change. The
 * training run stops right after the context refresh ({@code spring.context.exit=onRefresh}): no port is opened,
 * nothing registers or consumes, but database migrations run as they would on a real start.
 */
final class StartupCache {

    private static final String STAMP = "stamp";

    private final Path dir;
    private final Path java;
    private final boolean aotCache = Runtime.version().feature() >= 25;

    StartupCache(Path dir, Path java) {
        this.dir = dir;
        this.java = java;
    }

    /** The archive (or cache) file for one application. */
    Path archive(String name) {
        return dir.resolve(name).resolve(aotCache ? "app.aot" : "app.jsa");
    }

    /** The JVM option that starts from a fresh archive. */
    List<String> useArchive(Path archive) {
        return List.of((aotCache ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive);
    }

    /** The jar to run: the extracted one (class data sharing needs plain jars on the class path). */
    Path runnableJar(String name, Path jar) {
        return dir.resolve(name).resolve("app").resolve(jar.getFileName());
    }

    /** Whether the archive was made from this jar by this JDK with these options. */
    boolean isFresh(String name, Path jar, List<String> jvmOptions) {
        try {
            Path stamp = dir.resolve(name).resolve(STAMP);
            return Files.isRegularFile(archive(name)) && Files.isRegularFile(stamp)
                    && Files.readString(stamp).equals(stampOf(jar, jvmOptions));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Extracts the jar and runs one training run, whose output goes to {@code log}. Call for all stale applications
     * at once and {@link Training#await} afterwards: they train in parallel.
     */
    Training train(String name, Path jar, List<String> jvmOptions, List<String> springArgs,
            Map<String, String> environment, Path log) {
        Path appDir = dir.resolve(name);
        try {
            deleteRecursively(appDir);
            Files.createDirectories(appDir);
            Files.createDirectories(log.getParent());
            run(List.of(java.toString(), "-Djarmode=tools", "-jar", jar.toString(), "extract",
                    "--destination", appDir.resolve("app").toString()), environment, log, 2);
            List<String> command = new ArrayList<>();
            command.add(java.toString());
            command.addAll(jvmOptions);
            command.add(aotCache ? "-XX:AOTCacheOutput=" + archive(name) : "-XX:ArchiveClassesAtExit=" + archive(name));
            command.add("-Dspring.context.exit=onRefresh");
            command.addAll(List.of("-jar", runnableJar(name, jar).toString()));
            command.addAll(springArgs);
            Process process = start(command, environment, log);
            return new Training(name, process, appDir.resolve(STAMP), stampOf(jar, jvmOptions), archive(name));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the start-up cache of " + name + " in " + appDir, e);
        }
    }

    /** One application's training run in progress. */
    record Training(String name, Process process, Path stamp, String stampText, Path archive) {

        /** Waits for the run until {@code deadline}; true when the archive was written (the stamp marks it fresh). */
        boolean await(Instant deadline) {
            try {
                long millis = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
                if (!process.waitFor(millis, TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    return false;
                }
                if (process.exitValue() != 0 || !Files.isRegularFile(archive)) {
                    return false;
                }
                Files.writeString(stamp, stampText);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                return false;
            } catch (IOException e) {
                return false;
            }
        }
    }

    private String stampOf(Path jar, List<String> jvmOptions) throws IOException {
        return String.join("\n", jar.toAbsolutePath().toString(), Long.toString(Files.size(jar)),
                Files.getLastModifiedTime(jar).toString(), java.toString(), Runtime.version().toString(),
                String.join(" ", jvmOptions), "");
    }

    private static void run(List<String> command, Map<String, String> environment, Path log, int minutes)
            throws IOException {
        Process process = start(command, environment, log);
        try {
            if (!process.waitFor(minutes, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("Failed: " + String.join(" ", command) + " (see " + log + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("Interrupted: " + String.join(" ", command), e);
        }
    }

    private static Process start(List<String> command, Map<String, String> environment, Path log)
            throws IOException {
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static void deleteRecursively(Path path) throws IOException {
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
