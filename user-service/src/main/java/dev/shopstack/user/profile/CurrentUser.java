package dev.shopstack.user.profile;

import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.jwt.Jwt;

/** The signed-in user and session, from the access token. */
public record CurrentUser(UUID id, UUID sessionId) {

    public static CurrentUser of(Jwt jwt) {
        try {
            String sid = jwt.getClaimAsString("sid");
            return new CurrentUser(UUID.fromString(jwt.getSubject()), sid == null ? null : UUID.fromString(sid));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new AccessDeniedException("The token does not name a user");
        }
    }
}
