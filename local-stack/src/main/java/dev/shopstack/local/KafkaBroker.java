package dev.shopstack.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The single-node KRaft broker of the local stack, from Apache Kafka's own jars: its configuration is rendered from
 * the templates {@code kafka/server.properties} and {@code kafka/log4j2.properties} next to this class, and its log
 * directory is formatted on the first run only.
 */
final class KafkaBroker {

    static final String NAME = "kafka";

    private final StackSettings settings;
    private final Path dir;

    KafkaBroker(StackSettings settings) {
        this.settings = settings;
        this.dir = settings.dataDir().resolve(NAME);
    }

    /** The broker's configuration for these settings. */
    String serverProperties() {
        Ports ports = settings.ports();
        return Template.resource("kafka/server.properties")
                .render(Map.of(
                        "host", settings.hostAddress(),
                        "bindAddress", settings.bindAddress(),
                        "port", ports.kafka(),
                        "controllerPort", ports.kafkaController(),
                        "logDirs", dir.resolve("logs")));
    }

    /** The JVM arguments after the java executable. */
    List<String> arguments() {
        return List.of(
                "-Xms128m",
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"),
                "-cp",
                Classpaths.of("kafka.classpath"),
                "kafka.Kafka",
                dir.resolve("server.properties").toString());
    }

    /** Writes the configuration and formats the log directory unless it was formatted before. */
    void prepare(Path java) {
        try {
            Files.createDirectories(dir);
            Path clusterIdFile = dir.resolve("cluster.id");
            if (!Files.exists(clusterIdFile)) {
                Files.writeString(clusterIdFile, newClusterId());
            }
            Path config = dir.resolve("server.properties");
            Files.writeString(config, serverProperties());
            Files.writeString(
                    dir.resolve("log4j2.properties"),
                    Template.resource("kafka/log4j2.properties").render(Map.of()));
            if (Files.exists(dir.resolve("logs").resolve("meta.properties"))) {
                return;
            }
            Path log = Files.createDirectories(settings.logsDir()).resolve("kafka-format.log");
            var format = new ProcessBuilder(
                            java.toString(),
                            "-cp",
                            Classpaths.of("kafka.classpath"),
                            "kafka.tools.StorageTool",
                            "format",
                            "-t",
                            Files.readString(clusterIdFile).trim(),
                            "-c",
                            config.toString(),
                            "--ignore-formatted")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            if (!format.waitFor(2, TimeUnit.MINUTES) || format.exitValue() != 0) {
                throw new IllegalStateException("Formatting the Kafka log directory failed; see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare Kafka in " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while formatting Kafka storage", e);
        }
    }

    /** A Kafka cluster id: 16 random bytes, URL-safe base64 without padding (what kafka-storage random-uuid makes). */
    static String newClusterId() {
        byte[] bytes = new byte[16];
        String id;
        do {
            new SecureRandom().nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }
}
