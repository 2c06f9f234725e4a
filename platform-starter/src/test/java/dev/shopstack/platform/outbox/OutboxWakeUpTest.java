package dev.shopstack.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A committed event leaves at once: the commit wakes the relay, no scheduled poll is needed (none runs here, outside
 * Spring's scheduler). A rolled-back event is neither written nor sent. A real broker, a real H2 in MySQL mode.
 */
class OutboxWakeUpTest {

    private static final String TOPIC = "wake-up-events";
    private static EmbeddedKafkaKraftBroker broker;

    private JdbcTemplate jdbc;
    private TransactionTemplate transactions;
    private OutboxRelay relay;
    private Outbox outbox;
    private KafkaConsumer<String, String> consumer;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1, TOPIC);
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @BeforeEach
    void outboxOnH2() {
        var dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:wake-up-" + UUID.randomUUID()
                        + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
                "sa",
                "");
        var migrations = new ResourceDatabasePopulator();
        for (String version : List.of("V1__outbox_events", "V2__outbox_row_leases", "V3__outbox_traceparent")) {
            migrations.addScript(new ClassPathResource("db/shopstack/outbox/" + version + ".sql"));
        }
        migrations.execute(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        var kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class)));
        var properties = new OutboxProperties(
                true, Duration.ofHours(1), 100, Duration.ofSeconds(5), Duration.ofDays(7), Duration.ofSeconds(30));
        Clock clock = Clock.systemUTC();
        relay = new OutboxRelay(jdbc, kafka, properties, clock, "relay-" + UUID.randomUUID());
        outbox = new Outbox(jdbc, JsonMapper.builder().build(), "/test", clock, OutboxTracing.none(), relay::wakeUp);
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "wake-up-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class));
        consumer.subscribe(List.of(TOPIC));
    }

    @AfterEach
    void close() {
        consumer.close();
        relay.close();
    }

    @Test
    void aCommittedEventIsSentWithoutWaitingForAPoll() {
        String subject = "order-" + UUID.randomUUID();

        transactions.executeWithoutResult(status -> outbox.publish(TOPIC, "test.happened", subject, Map.of("n", 1)));

        assertThat(keysReadWithin(Duration.ofSeconds(20), subject)).contains(subject);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_events WHERE published_at IS NULL", Integer.class))
                .isZero();
    }

    @Test
    void aRolledBackEventIsNeitherKeptNorSent() {
        String rolledBack = "order-" + UUID.randomUUID();
        String committed = "order-" + UUID.randomUUID();

        transactions.executeWithoutResult(status -> {
            outbox.publish(TOPIC, "test.happened", rolledBack, Map.of("n", 1));
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status -> outbox.publish(TOPIC, "test.happened", committed, Map.of("n", 2)));

        // the second event's arrival bounds the wait: had the first been sent, it would have come before it
        assertThat(keysReadWithin(Duration.ofSeconds(20), committed))
                .contains(committed)
                .doesNotContain(rolledBack);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_events", Integer.class))
                .isEqualTo(1);
    }

    private List<String> keysReadWithin(Duration limit, String awaited) {
        List<String> keys = new ArrayList<>();
        long until = System.nanoTime() + limit.toNanos();
        while (!keys.contains(awaited) && System.nanoTime() < until) {
            consumer.poll(Duration.ofMillis(200)).forEach(record -> keys.add(record.key()));
        }
        return keys;
    }
}
