package dev.shopstack.user.support;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Limits the mails a request can make user-service send: a cool-down and a cap per UTC day, per key (an account,
 * a target address). Decided by one statement per key (a new key's insert, a known key's conditional update), so
 * parallel requests cannot slip through together. Keys name a purpose and an id, never an address in clear: use
 * {@link #addressKey}.
 */
@Component
public class MailThrottle {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public MailThrottle(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public static String addressKey(String purpose, String normalizedEmail) {
        return purpose + ":" + Secrets.sha256(normalizedEmail);
    }

    /** @return true, counting one mail, when the key's cool-down has passed and today's cap is not reached */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean tryAcquire(String key, Duration cooldown, int maxPerDay) {
        Instant now = clock.instant();
        Date today = Date.valueOf(LocalDate.ofInstant(now, ZoneOffset.UTC));
        // A new key is inserted first: on MySQL/MariaDB (REPEATABLE READ) an update that finds no row takes a gap
        // lock, and the first mails of parallel sign-ups deadlocked on their inserts.
        try {
            jdbc.update(
                    "INSERT INTO mail_throttle (throttle_key, last_sent_at, sends_day, sends_that_day) "
                            + "VALUES (?, ?, ?, 1)",
                    key,
                    Timestamp.from(now),
                    today);
            return maxPerDay > 0;
        } catch (DuplicateKeyException knownKey) {
            // sends_that_day is assigned before sends_day: MySQL evaluates assignments left to right
            return jdbc.update(
                            "UPDATE mail_throttle SET "
                                    + "sends_that_day = CASE WHEN sends_day = ? THEN sends_that_day + 1 ELSE 1 END, "
                                    + "sends_day = ?, last_sent_at = ? "
                                    + "WHERE throttle_key = ? AND last_sent_at <= ? "
                                    + "AND (sends_day <> ? OR sends_that_day < ?)",
                            today,
                            today,
                            Timestamp.from(now),
                            key,
                            Timestamp.from(now.minus(cooldown)),
                            today,
                            maxPerDay)
                    == 1;
        }
    }

    /** Rows idle for two days limit nothing any more (an attacker's made-up addresses would pile up otherwise). */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    // held for 50 minutes at least (once an hour across replicas); lockAtMostFor must not be shorter
    @SchedulerLock(name = "user.mail-throttle-cleanup", lockAtMostFor = "PT55M", lockAtLeastFor = "PT50M")
    @Transactional
    public void forgetIdleKeys() {
        jdbc.update(
                "DELETE FROM mail_throttle WHERE last_sent_at < ?",
                Timestamp.from(clock.instant().minus(Duration.ofDays(2))));
    }
}
