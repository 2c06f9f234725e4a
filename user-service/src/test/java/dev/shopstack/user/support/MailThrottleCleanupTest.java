package dev.shopstack.user.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.user.IntegrationTestSupport;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The hourly clean-up runs through its ShedLock lock (as the scheduler calls it) and forgets only idle keys. */
class MailThrottleCleanupTest extends IntegrationTestSupport {

    @Autowired
    MailThrottle throttle;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theLockedCleanUpForgetsKeysIdleForTwoDaysAndKeepsRecentOnes() {
        var now = clock.instant();
        insert("cleanup-idle", Timestamp.from(now.minus(Duration.ofDays(3))));
        insert("cleanup-recent", Timestamp.from(now.minus(Duration.ofHours(1))));

        throttle.forgetIdleKeys(); // the bean's proxy takes the lock first, as the scheduler's call does

        assertThat(jdbc.queryForList(
                        "SELECT throttle_key FROM mail_throttle WHERE throttle_key LIKE 'cleanup-%'", String.class))
                .containsExactly("cleanup-recent");
    }

    private void insert(String key, Timestamp lastSent) {
        jdbc.update(
                "INSERT INTO mail_throttle (throttle_key, last_sent_at, sends_day, sends_that_day) "
                        + "VALUES (?, ?, ?, 1)",
                key,
                lastSent,
                new Date(lastSent.getTime()));
    }
}
