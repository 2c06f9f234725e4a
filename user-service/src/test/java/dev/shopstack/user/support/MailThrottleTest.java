package dev.shopstack.user.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.user.IntegrationTestSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
        ExecutorService pool = Executors.newFixedThreadPool(ADDRESSES);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                var together = new CyclicBarrier(ADDRESSES);
                List<Future<Boolean>> sends = new ArrayList<>();
                for (int i = 0; i < ADDRESSES; i++) {
                    String key = MailThrottle.addressKey("parallel-test", "r%d-%d@example.com".formatted(round, i));
                    sends.add(pool.submit(() -> {
                        together.await();
                        return transaction.execute(status -> throttle.tryAcquire(key, Duration.ofMinutes(1), 5));
                    }));
                }
                for (Future<Boolean> send : sends) {
                    assertThat(send.get()).isTrue(); // a lock conflict fails the test here
                }
            }
        } finally {
            pool.shutdownNow();
        }
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
