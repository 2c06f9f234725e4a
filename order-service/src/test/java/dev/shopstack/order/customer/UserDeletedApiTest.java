package dev.shopstack.order.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.events.CloudEvent;
import dev.shopstack.events.EventTypes;
import dev.shopstack.events.user.UserDeleted;
import dev.shopstack.order.IntegrationTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

class UserDeletedApiTest extends IntegrationTestSupport {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    @Test
    void userDeletedErasesEmailAndAddressButKeepsTheOrders() throws Exception {
        UUID gone = UUID.randomUUID();
        UUID stays = UUID.randomUUID();
        UUID order = place(gone, BOOK, 1);
        pay(adminBearer(), order, "29.99", "EUR");
        place(stays, BOOK, 1);
        var event = CloudEvent.of(
                "/user-service",
                EventTypes.USER_DELETED,
                gone.toString(),
                new UserDeleted(gone.toString(), Instant.now()));

        kafka.send("user-events", gone.toString(), "not json").get();
        kafka.send("user-events", gone.toString(), json.writeValueAsString(event))
                .get();

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> row(order).get("anonymized_at") != null);
        Map<String, Object> erased = row(order);
        assertThat(erased.get("customer_email")).isNull();
        assertThat(erased.get("ship_name")).isNull();
        assertThat(erased.get("ship_line1")).isNull();
        assertThat(erased.get("ship_city")).isNull();
        assertThat(erased.get("status")).isEqualTo("PAID");
        assertThat(count("order_lines")).isEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM orders WHERE user_id = ? AND customer_email IS NOT NULL"
                                + " AND ship_name IS NOT NULL",
                        Integer.class,
                        stays.toString()))
                .isEqualTo(1);

        // the same event again changes nothing
        Object firstErasure = erased.get("anonymized_at");
        kafka.send("user-events", gone.toString(), json.writeValueAsString(event))
                .get();
        UUID marker = UUID.randomUUID();
        UUID markerOrder = place(marker, LAMP, 1);
        kafka.send(
                        "user-events",
                        marker.toString(),
                        json.writeValueAsString(CloudEvent.of(
                                "/user-service",
                                EventTypes.USER_DELETED,
                                marker.toString(),
                                new UserDeleted(marker.toString(), Instant.now()))))
                .get();
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> row(markerOrder).get("anonymized_at") != null);
        assertThat(row(order).get("anonymized_at")).isEqualTo(firstErasure);
        assertThat(mvc.get()
                        .uri("/api/orders/{id}", order)
                        .header("Authorization", adminBearer())
                        .exchange())
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.shippingAddress")
                .isNull();
    }

    private Map<String, Object> row(UUID orderId) {
        return jdbc.queryForMap("SELECT * FROM orders WHERE id = ?", orderId.toString());
    }
}
