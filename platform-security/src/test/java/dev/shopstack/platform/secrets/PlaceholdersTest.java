package dev.shopstack.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The published values stay refused: every secret-looking value of .env.example and the k8s templates matches. */
class PlaceholdersTest {

    private final Placeholders placeholders =
            Placeholders.fromClassPath(getClass().getClassLoader());

    @Test
    void everySecretOfEnvExampleIsAPlaceholder() throws IOException {
        Pattern secret = Pattern.compile("^([A-Z_]*(PASSWORD|TOKEN|SECRET|KEY)[A-Z_]*)=(.+)$", Pattern.MULTILINE);
        Matcher found = secret.matcher(Files.readString(Path.of("../.env.example")));
        int checked = 0;
        while (found.find()) {
            assertThat(placeholders.matches(found.group(3))).as(found.group(1)).isTrue();
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(5);
    }

    @Test
    void templateAndDevOverlayValuesArePlaceholders() throws IOException {
        String template = Files.readString(Path.of("../k8s/secrets-template/secrets.yaml"));
        Matcher password = Pattern.compile("(password|token): (\\S+)").matcher(template);
        while (password.find()) {
            assertThat(placeholders.matches(password.group(2)))
                    .as(password.group())
                    .isTrue();
        }
        String dev = Files.readString(Path.of("../k8s/overlays/dev/kustomization.yaml"));
        Matcher literal = Pattern.compile("(password|token)=([^,\\]\\s]+)").matcher(dev);
        while (literal.find()) {
            assertThat(placeholders.matches(literal.group(2)))
                    .as(literal.group())
                    .isTrue();
        }
    }

    @Test
    void realLookingValuesAreNot() {
        assertThat(placeholders.matches("Zq8v1kP0x7Wm2Rr5Tt9Yy3Uu6Ii4Oo0Pp")).isFalse();
        assertThat(placeholders.matches("CHANGE-ME-please")).isTrue();
    }
}
