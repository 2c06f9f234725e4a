package dev.shopstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Accounts over their life, through the gateway: forgotten password, an admin's lock and role, the admin's
 * catalog work, deletion.
 */
class AccountJourneyIT extends StackTestSupport {

    static String admin;

    @BeforeAll
    static void signInTheAdmin() {
        admin = gateway.adminToken();
    }

    @Test
    void aForgottenPasswordIsResetByEmailAndTheOldSessionsDie() {
        String name = "forgot" + suffix();
        gateway.verifiedCustomer(name, mail);
        String email = name + "@example.test";
        JsonNode before = Http.json(login(name, Gateway.PASSWORD));

        var requested = gateway.post("/api/auth/password-reset", "{\"email\":\"" + email + "\"}", null);
        assertThat(requested.statusCode()).isEqualTo(202);
        String token =
                MailCatcher.resetToken(mail.await(email, "Reset your Shopstack password", Duration.ofSeconds(30)));

        String confirm = "{\"token\":\"%s\",\"newPassword\":\"a-brand-new-secret\"}".formatted(token);
        assertThat(gateway.post("/api/auth/password-reset/confirm", confirm, null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(refresh(before.path("refreshToken").asString()).statusCode()).isEqualTo(401);
        assertThat(login(name, Gateway.PASSWORD).statusCode()).isEqualTo(401);
        assertThat(login(name, "a-brand-new-secret").statusCode()).isEqualTo(200);
        mail.await(email, "Your Shopstack password was changed", Duration.ofSeconds(30));

        var again = gateway.post("/api/auth/password-reset/confirm", confirm, null);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(Http.contentType(again)).startsWith("application/problem+json");
    }

    @Test
    void anAdminFindsLocksAndPromotesAUser() {
        String name = "managed" + suffix();
        String customer = gateway.verifiedCustomer(name, mail);
        JsonNode session = Http.json(login(name, Gateway.PASSWORD));

        var found = Http.json(gateway.get("/api/users?q=" + name, admin));
        assertThat(found.path("content")).hasSize(1);
        String id = found.path("content").get(0).path("id").asString();
        assertThat(gateway.get("/api/users?q=" + name, customer).statusCode()).isEqualTo(403);

        var locked = gateway.send("PATCH", "/api/users/" + id, "{\"locked\":true}", admin);
        assertThat(locked.statusCode()).as(locked.body()).isEqualTo(200);
        assertThat(login(name, Gateway.PASSWORD).statusCode()).isIn(401, 403, 423);
        assertThat(refresh(session.path("refreshToken").asString()).statusCode())
                .isEqualTo(401);

        var unlocked = gateway.send(
                "PATCH", "/api/users/" + id, "{\"locked\":false,\"roles\":[\"CUSTOMER\",\"ADMIN\"]}", admin);
        assertThat(unlocked.statusCode()).as(unlocked.body()).isEqualTo(200);
        String promoted =
                Http.json(login(name, Gateway.PASSWORD)).path("accessToken").asString();
        assertThat(gateway.get("/api/users?q=" + name, promoted).statusCode()).isEqualTo(200);
    }

    @Test
    void anAdminManagesCategoriesAndProductsAndCustomersSeeOnlyWhatIsForSale() {
        String slug = "e2e-shelf-" + suffix();
        String customer = gateway.verifiedCustomer("shopper" + suffix(), mail);
        String category = "{\"slug\":\"%s\",\"name\":\"E2E shelf\"}".formatted(slug);
        assertThat(gateway.post("/api/categories", category, customer).statusCode())
                .isEqualTo(403);
        var shelf = gateway.post("/api/categories", category, admin);
        assertThat(shelf.statusCode()).as(shelf.body()).isEqualTo(201);
        long shelfId = Http.json(shelf).path("id").asLong();

        var created = gateway.post("/api/products", """
                {"sku":"SHELF-%s","name":"Shelf clock","description":"Ticks quietly","categoryId":%d,
                 "price":30.00,"currency":"EUR","stockQuantity":4}""".formatted(suffix().toUpperCase(), shelfId), admin);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long product = Http.json(created).path("id").asLong();
        String etag = created.headers().firstValue("ETag").orElseThrow();
        var listed = Http.json(Http.get(stack.gateway() + "/api/products?category=" + slug));
        assertThat(listed.path("content")).hasSize(1);
        assertThat(listed.path("content").get(0).path("id").asLong()).isEqualTo(product);

        var repriced = gateway.send("PATCH", "/api/products/" + product, "{\"price\":24.90}", admin, "If-Match", etag);
        assertThat(repriced.statusCode()).as(repriced.body()).isEqualTo(200);
        assertThat(Http.json(Http.get(stack.gateway() + "/api/products/" + product))
                        .path("price")
                        .decimalValue())
                .isEqualByComparingTo("24.90");
        var stale = gateway.send("PATCH", "/api/products/" + product, "{\"price\":1.00}", admin, "If-Match", etag);
        assertThat(stale.statusCode()).as("edited meanwhile").isEqualTo(412);
        assertThat(gateway.send("PATCH", "/api/products/" + product, "{\"price\":1.00}", customer)
                        .statusCode())
                .isEqualTo(403);

        assertThat(gateway.send("PATCH", "/api/products/" + product, "{\"active\":false}", admin)
                        .statusCode())
                .isEqualTo(200);
        assertThat(Http.get(stack.gateway() + "/api/products/" + product).statusCode())
                .as("hidden")
                .isEqualTo(404);
        assertThat(Http.json(Http.get(stack.gateway() + "/api/products?category=" + slug))
                        .path("content"))
                .isEmpty();

        assertThat(gateway.send("DELETE", "/api/categories/" + shelfId, null, admin)
                        .statusCode())
                .as("still has a product")
                .isEqualTo(409);
        assertThat(gateway.send("DELETE", "/api/products/" + product, null, admin)
                        .statusCode())
                .isEqualTo(204);
        assertThat(gateway.send("DELETE", "/api/categories/" + shelfId, null, admin)
                        .statusCode())
                .isEqualTo(204);
        assertThat(Http.get(stack.gateway() + "/api/categories/" + shelfId).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aDeletedAccountCannotLogInAndItsOrdersAreAnonymized() {
        String name = "leaving" + suffix();
        String customer = gateway.verifiedCustomer(name, mail);
        long product = Http.json(Http.get(stack.gateway() + "/api/products?inStock=true&size=1"))
                .path("content")
                .get(0)
                .path("id")
                .asLong();
        var placed = gateway.send(
                "POST",
                "/api/orders",
                """
                {"lines":[{"productId":%d,"quantity":1}],"shippingAddress":{"name":"Leaving Customer",
                 "line1":"Exit Road 1","postalCode":"1000","city":"Brussels","country":"BE"}}""".formatted(product),
                customer,
                "Idempotency-Key",
                UUID.randomUUID().toString());
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        String order = Http.json(placed).path("id").asString();

        var wrongPassword = gateway.send("DELETE", "/api/users/me", "{\"password\":\"not-my-password\"}", customer);
        assertThat(wrongPassword.statusCode()).isIn(400, 401, 403);
        var deleted = gateway.send("DELETE", "/api/users/me", "{\"password\":\"" + Gateway.PASSWORD + "\"}", customer);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        assertThat(login(name, Gateway.PASSWORD).statusCode()).isEqualTo(401);

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    JsonNode kept = Http.json(gateway.get("/api/orders/" + order, admin));
                    assertThat(kept.path("id").asString()).isEqualTo(order);
                    assertThat(absent(kept.path("email"))).as("email erased").isTrue();
                    JsonNode address = kept.path("shippingAddress");
                    assertThat(absent(address) || absent(address.path("name")))
                            .as("address erased")
                            .isTrue();
                });
    }

    private static HttpResponse<String> login(String login, String password) {
        return gateway.post(
                "/api/auth/login", "{\"login\":\"%s\",\"password\":\"%s\"}".formatted(login, password), null);
    }

    private static HttpResponse<String> refresh(String refreshToken) {
        return gateway.post("/api/auth/refresh", "{\"refreshToken\":\"" + refreshToken + "\"}", null);
    }

    private static boolean absent(JsonNode value) {
        return value.isNull() || value.isMissingNode();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
