package dev.shopstack.order.support;

import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Who is calling: the token's subject (a user id), its {@code email} claim, and whether it is an admin. */
public record Caller(UUID userId, String email, boolean admin) {

    public static Caller of(JwtAuthenticationToken token) {
        UUID userId;
        try {
            userId = UUID.fromString(token.getName());
        } catch (IllegalArgumentException notAUserId) {
            throw new AccessDeniedException("The token's subject is not a user id");
        }
        boolean admin = AuthorityUtils.authorityListToSet(token.getAuthorities()).contains("ROLE_ADMIN");
        return new Caller(userId, token.getToken().getClaimAsString("email"), admin);
    }

    /** Customers see only their own orders; admins see all. */
    public boolean maySee(UUID ownerId) {
        return admin || userId.equals(ownerId);
    }
}
