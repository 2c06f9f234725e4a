package dev.shopstack.order.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.order.IntegrationTestSupport;
import dev.shopstack.platform.test.TestJwts;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

class OrderAccessApiTest extends IntegrationTestSupport {

    static final UUID ALICE = UUID.randomUUID();
    static final UUID BOB = UUID.randomUUID();

    @Test
    void anotherCustomersOrderDoesNotExistForReadCancelOrPay() {
        UUID alices = place(ALICE, BOOK, 1);

        assertThat(mvc.get()
                        .uri("/api/orders/{id}", alices)
                        .header("Authorization", bearer(BOB))
                        .exchange())
                .hasStatus(HttpStatus.NOT_FOUND)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(cancel(bearer(BOB), alices)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(pay(bearer(BOB), alices, "29.99", "EUR")).hasStatus(HttpStatus.NOT_FOUND);

        assertThat(CATALOG.status(alices)).isEqualTo("RESERVED");
        assertThat(count("payments")).isZero();
        assertThat(mvc.get()
                        .uri("/api/orders/{id}", alices)
                        .header("Authorization", bearer(ALICE))
                        .exchange())
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("PENDING_PAYMENT");
        assertThat(mvc.get()
                        .uri("/api/orders/{id}", alices)
                        .header("Authorization", adminBearer())
                        .exchange())
                .hasStatusOk();
    }

    @Test
    void aCustomerListsOnlyTheirOwnOrdersEvenWhenAskingForAnotherUser() {
        place(ALICE, BOOK, 1);
        place(ALICE, LAMP, 1);
        place(BOB, BOOK, 1);

        var response = mvc.get()
                .uri("/api/orders?userId={bob}", BOB)
                .header("Authorization", bearer(ALICE))
                .exchange();

        assertThat(response).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON);
        assertThat(response).bodyJson().extractingPath("$.page.totalElements").isEqualTo(2);
        assertThat(response)
                .bodyJson()
                .extractingPath("$.content[*].userId")
                .asArray()
                .containsOnly(ALICE.toString());
    }

    @Test
    void anAdminListsEveryonesOrdersWithFiltersAndPaging() {
        UUID paid = place(ALICE, BOOK, 1);
        pay(adminBearer(), paid, "29.99", "EUR");
        place(ALICE, LAMP, 1);
        UUID old = place(BOB, BOOK, 1);
        jdbc.update(
                "UPDATE orders SET created_at = ? WHERE id = ?",
                Timestamp.from(Instant.parse("2025-06-15T10:00:00Z")),
                old.toString());

        assertThat(list("")).bodyJson().extractingPath("$.page.totalElements").isEqualTo(3);
        assertThat(list("status=PAID"))
                .bodyJson()
                .extractingPath("$.content[*].id")
                .asArray()
                .containsExactly(paid.toString());
        assertThat(list("userId=" + BOB))
                .bodyJson()
                .extractingPath("$.content[*].id")
                .asArray()
                .containsExactly(old.toString());
        assertThat(list("from=2025-06-01&to=2025-06-15"))
                .bodyJson()
                .extractingPath("$.content[*].id")
                .asArray()
                .containsExactly(old.toString());
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(list("from=" + today))
                .bodyJson()
                .extractingPath("$.page.totalElements")
                .isEqualTo(2);
        var firstPage = list("size=2&page=0");
        assertThat(firstPage).bodyJson().extractingPath("$.content").asArray().hasSize(2);
        assertThat(firstPage).bodyJson().extractingPath("$.page.totalPages").isEqualTo(2);
        assertThat(list("status=LOST")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(list("size=101"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void withoutATokenTheAnswerIs401ProblemJson() {
        assertThat(mvc.get().uri("/api/orders").exchange())
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aTokenWhoseSubjectIsNotAUserIdIsForbiddenNotAServerError() {
        assertThat(mvc.get()
                        .uri("/api/orders")
                        .header("Authorization", "Bearer " + TestJwts.customer("nobody"))
                        .exchange())
                .hasStatus(HttpStatus.FORBIDDEN)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult list(String query) {
        return mvc.get()
                .uri("/api/orders?" + query)
                .header("Authorization", adminBearer())
                .exchange();
    }
}
