package dev.shopstack.notification.events;

import dev.shopstack.events.CloudEvent;
import dev.shopstack.events.EventType;
import dev.shopstack.notification.MalformedEventException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a record value as a CloudEvents envelope and types its {@code data} by the {@link EventType} registry. */
@Component
class EventReader {

    private static final Logger log = LoggerFactory.getLogger(EventReader.class);

    private static final TypeReference<CloudEvent<JsonNode>> ENVELOPE = new TypeReference<>() {};

    private final JsonMapper json;

    EventReader(JsonMapper json) {
        // a tolerant reader: producers may add fields without breaking this consumer (the HTTP API stays strict)
        this.json = json.rebuild()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /** The event with typed data, or empty for a type this service does not know (logged, not an error). */
    Optional<CloudEvent<Object>> read(String value) {
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("empty record value");
        }
        CloudEvent<JsonNode> envelope = parse(value);
        // only the events of the topics read here: another topic's type on these topics is as unknown as a typo
        Class<?> payload = EventType.ofType(envelope.type())
                .filter(ConsumedEvents.all()::contains)
                .map(EventType::payload)
                .orElse(null);
        if (payload == null) {
            log.info("Skipping event {} of unknown type {}", envelope.id(), envelope.type());
            return Optional.empty();
        }
        if (envelope.data() == null || envelope.data().isNull()) {
            throw new MalformedEventException("event " + envelope.id() + " (" + envelope.type() + ") has no data");
        }
        Object data = convert(envelope, payload);
        return Optional.of(new CloudEvent<>(
                envelope.specversion(),
                envelope.id(),
                envelope.source(),
                envelope.type(),
                envelope.time(),
                envelope.subject(),
                envelope.datacontenttype(),
                data));
    }

    private CloudEvent<JsonNode> parse(String value) {
        try {
            return json.readValue(value, ENVELOPE);
        } catch (JacksonException e) {
            throw malformed("not a CloudEvents JSON envelope", e);
        }
    }

    private Object convert(CloudEvent<JsonNode> envelope, Class<?> payload) {
        try {
            return json.treeToValue(envelope.data(), payload);
        } catch (JacksonException e) {
            throw malformed("event " + envelope.id() + " (" + envelope.type() + ") has invalid data", e);
        }
    }

    /** Where and what kind of error, without Jackson's message: that may quote the (secret) input. */
    private static MalformedEventException malformed(String what, JacksonException e) {
        String path = e.getPathReference();
        return new MalformedEventException(
                what + ": " + e.getClass().getSimpleName() + (path == null || path.isEmpty() ? "" : " at " + path));
    }
}
