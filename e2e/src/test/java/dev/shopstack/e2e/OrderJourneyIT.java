package dev.shopstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.local.LocalStack;
import dev.shopstack.platform.test.AtOnce;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Shopping through the gateway: browse, order (idempotently), pay, ship, with the emails and the stock. */
class OrderJourneyIT extends StackTestSupport {

    static String admin;

    @BeforeAll
    static void signInTheAdmin() {
        admin = gateway.adminToken();
    }

    @Test
    void aCustomerOrdersPaysAndIsToldAboutEveryStep() {
        long lamp = gateway.newProduct(admin, 10, "24.50");
        String name = "buyer" + UUID.randomUUID().toString().substring(0, 8);
        String customer = gateway.verifiedCustomer(name, mail);
        String email = name + "@example.test";

        var search = Http.get(stack.gateway() + "/api/products?q=E2E%20lamp&size=50");
        assertThat(search.statusCode()).isEqualTo(200);

        String key = UUID.randomUUID().toString();
        var placed = gateway.send("POST", "/api/orders", Gateway.orderBody(lamp, 2), customer, "Idempotency-Key", key);
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        JsonNode order = Http.json(placed);
        String orderId = order.path("id").asString();
        assertThat(order.path("total").decimalValue()).isEqualByComparingTo("49.00");
        assertThat(order.path("status").asString()).isEqualTo("PENDING_PAYMENT");

        var again = gateway.send("POST", "/api/orders", Gateway.orderBody(lamp, 2), customer, "Idempotency-Key", key);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Http.json(again).path("id").asString()).isEqualTo(orderId);
        assertThat(gateway.stockOf(lamp)).isEqualTo(8);

        var confirmation = mail.await(email, "Your Shopstack order " + orderId, Duration.ofSeconds(30));
        assertThat(confirmation.raw()).contains("49.00");

        // a customer never marks an order paid; an admin records the bank transfer with its reference
        String manualPayment = """
                {"amount":49.00,"currency":"EUR","method":"MANUAL","reference":"bank-transfer-1"}""";
        var selfPaid = gateway.post("/api/orders/" + orderId + "/payment", manualPayment, customer);
        assertThat(selfPaid.statusCode()).as(selfPaid.body()).isEqualTo(403);
        var paid = gateway.post("/api/orders/" + orderId + "/payment", manualPayment, admin);
        assertThat(paid.statusCode()).as(paid.body()).isIn(200, 201);

        var shipped = gateway.send("PATCH", "/api/orders/" + orderId + "/status", "{\"status\":\"SHIPPED\"}", admin);
        assertThat(shipped.statusCode()).as(shipped.body()).isEqualTo(200);
        mail.await(email, "is shipped", Duration.ofSeconds(30));

        String stranger =
                gateway.verifiedCustomer("other" + UUID.randomUUID().toString().substring(0, 8), mail);
        assertThat(gateway.get("/api/orders/" + orderId, stranger).statusCode()).isEqualTo(404);
        assertThat(gateway.get("/api/orders/" + orderId, customer).statusCode()).isEqualTo(200);
    }

    @Test
    void aCustomerPaysByCardThroughTheProviderAndTheOrderBecomesPaid() {
        long lamp = gateway.newProduct(admin, 10, "12.34");
        String name = "card" + UUID.randomUUID().toString().substring(0, 8);
        String customer = gateway.verifiedCustomer(name, mail);
        var placed = gateway.placeOrder(lamp, 1, customer);
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        String orderId = Http.json(placed).path("id").asString();

        JsonNode payment = CardPayments.awaitIntent(gateway, orderId, customer);
        assertThat(payment.path("amount").asLong()).isEqualTo(1234);
        assertThat(payment.path("currency").asString()).isEqualToIgnoringCase("EUR");

        CardPayments.payWithVisa(stack.paymentSandbox(), payment);
        CardPayments.awaitStatus(gateway, orderId, customer, "PAID");
        mail.await(name + "@example.test", "is paid", Duration.ofSeconds(30));
        assertThat(gateway.stockOf(lamp)).as("sold, not only reserved").isEqualTo(9);
    }

    @Test
    void concurrentOrdersForTheLastUnitsNeverOversell() throws Exception {
        long lamp = gateway.newProduct(admin, 5, "9.99");
        String customer =
                gateway.verifiedCustomer("rush" + UUID.randomUUID().toString().substring(0, 8), mail);

        // six at once race for the five units, then six more find none; twelve at once in replica mode on two cores
        // kept order-service past the gateway's 10 s route timeout (504s)
        List<Integer> statuses = AtOnce.rounds(
                2, 6, (round, caller) -> gateway.placeOrder(lamp, 1, customer).statusCode());

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(5);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(7);
        assertThat(gateway.stockOf(lamp)).isZero();
    }

    @Test
    void withTheCatalogDownOrdersFailFastAndWorkAgainOnceItIsBack() {
        long lamp = gateway.newProduct(admin, 3, "5.00");
        String customer =
                gateway.verifiedCustomer("down" + UUID.randomUUID().toString().substring(0, 8), mail);

        List<String> catalogs = stack.instances(LocalStack.CATALOG_SERVICE); // every replica: the catalog is down
        catalogs.forEach(stack::stop);
        try {
            long started = System.nanoTime();
            var refused = gateway.placeOrder(lamp, 1, customer);
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("order with catalog-service stopped: %d in %d ms%n", refused.statusCode(), millis);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(Http.contentType(refused)).startsWith("application/problem+json");
            assertThat(millis).isLessThan(10_000);
        } finally {
            catalogs.forEach(stack::start);
        }
        assertThat(gateway.stockOf(lamp)).isEqualTo(3); // nothing stayed reserved

        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> gateway.placeOrder(lamp, 1, customer).statusCode() == 201);
        assertThat(gateway.stockOf(lamp)).isEqualTo(2);
    }
}
