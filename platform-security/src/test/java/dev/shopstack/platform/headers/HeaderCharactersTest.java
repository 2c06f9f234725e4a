package dev.shopstack.platform.headers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The loops accept exactly what Spring Security's firewalls accept with their expressions. */
class HeaderCharactersTest {

    /** As in {@code StrictHttpFirewall} and {@code StrictServerWebExchangeFirewall} (Spring Security 7.0). */
    static final Pattern SPRING_NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    static final Pattern SPRING_VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void everyCodePointIsJudgedAsSpringJudgesIt() {
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String alone = new String(Character.toChars(codePoint));
            String inText = "Bearer a" + alone + "z";
            assertThat(HeaderCharacters.NAMES.test(alone))
                    .as("name U+%04X", codePoint)
                    .isEqualTo(SPRING_NAMES.matcher(alone).matches());
            assertThat(HeaderCharacters.VALUES.test(inText))
                    .as("value with U+%04X", codePoint)
                    .isEqualTo(SPRING_VALUES.matcher(inText).matches());
        }
    }

    @Test
    void tokensAndTheEdgesOfTheAsciiFastPath() {
        String token = "eyJhbGciOiJSUzI1NiJ9." + "x".repeat(700) + ".sig-_0";
        List<String> samples = List.of(
                "",
                token,
                "a\tb",
                "a\u007Fb",
                "a\u001Fb",
                "a\r\nb",
                "caf\u00E9",
                "\uD83D\uDE00 paired",
                "lone \uD83D surrogate",
                "lone \uDE00 low",
                "unassigned \u0378");
        for (String sample : samples) {
            assertThat(HeaderCharacters.NAMES.test(sample))
                    .as("name %s", sample)
                    .isEqualTo(SPRING_NAMES.matcher(sample).matches());
            assertThat(HeaderCharacters.VALUES.test(sample))
                    .as("value %s", sample)
                    .isEqualTo(SPRING_VALUES.matcher(sample).matches());
        }
        assertThat(HeaderCharacters.VALUES.test(null)).as("an absent header").isTrue();
        assertThat(HeaderCharacters.VALUES.test(token)).isTrue();
        assertThat(HeaderCharacters.VALUES.test("a\tb")).isTrue();
        assertThat(HeaderCharacters.NAMES.test("a\tb")).isFalse();
        assertThat(HeaderCharacters.VALUES.test("a\r\nb")).isFalse();
    }
}
