package dev.shopstack.platform.kafka;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.validation.annotation.Validated;

/**
 * Partitions and replication of the topics a service declares, so that a topic never gets the broker's default
 * (one partition on a fresh broker, whatever {@code num.partitions} says elsewhere). The partition count is the
 * most consumer replicas of one group that get work (docs/capacity.md): raise it before adding consumer replicas.
 * A service declares the topics it writes or reads ({@link #declare}); KafkaAdmin creates the missing ones at start
 * and raises a partition count that is too low (never lowers it). Where deploy/kafka/provision creates the topics
 * (compose, Kubernetes), these values match it and KafkaAdmin finds nothing to do.
 *
 * @param partitions partitions of every declared topic without an override (and of notification-service's retry
 *     and dead-letter topics)
 * @param replicationFactor copies of each partition (1 on a single local broker, 3 in production)
 * @param overrides per topic name: its own partitions or replication factor
 */
@Validated
@ConfigurationProperties("shop.kafka.topics")
public record KafkaTopicsProperties(
        @DefaultValue("6") @Min(1) int partitions,
        @DefaultValue("1") @Min(1) short replicationFactor,
        @DefaultValue Map<String, @Valid Topic> overrides) {

    /**
     * @param partitions this topic's partitions, or null for the default
     * @param replicationFactor this topic's replication factor, or null for the default
     */
    public record Topic(@Min(1) Integer partitions, @Min(1) Short replicationFactor) {}

    public KafkaTopicsProperties {
        overrides = Map.copyOf(overrides);
    }

    public int partitionsOf(String topic) {
        Topic override = overrides.get(topic);
        return override != null && override.partitions() != null ? override.partitions() : partitions;
    }

    public short replicationFactorOf(String topic) {
        Topic override = overrides.get(topic);
        return override != null && override.replicationFactor() != null
                ? override.replicationFactor()
                : replicationFactor;
    }

    public NewTopic newTopic(String name) {
        return TopicBuilder.name(name)
                .partitions(partitionsOf(name))
                .replicas(replicationFactorOf(name))
                .build();
    }

    /** The topics a service writes or reads, as one bean for KafkaAdmin. */
    public KafkaAdmin.NewTopics declare(String... names) {
        return new KafkaAdmin.NewTopics(Arrays.stream(names).map(this::newTopic).toArray(NewTopic[]::new));
    }
}
