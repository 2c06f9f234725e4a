package dev.shopstack.local;

import java.time.Duration;

/**
 * The optional Prometheus of the local run ({@code --monitoring}).
 *
 * @param enabled whether to start it
 * @param scrapeInterval how often it scrapes every process
 * @param evaluationInterval how often it evaluates the alert rules
 * @param alertForAtMost when set, every rule's {@code for:} window longer than this is shortened to it (tests wait
 *     for alerts to fire); the rule files themselves are not changed, the launcher rewrites a copy
 */
public record Monitoring(
        boolean enabled, Duration scrapeInterval, Duration evaluationInterval, Duration alertForAtMost) {

    public static final Monitoring OFF = new Monitoring(false, Duration.ofSeconds(15), Duration.ofSeconds(15), null);

    public Monitoring withEnabled(boolean on) {
        return new Monitoring(on, scrapeInterval, evaluationInterval, alertForAtMost);
    }

    public Monitoring withIntervals(Duration scrape, Duration evaluation) {
        return new Monitoring(enabled, scrape, evaluation, alertForAtMost);
    }

    public Monitoring withAlertForAtMost(Duration max) {
        return new Monitoring(enabled, scrapeInterval, evaluationInterval, max);
    }
}
