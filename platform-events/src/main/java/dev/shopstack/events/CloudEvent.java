package dev.shopstack.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode. Every event on the platform's topics
 * travels in one of these; consumers deduplicate by {@link #id()}.
 *
 * @param specversion always {@value #SPEC_VERSION}
 * @param id unique per event, the idempotency key for consumers
 * @param source the producing service, e.g. {@code /user-service}
 * @param type one of {@link EventTypes}
 * @param time when the state change happened
 * @param subject the aggregate id (user id, order id); also the Kafka record key
 * @param datacontenttype always {@value #JSON}
 * @param data the event payload
 */
public record CloudEvent<T>(
        String specversion,
        String id,
        String source,
        String type,
        Instant time,
        String subject,
        String datacontenttype,
        T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
    }

    /** A new event with a random id, stamped {@code time} (the publisher's injected clock). */
    public static <T> CloudEvent<T> of(String source, String type, String subject, T data, Instant time) {
        return new CloudEvent<>(SPEC_VERSION, UUID.randomUUID().toString(), source, type, time, subject, JSON, data);
    }

    /** A new event stamped by the system clock: for tests and tools; services pass their {@code Clock}'s time. */
    public static <T> CloudEvent<T> of(String source, String type, String subject, T data) {
        return of(source, type, subject, data, Instant.now());
    }
}
