package dev.shopstack.platform.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The transactional outbox of a service that publishes events.
 *
 * @param enabled turn the outbox on (services that publish events)
 * @param pollInterval how often the relay looks for unpublished events; bounds the added event latency
 * @param batchSize events sent per poll
 * @param sendTimeout how long one send may wait for the broker before the relay backs off
 * @param retention how long published events are kept for inspection before they are deleted
 * @param lease how long a relay's claim on a batch holds; a crashed replica's events wait this long for another
 *     replica (at least twice the send timeout: a batch stops sending at half the lease)
 */
@ConfigurationProperties("shop.outbox")
public record OutboxProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("100ms") Duration pollInterval,
        @DefaultValue("100") int batchSize,
        @DefaultValue("5s") Duration sendTimeout,
        @DefaultValue("7d") Duration retention,
        @DefaultValue("30s") Duration lease) {

    public OutboxProperties {
        if (lease.compareTo(sendTimeout.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("shop.outbox.lease must be at least twice shop.outbox.send-timeout");
        }
        if (batchSize < 1 || batchSize > 1000) {
            throw new IllegalArgumentException("shop.outbox.batch-size must be between 1 and 1000");
        }
    }
}
