package dev.shopstack.order.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.order.CatalogStub.Mode;
import dev.shopstack.order.OrderApiTestSupport;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

class PaymentApiTest extends OrderApiTestSupport {

    static final UUID ALICE = UUID.randomUUID();

    @Test
    void theExactTotalPaysTheOrderAndConfirmsTheReservation() {
        UUID order = place(ALICE, BOOK, 2);

        var response = pay(bearer(ALICE), order, "59.98", "EUR");

        assertThat(response).hasStatus(HttpStatus.CREATED);
        assertThat(response).bodyJson().extractingPath("$.method").isEqualTo("MANUAL");
        assertThat(read(response, "$.reference")).startsWith("MAN-");
        assertThat(CATALOG.status(order)).isEqualTo("CONFIRMED");
        assertThat(mvc.get().uri("/api/orders/{id}", order).header("Authorization", bearer(ALICE)).exchange())
                .bodyJson().extractingPath("$.status").isEqualTo("PAID");
    }

    @Test
    void payingAgainAnswersTheRecordedPayment() {
        UUID order = place(ALICE, BOOK, 1);
        var first = pay(bearer(ALICE), order, "29.99", "EUR");

        var again = pay(bearer(ALICE), order, "29.99", "EUR");

        assertThat(again).hasStatus(HttpStatus.OK);
        assertThat(read(again, "$.reference")).isEqualTo(read(first, "$.reference"));
        assertThat(count("payments")).isEqualTo(1);
    }

    @Test
    void anotherAmountOrCurrencyIs422AndPaysNothing() {
        UUID order = place(ALICE, BOOK, 1);

        assertThat(pay(bearer(ALICE), order, "29.98", "EUR")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(pay(bearer(ALICE), order, "29.99", "USD")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(count("payments")).isZero();
        assertThat(CATALOG.status(order)).isEqualTo("RESERVED");

        pay(bearer(ALICE), order, "29.99", "EUR");
        assertThat(pay(bearer(ALICE), order, "30.00", "EUR")).as("already paid, other amount")
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
    }

    @Test
    void invalidPaymentsAre400AndUnknownMethodsAre422() {
        UUID order = place(ALICE, BOOK, 1);

        assertThat(mvc.post().uri("/api/orders/{id}/payment", order).header("Authorization", bearer(ALICE))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"amount\": -1, \"currency\": \"euro\", \"method\": \"MANUAL\"}").exchange())
                .hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.post().uri("/api/orders/{id}/payment", order).header("Authorization", bearer(ALICE))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"amount\": 29.99, \"currency\": \"EUR\", \"method\": \"BITCOIN\"}").exchange())
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
    }

    @Test
    void aCancelledOrderCannotBePaid() {
        UUID order = place(ALICE, BOOK, 1);
        cancel(bearer(ALICE), order);

        assertThat(pay(bearer(ALICE), order, "29.99", "EUR")).hasStatus(HttpStatus.CONFLICT)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void whileTheCatalogIsDownPaymentIs503AndTheOrderStaysUnpaid() {
        UUID order = place(ALICE, BOOK, 1);
        CATALOG.mode(Mode.FAILING);

        assertThat(pay(bearer(ALICE), order, "29.99", "EUR")).hasStatus(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(count("payments")).isZero();

        CATALOG.mode(Mode.UP);
        assertThat(pay(bearer(ALICE), order, "29.99", "EUR")).hasStatus(HttpStatus.CREATED);
    }
}
