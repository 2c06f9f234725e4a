package dev.shopstack.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** One child process of the stack, its output appended to its own log file. */
final class ManagedProcess {

    /** Told about every exit of a process this object started, whatever the cause. */
    interface ExitListener {
        void exited(ManagedProcess process, long generation, int exitCode, Duration uptime);
    }

    private final String name;
    /** Asked at every start: a Spring Boot application's command changes once its start-up cache exists. */
    private final Supplier<List<String>> command;

    private final Map<String, String> environment;
    private final Path logFile;
    private Process process;
    /** Counts the starts, so a late exit notice of an earlier process is recognised as such. */
    private long generation;

    private volatile ExitListener exitListener = (process, generation, exitCode, uptime) -> {};

    ManagedProcess(String name, Supplier<List<String>> command, Map<String, String> environment, Path logFile) {
        this.name = name;
        this.command = command;
        this.environment = Map.copyOf(environment);
        this.logFile = logFile;
    }

    String name() {
        return name;
    }

    Path logFile() {
        return logFile;
    }

    void onExit(ExitListener listener) {
        this.exitListener = listener;
    }

    /** Starts the process unless it runs already; true when it started a new one. */
    synchronized boolean start() {
        if (isAlive()) {
            return false;
        }
        try {
            Files.createDirectories(logFile.getParent());
            var builder = new ProcessBuilder(command.get())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment);
            Process started = builder.start();
            long startedAt = System.nanoTime();
            long startNumber = ++generation;
            process = started;
            started.onExit()
                    .thenAccept(exited -> exitListener.exited(
                            this, startNumber, exited.exitValue(), Duration.ofNanos(System.nanoTime() - startedAt)));
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    synchronized long generation() {
        return generation;
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** SIGTERM, so the service shuts down gracefully; SIGKILL if it has not exited within {@code grace}. */
    void stop(Duration grace) {
        Process running;
        synchronized (this) {
            running = process;
        }
        if (running == null || !running.isAlive()) {
            return;
        }
        running.descendants().forEach(ProcessHandle::destroy);
        running.destroy();
        try {
            if (!running.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    /** SIGKILL: no shutdown hooks, no graceful anything, like a crashed node. */
    void kill() {
        Process running;
        synchronized (this) {
            running = process;
        }
        if (running == null) {
            return;
        }
        running.descendants().forEach(ProcessHandle::destroyForcibly);
        running.destroyForcibly();
        try {
            running.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines of the log, to show why a process did not come up. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
