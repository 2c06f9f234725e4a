package dev.shopstack.user.admin;

import dev.shopstack.user.account.AccountDeletion;
import dev.shopstack.user.account.Role;
import dev.shopstack.user.account.User;
import dev.shopstack.user.account.UserRepository;
import dev.shopstack.user.account.UserView;
import dev.shopstack.user.auth.SessionService;
import dev.shopstack.user.support.ApiProblem;
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
     * @param locked lock (no login, sessions ended) or unlock (also clears a temporary lockout)
     */
    public record AdminUpdate(Set<Role> roles, Boolean locked, Boolean emailVerified, String firstName,
            String lastName, String phoneNumber, String address) {
    }

    private final UserRepository users;
    private final SessionService sessions;
    private final AccountDeletion deletion;

    public AdminUserService(UserRepository users, SessionService sessions, AccountDeletion deletion) {
        this.users = users;
        this.sessions = sessions;
        this.deletion = deletion;
    }

    @Transactional(readOnly = true)
    public Page<UserView> list(String query, Pageable pageable) {
        Page<User> page = query == null || query.isBlank() ? users.findAll(pageable)
                : users.search(escapeLike(query.trim().toLowerCase(java.util.Locale.ROOT)), pageable);
        return page.map(UserView::of);
    }

    @Transactional(readOnly = true)
    public UserView get(UUID id) {
        return UserView.of(load(id));
    }

    @Transactional
    public UserView update(UUID adminId, UUID id, AdminUpdate update) {
        User user = load(id);
        boolean self = adminId.equals(id);
        if (update.roles() != null && !update.roles().equals(user.getRoles())) {
            if (self) {
                throw ApiProblem.conflict("own-roles", "Admins cannot change their own roles.");
            }
            if (update.roles().isEmpty()) {
                throw ApiProblem.badRequest("no-roles", "A user needs at least one role.");
            }
            user.setRoles(update.roles());
            sessions.endAllSessions(id); // tokens carry roles: the next login gets the new ones
        }
        if (update.locked() != null && update.locked() != user.isLocked()) {
            if (self) {
                throw ApiProblem.conflict("lock-self", "Admins cannot lock themselves.");
            }
            user.setLocked(update.locked());
            if (update.locked()) {
                sessions.endAllSessions(id);
            }
        }
        if (Boolean.TRUE.equals(update.emailVerified()) && !user.isEmailVerified()) {
            user.markEmailVerified();
        }
        user.setProfile(merge(update.firstName(), user.getFirstName()), merge(update.lastName(), user.getLastName()),
                merge(update.phoneNumber(), user.getPhoneNumber()), merge(update.address(), user.getAddress()));
        return UserView.of(user);
    }

    @Transactional
    public void delete(UUID adminId, UUID id) {
        if (adminId.equals(id)) {
            throw ApiProblem.conflict("delete-self", "Delete your own account with DELETE /api/users/me.");
        }
        deletion.delete(load(id));
    }

    private User load(UUID id) {
        return users.findById(id).orElseThrow(() -> ApiProblem.notFound("No such user."));
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
