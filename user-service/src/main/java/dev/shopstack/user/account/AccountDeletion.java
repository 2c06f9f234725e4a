package dev.shopstack.user.account;

import dev.shopstack.user.auth.SessionEnd;
import dev.shopstack.user.auth.SessionService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deleting an account ends its sessions (access tokens included), removes its row (codes, tokens, avatar and
 * roles go with it) and tells the other services.
 */
@Service
public class AccountDeletion {

    private final UserRepository users;
    private final SessionService sessions;
    private final UserEvents events;

    public AccountDeletion(UserRepository users, SessionService sessions, UserEvents events) {
        this.users = users;
        this.sessions = sessions;
        this.events = events;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void delete(User user) {
        sessions.endAllSessions(user.getId(), SessionEnd.DELETED); // before the cascade removes the sessions
        users.delete(user);
        events.deleted(user);
    }
}
