package dev.shopstack.user.lockout;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Wrong passwords (at login, and as the current password of a password change, an email change or an account
 * deletion) lock the pair (account, client address) first; only many failures from several addresses lock the
 * whole account, and the owner is mailed.
 *
 * @param maxFailures attempts a pair may make before it is locked
 * @param lockDuration a pair's counter starts again after this long without an attempt
 * @param accountMaxFailures failures, summed over all addresses within {@code accountWindow}, that lock the account
 *     (each address counts at most {@code maxFailures})
 * @param accountMinAddresses the account lock also needs failures from at least this many addresses
 * @param accountWindow how far back failures count toward the account lock
 * @param accountLockDuration how long the account lock lasts (a password reset or an admin lifts it earlier)
 */
@ConfigurationProperties("shop.auth.lockout")
public record LockoutProperties(
        @DefaultValue("5") int maxFailures,
        @DefaultValue("15m") Duration lockDuration,
        @DefaultValue("20") int accountMaxFailures,
        @DefaultValue("3") int accountMinAddresses,
        @DefaultValue("1h") Duration accountWindow,
        @DefaultValue("30m") Duration accountLockDuration) {}
