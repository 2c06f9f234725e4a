package dev.shopstack.user.account;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A user as the API shows it: never the password hash.
 *
 * @param pendingEmail an address waiting for its verification code (email change), or null
 * @param avatarUrl where the user's picture is served, or null when they have none
 */
public record UserView(
        UUID id,
        String email,
        String username,
        String firstName,
        String lastName,
        String phoneNumber,
        String address,
        boolean emailVerified,
        String pendingEmail,
        boolean locked,
        Set<Role> roles,
        String avatarUrl,
        Instant createdAt,
        Instant updatedAt) {

    public static UserView of(User user, boolean hasAvatar) {
        return new UserView(
                user.getId(),
                user.getEmail(),
                user.getUsername(),
                user.getFirstName(),
                user.getLastName(),
                user.getPhoneNumber(),
                user.getAddress(),
                user.isEmailVerified(),
                user.getPendingEmail(),
                user.isLocked(),
                user.getRoles(),
                hasAvatar ? "/api/users/" + user.getId() + "/avatar" : null,
                user.getCreatedAt(),
                user.getUpdatedAt());
    }
}
