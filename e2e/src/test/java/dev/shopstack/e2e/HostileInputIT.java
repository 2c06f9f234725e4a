package dev.shopstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A fuzz pass over every endpoint the services document (their OpenAPI documents, read through the gateway):
 * thousands of hostile requests through the gateway. None may answer 5xx, leak a stack trace or an internal class
 * name, or answer an error that is not problem+json. Runs after the journeys: admin writes here change data.
 */
@Order(Integer.MAX_VALUE - 1)
class HostileInputIT extends StackTestSupport {

    private static final List<String> SERVICES =
            List.of("user-service", "catalog-service", "order-service", "notification-service");

    /** What must never reach a client: stack frames, framework or driver class names, SQL errors. */
    private static final Pattern LEAK = Pattern.compile(
            "\\tat [a-z]|java\\.lang\\.|org\\.springframework\\.|org\\.hibernate|tools\\.jackson|com\\.fasterxml"
                    + "|SQL(State|Exception|Syntax)|dev\\.shopstack\\.");

    @Test
    void everyDocumentedEndpointShrugsOffHostileInput() throws Exception {
        String admin = gateway.adminToken();
        String customer =
                gateway.verifiedCustomer("fuzz" + UUID.randomUUID().toString().substring(0, 8), mail);

        Map<String, Integer> perService = new TreeMap<>();
        List<Request> requests = new ArrayList<>();
        for (String service : SERVICES) {
            var doc = Http.get(stack.gateway() + "/v3/api-docs/" + service);
            assertThat(doc.statusCode()).as(service).isEqualTo(200);
            List<FuzzCases.Case> cases = new FuzzCases(Http.json(doc)).all();
            perService.put(service, cases.size());
            for (FuzzCases.Case c : cases) {
                requests.add(new Request(c, tokenFor(service, c, admin, customer)));
            }
        }

        var statuses = new TreeMap<Integer, AtomicInteger>();
        var failures = new ConcurrentLinkedQueue<String>();
        var pool = Executors.newFixedThreadPool(4);
        for (Request request : requests) {
            pool.submit(() -> {
                HttpResponse<String> response;
                try {
                    response = send(stack.gateway(), request);
                } catch (RuntimeException e) {
                    failures.add(
                            request.c().method() + " " + abbreviate(request.c().path()) + " → no answer: " + e);
                    return;
                }
                synchronized (statuses) {
                    statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger())
                            .incrementAndGet();
                }
                String problem = verdict(response);
                if (problem != null) {
                    failures.add(
                            request.c().method() + " " + abbreviate(request.c().path()) + " → " + response.statusCode()
                                    + " " + problem + ": " + abbreviate(response.body()));
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(15, TimeUnit.MINUTES)).isTrue();

        System.out.printf(
                "fuzz: %d requests (%s), answers by status %s, %d bad%n",
                requests.size(), perService, statuses, failures.size());
        assertThat(requests.size()).isGreaterThan(2_000);
        assertThat(failures).as("bad answers").isEmpty();
    }

    @Test
    void tokenAttacksEscalationIdorBruteForceAndEnumerationAllFail() throws Exception {
        String name = "target" + UUID.randomUUID().toString().substring(0, 8);
        String customer = gateway.verifiedCustomer(name, mail);
        String otherName = "bystander" + UUID.randomUUID().toString().substring(0, 8);
        gateway.verifiedCustomer(otherName, mail);
        String otherId = Http.json(gateway.get("/api/users/me", gateway.login(otherName, Gateway.PASSWORD)))
                .path("id")
                .asString();
        int attacks = 0;

        // tokens the platform did not issue: alg "none", another key, a garbled one; all claim to be an admin
        String claims = "{\"iss\":\"http://localhost:8081\",\"sub\":\"" + UUID.randomUUID()
                + "\",\"roles\":[\"ADMIN\"],\"exp\":" + (System.currentTimeMillis() / 1000 + 600) + "}";
        var rsa = java.security.KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        for (String forged : List.of(
                Jwts.unsigned(claims),
                Jwts.signed(claims, rsa.generateKeyPair().getPrivate()),
                customer.substring(0, customer.length() - 4) + "AAAA",
                "not-a-jwt")) {
            for (String path : List.of("/api/users", "/api/users/me", "/api/orders", "/api/notifications")) {
                var response = gateway.get(path, forged);
                attacks++;
                assertThat(response.statusCode()).as(path).isEqualTo(401);
                assertThat(Http.contentType(response)).startsWith("application/problem+json");
            }
        }

        // privilege escalation: a role in a profile update is refused; admin paths stay closed; another user's data
        var escalate = gateway.send("PATCH", "/api/users/me", "{\"roles\":[\"ADMIN\"]}", customer);
        attacks++;
        assertThat(escalate.statusCode()).isEqualTo(400);
        String fresh = gateway.login(name, Gateway.PASSWORD);
        for (String path : List.of("/api/users", "/api/users/" + otherId, "/api/notifications")) {
            attacks++;
            assertThat(gateway.get(path, fresh).statusCode()).as(path).isEqualTo(403);
        }
        attacks++;
        assertThat(gateway.send("PATCH", "/api/users/" + otherId, "{\"locked\":true}", fresh)
                        .statusCode())
                .isEqualTo(403);

        // refresh reuse: presenting a used refresh token revokes the whole family
        JsonNode first = Http.json(gateway.post("/api/auth/login", loginBody(name, Gateway.PASSWORD), null));
        var rotated = gateway.post("/api/auth/refresh", refreshBody(first), null);
        assertThat(rotated.statusCode()).isEqualTo(200);
        attacks++;
        assertThat(gateway.post("/api/auth/refresh", refreshBody(first), null).statusCode())
                .isEqualTo(401);
        assertThat(gateway.post("/api/auth/refresh", refreshBody(Http.json(rotated)), null)
                        .statusCode())
                .as("the family is revoked")
                .isEqualTo(401);

        // user enumeration: an unknown user and a wrong password look the same
        var unknown = gateway.post("/api/auth/login", loginBody("nobody" + UUID.randomUUID(), "whatever-1"), null);
        var wrong = gateway.post("/api/auth/login", loginBody(otherName, "whatever-1"), null);
        attacks += 2;
        assertThat(unknown.statusCode()).isEqualTo(wrong.statusCode()).isEqualTo(401);
        assertThat(Http.json(unknown).path("detail")).isEqualTo(Http.json(wrong).path("detail"));
        var resetKnown =
                gateway.post("/api/auth/password-reset", "{\"email\":\"" + otherName + "@example.test\"}", null);
        var resetUnknown = gateway.post("/api/auth/password-reset", "{\"email\":\"nobody@example.test\"}", null);
        attacks += 2;
        assertThat(resetKnown.statusCode()).isEqualTo(resetUnknown.statusCode()).isEqualTo(202);
        assertThat(resetKnown.body()).isEqualTo(resetUnknown.body());

        // brute force: after 5 wrong passwords even the right one is refused for a while
        for (int i = 0; i < 5; i++) {
            attacks++;
            assertThat(gateway.post("/api/auth/login", loginBody(otherName, "guess-" + i), null)
                            .statusCode())
                    .isEqualTo(401);
        }
        attacks++;
        assertThat(gateway.post("/api/auth/login", loginBody(otherName, Gateway.PASSWORD), null)
                        .statusCode())
                .as("locked out")
                .isIn(401, 423, 429);

        // OTP guessing: five wrong codes kill the code, the right one no longer works
        String guessed = gateway.register("otp" + UUID.randomUUID().toString().substring(0, 8));
        String code = MailCatcher.verificationCode(mail.await(guessed, "verification code", Duration.ofSeconds(30)));
        String wrongCode = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            attacks++;
            assertThat(gateway.post("/api/auth/verify-email", verifyBody(guessed, wrongCode), null)
                            .statusCode())
                    .isBetween(400, 429);
        }
        attacks++;
        assertThat(gateway.post("/api/auth/verify-email", verifyBody(guessed, code), null)
                        .statusCode())
                .as("the code is dead after 5 wrong guesses")
                .isBetween(400, 429);

        System.out.printf(
                "attacks: %d attempts (forged tokens, escalation, IDOR, refresh reuse, enumeration, "
                        + "brute force, OTP guessing), all refused%n",
                attacks);
    }

    private static String loginBody(String login, String password) {
        return "{\"login\":\"%s\",\"password\":\"%s\"}".formatted(login, password);
    }

    private static String refreshBody(JsonNode session) {
        return "{\"refreshToken\":\"" + session.path("refreshToken").asString() + "\"}";
    }

    private static String verifyBody(String email, String code) {
        return "{\"email\":\"%s\",\"code\":\"%s\"}".formatted(email, code);
    }

    private record Request(FuzzCases.Case c, String token) {}

    /** Catalog writes as admin (their validation is the point); other reads as admin, other writes as a customer. */
    private static String tokenFor(String service, FuzzCases.Case c, String admin, String customer) {
        if (c.path().startsWith("/api/auth/")) {
            return null;
        }
        if (service.equals("catalog-service") || c.method().equals("GET")) {
            return admin;
        }
        return customer;
    }

    private static HttpResponse<String> send(String base, Request request) {
        var c = request.c();
        var builder = HttpRequest.newBuilder(URI.create(base + c.path()))
                .method(
                        c.method(),
                        c.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(c.body()));
        if (c.contentType() != null) {
            builder.header("Content-Type", c.contentType());
        }
        if (request.token() != null) {
            builder.header("Authorization", "Bearer " + request.token());
        }
        builder.header("Idempotency-Key", UUID.randomUUID().toString());
        return Http.send(builder);
    }

    /** Null when the answer is acceptable, otherwise what is wrong with it. */
    private static String verdict(HttpResponse<String> response) {
        if (response.statusCode() >= 500) {
            return "server error";
        }
        if (LEAK.matcher(response.body()).find()) {
            return "leaks internals";
        }
        if (response.statusCode() >= 400 && !Http.contentType(response).startsWith("application/problem+json")) {
            return "error without problem+json (" + Http.contentType(response) + ")";
        }
        return null;
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }
}
