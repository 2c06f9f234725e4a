package dev.shopstack.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The start-up cache of every Spring Boot application of a stack: looks up each application's entry and trains the
 * missing ones, all at once, before the stack starts. A failed training costs only speed: that application starts
 * from its plain jar.
 */
final class StartupCacheTraining {

    /** Generous: a busy machine trains slowly, and a finished entry serves every later start of the same jar. */
    private static final Duration TIMEOUT = Duration.ofMinutes(20);

    private final StartupCache cache;
    private final Map<String, StartupCache.Entry> entries = new LinkedHashMap<>();

    StartupCacheTraining(StartupCache cache) {
        this.cache = cache;
    }

    /** One application's training run in progress, or another launcher's that this one waits for. */
    record Run(StartupCache.Entry entry, Process process, FileChannel lock) {

        /** Waits until {@code deadlineNanos} (System.nanoTime); true when the entry is complete. */
        boolean await(long deadlineNanos) {
            try {
                if (process == null) {
                    while (!entry.isComplete() && System.nanoTime() < deadlineNanos) {
                        Thread.sleep(500);
                    }
                    return entry.isComplete();
                }
                long millis = Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
                if (!process.waitFor(millis, TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    return false;
                }
                if (process.exitValue() != 0 || !Files.isRegularFile(entry.archive())) {
                    return false;
                }
                StartupCache.complete(entry);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (process != null) {
                    process.destroyForcibly();
                }
                return false;
            } catch (IOException e) {
                return false;
            } finally {
                closeQuietly();
            }
        }

        private void closeQuietly() {
            try {
                if (lock != null) {
                    lock.close();
                }
            } catch (IOException e) {
                // the lock goes with the channel, or with this process
            }
        }
    }

    /**
     * Makes sure every application has a complete entry (trains those without one, in parallel); {@code say} tells
     * the person at the console what takes so long.
     */
    void prepare(List<SpringBootLaunch> apps, Map<String, Path> jars, Path logsDir, Consumer<String> say) {
        List<Run> runs = new ArrayList<>();
        for (SpringBootLaunch app : apps) {
            String name = app.module().name();
            StartupCache.Entry entry = cache.entry(name, jars.get(name), app.jvmOptions());
            entries.put(name, entry);
            if (entry.isComplete()) {
                continue;
            }
            try {
                runs.add(cache.train(
                        entry,
                        jars.get(name),
                        app.jvmOptions(),
                        app.trainingArgs(),
                        app.environment(),
                        logsDir.resolve(name + "-training.log")));
            } catch (UncheckedIOException e) {
                say.accept("No start-up cache for " + name + ", it starts from its jar: " + e.getMessage());
            }
        }
        if (runs.isEmpty()) {
            return;
        }
        say.accept("Preparing the start-up cache of "
                + runs.stream().map(run -> run.entry().app()).toList()
                + " (new jars; later starts reuse it; SHOP_STARTUP_CACHE=off skips it) ...");
        long started = System.nanoTime();
        long deadline = started + TIMEOUT.toNanos(); // they run in parallel: one deadline for all
        for (Run run : runs) {
            if (!run.await(deadline)) {
                say.accept("No start-up cache for " + run.entry().app() + ", it starts from its jar; see "
                        + logsDir.resolve(run.entry().app() + "-training.log"));
            }
        }
        say.accept(String.format("Start-up cache ready in %.1f s.", (System.nanoTime() - started) / 1e9));
        entries.keySet().forEach(cache::prune);
    }

    /** The complete entry of an application, if it has one. */
    Optional<StartupCache.Entry> completeEntry(String module) {
        StartupCache.Entry entry = entries.get(module);
        return entry != null && entry.isComplete() ? Optional.of(entry) : Optional.empty();
    }

    /** From the cache when it is complete, from the plain jar otherwise. */
    List<String> command(Path java, List<String> marker, SpringBootLaunch app, Path jar) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(marker);
        command.addAll(app.jvmOptions());
        Optional<StartupCache.Entry> entry = completeEntry(app.module().name());
        if (entry.isPresent()) {
            command.addAll(cache.useArchive(entry.get()));
            command.addAll(List.of("-jar", entry.get().runnableJar().toString()));
        } else {
            command.addAll(List.of("-jar", jar.toString()));
        }
        command.addAll(app.springArgs());
        return command;
    }
}
