package dev.shopstack.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

class OutboxProducerDefaultsTest {

    @Test
    void theRelaysProducerGetsTheOutboxSettingsAndAServicesOwnSettingWins() {
        Map<String, Object> configured = new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                "broker:9092",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                30000));
        var factory = new DefaultKafkaProducerFactory<String, String>(configured);

        new OutboxAutoConfiguration().outboxProducerDefaults().customize(factory);

        assertThat(factory.getConfigurationProperties())
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000)
                .containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000)
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 0)
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30000)
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092");
    }
}
