package dev.shopstack.events.user;

import java.time.Instant;

/**
 * {@code user.email-change-requested}: a security notice to the account's current (still valid) address that
 * someone asked to move the account to another address.
 *
 * @param email the current address, where the notice goes
 * @param newEmailMasked the requested address with most of its local part hidden, e.g. {@code n***@example.org}
 */
public record EmailChangeRequested(
        String userId, String email, String firstName, String newEmailMasked, Instant requestedAt) {}
