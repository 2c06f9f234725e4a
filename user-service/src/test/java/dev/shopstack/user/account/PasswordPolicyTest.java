package dev.shopstack.user.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a new password must be, with the bundled list of common passwords. */
class PasswordPolicyTest {

    private static final String EMAIL = "Ada.Lovelace@Example.test";
    private static final String USERNAME = "AdaL1815";

    private final PasswordPolicy policy = new PasswordPolicy();

    private String violation(String password) {
        return policy.violation(password, EMAIL, USERNAME);
    }

    @Test
    void aLongEnoughUncommonPasswordIsAccepted() {
        assertThat(violation("k7#vQ2mz")).isNull();
        assertThat(violation("correct horse battery staple")).isNull();
    }

    @Test
    void fewerThanEightCharactersAreRefused() {
        assertThat(violation("k7#vQ2m")).isEqualTo("must be at least 8 characters long");
        assertThat(violation("")).isEqualTo("must be at least 8 characters long");
        assertThat(violation(null)).isEqualTo("must be at least 8 characters long");
    }

    @Test
    void moreThanSeventyTwoBytesAreRefusedCountingBytesNotCharacters() {
        assertThat(violation("x".repeat(72))).isNull();
        assertThat(violation("x".repeat(73))).isEqualTo("must be at most 72 bytes long");
        // é is two bytes in UTF-8: 36 of them fill bcrypt's 72 bytes, 37 do not fit
        assertThat(violation("é".repeat(36))).isNull();
        assertThat(violation("é".repeat(37))).isEqualTo("must be at most 72 bytes long");
    }

    @Test
    void theEmailOrUsernameInAnyCaseIsRefused() {
        assertThat(violation("ada.lovelace@example.test")).isEqualTo("must not be your email or username");
        assertThat(violation("ADA.LOVELACE@EXAMPLE.TEST")).isEqualTo("must not be your email or username");
        assertThat(violation("adal1815")).isEqualTo("must not be your email or username");
        assertThat(policy.violation("ada.lovelace@example.test", "  ada.lovelace@example.test ", null))
                .as("the email is compared as stored: trimmed")
                .isEqualTo("must not be your email or username");
    }

    @Test
    void withoutAUsernameOnlyTheEmailIsCompared() {
        assertThat(policy.violation("adal1815", EMAIL, null)).isNull();
    }

    @Test
    void commonPasswordsAreRefusedWhateverTheirCase() {
        assertThat(violation("password123")).isEqualTo("is one of the most common passwords; choose another");
        assertThat(violation("PassWord123")).isEqualTo("is one of the most common passwords; choose another");
        assertThat(violation("12345678")).isEqualTo("is one of the most common passwords; choose another");
        assertThat(violation("Iloveyou1")).isEqualTo("is one of the most common passwords; choose another");
        assertThat(violation("password123x"))
                .as("only the listed words, not words containing them")
                .isNull();
    }
}
