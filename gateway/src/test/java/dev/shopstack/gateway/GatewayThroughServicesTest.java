package dev.shopstack.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.gateway.support.StubBackend;
import dev.shopstack.gateway.support.TestTokens;
import dev.shopstack.platform.test.Ports;
import dev.shopstack.platform.test.SessionRevocations;
import dev.shopstack.platform.tokens.SessionRevocationsLifecycle;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import redis.embedded.RedisServer;

/**
 * The gateway in front of a real (stub) downstream found through the simple discovery client, with the JWKS served by
 * that downstream, Redis-backed rate limiting (a redis-server the test starts on a free port), an
 * embedded Kafka broker for session revocations, the test client's own address as a trusted proxy, and one
 * downstream that is down.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "shop.rate-limit.redis=true",
            "shop.gateway.trusted-proxies=127.0.0.1/32",
            "shop.rate-limit.login.requests=3",
            "shop.rate-limit.login.period=1m",
            "shop.rate-limit.login.burst=3",
            "shop.gateway.cors.allowed-origins=https://shop.example",
            "spring.cloud.loadbalancer.cache.enabled=false"
        })
@ExtendWith(OutputCaptureExtension.class)
@EmbeddedKafka(
        partitions = 2,
        topics = "session-revocations",
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class GatewayThroughServicesTest {

    static final TestTokens tokens = new TestTokens();
    static final StubBackend backend = new StubBackend(tokens.jwks());
    static final int redisPort = Ports.unused();
    static final RedisServer redis = startRedis(redisPort);

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        String instances = "spring.cloud.discovery.client.simple.instances.";
        for (String service : new String[] {"user-service", "catalog-service", "order-service"}) {
            registry.add(instances + service + "[0].uri", backend::url);
        }
        registry.add(instances + "notification-service[0].uri", () -> "http://127.0.0.1:" + Ports.unused());
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", () -> redisPort);
        registry.add("shop.rate-limit.namespace", () -> "test-" + UUID.randomUUID());
        registry.add("slow.uri", backend::url);
    }

    /** A route with a short timeout, to see what a caller gets from a service that hangs. */
    @TestConfiguration
    static class SlowRoute {
        @Bean
        RouteLocator slowRoute(RouteLocatorBuilder routes, org.springframework.core.env.Environment env) {
            return routes.routes()
                    .route(
                            "slow-service",
                            r -> r.path("/api/slow/**")
                                    .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, 500)
                                    .uri(env.getRequiredProperty("slow.uri")))
                    .build();
        }
    }

    @AfterAll
    static void stopBackend() throws IOException {
        backend.close();
        redis.stop();
    }

    private static RedisServer startRedis(int port) {
        try {
            var server = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("save \"\"")
                    .build();
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("redis-server did not start", e);
        }
    }

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @Autowired
    SessionRevocationsLifecycle revocationReader;

    @LocalManagementPort
    int managementPort;

    private WebTestClient client() {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(15))
                .build();
    }

    private WebTestClient.ResponseSpec get(String path, String token) {
        return client().get()
                .uri(path)
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                })
                .exchange();
    }

    @Test
    void withoutATokenAProtectedRouteIs401ProblemWithABareChallenge() {
        get("/api/orders", null)
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(401)
                .jsonPath("$.instance")
                .isEqualTo("/api/orders");
    }

    @Test
    void expiredForgedUnsignedAndForeignTokensAre401InvalidToken() {
        for (String token : new String[] {
            tokens.expired(),
            tokens.forged(),
            tokens.unsigned(),
            tokens.wrongIssuer(),
            tokens.wrongAudience(),
            tokens.wrongType(),
            tokens.withoutSession(),
            "not-a-jwt"
        }) {
            get("/api/orders", token)
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void aCustomerOnAnAdminPathIs403Problem() {
        String customer = tokens.customer("customer-2");
        for (var call : new String[][] {
            {"GET", "/api/users"},
            {"GET", "/api/users/42"},
            {"GET", "/api/notifications"},
            {"DELETE", "/api/orders/7"},
            {"PATCH", "/api/orders/7/status"},
            {"POST", "/api/products"},
            {"DELETE", "/api/categories/3"}
        }) {
            client().method(HttpMethod.valueOf(call[0]))
                    .uri(call[1])
                    .headers(h -> h.setBearerAuth(customer))
                    .exchange()
                    .expectStatus()
                    .isForbidden()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo(403);
        }
    }

    @Test
    void aValidTokenReachesTheServiceWithTheTokenRequestIdAndTraceContext(CapturedOutput output) {
        String token = tokens.customer("customer-1");
        client().get()
                .uri("/api/orders")
                .headers(h -> {
                    h.setBearerAuth(token);
                    h.set("X-Request-Id", "req-123.abc_DEF");
                })
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Request-Id", "req-123.abc_DEF")
                .expectHeader()
                .valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader()
                .valueEquals("X-Frame-Options", "DENY")
                .expectHeader()
                .exists("Content-Security-Policy")
                .expectHeader()
                .doesNotExist("Strict-Transport-Security")
                .expectBody()
                .jsonPath("$.path")
                .isEqualTo("/api/orders");
        var seen = backend.lastRequest("GET /api/orders");
        assertThat(seen.getFirst("Authorization")).isEqualTo("Bearer " + token);
        assertThat(seen.getFirst("X-Request-Id")).isEqualTo("req-123.abc_DEF");
        assertThat(seen.getFirst("traceparent"))
                .as("W3C trace context in %s", seen.keySet())
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        assertThat(output.getOut())
                .containsPattern(
                        "shopstack.gateway.access\\s*: GET /api/orders 200 \\d+ms user=customer-1 requestId=req-123.abc_DEF");
    }

    @Test
    void anUnsafeRequestIdIsReplacedByAFreshOne() {
        var result = client().get()
                .uri("/api/products")
                .header("X-Request-Id", "evil\tid with spaces and more")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class);
        String id = result.getResponseHeaders().getFirst("X-Request-Id");
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(backend.lastRequest("GET /api/products").getFirst("X-Request-Id"))
                .isEqualTo(id);
    }

    @Test
    void publicReadsAndAuthEndpointsNeedNoToken() {
        get("/api/products/5", null).expectStatus().isOk();
        get("/api/categories", null).expectStatus().isOk();
        get("/api/users/9/avatar", null).expectStatus().isOk();
        get("/.well-known/jwks.json", null)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.keys[0].kid")
                .isEqualTo("test-key");
        client().post()
                .uri("/api/auth/refresh")
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void thePaymentProvidersWebhookReachesOrderServiceWithoutATokenAndWithItsSignature() {
        client().post()
                .uri("/api/payments/webhook")
                .header("Stripe-Signature", "t=1,v1=abc")
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(backend.lastRequest("POST /api/payments/webhook").getFirst("Stripe-Signature"))
                .isEqualTo("t=1,v1=abc");
        get("/api/payments/webhook", null)
                .expectStatus()
                .value(status -> assertThat(status).isIn(401, 404)); // POST only
    }

    @Test
    void anAdminReachesAdminPaths() {
        get("/api/users", tokens.admin("admin-1")).expectStatus().isOk();
        client().post()
                .uri("/api/products")
                .headers(h -> h.setBearerAuth(tokens.admin("admin-1")))
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void loginIsRateLimitedPerAddressInRedis() {
        for (int i = 0; i < 3; i++) {
            client().post()
                    .uri("/api/auth/login")
                    .bodyValue("{}")
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
        client().post()
                .uri("/api/auth/login")
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .exists("Retry-After")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(429);
    }

    @Test
    void aTrustedProxysForwardedAddressesGetTheirOwnBuckets() {
        for (String client : new String[] {"203.0.113.7", "2001:db8:1:2::10"}) {
            for (int i = 0; i < 3; i++) {
                client().post()
                        .uri("/api/auth/login")
                        .header("X-Forwarded-For", client)
                        .bodyValue("{}")
                        .exchange()
                        .expectStatus()
                        .isOk();
            }
            client().post()
                    .uri("/api/auth/login")
                    .header("X-Forwarded-For", client)
                    .bodyValue("{}")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(429);
        }
        // another address of the same IPv6 /64 shares its bucket; another /64 does not
        client().post()
                .uri("/api/auth/login")
                .header("X-Forwarded-For", "2001:db8:1:2::99")
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isEqualTo(429);
        client().post()
                .uri("/api/auth/login")
                .header("X-Forwarded-For", "2001:db8:1:3::10")
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void aTokenIsRefusedWithinFiveSecondsOfItsSessionsRevocationEvenWhenRemembered() {
        String session = UUID.randomUUID().toString();
        String token = tokens.customerOfSession("customer-9", session);
        get("/api/orders", token).expectStatus().isOk(); // verified, and now remembered by the gateway
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(revocationReader::synced); // steady state

        long produced = System.nanoTime();
        SessionRevocations.publish(brokers, "customer-9", List.of(session));
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> client().get()
                                .uri("/api/orders")
                                .headers(h -> h.setBearerAuth(token))
                                .exchange()
                                .returnResult(String.class)
                                .getStatus()
                                .value()
                        == 401);
        Duration delay = Duration.ofNanos(System.nanoTime() - produced);

        System.out.printf("Revocation delay (gateway, produce -> 401): %d ms%n", delay.toMillis());
        assertThat(delay).isLessThan(Duration.ofSeconds(5));
        get("/api/orders", token)
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        get("/api/orders", tokens.customer("customer-9")).expectStatus().isOk();
    }

    @Test
    void aServiceThatIsDownIs503NamingItQuickly() {
        assertProblemNamingTheService(
                "/api/notifications", tokens.admin("admin-1"), 503, "notification-service", Duration.ofSeconds(3));
    }

    @Test
    void aServiceThatHangsIs504AfterTheRouteTimeout() {
        assertProblemNamingTheService(
                "/api/slow/slow", tokens.customer("customer-3"), 504, "slow-service", Duration.ofMillis(2500));
    }

    private void assertProblemNamingTheService(String path, String token, int status, String service, Duration within) {
        long start = System.nanoTime();
        get(path, token)
                .expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString()).contains(service));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(within);
    }

    @Test
    void corsPreflightIsAllowedForTheConfiguredOriginOnly() {
        client().options()
                .uri("/api/products")
                .header("Origin", "https://shop.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization, Content-Type")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("Access-Control-Allow-Origin", "https://shop.example");
        client().options()
                .uri("/api/products")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .doesNotExist("Access-Control-Allow-Origin");
    }

    @Test
    void bodiesOverTheLimitAre413Problem() {
        String customer = tokens.customer("customer-4");
        client().post()
                .uri("/api/orders")
                .headers(h -> h.setBearerAuth(customer))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new byte[300 * 1024])
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client().put()
                .uri("/api/users/me/avatar")
                .headers(h -> h.setBearerAuth(customer))
                .contentType(MediaType.IMAGE_PNG)
                .bodyValue(new byte[1024 * 1024])
                .exchange()
                .expectStatus()
                .isOk();
        client().put()
                .uri("/api/users/me/avatar")
                .headers(h -> h.setBearerAuth(customer))
                .contentType(MediaType.IMAGE_PNG)
                .bodyValue(new byte[3 * 1024 * 1024])
                .exchange()
                .expectStatus()
                .isEqualTo(413);
    }

    @Test
    void servicesInternalsAndUnknownPathsAre404NotA401() {
        for (String path :
                new String[] {"/internal/stock/reservations", "/actuator/env", "/api/internal/stock", "/nope"}) {
            get(path, null).expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void gatewayMetricsCarryTheRouteId() {
        get("/api/categories", null).expectStatus().isOk();
        WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + managementPort)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                .build()
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body)
                        .contains("spring_cloud_gateway_requests_seconds_count")
                        .contains("routeId=\"catalog-service\"")
                        .contains("http_server_requests_seconds_count"));
    }
}
