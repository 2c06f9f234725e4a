package dev.shopstack.platform.outbox;

import dev.shopstack.events.CloudEvent;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records an event in the service's own {@code outbox_events} table inside the caller's transaction, so the state
 * change and its event commit (or roll back) together. {@link OutboxRelay} sends it to Kafka afterwards: a broker
 * outage delays events, it never loses them. An event written inside a trace keeps that trace's {@code traceparent}
 * for the relay ({@link OutboxTracing}).
 */
public class Outbox {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final String source;
    private final Clock clock;
    private final OutboxTracing tracing;

    public Outbox(JdbcTemplate jdbc, JsonMapper json, String source, Clock clock) {
        this(jdbc, json, source, clock, OutboxTracing.none());
    }

    Outbox(JdbcTemplate jdbc, JsonMapper json, String source, Clock clock, OutboxTracing tracing) {
        this.jdbc = jdbc;
        this.json = json;
        this.source = source;
        this.clock = clock;
        this.tracing = tracing;
    }

    /**
     * @param topic the Kafka topic
     * @param type one of {@link dev.shopstack.events.EventTypes}
     * @param subject the aggregate id: the CloudEvents subject and the record key
     * @param data the payload record
     * @return the event, with its id
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public CloudEvent<Object> publish(String topic, String type, String subject, Object data) {
        CloudEvent<Object> event = CloudEvent.of(source, type, subject, data, clock.instant());
        jdbc.update(
                "INSERT INTO outbox_events (event_id, topic, record_key, event_type, payload, created_at, "
                        + "traceparent) VALUES (?, ?, ?, ?, ?, ?, ?)",
                event.id(),
                topic,
                subject,
                type,
                json.writeValueAsString(event),
                Timestamp.from(event.time()),
                tracing.currentTraceparent());
        return event;
    }
}
