package dev.shopstack.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.platform.test.SessionRevocations;
import dev.shopstack.platform.test.TestJwts;
import dev.shopstack.platform.tokens.SessionRevocationsLifecycle;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * ADR 0008 in a servlet service: only access tokens of the platform's shape pass, and a token stops working within
 * seconds of its session's revocation reaching the (embedded) broker.
 */
class AccessTokenApiTest extends IntegrationTestSupport {

    private int status(String token) {
        return mvc.get()
                .uri("/api/orders")
                .header("Authorization", "Bearer " + token)
                .exchange()
                .getResponse()
                .getStatus();
    }

    @Autowired
    MeterRegistry meters;

    @Autowired
    SessionRevocationsLifecycle revocationReader;

    @Autowired
    @Qualifier("revocationsHealthIndicator")
    HealthIndicator revocationsHealth;

    @Test
    void theRevocationListReportsItselfSyncedInHealthAndMetrics() {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() ->
                        meters.get("shop.security.revocations.synced").gauge().value() == 1);
        assertThat(revocationsHealth.health(true).getDetails())
                .containsEntry("synced", true)
                .containsEntry("reading", true);
    }

    @Test
    void tokensForAnotherAudienceOfAnotherTypeOrWithoutSessionAre401() {
        String user = UUID.randomUUID().toString();
        assertThat(status(TestJwts.customer(user))).isEqualTo(200);
        for (String token :
                List.of(TestJwts.wrongAudience(user), TestJwts.wrongType(user), TestJwts.withoutSession(user))) {
            assertThat(mvc.get()
                            .uri("/api/orders")
                            .header("Authorization", "Bearer " + token)
                            .exchange())
                    .hasStatus(HttpStatus.UNAUTHORIZED)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void aRevokedSessionsTokenIsRefusedWithinFiveSeconds() {
        String user = UUID.randomUUID().toString();
        String session = UUID.randomUUID().toString();
        String token = TestJwts.customer(user, session);
        String otherSession = TestJwts.customer(user);
        assertThat(status(token)).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(revocationReader::synced); // steady state

        long produced = System.nanoTime();
        SessionRevocations.publish(brokers, user, List.of(session));
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> status(token) == 401);
        Duration delay = Duration.ofNanos(System.nanoTime() - produced);

        System.out.printf("Revocation delay (order-service, produce -> 401): %d ms%n", delay.toMillis());
        assertThat(delay).isLessThan(Duration.ofSeconds(5));
        assertThat(status(otherSession))
                .as("the user's other session is untouched")
                .isEqualTo(200);
    }
}
