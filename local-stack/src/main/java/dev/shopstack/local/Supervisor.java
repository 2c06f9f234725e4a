package dev.shopstack.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Brings back a part that exited unexpectedly, as Kubernetes restarts a crashed container: with back-off, counting
 * every restart, and giving up with a clear message after repeated crashes ({@link RestartPolicy}). An exit after a
 * deliberate stop is not a crash; a SIGKILL is. Nothing is restarted once the stack is closing.
 */
final class Supervisor implements AutoCloseable {

    /** A JVM's exit code after SIGINT: a terminal's Ctrl-C, which stops the whole stack. */
    private static final int CTRL_C = 130;

    private final RestartPolicy policy;
    private final Clock clock;
    private final Consumer<String> console;
    /** Waits until a restarted part serves again; false when it did not. */
    private final Predicate<Part> awaitReady;

    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "supervisor"));
    private final ExecutorService watchers =
            Executors.newCachedThreadPool(runnable -> daemon(runnable, "supervisor-ready"));
    private volatile boolean closed;

    Supervisor(RestartPolicy policy, Clock clock, Consumer<String> console, Predicate<Part> awaitReady) {
        this.policy = policy;
        this.clock = clock;
        this.console = console;
        this.awaitReady = awaitReady;
    }

    /** From now on the part is supervised: it was ready once, so an unexpected exit is a crash to recover from. */
    void watch(Part part) {
        part.process().onExit((process, generation, exitCode, uptime) -> exited(part, generation, exitCode, uptime));
        synchronized (part.state()) {
            part.state().supervised = true;
            part.state().wanted = true;
        }
    }

    /** A deliberate stop follows: its exit is not a crash. */
    void expectStop(Part part) {
        synchronized (part.state()) {
            part.state().wanted = false;
        }
    }

    /** The part should run again (a person or a test started it): a former give-up no longer holds. */
    void expectRunning(Part part) {
        synchronized (part.state()) {
            part.state().wanted = true;
            part.state().givenUp = false;
            part.state().crashes.clear();
        }
    }

    boolean hasGivenUp(Part part) {
        synchronized (part.state()) {
            return part.state().givenUp;
        }
    }

    int restarts(Part part) {
        synchronized (part.state()) {
            return part.state().restarts;
        }
    }

    private void exited(Part part, long generation, int exitCode, Duration uptime) {
        Duration delay;
        int restart;
        synchronized (part.state()) {
            Part.State state = part.state();
            if (closed
                    || !state.wanted
                    || !state.supervised
                    || generation != part.process().generation()
                    || exitCode == CTRL_C) {
                return; // a deliberate stop, an earlier process, or Ctrl-C (it reaches the launcher too)
            }
            Instant now = clock.instant();
            state.crashes.add(now);
            int crashes = policy.crashesInWindow(state.crashes, now);
            if (policy.givesUp(crashes)) {
                state.givenUp = true;
                console.accept(String.format(
                        "%s exited unexpectedly (exit code %d) %d times within %d min: not "
                                + "restarting it again. Its log: %s%nLast lines:%n%s",
                        part.name(),
                        exitCode,
                        crashes,
                        policy.window().toMinutes(),
                        part.process().logFile(),
                        part.process().logTail(15)));
                return;
            }
            delay = policy.delayAfter(crashes);
            restart = state.restarts + 1;
            console.accept(String.format(
                    "%s exited unexpectedly (exit code %d%s) after %d s; restart #%d in %d s",
                    part.name(),
                    exitCode,
                    exitCode == 137 ? ", killed" : "",
                    uptime.toSeconds(),
                    restart,
                    delay.toSeconds()));
        }
        scheduler.schedule(() -> restart(part, generation, restart), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void restart(Part part, long crashedGeneration, int restart) {
        synchronized (part.state()) {
            if (closed || !part.state().wanted || part.process().generation() != crashedGeneration) {
                return; // stopped on purpose, or already started by someone else meanwhile
            }
            try {
                part.process().start();
            } catch (RuntimeException e) {
                console.accept("Restarting " + part.name() + " failed: " + e.getMessage());
                return;
            }
            part.state().restarts++;
        }
        long started = System.nanoTime();
        watchers.execute(() -> {
            if (awaitReady.test(part) && !closed) {
                console.accept(String.format(
                        "%s is back after restart #%d (ready in %.1f s)",
                        part.name(), restart, (System.nanoTime() - started) / 1e9));
            }
        });
    }

    @Override
    public void close() {
        closed = true;
        scheduler.shutdownNow();
        watchers.shutdownNow();
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
