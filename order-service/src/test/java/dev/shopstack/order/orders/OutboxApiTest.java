package dev.shopstack.order.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.order.IntegrationTestSupport;
import dev.shopstack.platform.outbox.OutboxRelay;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The outbox keeps no copy of a published event, and tells how far behind the relay is. */
class OutboxApiTest extends IntegrationTestSupport {

    @Autowired
    MeterRegistry meters;

    @Autowired
    OutboxRelay relay;

    @Test
    void aPublishedEventsPayloadIsBlankedInTheTable() {
        UUID order = place(UUID.randomUUID(), BOOK, 1);

        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM outbox_events WHERE published_at IS NULL", Integer.class)
                        == 0);

        assertThat(events().await("order.placed", order)).isNotNull();
        assertThat(jdbc.queryForList("SELECT payload FROM outbox_events", String.class))
                .isNotEmpty()
                .allSatisfy(payload -> assertThat(payload).isEmpty());
    }

    @Test
    void pendingEventsAndTheOldestAgeAreGauges() {
        synchronized (relay) { // the relay waits: the row stays unpublished while the gauges are read
            pendingRowIsCounted();
        }
    }

    private void pendingRowIsCounted() {
        jdbc.update(
                "INSERT INTO outbox_events (event_id, topic, record_key, event_type, payload, created_at) "
                        + "VALUES (?, 'nowhere', 'k', 'test', '{}', ?)",
                UUID.randomUUID().toString(),
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(120)));

        double pending = meters.get("shop.outbox.pending").gauge().value();
        double age = meters.get("shop.outbox.oldest.age").gauge().value();

        assertThat(pending).isGreaterThanOrEqualTo(1);
        assertThat(age).isGreaterThanOrEqualTo(119);
        jdbc.update("DELETE FROM outbox_events");
        assertThat(meters.get("shop.outbox.pending").gauge().value()).isZero();
        assertThat(meters.get("shop.outbox.oldest.age").gauge().value()).isZero();
    }
}
