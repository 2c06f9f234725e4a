package dev.shopstack.user.admin;

import dev.shopstack.platform.errors.ApiProblem;
import dev.shopstack.platform.problems.ProblemType;
import dev.shopstack.user.account.AccountDeletion;
import dev.shopstack.user.account.Role;
import dev.shopstack.user.account.User;
import dev.shopstack.user.account.UserRepository;
import dev.shopstack.user.account.UserView;
import dev.shopstack.user.auth.SessionEnd;
import dev.shopstack.user.auth.SessionService;
import dev.shopstack.user.lockout.LoginThrottle;
import dev.shopstack.user.profile.AvatarStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** User management for admins. An admin cannot change their own roles or lock or delete themselves here. */
@Service
public class AdminUserService {

    /**
     * Fields left out stay as they are.
     *
     * @param roles the complete new set of roles
     * @param locked lock (no login, sessions ended) or unlock (also clears every lockout counter and lock)
     */
    public record AdminUpdate(
            Set<Role> roles,
            Boolean locked,
            Boolean emailVerified,
            String firstName,
            String lastName,
            String phoneNumber,
            String address) {}

    private final UserRepository users;
    private final SessionService sessions;
    private final LoginThrottle lockout;
    private final AccountDeletion deletion;
    private final AvatarStore avatars;
    private final Clock clock;

    public AdminUserService(
            UserRepository users,
            SessionService sessions,
            LoginThrottle lockout,
            AccountDeletion deletion,
            AvatarStore avatars,
            Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.lockout = lockout;
        this.deletion = deletion;
        this.avatars = avatars;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<UserView> list(String query, Pageable pageable) {
        Page<User> page = query == null || query.isBlank()
                ? users.findAll(pageable)
                : users.search(escapeLike(query.trim().toLowerCase(java.util.Locale.ROOT)), pageable);
        Set<UUID> withAvatars = avatars.withAvatars(page.map(User::getId).getContent());
        return page.map(user -> UserView.of(user, withAvatars.contains(user.getId())));
    }

    @Transactional(readOnly = true)
    public UserView get(UUID id) {
        return UserView.of(load(id), avatars.exists(id));
    }

    @Transactional
    public UserView update(UUID adminId, UUID id, AdminUpdate update) {
        User user = load(id);
        boolean self = adminId.equals(id);
        Instant now = clock.instant();
        if (update.roles() != null && !update.roles().equals(user.getRoles())) {
            if (self) {
                throw ApiProblem.of(ProblemType.OWN_ROLES, "Admins cannot change their own roles.");
            }
            if (update.roles().isEmpty()) {
                throw ApiProblem.of(ProblemType.NO_ROLES, "A user needs at least one role.");
            }
            user.setRoles(update.roles(), now);
            // tokens carry roles: their access tokens stop working, and the next login gets the new ones
            sessions.endAllSessions(id, SessionEnd.ROLES_CHANGED);
        }
        if (Boolean.TRUE.equals(update.locked()) && !user.isLocked()) {
            if (self) {
                throw ApiProblem.of(ProblemType.LOCK_SELF, "Admins cannot lock themselves.");
            }
            user.setLocked(true, now);
            sessions.endAllSessions(id, SessionEnd.LOCKED);
        }
        if (Boolean.FALSE.equals(update.locked())) {
            user.setLocked(false, now);
            lockout.clear(id); // also every failed-login counter and an account-wide lock
        }
        if (Boolean.TRUE.equals(update.emailVerified()) && !user.isEmailVerified()) {
            user.markEmailVerified(now);
        }
        user.setProfile(
                merge(update.firstName(), user.getFirstName()),
                merge(update.lastName(), user.getLastName()),
                merge(update.phoneNumber(), user.getPhoneNumber()),
                merge(update.address(), user.getAddress()),
                now);
        return UserView.of(user, avatars.exists(id));
    }

    @Transactional
    public void delete(UUID adminId, UUID id) {
        if (adminId.equals(id)) {
            throw ApiProblem.of(ProblemType.DELETE_SELF, "Delete your own account with DELETE /api/users/me.");
        }
        deletion.delete(load(id));
    }

    private User load(UUID id) {
        return users.findById(id).orElseThrow(() -> ApiProblem.of(ProblemType.NOT_FOUND, "No such user."));
    }

    private static String merge(String requested, String current) {
        if (requested == null) {
            return current;
        }
        return requested.isBlank() ? null : requested.trim();
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
