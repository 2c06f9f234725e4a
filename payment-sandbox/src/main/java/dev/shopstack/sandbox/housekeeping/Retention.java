package dev.shopstack.sandbox.housekeeping;

import dev.shopstack.sandbox.SandboxProperties;
import dev.shopstack.sandbox.api.IdempotencyStore;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the sandbox's tables bounded as Stripe bounds its own: idempotent answers for 24 hours, events (and their
 * finished deliveries) for 30 days. PaymentIntents, charges and refunds are kept: they are the shop's records.
 */
@Component
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final IdempotencyStore idempotency;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final SandboxProperties.Retention retention;

    public Retention(IdempotencyStore idempotency, JdbcClient jdbc, Clock clock, SandboxProperties properties) {
        this.idempotency = idempotency;
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = properties.retention();
    }

    @Scheduled(initialDelayString = "1m", fixedDelayString = "1h")
    public void prune() {
        Instant now = clock.instant();
        int keys = idempotency.deleteCreatedBefore(now.minus(retention.idempotencyKeys()));
        long eventsBefore = now.minus(retention.events()).getEpochSecond();
        // an event whose webhook is still pending stays until it is delivered or given up
        int events = jdbc.sql("DELETE FROM events WHERE created < ? AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d "
                        + "WHERE d.event_seq = events.seq AND d.state = 'PENDING')")
                .param(eventsBefore)
                .update();
        if (keys + events > 0) {
            log.info("Pruned {} idempotency key(s) and {} event(s)", keys, events);
        }
    }
}
