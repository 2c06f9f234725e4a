package dev.shopstack.order.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.order.IntegrationTestSupport;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** F15: one customer cannot hoard the shop's stock (defaults: 3 unpaid orders, 20 units a line, 100 an order). */
class OrderLimitsApiTest extends IntegrationTestSupport {

    @Test
    void aFourthUnpaidOrderIs409UntilOneIsPaidOrCancelled() {
        UUID dora = UUID.randomUUID();
        UUID first = place(dora, BOOK, 1);
        place(dora, BOOK, 1);
        place(dora, LAMP, 1);

        var fourth = post(dora, UUID.randomUUID().toString(), body(LAMP, 1));

        assertThat(fourth).hasStatus(HttpStatus.CONFLICT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(read(fourth, "$.type")).endsWith("/too-many-unpaid-orders");
        assertThat(read(fourth, "$.maxOpenUnpaid")).isEqualTo("3");
        assertThat(count("orders")).isEqualTo(3);
        assertThat(CATALOG.reserveCalls())
                .as("nothing reserved for the refused order")
                .isEqualTo(3);

        place(UUID.randomUUID(), BOOK, 1); // another customer is not affected
        cancel(bearer(dora), first);
        place(dora, LAMP, 1);
    }

    @Test
    void moreUnitsOfOneProductThanALineAllowsIs422() {
        UUID erin = UUID.randomUUID();

        var response = post(erin, UUID.randomUUID().toString(), body(BOOK, 21));

        assertThat(response)
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(read(response, "$.type")).endsWith("/too-many-units");
        assertThat(read(response, "$.productId")).isEqualTo(String.valueOf(BOOK));
        assertThat(CATALOG.reserveCalls()).isZero();
        place(erin, BOOK, 10);
    }

    @Test
    void moreUnitsInOneOrderThanAllowedIs422() {
        String lines = IntStream.rangeClosed(1, 6)
                .mapToObj(i -> "{\"productId\": " + i + ", \"quantity\": 20}")
                .collect(Collectors.joining(","));

        var response = post(UUID.randomUUID(), "too-many", "{\"lines\": [" + lines + "], " + ADDRESS + "}");

        assertThat(response).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(read(response, "$.detail")).contains("100 units per order");
    }
}
