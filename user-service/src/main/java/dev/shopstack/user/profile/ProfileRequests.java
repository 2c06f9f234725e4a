package dev.shopstack.user.profile;

import dev.shopstack.user.account.Names;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Bodies of the /api/users/me endpoints. */
public final class ProfileRequests {

    private ProfileRequests() {}

    /**
     * Fields left out (or null) stay as they are; an empty string clears an optional field. A new email needs
     * {@code currentPassword} and becomes the account's address only once its code is entered; the current
     * address stays in use until then (sending the current address again cancels a pending change).
     */
    public record UpdateProfile(
            @Size(max = 100) @Pattern(regexp = Names.PATTERN, message = Names.MESSAGE)
            String firstName,

            @Size(max = 100) @Pattern(regexp = Names.PATTERN, message = Names.MESSAGE)
            String lastName,

            @Pattern(
                    regexp = "^$|^\\+[1-9][0-9]{6,14}$",
                    message = "must be in international format, e.g. +4915112345678")
            String phoneNumber,

            @Size(max = 500) String address,

            @Pattern(
                    regexp = "^[A-Za-z0-9._-]{3,32}$",
                    message = "must be 3 to 32 letters, digits, dots, dashes or underscores")
            String username,

            @Email @Size(max = 254) String email,
            @Size(max = 128) String currentPassword) {}

    public record ChangePassword(
            @NotBlank @Size(max = 128) String currentPassword,
            @NotNull @Size(min = 8, max = 72) String newPassword) {}

    public record DeleteAccount(@NotBlank @Size(max = 128) String password) {}
}
