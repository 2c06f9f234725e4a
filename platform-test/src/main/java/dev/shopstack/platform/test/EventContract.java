package dev.shopstack.platform.test;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The events contract: platform-events' AsyncAPI document ({@value #DOCUMENT}). For each channel (topic) the
 * messages it carries, by CloudEvents type (the message's {@code name}), with the JSON Schemas of the record's
 * value (the envelope and its {@code data}), headers and key.
 */
public final class EventContract {

    /** On the classpath, from platform-events. */
    public static final String DOCUMENT = "asyncapi/shopstack-events.yaml";
    // the base IRI of the document's internal $refs: a name, served from memory, never fetched
    private static final String IRI = "urn:shopstack:asyncapi:events";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Message(Schema value, Schema headers, Schema key) {}

    private final Map<String, Map<String, Message>> channels;

    private EventContract(Map<String, Map<String, Message>> channels) {
        this.channels = channels;
    }

    /** Reads the document from the classpath. */
    public static EventContract load() {
        JsonNode document = readDocument();
        // AsyncAPI 3's default schema format is a superset of JSON Schema draft 7
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_7,
                builder -> builder.schemas(Map.of(IRI, JSON.writeValueAsString(document))));
        Map<String, Map<String, Message>> channels = new HashMap<>();
        document.path("channels").properties().forEach(channel -> {
            Map<String, Message> messages = new HashMap<>();
            channel.getValue().path("messages").properties().forEach(entry -> {
                String message = resolve(document, "/channels/" + channel.getKey() + "/messages/" + entry.getKey());
                String bindings = resolve(document, message + "/bindings");
                messages.put(
                        document.at(message + "/name").asString(),
                        new Message(
                                schema(registry, message + "/payload"),
                                schema(registry, message + "/headers"),
                                schema(registry, bindings + "/kafka/key")));
            });
            channels.put(channel.getValue().path("address").asString(), Map.copyOf(messages));
        });
        return new EventContract(Map.copyOf(channels));
    }

    /** The topics the contract describes. */
    public Set<String> topics() {
        return channels.keySet();
    }

    /** The CloudEvents types the contract allows on this topic (none for a topic it does not describe). */
    public Set<String> types(String topic) {
        return channels.getOrDefault(topic, Map.of()).keySet();
    }

    /**
     * Fails, naming the type, the field and the reason, when a record does not match the message of its type on
     * its topic, or its type is not one of the topic's messages.
     *
     * @param headers the record's headers, UTF-8 decoded
     */
    public void assertMatches(String topic, String key, Map<String, String> headers, String value) {
        List<String> violations = violations(topic, key, headers, value);
        if (!violations.isEmpty()) {
            throw new AssertionError("A record on " + topic + " (key " + key + ") breaks the events contract ("
                    + DOCUMENT + "):\n  " + String.join("\n  ", violations) + "\nvalue: " + value);
        }
    }

    private List<String> violations(String topic, String key, Map<String, String> headers, String value) {
        JsonNode envelope;
        try {
            envelope = JSON.readTree(value);
        } catch (JacksonException e) {
            return List.of("the value is not JSON: " + e.getOriginalMessage());
        }
        String type = envelope.path("type").asString("");
        Message message = channels.getOrDefault(topic, Map.of()).get(type);
        if (message == null) {
            return List.of(
                    "type '" + type + "' is not a message of channel " + topic + " (known: " + types(topic) + ")");
        }
        List<String> violations = new ArrayList<>();
        report(type, "value", message.value().validate(envelope), violations);
        ObjectNode headerNode = JsonNodeFactory.instance.objectNode();
        headers.forEach(headerNode::put);
        report(type, "headers", message.headers().validate(headerNode), violations);
        JsonNode keyNode = key == null ? JsonNodeFactory.instance.nullNode() : JsonNodeFactory.instance.stringNode(key);
        report(type, "key", message.key().validate(keyNode), violations);
        if (key != null && !key.equals(envelope.path("subject").asString(null))) {
            violations.add(type + " key: '" + key + "' is not the envelope's subject");
        }
        if (!type.equals(headers.get("ce_type"))) {
            violations.add(type + " headers: ce_type '" + headers.get("ce_type") + "' is not the envelope's type");
        }
        return violations;
    }

    private static void report(String type, String part, List<Error> errors, List<String> violations) {
        for (Error error : errors) {
            String field = error.getInstanceLocation().toString(); // a JSON pointer, empty for the whole part
            violations.add(type + " " + part + " " + (field.isEmpty() ? "/" : field) + ": " + error.getMessage());
        }
    }

    private static Schema schema(SchemaRegistry registry, String pointer) {
        Schema schema = registry.getSchema(SchemaLocation.of(IRI + "#" + pointer));
        schema.initializeValidators(); // a broken $ref fails here, at load, not at the first record
        return schema;
    }

    /** The JSON pointer of what is at this pointer: the target of its local {@code $ref}, if it is one. */
    private static String resolve(JsonNode document, String pointer) {
        String ref = document.at(pointer).path("$ref").asString("");
        String target = ref.startsWith("#/") ? ref.substring(1) : pointer;
        if (document.at(target).isMissingNode()) {
            throw new IllegalStateException(DOCUMENT + ": nothing at " + target);
        }
        return target;
    }

    private static JsonNode readDocument() {
        try (InputStream in = EventContract.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is not on the classpath (platform-events)");
            }
            Object yaml = new Yaml().load(in);
            return JSON.valueToTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
