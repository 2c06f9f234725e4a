package dev.shopstack.order.customer;

import dev.shopstack.events.EventTypes;
import dev.shopstack.events.Topics;
import dev.shopstack.order.orders.OrderRepository;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code user.deleted}: the customer's orders stay (bookkeeping) but lose their personal data, the email and the
 * shipping address. Erasing is idempotent, so a redelivered event changes nothing. Other user events and
 * records that are not a CloudEvents envelope are skipped (logged without their payload).
 */
@Component
public class UserDeletedListener {

    private static final Logger log = LoggerFactory.getLogger(UserDeletedListener.class);

    private final OrderRepository orders;
    private final Clock clock;
    private final JsonMapper json;

    public UserDeletedListener(OrderRepository orders, JsonMapper json, Clock clock) {
        this.clock = clock;
        this.orders = orders;
        this.json = json;
    }

    @KafkaListener(topics = Topics.USER_EVENTS, groupId = "${shop.orders.consumer-group:order-service}")
    @Transactional
    public void on(String record) {
        JsonNode event;
        try {
            event = json.readTree(record);
        } catch (JacksonException malformed) {
            log.warn("Skipping a user-events record that is not JSON");
            return;
        }
        if (!EventTypes.USER_DELETED.equals(event.path("type").asString(""))) {
            return;
        }
        UUID userId;
        try {
            userId = UUID.fromString(event.path("data").path("userId").asString(""));
        } catch (IllegalArgumentException notAUserId) {
            log.warn(
                    "Skipping user.deleted event {} without a valid userId",
                    event.path("id").asString(""));
            return;
        }
        int erased = orders.anonymize(userId, clock.instant());
        log.info(
                "user.deleted {}: anonymized {} order(s) of user {}",
                event.path("id").asString(""),
                erased,
                userId);
    }
}
