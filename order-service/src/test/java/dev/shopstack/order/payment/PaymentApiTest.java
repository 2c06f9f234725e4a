package dev.shopstack.order.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.order.CatalogStub.Mode;
import dev.shopstack.order.IntegrationTestSupport;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

class PaymentApiTest extends IntegrationTestSupport {

    static final UUID ALICE = UUID.randomUUID();

    @Test
    void aCustomerCannotRecordAManualPaymentAndTheOrderStaysUnpaid() {
        UUID order = place(ALICE, BOOK, 2);

        assertThat(pay(bearer(ALICE), order, "59.98", "EUR"))
                .hasStatus(HttpStatus.FORBIDDEN)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.type")
                .asString()
                .endsWith("/payment-method-not-allowed");

        assertThat(count("payments")).isZero();
        assertThat(CATALOG.status(order)).isEqualTo("RESERVED");
        assertThat(mvc.get()
                        .uri("/api/orders/{id}", order)
                        .header("Authorization", bearer(ALICE))
                        .exchange())
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("PENDING_PAYMENT");
    }

    @Test
    void aManualPaymentNeedsTheReferenceOfTheMoneyReceived() {
        UUID order = place(ALICE, BOOK, 1);

        assertThat(mvc.post()
                        .uri("/api/orders/{id}/payment", order)
                        .header("Authorization", adminBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount\": 29.99, \"currency\": \"EUR\", \"method\": \"MANUAL\"}")
                        .exchange())
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.type")
                .asString()
                .endsWith("/payment-reference-required");
        assertThat(count("payments")).isZero();
    }

    @Test
    void theExactTotalPaysTheOrderAndConfirmsTheReservation() {
        UUID order = place(ALICE, BOOK, 2);

        var response = pay(adminBearer(), order, "59.98", "EUR");

        assertThat(response).hasStatus(HttpStatus.CREATED);
        assertThat(response).bodyJson().extractingPath("$.method").isEqualTo("MANUAL");
        assertThat(read(response, "$.reference")).isEqualTo("BANK-TX-42");
        assertThat(CATALOG.status(order)).isEqualTo("CONFIRMED");
        assertThat(mvc.get()
                        .uri("/api/orders/{id}", order)
                        .header("Authorization", bearer(ALICE))
                        .exchange())
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("PAID");
    }

    @Test
    void payingAgainAnswersTheRecordedPayment() {
        UUID order = place(ALICE, BOOK, 1);
        var first = pay(adminBearer(), order, "29.99", "EUR");

        var again = pay(adminBearer(), order, "29.99", "EUR");

        assertThat(again).hasStatus(HttpStatus.OK);
        assertThat(read(again, "$.reference")).isEqualTo(read(first, "$.reference"));
        assertThat(count("payments")).isEqualTo(1);
    }

    @Test
    void anotherAmountOrCurrencyIs422AndPaysNothing() {
        UUID order = place(ALICE, BOOK, 1);

        assertThat(pay(adminBearer(), order, "29.98", "EUR"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(pay(adminBearer(), order, "29.99", "USD")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(count("payments")).isZero();
        assertThat(CATALOG.status(order)).isEqualTo("RESERVED");

        pay(adminBearer(), order, "29.99", "EUR");
        assertThat(pay(adminBearer(), order, "30.00", "EUR"))
                .as("already paid, other amount")
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
    }

    @Test
    void invalidPaymentsAre400AndUnknownMethodsAre422() {
        UUID order = place(ALICE, BOOK, 1);

        assertThat(mvc.post()
                        .uri("/api/orders/{id}/payment", order)
                        .header("Authorization", adminBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount\": -1, \"currency\": \"euro\", \"method\": \"MANUAL\"}")
                        .exchange())
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.post()
                        .uri("/api/orders/{id}/payment", order)
                        .header("Authorization", adminBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount\": 29.99, \"currency\": \"EUR\", \"method\": \"BITCOIN\"}")
                        .exchange())
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
    }

    @Test
    void aCancelledOrderCannotBePaid() {
        UUID order = place(ALICE, BOOK, 1);
        cancel(bearer(ALICE), order);

        assertThat(pay(adminBearer(), order, "29.99", "EUR"))
                .hasStatus(HttpStatus.CONFLICT)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void whileTheCatalogIsDownPaymentIs503AndTheOrderStaysUnpaid() {
        UUID order = place(ALICE, BOOK, 1);
        CATALOG.mode(Mode.FAILING);

        assertThat(pay(adminBearer(), order, "29.99", "EUR")).hasStatus(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(count("payments")).isZero();

        CATALOG.mode(Mode.UP);
        assertThat(pay(adminBearer(), order, "29.99", "EUR")).hasStatus(HttpStatus.CREATED);
    }
}
