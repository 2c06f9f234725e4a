package dev.shopstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.local.LocalStack;
import dev.shopstack.platform.test.AtOnce;
import dev.shopstack.platform.test.GeneratedPngs;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The five attacks of the security review (issue 15), replayed through the gateway of a running stack: each one
 * fails, and the platform keeps answering logins afterwards.
 */
class HostileJourneyIT extends StackTestSupport {

    private static final Duration REVOCATION_BOUND = Duration.ofSeconds(5);
    private static final Pattern JWKS_SERVED = Pattern.compile(
            "(?m)^http_server_requests_seconds_count\\{[^}]*uri=\"/\\.well-known/jwks\\.json\"[^}]*} ([0-9.eE+]+)$");

    @Test
    void aCustomerCannotMarkTheirOwnOrderPaid() {
        long product = gateway.newProduct(gateway.adminToken(), 5, "30.00");
        String customer = gateway.verifiedCustomer(name("free"), mail);
        var placed = gateway.placeOrder(product, 2, customer);
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        String order = Http.json(placed).path("id").asString();

        var selfPaid = gateway.post("/api/orders/" + order + "/payment", """
                {"amount":60.00,"currency":"EUR","method":"MANUAL","reference":"trust-me"}""", customer);

        assertThat(selfPaid.statusCode()).as(selfPaid.body()).isEqualTo(403);
        assertThat(Http.contentType(selfPaid)).startsWith("application/problem+json");
        assertThat(Http.json(gateway.get("/api/orders/" + order, customer))
                        .path("status")
                        .asString())
                .isEqualTo("PENDING_PAYMENT");
        assertThat(gateway.stockOf(product)).as("reserved, not sold").isEqualTo(3);
    }

    @Test
    void threeParallelAvatarBombsAreRefusedAndLoginKeepsWorking() throws Exception {
        String name = name("bomb");
        String customer = gateway.verifiedCustomer(name, mail);
        int restarts = stack.restarts(LocalStack.USER_SERVICE);
        byte[] bomb = GeneratedPngs.bomb(); // 16-bit RGBA: a few hundred KB, a 320 MB raster once decoded

        for (var response : AtOnce.rounds(1, 3, (round, caller) -> uploadAvatar(stack.gateway(), customer, bomb))) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
            assertThat(Http.contentType(response)).startsWith("application/problem+json");
        }

        assertThat(gateway.login(name, Gateway.PASSWORD)).isNotBlank();
        assertThat(stack.restarts(LocalStack.USER_SERVICE))
                .as("user-service never died")
                .isEqualTo(restarts);
        System.out.printf(
                "3 parallel avatar bombs of %d KB: all 413, user-service still logs people in%n", bomb.length / 1024);
    }

    @Test
    void aStolenAccessTokenCannotTakeTheAccountOver() {
        String name = name("steal");
        String stolen = gateway.verifiedCustomer(name, mail);
        String attackerAddress = name + "-attacker@example.test";

        var withoutPassword = gateway.send("PATCH", "/api/users/me", """
                {"email":"%s"}""".formatted(attackerAddress), stolen);
        assertThat(withoutPassword.statusCode()).as(withoutPassword.body()).isEqualTo(400);

        var guessed = gateway.send("PATCH", "/api/users/me", """
                {"email":"%s","currentPassword":"a-guess-1"}""".formatted(attackerAddress), stolen);
        assertThat(guessed.statusCode()).as(guessed.body()).isEqualTo(400);
        assertThat(Http.json(gateway.get("/api/users/me", stolen)).path("email").asString())
                .isEqualTo(name + "@example.test");
        assertThat(gateway.post("/api/auth/password-reset", """
                {"email":"%s"}""".formatted(attackerAddress), null)
                        .statusCode())
                .isIn(200, 202, 204);
        assertThat(mail.inbox(attackerAddress))
                .as("nothing reaches the attacker's address")
                .isEmpty();
    }

    @Test
    void logoutRevokesTheAccessTokenAtTheGatewayAndAtTheServicesWithinFiveSeconds() {
        String name = name("logout");
        gateway.verifiedCustomer(name, mail);
        var login = Http.json(gateway.post("/api/auth/login", """
                {"login":"%s","password":"%s"}""".formatted(name, Gateway.PASSWORD), null));
        String access = login.path("accessToken").asString();
        String orderService = "http://localhost:" + stack.ports().orderService();
        assertThat(gateway.get("/api/users/me", access).statusCode()).isEqualTo(200);
        assertThat(Http.send(bearer(orderService + "/api/orders", access)).statusCode())
                .isEqualTo(200);

        var logout = gateway.post(
                "/api/auth/logout", """
                {"refreshToken":"%s"}""".formatted(login.path("refreshToken").asString()), access);
        assertThat(logout.statusCode() / 100).as(logout.body()).isEqualTo(2);
        Instant loggedOut = Instant.now();

        Duration atGateway =
                untilRefused(() -> gateway.get("/api/users/me", access).statusCode(), loggedOut);
        Duration atOrderService = untilRefused(
                () -> Http.send(bearer(orderService + "/api/orders", access)).statusCode(), loggedOut);
        System.out.printf(
                "revocation after logout: the gateway refused the access token after %d ms, "
                        + "order-service after %d ms%n",
                atGateway.toMillis(), atOrderService.toMillis());
        assertThat(atGateway).isLessThanOrEqualTo(REVOCATION_BOUND);
        assertThat(atOrderService).isLessThanOrEqualTo(REVOCATION_BOUND);
    }

    @Test
    void aThousandUnknownKeyIdsCostUserServiceAtMostOneKeySetFetchPerCoolDown() throws Exception {
        String userService = "http://localhost:" + stack.ports().userService() + "/actuator/prometheus";
        PrivateKey attackerKey =
                KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
        double servedBefore = jwksServed(userService);
        Instant start = Instant.now();

        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            String kid = "unknown-" + i;
            sent.add(pool.submit(() -> {
                String token = Jwts.signed(
                        """
                        {"sub":"%s","aud":"shopstack-api","exp":%d}""".formatted(
                                        UUID.randomUUID(),
                                        Instant.now().plusSeconds(600).getEpochSecond()),
                        attackerKey,
                        kid);
                if (gateway.get("/api/users/me", token).statusCode() == 401) {
                    refused.incrementAndGet();
                }
                return null;
            }));
        }
        for (var request : sent) {
            request.get();
        }
        pool.shutdown();
        Duration took = Duration.between(start, Instant.now());
        double fetches = jwksServed(userService) - servedBefore;
        // one fetch per 30 s cool-down, per gateway instance; one more if a window starts during the run
        long allowed = stack.replicas() * (took.toSeconds() / 30 + 2);
        System.out.printf(
                "1000 tokens with unknown kids in %d ms: %d answered 401; user-service served the key "
                        + "set %.0f times meanwhile (bound %d)%n",
                took.toMillis(), refused.get(), fetches, allowed);
        assertThat(refused.get()).isEqualTo(1_000);
        assertThat(fetches).isLessThanOrEqualTo(allowed);
        assertThat(gateway.adminToken()).as("logins still work").isNotBlank();
    }

    private static Duration untilRefused(java.util.function.IntSupplier status, Instant since) {
        Instant deadline = since.plus(REVOCATION_BOUND.multipliedBy(3));
        while (Instant.now().isBefore(deadline)) {
            if (status.getAsInt() == 401) {
                return Duration.between(since, Instant.now());
            }
            sleep(Duration.ofMillis(25));
        }
        return Duration.between(since, Instant.now());
    }

    private static double jwksServed(String prometheusUrl) {
        var matcher = JWKS_SERVED.matcher(Http.get(prometheusUrl, "text/plain").body());
        double total = 0;
        while (matcher.find()) {
            total += Double.parseDouble(matcher.group(1));
        }
        return total;
    }

    private static HttpResponse<String> uploadAvatar(String gateway, String token, byte[] png) {
        String boundary = "shopstack-" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"me.png\""
                        + "\r\nContent-Type: image/png\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(png);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return Http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/users/me/avatar"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static HttpRequest.Builder bearer(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .GET();
    }

    private static String name(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
