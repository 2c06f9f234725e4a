package dev.shopstack.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How far the relay is behind: {@code shop.outbox.pending} (events not yet published) and
 * {@code shop.outbox.oldest.age} (seconds since the oldest of them was written; 0 when none). Both read the
 * unpublished-events index at scrape time, so a broker outage shows as a growing age.
 */
class OutboxMetrics implements MeterBinder {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    OutboxMetrics(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("shop.outbox.pending", this, OutboxMetrics::pending)
                .description("Outbox events not yet published to Kafka")
                .register(registry);
        Gauge.builder("shop.outbox.oldest.age", this, OutboxMetrics::oldestAgeSeconds)
                .baseUnit("seconds")
                .description("Age of the oldest outbox event not yet published")
                .register(registry);
    }

    double pending() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM outbox_events WHERE published_at IS NULL", Long.class);
        return count == null ? 0 : count;
    }

    double oldestAgeSeconds() {
        Timestamp oldest = jdbc.queryForObject(
                "SELECT MIN(created_at) FROM outbox_events WHERE published_at IS NULL", Timestamp.class);
        if (oldest == null) {
            return 0;
        }
        Duration age = Duration.between(oldest.toInstant(), clock.instant());
        return age.isNegative() ? 0 : age.toMillis() / 1000.0;
    }
}
