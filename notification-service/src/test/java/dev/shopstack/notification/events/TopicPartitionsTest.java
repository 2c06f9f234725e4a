package dev.shopstack.notification.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.events.Topics;
import dev.shopstack.notification.IntegrationTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The embedded broker creates topics with one partition when nobody declares them; the service declares every topic
 * it reads or writes (shop.kafka.topics: 6 partitions, session-revocations 3), the retry and dead-letter topics
 * included.
 */
class TopicPartitionsTest extends IntegrationTestSupport {

    @Autowired
    RetryProperties retry;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void everyTopicOfTheServiceHasThePartitionsOfItsConfiguration() throws Exception {
        List<String> expected = new ArrayList<>(List.of(Topics.USER_EVENTS, Topics.ORDER_EVENTS));
        for (String topic : List.of(Topics.USER_EVENTS, Topics.ORDER_EVENTS)) {
            for (int i = 0; i < retry.attempts() - 1; i++) {
                expected.add(topic + "-retry-" + i);
            }
            expected.add(topic + "-dlt");
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<String> ours = admin.listTopics().names().get().stream()
                    .filter(t -> t.startsWith(Topics.USER_EVENTS)
                            || t.startsWith(Topics.ORDER_EVENTS)
                            || t.equals(Topics.SESSION_REVOCATIONS))
                    .toList();
            Map<String, Integer> partitions = new TreeMap<>();
            admin.describeTopics(ours)
                    .allTopicNames()
                    .get()
                    .forEach((name, description) -> partitions.put(name, partitionCount(description)));
            System.out.println("topic partitions: " + partitions);

            expected.forEach(topic -> assertThat(partitions).containsEntry(topic, 6));
            assertThat(partitions).containsEntry(Topics.SESSION_REVOCATIONS, 3).hasSize(expected.size() + 1);
        }
    }

    private static int partitionCount(TopicDescription description) {
        return description.partitions().size();
    }
}
