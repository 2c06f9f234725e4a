package dev.shopstack.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shopstack.events.CloudEvent;
import dev.shopstack.events.EventType;
import dev.shopstack.events.Topics;
import dev.shopstack.events.order.OrderCancelled;
import dev.shopstack.events.order.OrderLine;
import dev.shopstack.events.order.OrderPaymentFailed;
import dev.shopstack.events.order.OrderPlaced;
import dev.shopstack.events.order.OrderRefunded;
import dev.shopstack.events.order.OrderStatusChanged;
import dev.shopstack.events.user.AccountLocked;
import dev.shopstack.events.user.EmailChangeRequested;
import dev.shopstack.events.user.EmailVerificationRequested;
import dev.shopstack.events.user.PasswordChanged;
import dev.shopstack.events.user.PasswordResetRequested;
import dev.shopstack.events.user.SessionsRevoked;
import dev.shopstack.events.user.UserDeleted;
import dev.shopstack.events.user.UserRegistered;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class EventContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final EventContract CONTRACT = EventContract.load();
    private static final String USER = UUID.randomUUID().toString();
    private static final String ORDER = UUID.randomUUID().toString();
    private static final Instant NOW = Instant.parse("2026-11-23T07:30:00.123456Z");
    private static final String SEALED = "v1.q83vEjRWeJASNFZ4kKvN7w";

    /** One payload of every registered event, every field set, as the producers build them. */
    private static final List<Record> SAMPLES = List.of(
            new UserRegistered(USER, "ada@example.org", "ada", "Ada"),
            new EmailVerificationRequested(USER, "ada@example.org", null, SEALED, NOW),
            new PasswordResetRequested(USER, "ada@example.org", "Ada", SEALED, NOW),
            new PasswordChanged(USER, "ada@example.org", "Ada", NOW),
            new EmailChangeRequested(USER, "ada@example.org", "Ada", "n***@example.org", NOW),
            new AccountLocked(USER, "ada@example.org", "Ada", 20, 4, NOW, NOW.plusSeconds(900)),
            new UserDeleted(USER, NOW),
            new SessionsRevoked(USER, List.of(UUID.randomUUID().toString()), "logout", NOW, NOW.plusSeconds(960)),
            new OrderPlaced(
                    ORDER,
                    USER,
                    "ada@example.org",
                    List.of(new OrderLine(
                            "12", "BOOK-001", "Clean Code", 2, new BigDecimal("29.99"), new BigDecimal("59.98"))),
                    "EUR",
                    new BigDecimal("59.98"),
                    NOW),
            new OrderStatusChanged(ORDER, USER, null, "PAID", "SHIPPED", NOW),
            new OrderCancelled(ORDER, USER, "ada@example.org", "cancelled by the customer", NOW),
            new OrderPaymentFailed(ORDER, USER, "ada@example.org", "Your card was declined.", NOW),
            new OrderRefunded(
                    ORDER,
                    USER,
                    "ada@example.org",
                    UUID.randomUUID().toString(),
                    new BigDecimal("10.00"),
                    "EUR",
                    "damaged",
                    new BigDecimal("10.00"),
                    false,
                    NOW));

    @Test
    void everyRegisteredEventIsAMessageOfItsTopicsChannelAndNothingElseIs() {
        assertThat(CONTRACT.topics())
                .containsExactlyInAnyOrder(Topics.USER_EVENTS, Topics.ORDER_EVENTS, Topics.SESSION_REVOCATIONS);
        for (String topic : CONTRACT.topics()) {
            assertThat(CONTRACT.types(topic))
                    .as(topic)
                    .containsExactlyInAnyOrderElementsOf(EventType.onTopic(topic).stream()
                            .map(EventType::type)
                            .toList());
        }
    }

    @Test
    void everyEventAsTheRecordsSerializeMatchesItsMessage() {
        Map<EventType, Record> samples = SAMPLES.stream().collect(Collectors.toMap(EventType::of, Function.identity()));
        assertThat(samples.keySet()).as("a sample of every event").isEqualTo(Set.of(EventType.values()));
        samples.forEach((event, data) -> assertThatCode(
                        () -> assertMatches(event.topic(), envelope(data), headers(event.type())))
                .as(event.type())
                .doesNotThrowAnyException());
    }

    @Test
    void aMissingFieldAWrongTypeOrAnUnknownFieldIsRefusedWithTheTypeFieldAndReason() {
        ObjectNode placed = envelope(sample(EventType.ORDER_PLACED));
        placed.withObject("data").remove("email");
        placed.withObject("data").put("total", "59.98");
        ((ObjectNode) placed.withObject("data").withArray("lines").get(0)).put("colour", "red");

        assertThatThrownBy(() -> assertMatches(Topics.ORDER_EVENTS, placed, headers("order.placed")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("breaks the events contract")
                .hasMessageContaining("order.placed value /data: required property 'email' not found")
                .hasMessageContaining("order.placed value /data/total: string found, number expected")
                .hasMessageContaining("order.placed value /data/lines/0: property 'colour' is not defined");
    }

    @Test
    void aWrongFormatOrValueIsRefused() {
        ObjectNode revoked = envelope(sample(EventType.USER_SESSIONS_REVOKED));
        revoked.withObject("data").put("reason", "bored");
        revoked.withObject("data").put("revokedAt", "yesterday");
        revoked.put("specversion", "0.3");

        String type = "user.sessions-revoked";
        assertThatThrownBy(() -> assertMatches(Topics.SESSION_REVOCATIONS, revoked, headers(type)))
                .hasMessageContaining(type + " value /data/reason: does not have a value in the enumeration")
                .hasMessageContaining(type + " value /data/revokedAt: does not match the date-time pattern")
                .hasMessageContaining(type + " value /specversion: must be the constant value '1.0'");
    }

    @Test
    void anUnknownTypeOrATypeOnAnotherTopicIsRefused() {
        ObjectNode renamed = envelope(sample(EventType.USER_DELETED));
        renamed.put("type", "user.renamed");
        assertThatThrownBy(() -> assertMatches(Topics.USER_EVENTS, renamed, headers("user.renamed")))
                .hasMessageContaining("type 'user.renamed' is not a message of channel user-events");

        ObjectNode deleted = envelope(sample(EventType.USER_DELETED));
        assertThatThrownBy(() -> assertMatches(Topics.ORDER_EVENTS, deleted, headers("user.deleted")))
                .hasMessageContaining("type 'user.deleted' is not a message of channel order-events");
        assertThatThrownBy(() -> CONTRACT.assertMatches(Topics.USER_EVENTS, USER, headers("x"), "not json"))
                .hasMessageContaining("the value is not JSON");
    }

    @Test
    void theKeyMustBeTheSubjectAndTheHeadersTheRelays() {
        ObjectNode deleted = envelope(sample(EventType.USER_DELETED));
        String json = JSON.writeValueAsString(deleted);

        assertThatThrownBy(() -> CONTRACT.assertMatches(Topics.USER_EVENTS, "u-1", headers("user.deleted"), json))
                .hasMessageContaining("user.deleted key /: does not match the uuid pattern")
                .hasMessageContaining("user.deleted key: 'u-1' is not the envelope's subject");
        assertThatThrownBy(() -> CONTRACT.assertMatches(Topics.USER_EVENTS, USER, Map.of(), json))
                .hasMessageContaining("user.deleted headers /: required property 'content-type' not found")
                .hasMessageContaining("user.deleted headers: ce_type 'null' is not the envelope's type");
        assertThatThrownBy(() -> CONTRACT.assertMatches(
                        Topics.USER_EVENTS,
                        USER,
                        Map.of(
                                "content-type",
                                "application/cloudevents+json",
                                "ce_type",
                                "user.deleted",
                                "traceparent",
                                "00-abc-01"),
                        json))
                .hasMessageContaining("user.deleted headers /traceparent: does not match the regex pattern");
    }

    private static Record sample(EventType event) {
        return SAMPLES.stream()
                .filter(data -> EventType.of(data) == event)
                .findFirst()
                .orElseThrow();
    }

    private static ObjectNode envelope(Record data) {
        EventType event = EventType.of(data);
        String source = event.topic().equals(Topics.ORDER_EVENTS) ? "/order-service" : "/user-service";
        String subject = event.topic().equals(Topics.ORDER_EVENTS) ? ORDER : USER;
        return (ObjectNode) JSON.valueToTree(CloudEvent.of(source, event.type(), subject, data, NOW));
    }

    private static void assertMatches(String topic, ObjectNode envelope, Map<String, String> headers) {
        CONTRACT.assertMatches(topic, envelope.path("subject").asString(), headers, JSON.writeValueAsString(envelope));
    }

    private static Map<String, String> headers(String type) {
        return Map.of(
                "content-type",
                "application/cloudevents+json",
                "ce_type",
                type,
                "traceparent",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    }
}
