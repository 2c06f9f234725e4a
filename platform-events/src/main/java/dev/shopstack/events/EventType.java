package dev.shopstack.events;

import dev.shopstack.events.order.OrderCancelled;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one registry of the platform's events: CloudEvents {@code type} ↔ payload record ↔ Kafka topic. Producers
 * publish a record and take its type and topic from here; consumers type a record's {@code data} from here. A new
 * event is a record and one line below (see docs/events.md).
 */
public enum EventType {
    USER_REGISTERED(EventTypes.USER_REGISTERED, Topics.USER_EVENTS, UserRegistered.class),
    USER_EMAIL_VERIFICATION_REQUESTED(
            EventTypes.USER_EMAIL_VERIFICATION_REQUESTED, Topics.USER_EVENTS, EmailVerificationRequested.class),
    USER_PASSWORD_RESET_REQUESTED(
            EventTypes.USER_PASSWORD_RESET_REQUESTED, Topics.USER_EVENTS, PasswordResetRequested.class),
    USER_PASSWORD_CHANGED(EventTypes.USER_PASSWORD_CHANGED, Topics.USER_EVENTS, PasswordChanged.class),
    USER_EMAIL_CHANGE_REQUESTED(EventTypes.USER_EMAIL_CHANGE_REQUESTED, Topics.USER_EVENTS, EmailChangeRequested.class),
    USER_ACCOUNT_LOCKED(EventTypes.USER_ACCOUNT_LOCKED, Topics.USER_EVENTS, AccountLocked.class),
    USER_DELETED(EventTypes.USER_DELETED, Topics.USER_EVENTS, UserDeleted.class),
    USER_SESSIONS_REVOKED(EventTypes.USER_SESSIONS_REVOKED, Topics.SESSION_REVOCATIONS, SessionsRevoked.class),

    ORDER_PLACED(EventTypes.ORDER_PLACED, Topics.ORDER_EVENTS, OrderPlaced.class),
    ORDER_STATUS_CHANGED(EventTypes.ORDER_STATUS_CHANGED, Topics.ORDER_EVENTS, OrderStatusChanged.class),
    ORDER_CANCELLED(EventTypes.ORDER_CANCELLED, Topics.ORDER_EVENTS, OrderCancelled.class),
    ORDER_PAYMENT_FAILED(EventTypes.ORDER_PAYMENT_FAILED, Topics.ORDER_EVENTS, OrderPaymentFailed.class),
    ORDER_REFUNDED(EventTypes.ORDER_REFUNDED, Topics.ORDER_EVENTS, OrderRefunded.class);

    private static final Map<String, EventType> BY_TYPE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));
    private static final Map<Class<?>, EventType> BY_PAYLOAD =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::payload, Function.identity()));

    private final String type;
    private final String topic;
    private final Class<? extends Record> payload;

    EventType(String type, String topic, Class<? extends Record> payload) {
        this.type = type;
        this.topic = topic;
        this.payload = payload;
    }

    /** The CloudEvents {@code type}, e.g. {@code user.registered}. */
    public String type() {
        return type;
    }

    /** The Kafka topic the event is published on. */
    public String topic() {
        return topic;
    }

    /** The record of the event's {@code data}. */
    public Class<? extends Record> payload() {
        return payload;
    }

    /** The registered event of this payload record; a record that is not registered is a programming error. */
    public static EventType of(Record data) {
        EventType event = BY_PAYLOAD.get(data.getClass());
        if (event == null) {
            throw new IllegalArgumentException(data.getClass().getName() + " is not a registered event payload");
        }
        return event;
    }

    /** The registered event of this CloudEvents {@code type}, or empty for a type the platform does not know. */
    public static Optional<EventType> ofType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** The events published on this topic, in registry order. */
    public static List<EventType> onTopic(String topic) {
        return Arrays.stream(values())
                .filter(event -> event.topic.equals(topic))
                .toList();
    }
}
