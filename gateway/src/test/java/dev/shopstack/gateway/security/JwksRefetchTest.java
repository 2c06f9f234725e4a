package dev.shopstack.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.gateway.support.StubBackend;
import dev.shopstack.gateway.support.TestTokens;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * F6: tokens naming made-up key ids must not make the gateway fetch the issuer's JWKS again and again. A real HTTP
 * JWKS endpoint counts the fetches while 1,000 requests with unknown kids arrive.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "shop.security.revocations.enabled=false")
class JwksRefetchTest {

    static final TestTokens tokens = new TestTokens();
    static final StubBackend issuer = new StubBackend(tokens.jwks());

    @DynamicPropertySource
    static void jwks(DynamicPropertyRegistry registry) {
        registry.add("shop.security.jwt.jwk-set-uri", () -> issuer.url() + "/.well-known/jwks.json");
        registry.add("spring.cloud.discovery.client.simple.instances.order-service[0].uri", issuer::url);
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    @LocalServerPort
    int port;

    @Test
    void aThousandUnknownKidsCauseOneJwksFetchPerCoolDown() {
        var client = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
        client.get()
                .uri("/api/orders")
                .headers(h -> h.setBearerAuth(tokens.customer("u-1")))
                .exchange()
                .expectStatus()
                .isOk();
        long start = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            String token = tokens.unknownKid("made-up-" + i);
            client.get()
                    .uri("/api/orders")
                    .headers(h -> h.setBearerAuth(token))
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        System.out.printf(
                "JWKS fetches at the gateway: %d for 1 valid + 1000 unknown-kid requests in %d s "
                        + "(cool-down 30 s)%n",
                issuer.jwksFetches(), seconds);
        // the first fetch came with the valid token; a loop slowed by a busy machine may outlast a window or two
        assertThat(issuer.jwksFetches()).as("one fetch per cool-down window").isBetween(1, 2 + (int) (seconds / 30));
    }
}
