package dev.shopstack.user.account;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A user as the API shows it: never the password hash. */
public record UserView(UUID id, String email, String username, String firstName, String lastName,
        String phoneNumber, String address, boolean emailVerified, boolean locked, Set<Role> roles,
        Instant createdAt, Instant updatedAt) {

    public static UserView of(User user) {
        return new UserView(user.getId(), user.getEmail(), user.getUsername(), user.getFirstName(),
                user.getLastName(), user.getPhoneNumber(), user.getAddress(), user.isEmailVerified(),
                user.isLocked(), user.getRoles(), user.getCreatedAt(), user.getUpdatedAt());
    }
}
