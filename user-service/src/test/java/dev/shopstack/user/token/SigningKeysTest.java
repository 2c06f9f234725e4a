package dev.shopstack.user.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    static final Clock CLOCK = Clock.systemUTC();

    @TempDir
    Path dir;

    @Test
    void generatesAKeyOnceWhenAllowedAndReusesItAfterARestart() {
        var properties = new SigningKeyProperties(dir, true, "http://issuer");

        var first = new SigningKeys(properties, CLOCK);
        var afterRestart = new SigningKeys(properties, CLOCK);

        assertThat(afterRestart.active().getKeyID()).isEqualTo(first.active().getKeyID());
        assertThat(dir.toFile().list()).hasSize(1);
    }

    @Test
    void refusesToStartWithoutAKeyWhenGenerationIsNotAllowed() {
        assertThatIllegalStateException()
                .isThrownBy(() -> new SigningKeys(new SigningKeyProperties(dir, false, "http://issuer"), CLOCK))
                .withMessageContaining("No signing key");
    }

    @Test
    void publishesEveryKeyButSignsWithTheNewestForRotation() throws Exception {
        var old = new SigningKeys(new SigningKeyProperties(dir, true, "http://issuer"), CLOCK).active();
        Path newer = dir.resolve("zz-newer.pem");
        Path other = Files.createTempDirectory("other");
        new SigningKeys(new SigningKeyProperties(other, true, "http://issuer"), CLOCK);
        try (var generated = Files.list(other)) {
            Files.copy(generated.findFirst().orElseThrow(), newer);
        }

        var keys = new SigningKeys(new SigningKeyProperties(dir, false, "http://issuer"), CLOCK);

        assertThat(keys.active().getKeyID()).isNotEqualTo(old.getKeyID());
        @SuppressWarnings("unchecked")
        var published = (List<Map<String, Object>>) keys.publicJwks().get("keys");
        assertThat(published)
                .extracting(key -> key.get("kid"))
                .contains(old.getKeyID(), keys.active().getKeyID());
        assertThat(published).allSatisfy(key -> assertThat(key).doesNotContainKeys("d", "p", "q", "dp", "dq", "qi"));
    }

    @Test
    void aFileThatIsNotAPrivateKeyStopsTheStart() throws Exception {
        Files.writeString(dir.resolve("broken.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");

        assertThatIllegalStateException()
                .isThrownBy(() -> new SigningKeys(new SigningKeyProperties(dir, false, "http://issuer"), CLOCK))
                .withMessageContaining("broken.pem");
    }
}
