package dev.shopstack.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

    static StackSettings settings(Map<String, String> env) {
        return StackSettings.fromEnvironment(Path.of("/repo"), env::get);
    }

    @Test
    void theDefaultsBindToLoopbackRunZipkinAndUseTheLocalDiscoveryCredentials() {
        StackSettings settings = settings(Map.of("HOME", "/home/dev"));

        assertThat(settings.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(settings.publicHost()).isEqualTo("localhost");
        assertThat(settings.replicas()).isEqualTo(1);
        assertThat(settings.zipkin()).isTrue();
        assertThat(settings.monitoring().enabled()).isFalse();
        assertThat(settings.discoveryCredentials()).isEqualTo(DiscoveryCredentials.LOCAL);
        assertThat(settings.restartPolicy()).isEqualTo(RestartPolicy.DEFAULT);
        assertThat(settings.workDir()).isEqualTo(Path.of("/repo/.local"));
        assertThat(settings.startupCacheDir()).endsWithRaw(Path.of(".cache/shopstack/startup-cache"));
        assertThat(settings.ports().gateway()).isEqualTo(8080);
        assertThat(settings.ports().discoveryPeer()).isEqualTo(8762);
        assertThat(settings.ports().zipkin()).isEqualTo(9411);
        assertThat(settings.ports().prometheus()).isEqualTo(9090);
    }

    @Test
    void theEnvironmentChangesEachOfThem() {
        StackSettings settings = settings(Map.of(
                "SHOP_BIND_ADDRESS",
                "0.0.0.0",
                "SHOP_REPLICAS",
                "2",
                "SHOP_ZIPKIN",
                "off",
                "SHOP_MONITORING",
                "on",
                "SHOP_PROMETHEUS_EVALUATION_INTERVAL",
                "5s",
                "SHOP_ALERT_FOR_MAX",
                "30s",
                "EUREKA_USERNAME",
                "ops",
                "EUREKA_PASSWORD",
                "s3cret pass",
                "SHOP_RESTARTS",
                "off",
                "SHOP_STARTUP_CACHE_DIR",
                "/cache"));

        assertThat(settings.hostAddress()).isEqualTo("127.0.0.1");
        assertThat(settings.replicas()).isEqualTo(2);
        assertThat(settings.zipkin()).isFalse();
        assertThat(settings.monitoring())
                .isEqualTo(new Monitoring(true, Duration.ofSeconds(15), Duration.ofSeconds(5), Duration.ofSeconds(30)));
        assertThat(settings.discoveryCredentials()).isEqualTo(new DiscoveryCredentials("ops", "s3cret pass"));
        assertThat(settings.restartPolicy()).isEqualTo(RestartPolicy.NEVER);
        assertThat(settings.startupCacheDir()).isEqualTo(Path.of("/cache"));
    }

    @Test
    void theCommandLineAsksForReplicasMonitoringAndNoZipkin() {
        StackSettings base = settings(Map.of());

        assertThat(base.withCommandLine(List.of("--replicas", "2")).replicas()).isEqualTo(2);
        assertThat(base.withCommandLine(List.of("--replicas=3", "--monitoring"))
                        .monitoring()
                        .enabled())
                .isTrue();
        assertThat(base.withCommandLine(List.of("--no-zipkin")).zipkin()).isFalse();
        assertThat(base.withCommandLine(List.of()).replicas()).isEqualTo(1);
    }

    @Test
    void nonsenseIsRefusedWithAMessageThatSaysWhatIsExpected() {
        StackSettings base = settings(Map.of());

        assertThatThrownBy(() -> base.withCommandLine(List.of("--replicas", "9")))
                .hasMessageContaining("replicas must be 1 to 5");
        assertThatThrownBy(() -> base.withCommandLine(List.of("--replicas", "two")))
                .hasMessageContaining("number of instances");
        assertThatThrownBy(() -> base.withCommandLine(List.of("--fast"))).hasMessageContaining("Usage");
        assertThatThrownBy(() -> settings(Map.of("SHOP_BIND_ADDRESS", "example.com")))
                .hasMessageContaining("SHOP_BIND_ADDRESS");
        assertThatThrownBy(() -> settings(Map.of("SHOP_BIND_ADDRESS", "127.0.0.256")))
                .hasMessageContaining("SHOP_BIND_ADDRESS");
        assertThatThrownBy(() -> settings(Map.of("SHOP_ZIPKIN", "maybe"))).hasMessageContaining("on or off");
        assertThatThrownBy(() -> settings(Map.of("SHOP_ALERT_FOR_MAX", "soon"))).hasMessageContaining("duration");
        assertThatThrownBy(() -> settings(Map.of("GATEWAY_PORT", "70000"))).hasMessageContaining("GATEWAY_PORT");
        assertThatThrownBy(() -> settings(Map.of("EUREKA_PASSWORD", "x", "EUREKA_USERNAME", "a:b")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void durationsReadLikeSpringOnes() {
        assertThat(StackEnvironment.parseDuration("500ms", "x")).isEqualTo(Duration.ofMillis(500));
        assertThat(StackEnvironment.parseDuration("15s", "x")).isEqualTo(Duration.ofSeconds(15));
        assertThat(StackEnvironment.parseDuration("2m", "x")).isEqualTo(Duration.ofMinutes(2));
        assertThat(StackEnvironment.parseDuration("1h", "x")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void instanceKListensOnTheBasePortPlusAHundredPerInstanceAndShiftingMovesEverything() {
        Ports ports = settings(Map.of()).ports();

        assertThat(Ports.ofInstance(ports.orderService(), 1)).isEqualTo(8083);
        assertThat(Ports.ofInstance(ports.orderService(), 2)).isEqualTo(8183);
        assertThat(Ports.ofInstance(ports.gatewayManagement(), 3)).isEqualTo(8290);
        assertThat(ports.shiftedBy(10_000).prometheus()).isEqualTo(19090);
        assertThat(ports.shiftedBy(10_000).discoveryPeer()).isEqualTo(18762);
        assertThatThrownBy(() -> Ports.ofInstance(8080, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
