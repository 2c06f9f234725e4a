package dev.shopstack.order.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.order.IntegrationTestSupport;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderEventsApiTest extends IntegrationTestSupport {

    static final UUID ALICE = UUID.randomUUID();

    @Test
    void placingAnOrderPublishesOrderPlacedWithTheCustomersEmailAndTheLines() {
        UUID order = place(ALICE, BOOK, 2);

        var placed = events().await("order.placed", order);

        assertThat(placed.key()).isEqualTo(order.toString());
        assertThat(placed.envelope().path("source").asString()).isEqualTo("/order-service");
        assertThat(placed.envelope().path("subject").asString()).isEqualTo(order.toString());
        assertThat(placed.data().path("email").asString()).isEqualTo(ALICE + "@example.test");
        assertThat(placed.data().path("userId").asString()).isEqualTo(ALICE.toString());
        assertThat(placed.data().path("currency").asString()).isEqualTo("EUR");
        assertThat(placed.data().path("total").decimalValue()).isEqualByComparingTo("59.98");
        var line = placed.data().path("lines").get(0);
        assertThat(line.path("productId").asString()).isEqualTo("12");
        assertThat(line.path("sku").asString()).isEqualTo("BOOK-001");
        assertThat(line.path("quantity").asInt()).isEqualTo(2);
        assertThat(line.path("unitPrice").decimalValue()).isEqualByComparingTo("29.99");
        assertThat(line.path("lineTotal").decimalValue()).isEqualByComparingTo("59.98");
    }

    @Test
    void paymentAndShippingPublishStatusChangesAndCancellingPublishesOrderCancelled() {
        UUID order = place(ALICE, BOOK, 1);
        pay(adminBearer(), order, "29.99", "EUR");
        changeStatus(adminBearer(), order, "SHIPPED");

        var shipped = events().await("order.status-changed", order);
        assertThat(events().all(order))
                .extracting(e -> e.type() + ":" + e.data().path("status").asString(""))
                .contains("order.status-changed:PAID", "order.status-changed:SHIPPED");
        assertThat(shipped.data().path("email").asString())
                .as("the customer's, not the admin's")
                .isEqualTo(ALICE + "@example.test");

        UUID other = place(ALICE, LAMP, 1);
        cancel(bearer(ALICE), other);
        var cancelled = events().await("order.cancelled", other);
        assertThat(cancelled.data().path("reason").asString()).isEqualTo("cancelled by the customer");
        assertThat(cancelled.data().path("email").asString()).isEqualTo(ALICE + "@example.test");
    }
}
