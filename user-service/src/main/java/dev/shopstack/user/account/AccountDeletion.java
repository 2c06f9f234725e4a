package dev.shopstack.user.account;

import dev.shopstack.events.EventTypes;
import dev.shopstack.events.Topics;
import dev.shopstack.events.user.UserDeleted;
import dev.shopstack.platform.outbox.Outbox;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Deleting an account removes its row (codes, tokens, avatar and roles go with it) and tells the other services. */
@Service
public class AccountDeletion {

    private final UserRepository users;
    private final Outbox outbox;
    private final Clock clock;

    public AccountDeletion(UserRepository users, Outbox outbox, Clock clock) {
        this.users = users;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void delete(User user) {
        users.delete(user);
        outbox.publish(Topics.USER_EVENTS, EventTypes.USER_DELETED, user.getId().toString(),
                new UserDeleted(user.getId().toString(), clock.instant()));
    }
}
