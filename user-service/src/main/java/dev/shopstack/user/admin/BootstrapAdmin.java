package dev.shopstack.user.admin;

import dev.shopstack.user.account.Emails;
import dev.shopstack.user.account.PasswordPolicy;
import dev.shopstack.user.account.Role;
import dev.shopstack.user.account.User;
import dev.shopstack.user.account.UserRepository;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the first admin at start-up from configuration when there is no admin yet (like Django's
 * createsuperuser). Without configured credentials nothing happens; a configured password that fails the
 * {@link PasswordPolicy} stops the start.
 */
@Component
public class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final BootstrapAdminProperties settings;
    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public BootstrapAdmin(
            BootstrapAdminProperties settings,
            UserRepository users,
            PasswordEncoder passwordEncoder,
            PasswordPolicy passwordPolicy,
            TransactionTemplate transaction,
            Clock clock) {
        this.settings = settings;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (settings.password() != null && !settings.complete()) {
            log.warn("shop.bootstrap-admin is incomplete (email, username and a password of 12+ characters): "
                    + "no admin created");
            return;
        }
        if (!settings.complete()) {
            return;
        }
        String weakness = passwordPolicy.violation(settings.password(), settings.email(), settings.username());
        if (weakness != null) {
            // an admin password anyone can guess is worse than no admin: refuse to start until it is replaced
            throw new IllegalStateException(
                    "shop.bootstrap-admin.password (SHOP_ADMIN_PASSWORD) is refused: it " + weakness);
        }
        transaction.executeWithoutResult(status -> {
            if (users.existsWithRole(Role.ADMIN)
                    || users.existsByEmail(Emails.normalize(settings.email()))
                    || users.existsByUsername(settings.username())) {
                return;
            }
            Instant now = clock.instant();
            User admin = new User(
                    Emails.normalize(settings.email()),
                    settings.username(),
                    passwordEncoder.encode(settings.password()),
                    Role.ADMIN,
                    now);
            admin.markEmailVerified(now);
            users.save(admin);
            log.info("Created the bootstrap admin {}", admin.getUsername());
        });
    }
}
