package dev.shopstack.order.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.order.IntegrationTestSupport;
import dev.shopstack.platform.test.AtOnce;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

class PlaceOrderApiTest extends IntegrationTestSupport {

    static final UUID ALICE = UUID.randomUUID();

    @Test
    void anOrderSnapshotsCatalogPricesReservesStockAndWaitsForPayment() {
        var response = post(ALICE, "k-1", """
                {"lines": [{"productId": 12, "quantity": 2}, {"productId": 7, "quantity": 1}], %s}""".formatted(ADDRESS));

        assertThat(response).hasStatus(HttpStatus.CREATED).hasContentType(MediaType.APPLICATION_JSON);
        assertThat(response).bodyJson().extractingPath("$.status").isEqualTo("PENDING_PAYMENT");
        assertThat(response).bodyJson().extractingPath("$.currency").isEqualTo("EUR");
        assertThat(read(response, "$.total")).isEqualTo("105.48"); // 2 x 29.99 + 45.50
        assertThat(response).bodyJson().extractingPath("$.email").isEqualTo(ALICE + "@example.test");
        assertThat(response)
                .bodyJson()
                .extractingPath("$.lines[*].sku")
                .asArray()
                .containsExactly("LAMP-001", "BOOK-001");
        assertThat(read(response, "$.lines[1].lineTotal")).isEqualTo("59.98");
        assertThat(response).bodyJson().extractingPath("$.shippingAddress.city").isEqualTo("Berlin");
        assertThat(CATALOG.stock(BOOK)).isEqualTo(8);
        assertThat(CATALOG.stock(LAMP)).isEqualTo(9);
        assertThat(CATALOG.status(read(response, "$.id"))).isEqualTo("RESERVED");
    }

    @Test
    void theSameKeyAndBodyAnswerTheSameOrderAndTakeStockOnce() {
        var first = post(ALICE, "retry-me", body(BOOK, 3));
        var again = post(ALICE, "retry-me", body(BOOK, 3));

        assertThat(first).hasStatus(HttpStatus.CREATED);
        assertThat(again).hasStatus(HttpStatus.OK).headers().hasValue("Idempotent-Replayed", "true");
        assertThat(read(again, "$.id")).isEqualTo(read(first, "$.id"));
        assertThat(CATALOG.stock(BOOK)).isEqualTo(7);
        assertThat(count("orders")).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndOrdersNothing() {
        post(ALICE, "used", body(BOOK, 1));

        var response = post(ALICE, "used", body(BOOK, 2));

        assertThat(response)
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(CATALOG.stock(BOOK)).isEqualTo(9);
        assertThat(count("orders")).isEqualTo(1);
    }

    @Test
    void keysBelongToOneCustomer() {
        post(ALICE, "shared-key", body(BOOK, 1));

        assertThat(post(UUID.randomUUID(), "shared-key", body(BOOK, 1))).hasStatus(HttpStatus.CREATED);
        assertThat(count("orders")).isEqualTo(2);
    }

    @Test
    void linesInDifferentCurrenciesAre422AndTheStockGoesBack() {
        var response = post(ALICE, "mixed", """
                {"lines": [{"productId": 12, "quantity": 1}, {"productId": 99, "quantity": 1}], %s}""".formatted(ADDRESS));

        assertThat(response)
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(CATALOG.stock(BOOK)).isEqualTo(10);
        assertThat(CATALOG.stock(DOLLAR_MUG)).isEqualTo(10);
        assertThat(count("orders")).isZero();
        assertThat(count("stock_releases")).isZero();
    }

    @Test
    void notEnoughStockIs409ProblemNamingTheProduct() {
        var response = post(ALICE, "greedy", body(BOOK, 11));

        assertThat(response).hasStatus(HttpStatus.CONFLICT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response).bodyJson().extractingPath("$.productId").isEqualTo(12);
        assertThat(count("orders")).isZero();
    }

    @Test
    void anUnknownProductIs422() {
        assertThat(post(ALICE, "unknown", body(4711, 1)))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void twentyCustomersRacingForFiveUnitsGetExactlyFiveOrders() throws Exception {
        CATALOG.product(BOOK, "BOOK-001", "Clean Code", "29.99", "EUR", 5);
        List<Integer> statuses = AtOnce.rounds(
                1,
                20,
                (round, buyer) -> post(UUID.randomUUID(), UUID.randomUUID().toString(), body(BOOK, 1))
                        .getResponse()
                        .getStatus());

        assertThat(statuses.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting())))
                .containsEntry(201, 5L)
                .containsEntry(409, 15L)
                .hasSize(2);
        assertThat(CATALOG.stock(BOOK)).isZero();
        assertThat(count("orders")).isEqualTo(5);
    }

    @Test
    void tooManyLinesIs400() {
        String lines = IntStream.rangeClosed(1, 51)
                .mapToObj(i -> "{\"productId\": " + i + ", \"quantity\": 1}")
                .collect(Collectors.joining(","));

        var response = post(ALICE, "big", "{\"lines\": [" + lines + "], " + ADDRESS + "}");

        assertThat(response).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .contains("lines");
        assertThat(CATALOG.reserveCalls()).isZero();
    }

    @Test
    void quantityZeroIs400NamingTheField() {
        var response = post(ALICE, "zero", body(BOOK, 0));

        assertThat(response).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .contains("lines[0].quantity");
        assertThat(CATALOG.reserveCalls()).isZero();
    }

    @Test
    void unknownFieldsAre400() {
        var response = post(ALICE, "sneaky", """
                {"lines": [{"productId": 12, "quantity": 1, "unitPrice": 0.01}], %s}""".formatted(ADDRESS));

        assertThat(response).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(CATALOG.reserveCalls()).isZero();
    }

    @Test
    void aMissingAddressOrIdempotencyKeyIs400() {
        assertThat(post(ALICE, "no-address", "{\"lines\": [{\"productId\": 12, \"quantity\": 1}]}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.post()
                        .uri("/api/orders")
                        .header("Authorization", bearer(ALICE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(BOOK, 1))
                        .exchange())
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(CATALOG.reserveCalls()).isZero();
    }
}
