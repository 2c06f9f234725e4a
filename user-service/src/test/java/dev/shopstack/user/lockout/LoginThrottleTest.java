package dev.shopstack.user.lockout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.user.IntegrationTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Customers of one account signing in from several addresses at the same instant. On MySQL/MariaDB under
 * REPEATABLE READ the first attempts of new pairs took gap locks and deadlocked each other (most of ten at once),
 * and a login could be answered 503 after its retries.
 */
class LoginThrottleTest extends IntegrationTestSupport {

    private static final int ADDRESSES = 10;
    private static final int ROUNDS = 20;

    @Autowired
    LoginThrottle throttle;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void firstAttemptsFromTenAddressesAtOnceAreAllCountedWithoutLockConflicts() throws Exception {
        UUID user = UUID.fromString(api.registerVerified().id());
        ExecutorService pool = Executors.newFixedThreadPool(ADDRESSES);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                var together = new CyclicBarrier(ADDRESSES);
                List<Future<Boolean>> attempts = new ArrayList<>();
                for (int i = 0; i < ADDRESSES; i++) {
                    var client = ClientAddress.of("203.0.%d.%d".formatted(round, i + 1));
                    attempts.add(pool.submit(() -> {
                        together.await();
                        return throttle.begin(user, client); // a lock conflict fails the test here
                    }));
                }
                for (Future<Boolean> attempt : attempts) {
                    assertThat(attempt.get()).isTrue();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM login_failures WHERE user_id = ? AND failures = 1",
                        Integer.class,
                        user.toString()))
                .isEqualTo(ADDRESSES * ROUNDS);
    }
}
