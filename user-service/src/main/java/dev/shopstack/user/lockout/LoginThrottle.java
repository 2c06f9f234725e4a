package dev.shopstack.user.lockout;

import dev.shopstack.user.account.User;
import dev.shopstack.user.account.UserEvents;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The counters behind the lockout, kept with conditional atomic updates so that parallel attempts are all
 * counted: each attempt is numbered before the password is compared, and only the first {@code maxFailures} of a
 * pair (account, client address) get compared at all.
 *
 * <p>Its transactions read committed data: under MySQL's REPEATABLE READ the update that finds no row of a new
 * pair takes a gap lock, and parallel first attempts of one account from several addresses deadlocked on their
 * inserts (most of ten at once), so logins were answered 503.
 */
@Component
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final JdbcTemplate jdbc;
    private final LockoutProperties properties;
    private final UserEvents events;
    private final Clock clock;

    public LoginThrottle(JdbcTemplate jdbc, LockoutProperties properties, UserEvents events, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Counts one more attempt of this pair (in its own short transaction, so no row stays locked while the
     * password hash is checked).
     *
     * @return whether the attempt may be checked: the pair is within its limit and the account is not locked
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public boolean begin(UUID userId, ClientAddress client) {
        Instant now = clock.instant();
        int attempt = countAttempt(userId.toString(), client.key(), now);
        Timestamp accountLockedUntil =
                jdbc.queryForObject("SELECT locked_until FROM users WHERE id = ?", Timestamp.class, userId.toString());
        boolean accountLocked = accountLockedUntil != null && now.isBefore(accountLockedUntil.toInstant());
        return attempt <= properties.maxFailures() && !accountLocked;
    }

    /** The password was right: the pair starts again from zero. */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void succeeded(UUID userId, ClientAddress client) {
        jdbc.update("DELETE FROM login_failures WHERE user_id = ? AND client_key = ?", userId.toString(), client.key());
    }

    /**
     * The password was wrong (the attempt is already counted): locks the whole account when enough failures came
     * from enough addresses, and tells the owner once per lock.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void failed(User user, ClientAddress client) {
        Instant now = clock.instant();
        var totals = jdbc.queryForMap(
                "SELECT COALESCE(SUM(LEAST(failures, ?)), 0) AS failures, "
                        + "COUNT(*) AS addresses FROM login_failures WHERE user_id = ? AND last_failure_at >= ?",
                properties.maxFailures(),
                user.getId().toString(),
                Timestamp.from(now.minus(properties.accountWindow())));
        int failures = ((Number) totals.get("failures")).intValue();
        int addresses = ((Number) totals.get("addresses")).intValue();
        if (failures < properties.accountMaxFailures() || addresses < properties.accountMinAddresses()) {
            return;
        }
        Instant until = now.plus(properties.accountLockDuration());
        int locked = jdbc.update(
                "UPDATE users SET locked_until = ? WHERE id = ? " + "AND (locked_until IS NULL OR locked_until <= ?)",
                Timestamp.from(until),
                user.getId().toString(),
                Timestamp.from(now));
        if (locked == 1) {
            log.warn(
                    "Locked account {} until {}: {} failed logins from {} addresses",
                    user.getId(),
                    until,
                    failures,
                    addresses);
            events.accountLocked(user, failures, addresses, now, until);
        }
    }

    /** Every counter and the account lock of this user go (an admin's unlock, a password reset). */
    @Transactional
    public void clear(UUID userId) {
        jdbc.update("DELETE FROM login_failures WHERE user_id = ?", userId.toString());
        jdbc.update("UPDATE users SET locked_until = NULL WHERE id = ?", userId.toString());
    }

    /** This attempt's number within the pair's current run; a quiet {@code lockDuration} starts a new run. */
    private int countAttempt(String userId, String clientKey, Instant now) {
        if (increment(userId, clientKey, now) == 0) {
            try {
                jdbc.update(
                        "INSERT INTO login_failures (user_id, client_key, failures, last_failure_at) "
                                + "VALUES (?, ?, 1, ?)",
                        userId,
                        clientKey,
                        Timestamp.from(now));
            } catch (DuplicateKeyException parallelFirstAttempt) {
                increment(userId, clientKey, now);
            }
        }
        // the row stays locked by this transaction's write, so this reads this attempt's own number
        return jdbc.queryForObject(
                "SELECT failures FROM login_failures WHERE user_id = ? AND client_key = ?",
                Integer.class,
                userId,
                clientKey);
    }

    private int increment(String userId, String clientKey, Instant now) {
        // the CASE reads last_failure_at before it is overwritten (MySQL assigns left to right)
        return jdbc.update(
                "UPDATE login_failures SET "
                        + "failures = CASE WHEN last_failure_at < ? THEN 1 ELSE failures + 1 END, last_failure_at = ? "
                        + "WHERE user_id = ? AND client_key = ?",
                Timestamp.from(now.minus(properties.lockDuration())),
                Timestamp.from(now),
                userId,
                clientKey);
    }
}
