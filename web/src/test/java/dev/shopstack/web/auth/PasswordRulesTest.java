package dev.shopstack.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordRulesTest {

    @Test
    void aGoodPasswordMeetsEveryRule() {
        var rules = PasswordRules.check("analytical-engine", "analytical-engine", "ada@example.com", "ada");
        assertThat(PasswordRules.allMet(rules)).isTrue();
    }

    @Test
    void eachRuleSaysWhatIsMissing() {
        assertThat(PasswordRules.check("short", "short", null, null).get(0).met())
                .isFalse();
        assertThat(PasswordRules.check("ü".repeat(40), "ü".repeat(40), null, null)
                        .get(1)
                        .met())
                .as("80 bytes in UTF-8")
                .isFalse();
        assertThat(PasswordRules.check("Ada@Example.com", "Ada@Example.com", "ada@example.com", "ada")
                        .get(2)
                        .met())
                .isFalse();
        assertThat(PasswordRules.check("lovelace", "lovelace", "ada@example.com", "Lovelace")
                        .get(2)
                        .met())
                .isFalse();
        assertThat(PasswordRules.check("analytical-engine", "analytical-engines", null, null)
                        .get(3)
                        .met())
                .isFalse();
        assertThat(PasswordRules.allMet(PasswordRules.check("", "", null, null)))
                .isFalse();
    }
}
