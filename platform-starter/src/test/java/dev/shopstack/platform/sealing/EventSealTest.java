package dev.shopstack.platform.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class EventSealTest {

    private static final String TYPE = "user.password-reset-requested";
    private static final String USER = "8a4e0f5e-7c2b-4a55-9d0b-2b6f4f1c9e10";

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private final String key = newKey();
    private final EventSeal seal = EventSeal.fromBase64(key);

    @Test
    void aSealedValueOpensWithTheSameKeyTypeAndUserAndHidesTheSecret() {
        String sealed = seal.seal(TYPE, USER, "the-secret-token");

        assertThat(sealed).startsWith("v1.").doesNotContain("the-secret-token").doesNotContain("=");
        assertThat(sealed.substring(3)).matches("[A-Za-z0-9_-]+");
        assertThat(EventSeal.fromBase64(key).open(TYPE, USER, sealed)).isEqualTo("the-secret-token");
        // a fresh nonce every time
        assertThat(seal.seal(TYPE, USER, "the-secret-token")).isNotEqualTo(sealed);
    }

    @Test
    void itDoesNotOpenForAnotherEventTypeUserOrKey() {
        String sealed = seal.seal(TYPE, USER, "123456");

        assertThatThrownBy(() -> seal.open("user.email-verification-requested", USER, sealed))
                .isInstanceOf(SealedValueException.class);
        assertThatThrownBy(() -> seal.open(TYPE, "another-user", sealed)).isInstanceOf(SealedValueException.class);
        assertThatThrownBy(() -> EventSeal.fromBase64(newKey()).open(TYPE, USER, sealed))
                .isInstanceOf(SealedValueException.class);
    }

    @Test
    void aChangedTruncatedOrForeignValueDoesNotOpen() {
        String sealed = seal.seal(TYPE, USER, "123456");
        // a character in the middle: the last one may carry only padding bits
        int middle = sealed.length() / 2;
        char was = sealed.charAt(middle);
        String flipped = sealed.substring(0, middle) + (was == 'A' ? 'B' : 'A') + sealed.substring(middle + 1);

        for (String bad : new String[] {
            flipped,
            sealed.substring(0, 20),
            "123456",
            "v1.",
            "v1.!!!!",
            "v2." + sealed.substring(3),
            "v1." + "A".repeat(2000),
            null
        }) {
            assertThatThrownBy(() -> seal.open(TYPE, USER, bad))
                    .isInstanceOf(SealedValueException.class)
                    .message()
                    .doesNotContain("123456");
        }
    }

    @Test
    void theKeyMustBeBase64OfThirtyTwoBytes() {
        assertThatThrownBy(() -> EventSeal.fromBase64("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventSeal.fromBase64("not base64 at all!"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventSeal.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32");
        assertThat(EventSeal.fromBase64(Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32])))
                .isNotNull();
    }

    @Test
    void theAutoConfigurationRefusesToStartWithAnEmptyOrShortKeyAndStaysOutOfServicesWithoutOne() {
        var runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(EventSealingAutoConfiguration.class));

        runner.run(context -> assertThat(context).doesNotHaveBean(EventSeal.class));
        runner.withPropertyValues("shop.events.sealing-key=" + key)
                .run(context -> assertThat(context).hasSingleBean(EventSeal.class));
        runner.withPropertyValues("shop.events.sealing-key=")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .hasRootCauseMessage("shop.events.sealing-key (SHOP_EVENTS_SEALING_KEY) is unusable: "
                                + "the sealing key is not set. Set it to the base64 of 32 random bytes, "
                                + "e.g. openssl rand -base64 32"));
        runner.withPropertyValues(
                        "shop.events.sealing-key=" + Base64.getEncoder().encodeToString(new byte[31]))
                .run(context -> assertThat(context).hasFailed());
    }
}
