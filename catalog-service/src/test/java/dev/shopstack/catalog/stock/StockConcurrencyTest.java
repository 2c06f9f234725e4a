package dev.shopstack.catalog.stock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.catalog.IntegrationTestSupport;
import dev.shopstack.catalog.TestCatalog;
import dev.shopstack.catalog.product.Product;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<MockHttpServletResponse>> pending = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                UUID orderId = orderIds.get();
                pending.add(pool.submit(() -> {
                    start.await();
                    return mvc.put()
                            .uri("/internal/stock/reservations/" + orderId)
                            .header("X-Internal-Token", TestCatalog.INTERNAL_TOKEN)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"lines": [{"productId": %d, "quantity": 1}]}""".formatted(scarce.getId()))
                            .exchange()
                            .getResponse();
                }));
            }
            start.countDown();
            List<MockHttpServletResponse> answers = new ArrayList<>();
            for (Future<MockHttpServletResponse> answer : pending) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
