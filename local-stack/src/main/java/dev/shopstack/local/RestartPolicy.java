package dev.shopstack.local;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * When the launcher brings back a child that exited unexpectedly, as Kubernetes does with a crashing container:
 * after a delay that doubles with every crash in the window (1, 2, 4 ... s up to {@code maxDelay}), and not at all
 * once {@code maxCrashes} crashes fall within {@code window}: a process that keeps dying needs a person.
 *
 * @param initialDelay the delay before the first restart
 * @param maxDelay the longest delay
 * @param maxCrashes crashes within the window after which the launcher gives up; 0 never restarts
 * @param window how far back crashes count
 */
public record RestartPolicy(Duration initialDelay, Duration maxDelay, int maxCrashes, Duration window) {

    public static final RestartPolicy DEFAULT =
            new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 5, Duration.ofMinutes(10));

    /** No restarts at all ({@code SHOP_RESTARTS=off}). */
    public static final RestartPolicy NEVER =
            new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 0, Duration.ofMinutes(10));

    public RestartPolicy {
        if (initialDelay.isNegative()
                || maxDelay.compareTo(initialDelay) < 0
                || maxCrashes < 0
                || window.isNegative()
                || window.isZero()) {
            throw new IllegalArgumentException("Inconsistent restart policy: " + initialDelay + ".." + maxDelay + ", "
                    + maxCrashes + " crashes in " + window);
        }
    }

    /** How many of {@code crashes} fall within the window that ends at {@code now}. */
    public int crashesInWindow(List<Instant> crashes, Instant now) {
        Instant since = now.minus(window);
        return (int) crashes.stream()
                .filter(crash -> crash.isAfter(since) && !crash.isAfter(now))
                .count();
    }

    /** Whether the launcher stops restarting after the {@code crashesInWindow}-th crash in the window. */
    public boolean givesUp(int crashesInWindow) {
        return crashesInWindow >= maxCrashes;
    }

    /** The delay before the restart that follows the {@code crashesInWindow}-th crash in the window (from 1). */
    public Duration delayAfter(int crashesInWindow) {
        Duration delay = initialDelay;
        for (int i = 1; i < crashesInWindow && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
