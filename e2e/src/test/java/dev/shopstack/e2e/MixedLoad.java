package dev.shopstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

/**
 * A short mix of what customers and an admin do through the gateway, so every metric a dashboard reads has moved:
 * browse, search, register and verify, login and refresh, order, cancel, an admin change, and a few 4xx.
 */
final class MixedLoad {

    private final String base;
    private final String web;
    private final String sandbox;
    private final Gateway gateway;
    private final MailCatcher mail;

    /** {@code web}, {@code sandbox}: the storefront's and the payment sandbox's address, or null without them. */
    MixedLoad(String base, String web, String sandbox, MailCatcher mail) {
        this.base = base;
        this.web = web;
        this.sandbox = sandbox;
        this.gateway = new Gateway(base);
        this.mail = mail;
    }

    /** Runs the mix {@code rounds} times; returns the number of requests sent. */
    int run(int rounds) {
        String admin = gateway.adminToken();
        long product = gateway.newProduct(admin, 1_000, "2.50");
        int requests = 3;
        for (int round = 0; round < rounds; round++) {
            String name = "mon" + UUID.randomUUID().toString().substring(0, 8);
            String customer = gateway.verifiedCustomer(name, mail);
            requests += 4;
            assertThat(Http.get(base + "/api/products?size=5").statusCode()).isEqualTo(200);
            assertThat(Http.get(base + "/api/products?q=lamp&inStock=true").statusCode())
                    .isEqualTo(200);
            assertThat(Http.get(base + "/api/products/" + product).statusCode()).isEqualTo(200);
            assertThat(Http.get(base + "/api/categories").statusCode()).isEqualTo(200);
            var login = gateway.post("/api/auth/login", """
                    {"login":"%s","password":"%s"}""".formatted(name, Gateway.PASSWORD), null);
            String refresh = Http.json(login).path("refreshToken").asString();
            assertThat(gateway.post("/api/auth/refresh", "{\"refreshToken\":\"" + refresh + "\"}", null)
                            .statusCode())
                    .isEqualTo(200);
            var placed = gateway.placeOrder(product, 1, customer);
            assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
            String order = Http.json(placed).path("id").asString();
            assertThat(gateway.get("/api/orders/" + order, customer).statusCode())
                    .isEqualTo(200);
            assertThat(gateway.send("POST", "/api/orders/" + order + "/cancel", null, customer)
                                    .statusCode()
                            / 100)
                    .isEqualTo(2);
            var paidOrder = gateway.placeOrder(product, 1, customer);
            assertThat(paidOrder.statusCode()).as(paidOrder.body()).isEqualTo(201);
            String paidId = Http.json(paidOrder).path("id").asString();
            if (sandbox != null && round % 2 == 0) { // by card: the provider's webhooks move too
                CardPayments.payWithVisa(sandbox, CardPayments.awaitIntent(gateway, paidId, customer));
                CardPayments.awaitStatus(gateway, paidId, customer, "PAID");
            } else { // a bank transfer an admin records
                var paid = gateway.post(
                        "/api/orders/" + paidId + "/payment",
                        """
                        {"amount":%s,"currency":"EUR","method":"MANUAL","reference":"monitoring-%d"}""".formatted(
                                        Http.json(paidOrder)
                                                .path("total")
                                                .decimalValue()
                                                .toPlainString(),
                                        round),
                        admin);
                assertThat(paid.statusCode()).as(paid.body()).isIn(200, 201);
            }
            if (web != null) {
                assertThat(Http.get(web + "/").statusCode()).isEqualTo(200);
                assertThat(Http.get(web + "/products/" + product).statusCode()).isEqualTo(200);
                assertThat(Http.get(web + "/no-such-page").statusCode()).isBetween(300, 499);
            }
            assertThat(gateway.send("PATCH", "/api/products/" + product, "{\"price\":2.75}", admin)
                            .statusCode())
                    .isEqualTo(200);
            // the 4xx a dashboard counts: a wrong password, an unknown product, an invalid registration, no token
            assertThat(gateway.post("/api/auth/login", """
                    {"login":"%s","password":"wrong-password-1"}""".formatted(name), null)
                            .statusCode())
                    .isEqualTo(401);
            assertThat(Http.get(base + "/api/products/987654321").statusCode()).isEqualTo(404);
            assertThat(gateway.post("/api/auth/register", "{\"email\":\"not-an-email\"}", null)
                            .statusCode())
                    .isEqualTo(400);
            assertThat(Http.get(base + "/api/orders").statusCode()).isEqualTo(401);
            requests += 16 + (web == null ? 0 : 3);
        }
        return requests;
    }
}
