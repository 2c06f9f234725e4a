package dev.shopstack.catalog.stock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.catalog.IntegrationTestSupport;
import dev.shopstack.catalog.TestCatalog;
import dev.shopstack.catalog.product.Product;
import dev.shopstack.platform.test.AtOnce;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

class StockConcurrencyTest extends IntegrationTestSupport {

    static final int BUYERS = 50;
    static final int STOCK = 10;

    @Autowired
    StockReservationRepository reservations;

    Product scarce;

    @BeforeEach
    void aScarceProduct() {
        scarce = catalog.product("HOT-001", "Limited Edition", catalog.category("deals"), "99.00", STOCK);
    }

    @Test
    void concurrentOrdersNeverBuyMoreThanTheStock() throws Exception {
        List<MockHttpServletResponse> answers = all(BUYERS, UUID::randomUUID);

        assertThat(answers).filteredOn(response -> response.getStatus() == 200).hasSize(STOCK);
        assertThat(answers).filteredOn(response -> response.getStatus() == 409).hasSize(BUYERS - STOCK);
        assertThat(catalog.stockOf(scarce.getId())).isZero();
        assertThat(reservations.count()).isEqualTo(STOCK);
    }

    @Test
    void theSameOrderSentManyTimesAtOnceIsReservedOnce() throws Exception {
        UUID orderId = UUID.randomUUID();

        List<MockHttpServletResponse> answers = all(20, () -> orderId);

        assertThat(answers).extracting(MockHttpServletResponse::getStatus).containsOnly(200);
        assertThat(answers)
                .extracting(MockHttpServletResponse::getContentAsString)
                .containsOnly(answers.get(0).getContentAsString());
        assertThat(catalog.stockOf(scarce.getId())).isEqualTo(STOCK - 1);
    }

    /** Sends that many reservations of one unit at the same moment, each for the order id the supplier gives. */
    private List<MockHttpServletResponse> all(int requests, Supplier<UUID> orderIds) throws Exception {
        return AtOnce.rounds(
                1,
                requests,
                (round, caller) -> mvc.put()
                        .uri("/internal/stock/reservations/" + orderIds.get())
                        .header("X-Internal-Token", TestCatalog.INTERNAL_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"lines": [{"productId": %d, "quantity": 1}]}""".formatted(scarce.getId()))
                        .exchange()
                        .getResponse());
    }
}
