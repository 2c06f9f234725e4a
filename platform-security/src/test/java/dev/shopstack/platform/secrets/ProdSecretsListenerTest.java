package dev.shopstack.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/** A small Spring Boot app with secrets declared as each platform app declares them, started as prod would be. */
class ProdSecretsListenerTest {

    @Configuration(proxyBeanMethods = false)
    static class App {}

    static final String[] RULES = {
        "spring.application.name=shop-test",
        "shop.secrets.required.internal-token.property=shop.security.internal-token",
        "shop.secrets.required.internal-token.env=SHOP_INTERNAL_TOKEN",
        "shop.secrets.required.internal-token.min-length=32",
        "shop.secrets.required.db-password.property=spring.datasource.password",
        "shop.secrets.required.db-password.min-length=12",
        "shop.secrets.required.eureka.property=eureka.client.service-url.defaultZone",
        "shop.secrets.required.eureka.kind=url-password",
        "shop.secrets.required.eureka.min-length=16",
        "shop.secrets.required.sealing-key.property=shop.events.sealing-key",
        "shop.secrets.required.sealing-key.kind=base64-key",
        "shop.secrets.required.sealing-key.min-length=32",
        "shop.secrets.required.jwt-keys.property=shop.jwt.keys-dir",
        "shop.secrets.required.jwt-keys.kind=key-directory"
    };

    @TempDir
    Path keys;

    private ConfigurableApplicationContext start(String profile, String... properties) {
        return new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.NONE)
                .profiles(profile)
                .properties(RULES)
                .properties(properties)
                .run();
    }

    @Test
    void prodWithPlaceholdersShortAndMissingSecretsFailsWithOneMessageNamingEach() {
        assertThatThrownBy(() -> start(
                        "prod",
                        "shop.security.internal-token=change-me-internal-token",
                        "spring.datasource.password=tiny-pw",
                        "eureka.client.service-url.defaultZone=http://eureka:local-eureka-password@discovery:8761/eureka/",
                        "shop.events.sealing-key=" + Base64.getEncoder().encodeToString(new byte[16]),
                        "shop.jwt.keys-dir=" + keys))
                .isInstanceOf(WeakSecretsException.class)
                .satisfies(failure -> {
                    String message = failure.getMessage();
                    System.out.println(message);
                    assertThat(message).startsWith("shop-test refuses to start in the prod profile: 5 secrets");
                    assertThat(message)
                            .contains(
                                    "internal-token: shop.security.internal-token (SHOP_INTERNAL_TOKEN) is a known placeholder",
                                    "db-password: spring.datasource.password (SPRING_DATASOURCE_PASSWORD) is shorter than 12",
                                    "eureka: eureka.client.service-url.defaultZone (EUREKA_CLIENT_SERVICE_URL_DEFAULTZONE) "
                                            + "has a password that is a known placeholder",
                                    "sealing-key: shop.events.sealing-key (SHOP_EVENTS_SEALING_KEY) decodes to 16 bytes",
                                    "jwt-keys: shop.jwt.keys-dir (SHOP_JWT_KEYS_DIR) holds no .pem key");
                    assertThat(message).doesNotContain("tiny-pw", "local-eureka-password");
                });
    }

    @Test
    void prodWithoutAnySecretNamesEveryOneMissing() {
        assertThatThrownBy(() -> start("prod"))
                .isInstanceOf(WeakSecretsException.class)
                .satisfies(failure -> assertThat(((WeakSecretsException) failure).problems())
                        .hasSize(5)
                        .allSatisfy(problem -> assertThat(problem).containsAnyOf("is missing", "not a directory")));
    }

    @Test
    void prodWithStrongSecretsStarts() throws Exception {
        Files.writeString(keys.resolve("signing-20260101000000.pem"), "key");
        try (var context = start(
                "prod",
                "shop.security.internal-token=Zq8v1kP0x7Wm2Rr5Tt9Yy3Uu6Ii4Oo0Pp",
                "spring.datasource.password=a-real-db-password-42",
                "eureka.client.service-url.defaultZone=http://eureka:Qm9vS3Rh%40cC0xNjc@d1:8761/eureka/,"
                        + "http://eureka:Qm9vS3Rh%40cC0xNjc@d2:8762/eureka/",
                "shop.events.sealing-key="
                        + Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'x'),
                "shop.jwt.keys-dir=" + keys)) {
            assertThat(context.isActive()).isTrue();
        }
    }

    @Test
    void theLocalProfileIsNotChecked() {
        try (var context = start("local")) {
            assertThat(context.isActive()).isTrue();
        }
    }
}
