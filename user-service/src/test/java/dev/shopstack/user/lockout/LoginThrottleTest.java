package dev.shopstack.user.lockout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.platform.test.AtOnce;
import dev.shopstack.user.IntegrationTestSupport;
import java.util.UUID;
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

        var mayCheck = AtOnce.rounds(
                ROUNDS,
                ADDRESSES,
                (round, address) ->
                        throttle.begin(user, ClientAddress.of("203.0.%d.%d".formatted(round, address + 1))));

        assertThat(mayCheck).hasSize(ADDRESSES * ROUNDS).containsOnly(true);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM login_failures WHERE user_id = ? AND failures = 1",
                        Integer.class,
                        user.toString()))
                .isEqualTo(ADDRESSES * ROUNDS);
    }
}
