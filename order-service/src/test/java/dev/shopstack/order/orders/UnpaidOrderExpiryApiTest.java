package dev.shopstack.order.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.order.IntegrationTestSupport;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

class UnpaidOrderExpiryApiTest extends IntegrationTestSupport {

    static final UUID CAROL = UUID.randomUUID();

    @Autowired
    UnpaidOrderExpiry expiry;

    @Test
    void anOrderNotPaidInTimeIsCancelledItsStockComesBackAndTheCustomerIsTold() {
        UUID unpaid = place(CAROL, BOOK, 3);
        UUID paid = place(CAROL, LAMP, 1);
        pay(adminBearer(), paid, "45.50", "EUR");

        assertThat(expiry.cancelPlacedBefore(Instant.now().plusSeconds(1))).isEqualTo(1);

        assertThat(mvc.get()
                        .uri("/api/orders/{id}", unpaid)
                        .header("Authorization", bearer(CAROL))
                        .exchange())
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("CANCELLED");
        assertThat(CATALOG.status(unpaid)).isEqualTo("RELEASED");
        assertThat(CATALOG.stock(BOOK)).isEqualTo(10);
        assertThat(count("stock_releases")).isZero();
        var cancelled = events().await("order.cancelled", unpaid);
        assertThat(cancelled.data().path("reason").asString()).isEqualTo("not paid within 14 minutes");

        assertThat(CATALOG.status(paid)).as("paid orders are left alone").isEqualTo("CONFIRMED");
        assertThat(pay(adminBearer(), unpaid, "89.97", "EUR"))
                .as("too late to pay")
                .hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void ordersStillInsideTheWindowAreLeftAloneAndASecondRunChangesNothing() {
        UUID recent = place(CAROL, BOOK, 1);

        assertThat(expiry.cancelPlacedBefore(Instant.now().minusSeconds(60))).isZero();
        assertThat(CATALOG.status(recent)).isEqualTo("RESERVED");

        assertThat(expiry.cancelPlacedBefore(Instant.now().plusSeconds(1))).isEqualTo(1);
        assertThat(expiry.cancelPlacedBefore(Instant.now().plusSeconds(1))).isZero();
    }
}
