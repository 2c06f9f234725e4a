package dev.shopstack.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    @Test
    void theBrokerListensOnTheBindAddressAndAdvertisesTheReachableOne() {
        StackSettings settings = StackSettingsTest.settings(Map.of(
                "SHOP_BIND_ADDRESS",
                "0.0.0.0",
                "KAFKA_PORT",
                "19092",
                "KAFKA_CONTROLLER_PORT",
                "19093",
                "SHOP_HOME",
                "/tmp/shop"));

        String properties = new KafkaBroker(settings).serverProperties();

        assertThat(properties)
                .contains("listeners=PLAINTEXT://0.0.0.0:19092,CONTROLLER://0.0.0.0:19093\n")
                .contains("advertised.listeners=PLAINTEXT://127.0.0.1:19092\n")
                .contains("controller.quorum.voters=1@127.0.0.1:19093\n")
                .contains("log.dirs=" + Path.of("/tmp/shop/data/kafka/logs") + "\n")
                .doesNotContain("${");
    }

    @Test
    void byDefaultOnlyTheLoopbackAddress() {
        String properties = new KafkaBroker(StackSettingsTest.settings(Map.of())).serverProperties();

        assertThat(properties).contains("listeners=PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093\n");
    }

    @Test
    void aTemplateRefusesAMissingOrAnUnusedValue() {
        Template template = Template.of("t", "a=${one}\nb=${two}\n");

        assertThat(template.render(Map.of("one", 1, "two", "x"))).isEqualTo("a=1\nb=x\n");
        assertThatThrownBy(() -> template.render(Map.of("one", 1))).hasMessageContaining("${two}");
        assertThatThrownBy(() -> template.render(Map.of("one", 1, "two", 2, "three", 3)))
                .hasMessageContaining("three");
    }

    @Test
    void theLoggingTemplateHasNoPlaceholders() {
        assertThat(Template.resource("kafka/log4j2.properties").render(Map.of()))
                .contains("logger.kafka.level=WARN");
    }

    @Test
    void clusterIdsAreSixteenBytesOfUrlSafeBase64NotStartingWithADash() {
        for (int i = 0; i < 200; i++) {
            assertThat(KafkaBroker.newClusterId()).matches("[A-Za-z0-9_][A-Za-z0-9_-]{21}");
        }
    }
}
