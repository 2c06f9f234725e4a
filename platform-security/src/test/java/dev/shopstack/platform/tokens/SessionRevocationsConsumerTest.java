package dev.shopstack.platform.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.junit.jupiter.api.Test;

/** How a record of {@code session-revocations} becomes entries of the list (the broker part runs in the services). */
class SessionRevocationsConsumerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final RevocationList list = new RevocationList(clock);
    private final SessionRevocationsConsumer consumer =
            new SessionRevocationsConsumer(new MockConsumer<>("earliest"), list, Duration.ofMinutes(16), clock);

    private void receive(String value) {
        consumer.apply(new ConsumerRecord<>("session-revocations", 0, 0, "u-1", value));
    }

    private static String event(String type, String expiresAt, String sessions) {
        return """
                {"specversion": "1.0", "id": "e-1", "source": "/user-service", "type": "%s", "subject": "u-1",
                 "data": {"userId": "u-1", "sessionIds": %s, "reason": "logout",
                          "revokedAt": "2026-01-01T10:00:00Z", "expiresAt": %s}}""".formatted(type, sessions, expiresAt);
    }

    @Test
    void everySessionOfTheEventIsRevokedUntilItsExpiry() {
        receive(event("user.sessions-revoked", "\"2026-01-01T10:16:00Z\"", "[\"s-1\", \"s-2\"]"));

        assertThat(list.isRevoked("s-1")).isTrue();
        assertThat(list.isRevoked("s-2")).isTrue();
        clock.advance(Duration.ofMinutes(16));
        assertThat(list.isRevoked("s-1")).isFalse();
    }

    @Test
    void epochSecondsAreReadTooAndNoEntryOutlivesTheHorizon() {
        receive(event("user.sessions-revoked", "1767262500.5", "[\"s-1\"]")); // 2026-01-01T10:15:00.5Z
        receive(event("user.sessions-revoked", "\"2027-01-01T00:00:00Z\"", "[\"s-forever\"]"));

        clock.advance(Duration.ofMinutes(15));
        assertThat(list.isRevoked("s-1")).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(list.isRevoked("s-1")).isFalse();
        assertThat(list.isRevoked("s-forever")).isTrue();
        clock.advance(Duration.ofMinutes(1));
        assertThat(list.isRevoked("s-forever"))
                .as("capped at the 16 min horizon")
                .isFalse();
    }

    @Test
    void otherEventsAndGarbageChangeNothing() {
        receive(event("user.registered", "\"2026-01-01T10:16:00Z\"", "[\"s-1\"]"));
        receive("not json");
        receive(null);
        receive(event("user.sessions-revoked", "null", "[\"s-1\"]"));

        assertThat(list.size()).isZero();
    }
}
