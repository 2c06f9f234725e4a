package dev.shopstack.user.registration;

import dev.shopstack.user.account.Names;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record RegisterRequest(
        @NotBlank @Email @Size(max = 254) String email,

        @NotBlank
        @Pattern(
                regexp = "^[A-Za-z0-9._-]{3,32}$",
                message = "must be 3 to 32 letters, digits, dots, dashes or underscores")
        String username,

        @NotNull @Size(min = 8, max = 72) String password,
        @NotNull @Size(max = 72) String passwordConfirm,

        @Size(max = 100) @Pattern(regexp = Names.PATTERN, message = Names.MESSAGE)
        String firstName,

        @Size(max = 100) @Pattern(regexp = Names.PATTERN, message = Names.MESSAGE)
        String lastName,

        @Pattern(regexp = "^\\+[1-9][0-9]{6,14}$", message = "must be in international format, e.g. +4915112345678")
        String phoneNumber,

        @Size(max = 500) String address) {}
