package dev.shopstack.e2e;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The soak's shoppers, as careful clients: each order is one Idempotency-Key, sent again after a failure or a lost
 * answer until the platform answers it, so an outage may delay an order but must not lose or double it. Every fifth
 * order is paid by the admin (a bank transfer), every seventh cancelled by its customer, the rest left to the payment
 * window. Every answer is counted by status (0: no answer, the connection failed).
 */
final class SoakShoppers {

    /** How long a client keeps retrying one request before it gives up (a failure of the soak). */
    static final Duration GIVE_UP_AFTER = Duration.ofMinutes(5);

    private static final Duration TOKEN_AGE = Duration.ofMinutes(10);
    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "local-admin-password";

    private final Gateway gateway;
    private final MailCatcher mail;
    private final long product;
    private final List<String> customers;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, Instant> tokenTimes = new ConcurrentHashMap<>();

    /** order id -> quantity, for every order the platform answered 201. */
    final Map<String, Integer> acknowledged = new ConcurrentHashMap<>();

    final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    /** When each 5xx or failed connection happened. */
    final List<Instant> failures = Collections.synchronizedList(new ArrayList<>());

    final AtomicInteger retries = new AtomicInteger();
    final AtomicInteger givenUp = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger newcomers = new AtomicInteger();
    final AtomicLong slowestOrderMillis = new AtomicLong();

    SoakShoppers(Gateway gateway, MailCatcher mail, long product, List<String> customers) {
        this.gateway = gateway;
        this.mail = mail;
        this.product = product;
        this.customers = customers;
    }

    /** One order from a random customer, retried with its key until answered 201 or refused for good. */
    void placeOrder() {
        String customer = customers.get(ThreadLocalRandom.current().nextInt(customers.size()));
        int quantity = 1 + ThreadLocalRandom.current().nextInt(3);
        String key = UUID.randomUUID().toString();
        Instant start = Instant.now();
        HttpResponse<String> answer = untilAnswered(
                customer,
                () -> gateway.send(
                        "POST",
                        "/api/orders",
                        Gateway.orderBody(product, quantity),
                        tokenOf(customer),
                        "Idempotency-Key",
                        key),
                201);
        if (answer == null) {
            return;
        }
        String id = Http.json(answer).path("id").asString();
        acknowledged.put(id, quantity);
        slowestOrderMillis.accumulateAndGet(
                Duration.between(start, Instant.now()).toMillis(), Math::max);
        int count = acknowledged.size();
        if (count % 5 == 0) {
            // a bank transfer the admin records; 409: recorded already, or the payment window closed first
            untilAnswered(
                    ADMIN,
                    () -> gateway.post("/api/orders/" + id + "/payment", """
                    {"amount":%d.00,"currency":"EUR","method":"MANUAL","reference":"soak-%s"}""".formatted(quantity, id), tokenOf(ADMIN)),
                    200,
                    201,
                    409);
        } else if (count % 7 == 0) {
            untilAnswered(
                    customer, () -> gateway.post("/api/orders/" + id + "/cancel", "{}", tokenOf(customer)), 200, 409);
        }
    }

    /** A shopper browsing: the catalog, a search, a product, their own orders. */
    void browse() {
        String customer = customers.get(ThreadLocalRandom.current().nextInt(customers.size()));
        switch (ThreadLocalRandom.current().nextInt(4)) {
            case 0 -> attempt(() -> gateway.get("/api/products?size=20&sort=name", tokenOf(customer)));
            case 1 -> attempt(() -> gateway.get("/api/products?q=lamp&inStock=true&size=10", tokenOf(customer)));
            case 2 -> attempt(() -> gateway.get("/api/products/" + product, tokenOf(customer)));
            default -> attempt(() -> gateway.get("/api/orders?size=5", tokenOf(customer)));
        }
    }

    /** Someone new: registers, enters the emailed code, logs in and refreshes the session. */
    void newcomer() {
        String name = "soaknew" + UUID.randomUUID().toString().substring(0, 8);
        String email = name + "@example.test";
        // 409: an earlier try was registered but its answer was lost
        if (untilAnswered(
                        null,
                        () -> gateway.post(
                                "/api/auth/register",
                                """
                {"email":"%s","username":"%s","password":"%s","passwordConfirm":"%s","firstName":"Sam"}""".formatted(email, name, Gateway.PASSWORD, Gateway.PASSWORD),
                                null),
                        201,
                        409)
                == null) {
            return;
        }
        String code = MailCatcher.verificationCode(mail.await(email, "verification code", GIVE_UP_AFTER));
        untilAnswered(null, () -> gateway.post("/api/auth/verify-email", """
                {"email":"%s","code":"%s"}""".formatted(email, code), null), 200);
        HttpResponse<String> session = untilAnswered(
                null, () -> gateway.post("/api/auth/login", """
                {"login":"%s","password":"%s"}""".formatted(name, Gateway.PASSWORD), null), 200);
        if (session != null) {
            String refreshToken = Http.json(session).path("refreshToken").asString();
            untilAnswered(
                    null,
                    () -> gateway.post("/api/auth/refresh", "{\"refreshToken\":\"" + refreshToken + "\"}", null),
                    200);
            newcomers.incrementAndGet();
        }
    }

    /**
     * Sends the request until one of the expected statuses comes back, again after a failure, a 5xx, a 429 or an
     * expired token. Another 4xx is refused for good. Null when refused or given up (both counted).
     */
    private HttpResponse<String> untilAnswered(String login, Supplier<HttpResponse<String>> call, int... expected) {
        Instant start = Instant.now();
        while (true) {
            HttpResponse<String> answer = attempt(call);
            int status = answer == null ? 0 : answer.statusCode();
            for (int ok : expected) {
                if (status == ok) {
                    return answer;
                }
            }
            if (status == 401 && login != null) {
                tokens.remove(login);
            } else if (status >= 400 && status < 500 && status != 429 && status != 409) {
                System.out.printf("soak: refused %d %s%n", status, answer.body());
                refused.incrementAndGet();
                return null;
            }
            if (Duration.between(start, Instant.now()).compareTo(GIVE_UP_AFTER) > 0) {
                givenUp.incrementAndGet();
                return null;
            }
            retries.incrementAndGet();
            pause(500);
        }
    }

    /** A fresh access token (they live 15 minutes), logging in again through outages until it works. */
    String tokenOf(String login) {
        String token = tokens.get(login);
        Instant at = tokenTimes.get(login);
        if (token != null && at != null && Duration.between(at, Instant.now()).compareTo(TOKEN_AGE) < 0) {
            return token;
        }
        String password = ADMIN.equals(login) ? ADMIN_PASSWORD : Gateway.PASSWORD;
        HttpResponse<String> answer =
                untilAnswered(null, () -> gateway.post("/api/auth/login", """
                {"login":"%s","password":"%s"}""".formatted(login, password), null), 200);
        if (answer == null) {
            throw new IllegalStateException("no login for " + login + " within " + GIVE_UP_AFTER);
        }
        tokens.put(login, Http.json(answer).path("accessToken").asString());
        tokenTimes.put(login, Instant.now());
        return tokens.get(login);
    }

    /** The answer, or null when the connection failed (a killed process, a gateway restarting); counted. */
    private HttpResponse<String> attempt(Supplier<HttpResponse<String>> call) {
        HttpResponse<String> answer;
        try {
            answer = call.get();
        } catch (RuntimeException connectionLost) {
            answer = null;
        }
        int status = answer == null ? 0 : answer.statusCode();
        statuses.computeIfAbsent(status, code -> new AtomicInteger()).incrementAndGet();
        if (status == 0 || status >= 500) {
            failures.add(Instant.now());
        }
        return answer;
    }

    Gateway gateway() {
        return gateway;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
