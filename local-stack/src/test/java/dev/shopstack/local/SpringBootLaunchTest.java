package dev.shopstack.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpringBootLaunchTest {

    private static AppModule module(String name) {
        return AppModule.ALL.stream()
                .filter(m -> m.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static SpringBootLaunch launch(StackSettings settings, String module, int instance) {
        return SpringBootLaunch.of(settings, module(module), instance, "internal-token", false);
    }

    @Test
    void aServiceListensOnLoopbackRegistersWithDiscoveryCredentialsAndSendsEverySpanToZipkin() {
        SpringBootLaunch launch = launch(StackSettingsTest.settings(Map.of()), "order-service", 1);

        assertThat(launch.name()).isEqualTo("order-service");
        assertThat(launch.springArgs())
                .contains(
                        "--server.port=8083",
                        "--server.address=127.0.0.1",
                        "--eureka.instance.instance-id=order-service:127.0.0.1:8083",
                        "--management.tracing.export.zipkin.endpoint=http://127.0.0.1:9411/api/v2/spans",
                        "--management.tracing.sampling.probability=1.0");
        assertThat(launch.environment())
                .containsEntry("EUREKA_URL", "http://eureka:local-eureka-password@127.0.0.1:8761/eureka/")
                .containsEntry("EUREKA_USERNAME", "eureka")
                .containsEntry("EUREKA_PASSWORD", "local-eureka-password")
                .containsEntry("SHOP_INTERNAL_TOKEN", "internal-token")
                .containsEntry("MALLOC_ARENA_MAX", "2")
                .containsEntry("SHOP_FRONTEND_URL", "http://localhost:8088")
                .containsEntry(
                        "SPRING_APPLICATION_JSON",
                        "{\"eureka\":{\"client\":{\"service-url\":{\"defaultZone\":"
                                + "\"http://eureka:local-eureka-password@127.0.0.1:8761/eureka/\"}}}}");
    }

    @Test
    void secretsNeverAppearOnTheCommandLine() {
        StackSettings settings = StackSettingsTest.settings(Map.of("EUREKA_PASSWORD", "very-secret-pass"))
                .withReplicas(2);
        for (AppModule module : AppModule.ALL) {
            for (int k = 1; k <= 2; k++) {
                SpringBootLaunch launch = SpringBootLaunch.of(settings, module, k, "internal-token", true);
                assertThat(String.join(" ", launch.springArgs()) + String.join(" ", launch.jvmOptions()))
                        .as(launch.name())
                        .doesNotContain("very-secret-pass")
                        .doesNotContain("internal-token");
            }
        }
    }

    @Test
    void inReplicaModeEachInstanceHasItsOwnPortsAndIdAndKnowsBothDiscoveryPeers() {
        StackSettings settings = StackSettingsTest.settings(Map.of()).withReplicas(2);

        SpringBootLaunch order2 = launch(settings, "order-service", 2);
        SpringBootLaunch gateway2 = launch(settings, "gateway", 2);

        assertThat(order2.name()).isEqualTo("order-service-2");
        assertThat(order2.springArgs())
                .contains("--server.port=8183", "--eureka.instance.instance-id=order-service:127.0.0.1:8183")
                .contains(
                        "--spring.datasource.url=jdbc:h2:tcp://127.0.0.1:9095/order-service/db" + H2Server.URL_OPTIONS);
        assertThat(order2.environment())
                .containsEntry(
                        "EUREKA_URL",
                        "http://eureka:local-eureka-password@127.0.0.1:8761/eureka/,"
                                + "http://eureka:local-eureka-password@127.0.0.1:8762/eureka/");
        assertThat(gateway2.springArgs())
                .contains(
                        "--server.port=8180",
                        "--management.server.port=8190",
                        "--management.server.address=127.0.0.1",
                        "--eureka.instance.instance-id=gateway:127.0.0.1:8180");
    }

    @Test
    void inReplicaModeTheStartupCacheTrainsOnTheDatabaseFileBecauseTheH2ServerIsNotUpYet() {
        SpringBootLaunch order = launch(StackSettingsTest.settings(Map.of()).withReplicas(2), "order-service", 1);

        assertThat(order.trainingArgs())
                .noneMatch(arg -> arg.startsWith("--spring.datasource"))
                .contains(
                        "--shop.data-dir="
                                + StackSettingsTest.settings(Map.of()).dataDir(),
                        "--server.port=8083");
    }

    @Test
    void aSingleInstanceKeepsTheLocalProfilesEmbeddedDatabase() {
        SpringBootLaunch order = launch(StackSettingsTest.settings(Map.of()), "order-service", 1);

        assertThat(order.springArgs()).noneMatch(arg -> arg.startsWith("--spring.datasource"));
    }

    @Test
    void theTwoDiscoveryPeersRegisterWithEachOther() {
        StackSettings settings = StackSettingsTest.settings(Map.of()).withReplicas(2);

        SpringBootLaunch first = launch(settings, "discovery", 1);
        SpringBootLaunch second = launch(settings, "discovery", 2);

        assertThat(second.name()).isEqualTo("discovery-2");
        assertThat(second.springArgs())
                .contains(
                        "--server.port=8762",
                        "--eureka.client.register-with-eureka=true",
                        "--eureka.client.fetch-registry=true",
                        "--eureka.instance.hostname=discovery-2");
        assertThat(first.environment().get("EUREKA_URL")).endsWith("@127.0.0.1:8762/eureka/");
        assertThat(second.environment().get("EUREKA_URL")).endsWith("@127.0.0.1:8761/eureka/");
    }

    @Test
    void aSingleDiscoveryIsToldNoPeersAndWithoutZipkinNothingIsExported() {
        StackSettings settings = StackSettingsTest.settings(Map.of("SHOP_ZIPKIN", "off"));

        SpringBootLaunch discovery = launch(settings, "discovery", 1);

        assertThat(discovery.environment()).doesNotContainKey("EUREKA_URL").containsEntry("EUREKA_USERNAME", "eureka");
        assertThat(discovery.springArgs())
                .contains("--management.tracing.export.zipkin.enabled=false")
                .noneMatch(arg -> arg.startsWith("--eureka.client"));
    }

    @Test
    void extraArgumentsApplyToEveryInstanceOfAModuleOrToOneInstance() {
        StackSettings settings = StackSettingsTest.settings(Map.of())
                .withReplicas(2)
                .withExtraArgs(Map.of("catalog-service", List.of("--a=1"), "catalog-service-2", List.of("--b=2")));

        assertThat(launch(settings, "catalog-service", 1).springArgs())
                .contains("--a=1")
                .doesNotContain("--b=2");
        assertThat(launch(settings, "catalog-service", 2).springArgs()).contains("--a=1", "--b=2");
    }

    @Test
    void passwordsWithReservedCharactersArePercentEncodedInTheUrl() {
        var credentials = new DiscoveryCredentials("ops", "p@ss:w/rd ä");

        assertThat(credentials.serviceUrl("127.0.0.1", 8761))
                .isEqualTo("http://ops:p%40ss%3Aw%2Frd%20%C3%A4@127.0.0.1:8761/eureka/");
        assertThat(credentials.authorizationHeader()).isEqualTo("Basic b3BzOnBAc3M6dy9yZCDDpA==");
        assertThat(credentials.toString()).doesNotContain("p@ss");
    }
}
