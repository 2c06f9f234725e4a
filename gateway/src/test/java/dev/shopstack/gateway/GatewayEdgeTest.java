package dev.shopstack.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The gateway on its own, with no service registered and in-memory rate limiting: what it answers by itself. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "shop.rate-limit.sensitive.requests=2", "shop.rate-limit.sensitive.period=1m",
            "shop.rate-limit.sensitive.burst=2", "shop.rate-limit.webhook.requests=60",
            "shop.rate-limit.webhook.period=1h", "shop.rate-limit.webhook.burst=60"
        })
@ExtendWith(OutputCaptureExtension.class)
class GatewayEdgeTest {

    @LocalServerPort
    int port;

    private WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    @Test
    void anUnknownPathIsA404Problem() {
        client().get()
                .uri("/nope")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(404)
                .jsonPath("$.type")
                .isEqualTo("https://shopstack.dev/problems/not-found")
                .jsonPath("$.title")
                .isEqualTo("Not Found")
                .jsonPath("$.instance")
                .isEqualTo("/nope");
    }

    @Test
    void servicesInternalAndActuatorPathsAreNeverRouted() {
        for (String path :
                new String[] {"/internal/stock/reservations", "/actuator/health", "/actuator/env", "/api/internal/stock"
                }) {
            client().get()
                    .uri(path)
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void dotSegmentsAndEncodedSeparatorsAreRefusedBeforeRouting() {
        for (String path : new String[] {
            "/api/products/%2e%2e/%2e%2e/internal/stock",
            "/api/products/..%2f..%2finternal",
            "/api/orders/%5c..%5cinternal"
        }) {
            client().get()
                    .uri(java.net.URI.create("http://127.0.0.1:" + port + path))
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void brokenEncodingEncodedPercentsAndOverlongUrisAreProblemsFromTheEdge() {
        for (String path : new String[] {
            "/api/products/%C3%28", "/api/products?q=%C3%28", "/api/products?q=%FF%FE", "/api/products/%25"
        }) {
            client().get()
                    .uri(java.net.URI.create("http://127.0.0.1:" + port + path))
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        client().get()
                .uri(java.net.URI.create("http://127.0.0.1:" + port + "/api/products?q=" + "a".repeat(9000)))
                .exchange()
                .expectStatus()
                .isEqualTo(414)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aRouteWhoseServiceHasNoInstanceAnswers503NamingTheService() {
        client().get()
                .uri("/api/categories")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> org.assertj.core.api.Assertions.assertThat(detail.toString())
                        .contains("catalog-service"));
    }

    @Test
    void aServiceMissingFromDiscoveryDoesNotOpenItsBreaker(CapturedOutput output) {
        for (int i = 0; i < 25; i++) { // more failing calls than the breaker needs to open
            client().get().uri("/api/products").exchange().expectStatus().isEqualTo(503);
        }
        // an open breaker would still answer 503, but for 10 s after the first instance registers
        assertThat(output)
                .contains("Unable to find instance for catalog-service")
                .doesNotContain("CircuitBreaker 'catalog-service' is OPEN");
    }

    @Test
    void aForgedForwardedForFromAnUntrustedPeerIsIgnored() {
        for (int i = 0; i < 5; i++) { // the login tier's burst, each "from" another address
            client().post()
                    .uri("/api/auth/login")
                    .header("X-Forwarded-For", "198.51.100." + i)
                    .bodyValue("{}")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503);
        }
        client().post()
                .uri("/api/auth/login")
                .header("X-Forwarded-For", "198.51.100.99")
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isEqualTo(429);
    }

    @Test
    void paymentWebhooksHaveTheirOwnBucketNotThePerAddressLimit() {
        for (int i = 0; i < 60; i++) { // above the per-address burst (40): a provider's burst from one address
            client().post()
                    .uri("/api/payments/webhook")
                    .bodyValue("{}")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503);
        }
        client().post()
                .uri("/api/payments/webhook")
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .valueMatches("Retry-After", "[1-9][0-9]*")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client().get().uri("/api/products").exchange().expectStatus().isEqualTo(503); // other routes: their own
    }

    @Test
    void signUpIsRateLimitedPerAddressInMemoryWithRetryAfter() {
        for (int i = 0; i < 2; i++) { // let through (and answered 503: no user-service here)
            client().post()
                    .uri("/api/auth/register")
                    .bodyValue("{}")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503);
        }
        client().post()
                .uri("/api/auth/register")
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .valueMatches("Retry-After", "[1-9][0-9]*")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(429)
                .jsonPath("$.instance")
                .isEqualTo("/api/auth/register");
    }
}
