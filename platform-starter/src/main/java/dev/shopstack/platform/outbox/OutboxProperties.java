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
 */
@ConfigurationProperties("shop.outbox")
public record OutboxProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("100ms") Duration pollInterval,
        @DefaultValue("100") int batchSize,
        @DefaultValue("5s") Duration sendTimeout,
        @DefaultValue("7d") Duration retention) {
}
