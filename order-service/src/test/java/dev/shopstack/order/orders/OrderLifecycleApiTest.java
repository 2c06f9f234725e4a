package dev.shopstack.order.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.order.CatalogStub.Mode;
import dev.shopstack.order.IntegrationTestSupport;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

class OrderLifecycleApiTest extends IntegrationTestSupport {

    static final UUID ALICE = UUID.randomUUID();

    @Test
    void theOwnerCancelsAnUnpaidOrderAndTheStockComesBack() {
        UUID order = place(ALICE, BOOK, 3);

        var response = cancel(bearer(ALICE), order);

        assertThat(response).hasStatusOk();
        assertThat(response).bodyJson().extractingPath("$.status").isEqualTo("CANCELLED");
        assertThat(CATALOG.stock(BOOK)).isEqualTo(10);
        assertThat(CATALOG.status(order)).isEqualTo("RELEASED");
        assertThat(count("stock_releases")).isZero();
    }

    @Test
    void aPaidOrderCanBeCancelledAndItsConfirmedStockComesBack() {
        UUID order = place(ALICE, BOOK, 1);
        pay(adminBearer(), order, "29.99", "EUR");

        assertThat(cancel(bearer(ALICE), order)).hasStatusOk();
        assertThat(CATALOG.stock(BOOK)).isEqualTo(10);
    }

    @Test
    void aCancellationWhileTheCatalogIsDownReleasesTheStockLater() {
        UUID order = place(ALICE, BOOK, 2);
        CATALOG.mode(Mode.FAILING);

        assertThat(cancel(bearer(ALICE), order)).hasStatusOk();
        assertThat(count("stock_releases")).isEqualTo(1);

        CATALOG.mode(Mode.UP);
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(CATALOG.stock(BOOK)).isEqualTo(10);
            assertThat(count("stock_releases")).isZero();
        });
    }

    @Test
    void anAdminShipsAndDeliversAPaidOrder() {
        UUID order = place(ALICE, BOOK, 1);
        pay(adminBearer(), order, "29.99", "EUR");

        assertThat(changeStatus(adminBearer(), order, "SHIPPED")).hasStatusOk();
        assertThat(changeStatus(adminBearer(), order, "DELIVERED"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("DELIVERED");
    }

    @Test
    void illegalTransitionsAre409() {
        UUID order = place(ALICE, BOOK, 1);

        assertThat(changeStatus(adminBearer(), order, "SHIPPED"))
                .as("not paid yet")
                .hasStatus(HttpStatus.CONFLICT)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(changeStatus(adminBearer(), order, "DELIVERED")).hasStatus(HttpStatus.CONFLICT);
        assertThat(changeStatus(adminBearer(), order, "PAID"))
                .as("only by a payment")
                .hasStatus(HttpStatus.CONFLICT);
        assertThat(changeStatus(adminBearer(), order, "PENDING_PAYMENT")).hasStatus(HttpStatus.CONFLICT);

        pay(adminBearer(), order, "29.99", "EUR");
        changeStatus(adminBearer(), order, "SHIPPED");
        assertThat(cancel(bearer(ALICE), order))
                .as("shipped cannot be cancelled")
                .hasStatus(HttpStatus.CONFLICT)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(CATALOG.status(order)).isEqualTo("CONFIRMED");

        UUID other = place(ALICE, BOOK, 1);
        cancel(bearer(ALICE), other);
        assertThat(cancel(bearer(ALICE), other)).as("twice").hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void statusChangesAndDeletionAreForAdminsOnly() {
        UUID order = place(ALICE, BOOK, 1);

        assertThat(changeStatus(bearer(ALICE), order, "CANCELLED"))
                .hasStatus(HttpStatus.FORBIDDEN)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.delete()
                        .uri("/api/orders/{id}", order)
                        .header("Authorization", bearer(ALICE))
                        .exchange())
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void anAdminDeletesFinishedOrdersOnly() {
        UUID order = place(ALICE, BOOK, 1);

        assertThat(mvc.delete()
                        .uri("/api/orders/{id}", order)
                        .header("Authorization", adminBearer())
                        .exchange())
                .hasStatus(HttpStatus.CONFLICT);

        changeStatus(adminBearer(), order, "CANCELLED");
        assertThat(mvc.delete()
                        .uri("/api/orders/{id}", order)
                        .header("Authorization", adminBearer())
                        .exchange())
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(count("orders")).isZero();
        assertThat(count("order_lines")).isZero();
        assertThat(CATALOG.stock(BOOK)).isEqualTo(10);
    }
}
