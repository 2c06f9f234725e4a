package dev.shopstack.platform.caller;

import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who is calling, from the access token: its subject (a user id for user tokens), its session ({@code sid}), the
 * {@code email} claim, and whether it carries the ADMIN role. A controller declares a {@code Caller} parameter and
 * gets it resolved; without a token (a public endpoint) it is {@link #anonymous()}. Asking a caller whose token
 * names no user for its {@link #userId()} is refused with 403, so public endpoints that only ask {@link #admin()}
 * still serve any valid token.
 */
public record Caller(String subject, String sid, String email, boolean admin) {

    /** The authority Spring Security derives from the {@code roles} claim's ADMIN. */
    public static final String ADMIN_AUTHORITY = "ROLE_ADMIN";

    private static final Caller ANONYMOUS = new Caller(null, null, null, false);

    public static Caller anonymous() {
        return ANONYMOUS;
    }

    public boolean isAnonymous() {
        return subject == null;
    }

    /** @throws AccessDeniedException when the token names no user (anonymous, or a subject that is no user id) */
    public UUID userId() {
        return uuid(subject);
    }

    /** The session the token belongs to, or null for a token without one. */
    public UUID sessionId() {
        return sid == null ? null : uuid(sid);
    }

    /** Customers see only their own things; admins see everyone's. */
    public boolean maySee(UUID ownerId) {
        return admin || userId().equals(ownerId);
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException notAUser) {
            throw new AccessDeniedException("The token does not name a user");
        }
    }
}
