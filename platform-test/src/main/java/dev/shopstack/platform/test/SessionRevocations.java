package dev.shopstack.platform.test;

import dev.shopstack.events.CloudEvent;
import dev.shopstack.events.EventTypes;
import dev.shopstack.events.Topics;
import dev.shopstack.events.user.SessionsRevoked;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/** Produces {@code user.sessions-revoked} to a real broker, as user-service's outbox relay does. */
public final class SessionRevocations {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SessionRevocations() {}

    /** Revokes the sessions for the next 16 minutes; answers once the broker has the record. */
    public static void publish(String bootstrapServers, String userId, List<String> sessionIds) {
        Instant now = Instant.now();
        var event = CloudEvent.of(
                "/user-service",
                EventTypes.USER_SESSIONS_REVOKED,
                userId,
                new SessionsRevoked(userId, sessionIds, "logout", now, now.plus(Duration.ofMinutes(16))));
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.SESSION_REVOCATIONS, userId, JSON.writeValueAsString(event)))
                    .get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot produce the revocation", e);
        }
    }
}
