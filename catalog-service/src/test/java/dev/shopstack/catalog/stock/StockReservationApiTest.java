package dev.shopstack.catalog.stock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.catalog.IntegrationTestSupport;
import dev.shopstack.catalog.TestCatalog;
import dev.shopstack.catalog.category.Category;
import dev.shopstack.catalog.product.Product;
import dev.shopstack.platform.test.TestJwts;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

class StockReservationApiTest extends IntegrationTestSupport {

    @Autowired
    ReservationExpiry expiry;

    @Autowired
    StockProperties properties;

    Product book;
    Product lamp;
    UUID orderId;

    @BeforeEach
    void stock() {
        Category category = catalog.category("misc");
        book = catalog.product("BOOK-001", "Clean Code", category, "29.99", 5);
        lamp = catalog.product("LAMP-001", "Desk Lamp", category, "45.50", 2);
        orderId = UUID.randomUUID();
    }

    private MvcTestResult reserve(UUID order, Product first, int firstQuantity, Product second, int secondQuantity) {
        return mvc.put()
                .uri("/internal/stock/reservations/" + order)
                .header("X-Internal-Token", TestCatalog.INTERNAL_TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"lines": [{"productId": %d, "quantity": %d}, {"productId": %d, "quantity": %d}]}""".formatted(first.getId(), firstQuantity, second.getId(), secondQuantity))
                .exchange();
    }

    private MvcTestResult post(UUID order, String action) {
        return mvc.post()
                .uri("/internal/stock/reservations/" + order + "/" + action)
                .header("X-Internal-Token", TestCatalog.INTERNAL_TOKEN)
                .exchange();
    }

    private AbstractStringAssert<?> statusOf(UUID order) {
        var response = mvc.get()
                .uri("/internal/stock/reservations/" + order)
                .header("X-Internal-Token", TestCatalog.INTERNAL_TOKEN)
                .exchange();
        assertThat(response).hasStatusOk();
        return assertThat(response).bodyJson().extractingPath("$.status").asString();
    }

    @Test
    void reservingTakesTheStockOfEveryLineAndSnapshotsPrices() {
        var response = reserve(orderId, book, 2, lamp, 1);

        assertThat(response).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON);
        assertThat(response).bodyJson().extractingPath("$.orderId").isEqualTo(orderId.toString());
        assertThat(response).bodyJson().extractingPath("$.status").isEqualTo("RESERVED");
        assertThat(response).bodyJson().extractingPath("$.expiresAt").isNotNull();
        assertThat(response)
                .bodyJson()
                .extractingPath("$.lines[*].sku")
                .asArray()
                .containsExactlyInAnyOrder("BOOK-001", "LAMP-001");
        assertThat(response)
                .bodyJson()
                .extractingPath("$.lines[?(@.sku == 'LAMP-001')].unitPrice")
                .asArray()
                .singleElement()
                .asString()
                .isEqualTo("45.5");
        assertThat(response)
                .bodyJson()
                .extractingPath("$.lines[?(@.sku == 'BOOK-001')].quantity")
                .asArray()
                .containsExactly(2);
        assertThat(catalog.stockOf(book.getId())).isEqualTo(3);
        assertThat(catalog.stockOf(lamp.getId())).isEqualTo(1);
    }

    @Test
    void repeatingAReservationAnswersTheSameResultWithoutTakingStockTwice() throws Exception {
        String first = reserve(orderId, book, 2, lamp, 1).getResponse().getContentAsString();

        var again = reserve(orderId, lamp, 1, book, 2);

        assertThat(again).hasStatusOk();
        assertThat(again).bodyJson().isEqualTo(first);
        assertThat(catalog.stockOf(book.getId())).isEqualTo(3);
        assertThat(catalog.stockOf(lamp.getId())).isEqualTo(1);
    }

    @Test
    void theSameOrderWithOtherLinesIsRefused() {
        reserve(orderId, book, 2, lamp, 1);

        var other = reserve(orderId, book, 1, lamp, 1);

        assertThat(other)
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(catalog.stockOf(book.getId())).isEqualTo(3);
    }

    @Test
    void itIsAllOrNothing() {
        var response = reserve(orderId, book, 2, lamp, 3);

        assertThat(response).hasStatus(HttpStatus.CONFLICT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response).bodyJson().extractingPath("$.detail").asString().contains("LAMP-001", "Desk Lamp");
        assertThat(response)
                .bodyJson()
                .extractingPath("$.productId")
                .asNumber()
                .isEqualTo(lamp.getId().intValue());
        assertThat(response).bodyJson().extractingPath("$.available").isEqualTo(2);
        assertThat(catalog.stockOf(book.getId())).isEqualTo(5);
        assertThat(catalog.stockOf(lamp.getId())).isEqualTo(2);
        assertThat(mvc.get()
                        .uri("/internal/stock/reservations/" + orderId)
                        .header("X-Internal-Token", TestCatalog.INTERNAL_TOKEN)
                        .exchange())
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void unknownAndInactiveProductsCannotBeReserved() {
        var ghost = catalog.product("GHOST-1", "Ghost", book.getCategory(), "1.00", 10);
        products.delete(ghost);
        assertThat(reserve(orderId, book, 1, ghost, 1))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains(String.valueOf(ghost.getId()));

        lamp.setActive(false);
        products.save(lamp);
        assertThat(reserve(UUID.randomUUID(), book, 1, lamp, 1)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(catalog.stockOf(book.getId())).isEqualTo(5);
    }

    @Test
    void releasingGivesTheStockBackOnce() {
        reserve(orderId, book, 2, lamp, 1);

        assertThat(post(orderId, "release"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("RELEASED");
        assertThat(post(orderId, "release"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("RELEASED");

        assertThat(catalog.stockOf(book.getId())).isEqualTo(5);
        assertThat(catalog.stockOf(lamp.getId())).isEqualTo(2);
        assertThat(post(orderId, "confirm")).hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void confirmingKeepsTheStockSoldAndIsRepeatable() {
        reserve(orderId, book, 2, lamp, 1);

        assertThat(post(orderId, "confirm"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("CONFIRMED");
        assertThat(post(orderId, "confirm")).hasStatusOk();
        assertThat(expiry.expireDue(Instant.now().plus(Duration.ofDays(1)))).isZero();
        statusOf(orderId).isEqualTo("CONFIRMED");
        assertThat(catalog.stockOf(book.getId())).isEqualTo(3);

        // a confirmed order that is cancelled still gives its stock back
        assertThat(post(orderId, "release")).hasStatusOk();
        assertThat(catalog.stockOf(book.getId())).isEqualTo(5);
    }

    @Test
    void unconfirmedReservationsExpireAndGiveTheirStockBack() {
        reserve(orderId, book, 2, lamp, 1);
        Instant afterExpiry = Instant.now().plus(properties.reservationTtl()).plusSeconds(1);

        assertThat(expiry.expireDue(Instant.now())).isZero();
        assertThat(expiry.expireDue(afterExpiry)).isEqualTo(1);
        assertThat(expiry.expireDue(afterExpiry)).isZero();

        statusOf(orderId).isEqualTo("EXPIRED");
        assertThat(catalog.stockOf(book.getId())).isEqualTo(5);
        assertThat(catalog.stockOf(lamp.getId())).isEqualTo(2);
        assertThat(post(orderId, "confirm")).hasStatus(HttpStatus.CONFLICT);
        assertThat(post(orderId, "release"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("EXPIRED");
        assertThat(catalog.stockOf(book.getId())).isEqualTo(5);
    }

    @Test
    void anUnknownReservationIs404() {
        assertThat(post(orderId, "confirm"))
                .hasStatus(HttpStatus.NOT_FOUND)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(post(orderId, "release")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void invalidRequestsAreRefusedFieldByField() {
        var empty = mvc.put()
                .uri("/internal/stock/reservations/" + orderId)
                .header("X-Internal-Token", TestCatalog.INTERNAL_TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"lines\": []}")
                .exchange();
        assertThat(empty).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(empty).bodyJson().extractingPath("$.errors[0].field").isEqualTo("lines");

        assertThat(reserve(orderId, book, 0, lamp, 1))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("lines[0].quantity");

        assertThat(mvc.post()
                        .uri("/internal/stock/reservations/not-a-uuid/confirm")
                        .header("X-Internal-Token", TestCatalog.INTERNAL_TOKEN)
                        .exchange())
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void onlyServicesWithTheInternalTokenGetIn() {
        String path = "/internal/stock/reservations/" + orderId;
        assertThat(mvc.get().uri(path).exchange())
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.get().uri(path).header("X-Internal-Token", "guess").exchange())
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get()
                        .uri(path)
                        .header("Authorization", "Bearer " + TestJwts.admin("a1"))
                        .exchange())
                .hasStatus(HttpStatus.UNAUTHORIZED);
    }
}
