package dev.shopstack.user.lockout;

import dev.shopstack.user.account.User;
import java.util.function.Supplier;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Checks a password someone typed for an account, under the lockout: login, and the current password of a
 * password change, an email change and an account deletion all count toward the same limits. A refused attempt
 * spends the same hashing time as a checked one, so neither answer nor timing tells a locked pair from a wrong
 * password.
 */
@Component
public class PasswordAttempts {

    private static final int MAX_TRIES = 3;

    private final LoginThrottle throttle;
    private final PasswordEncoder passwordEncoder;
    /** Checked against when there is no real hash to check, to spend the same time. */
    private final String decoyHash;

    public PasswordAttempts(LoginThrottle throttle, PasswordEncoder passwordEncoder) {
        this.throttle = throttle;
        this.passwordEncoder = passwordEncoder;
        this.decoyHash = passwordEncoder.encode("decoy-password-for-timing");
    }

    /**
     * Call outside a transaction: the counter commits before the (slow) hash check, and no database connection
     * is held meanwhile.
     *
     * @return true only for the right password of an account that is neither locked nor over its limits here
     */
    public boolean matches(User user, String password, ClientAddress client) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("password attempts are counted in their own transactions");
        }
        if (!retried(() -> throttle.begin(user.getId(), client)) || user.isLocked()) {
            spendDecoyTime(password);
            return false;
        }
        boolean right = passwordEncoder.matches(password, user.getPasswordHash());
        retried(() -> {
            if (right) {
                throttle.succeeded(user.getId(), client);
            } else {
                throttle.failed(user, client);
            }
            return right;
        });
        return right;
    }

    /**
     * The first attempts of a pair race to create its row, and MySQL may pick one of them as a deadlock victim:
     * each step is its own short transaction, so it is simply run again.
     */
    private static boolean retried(Supplier<Boolean> step) {
        for (int attempt = 1; ; attempt++) {
            try {
                return step.get();
            } catch (PessimisticLockingFailureException e) {
                if (attempt == MAX_TRIES) {
                    throw e;
                }
            }
        }
    }

    /** For an unknown login: the same work as a wrong password. */
    public void spendDecoyTime(String password) {
        passwordEncoder.matches(password, decoyHash);
    }
}
