package dev.shopstack.user.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.platform.test.AtOnce;
import dev.shopstack.user.IntegrationTestSupport;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class MailThrottleTest extends IntegrationTestSupport {

    private static final int ADDRESSES = 10;
    private static final int ROUNDS = 20;

    @Autowired
    MailThrottle throttle;

    @Autowired
    TransactionTemplate transaction;

    /**
     * Ten sign-ups at the same instant, each sending its first mail. On MySQL/MariaDB under REPEATABLE READ an
     * update that found no row of a new key took a gap lock, and the inserts of new keys deadlocked each other.
     */
    @Test
    void firstMailsToTenNewAddressesAtOnceAreAllSentWithoutLockConflicts() throws Exception {
        var sent = AtOnce.rounds(ROUNDS, ADDRESSES, (round, address) -> {
            String key = MailThrottle.addressKey("parallel-test", "r%d-%d@example.com".formatted(round, address));
            return transaction.execute(status -> throttle.tryAcquire(key, Duration.ofMinutes(1), 5));
        });

        assertThat(sent).hasSize(ADDRESSES * ROUNDS).containsOnly(true);
    }

    @Test
    void aKeyIsCountedOncePerCoolDownAndUpToItsDailyCap() {
        clock.keepWithinOneUtcDay(Duration.ofMinutes(10));
        String key = MailThrottle.addressKey("cap-test", "someone@example.com");
        assertThat(acquire(key)).isTrue();
        assertThat(acquire(key)).as("within the cool-down").isFalse();
        clock.advance(Duration.ofMinutes(2));
        assertThat(acquire(key)).isTrue();
        clock.advance(Duration.ofMinutes(2));
        assertThat(acquire(key)).as("the day's cap of two is reached").isFalse();
    }

    private boolean acquire(String key) {
        return transaction.execute(status -> throttle.tryAcquire(key, Duration.ofMinutes(1), 2));
    }
}
