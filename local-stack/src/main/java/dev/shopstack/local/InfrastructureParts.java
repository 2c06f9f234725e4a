package dev.shopstack.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a stack that are not the project's applications: the H2 server (replica mode), Kafka, the mail
 * catcher and Zipkin, each a JVM from Maven Central jars with its readiness check.
 */
final class InfrastructureParts {

    static final String MAIL = "mail";
    static final String ZIPKIN = "zipkin";

    private final StackSettings settings;
    private final Path java;
    private final String marker;

    InfrastructureParts(StackSettings settings, Path java, String marker) {
        this.settings = settings;
        this.java = java;
        this.marker = marker;
    }

    Part h2(H2Server h2) {
        Ports ports = settings.ports();
        return Part.single(
                H2Server.NAME,
                jvm(H2Server.NAME, h2.arguments(), Map.of()),
                () -> Probe.portOpen(settings.hostAddress(), ports.h2()),
                "tcp://" + settings.publicHost() + ":" + ports.h2(),
                List.of(ports.h2()));
    }

    Part kafka(KafkaBroker kafka) {
        Ports ports = settings.ports();
        String host = settings.hostAddress();
        return Part.single(
                KafkaBroker.NAME,
                jvm(KafkaBroker.NAME, kafka.arguments(), Map.of()),
                () -> Probe.portOpen(host, ports.kafka()),
                host + ":" + ports.kafka(),
                List.of(ports.kafka(), ports.kafkaController()));
    }

    /** GreenMail standalone: SMTP for the services, its REST API for people and tests. */
    Part mail() {
        Ports ports = settings.ports();
        return Part.single(
                MAIL,
                jvm(
                        MAIL,
                        List.of(
                                "-Xms64m",
                                "-Xmx96m",
                                "-XX:+UseSerialGC",
                                "-XX:TieredStopAtLevel=1",
                                "-Dgreenmail.smtp.hostname=" + settings.bindAddress(),
                                "-Dgreenmail.smtp.port=" + ports.smtp(),
                                "-Dgreenmail.api.hostname=" + settings.bindAddress(),
                                "-Dgreenmail.api.port=" + ports.mailApi(),
                                "-Dgreenmail.auth.disabled",
                                "-cp",
                                Classpaths.of("greenmail.classpath"),
                                "com.icegreen.greenmail.standalone.GreenMailStandaloneRunner"),
                        Map.of()),
                () -> Probe.answers(
                        "http://" + settings.hostAddress() + ":" + ports.mailApi() + "/api/service/readiness",
                        status -> status == 200),
                "http://" + settings.publicHost() + ":" + ports.mailApi(),
                List.of(ports.smtp(), ports.mailApi()));
    }

    /** Zipkin's executable jar from Maven Central, spans in memory, listening on the bind address only. */
    Part zipkin() {
        int port = settings.ports().zipkin();
        ManagedProcess process = jvm(
                ZIPKIN,
                List.of(
                        "-Xmx256m",
                        "-XX:+UseSerialGC",
                        "-Xss512k",
                        "-XX:TieredStopAtLevel=1",
                        "-jar",
                        Classpaths.of("zipkin.classpath"),
                        "--armeria.ports[0].port=" + port,
                        "--armeria.ports[0].ip=" + settings.bindAddress(),
                        "--armeria.ports[0].protocols[0]=http"),
                Map.of("STORAGE_TYPE", "mem", "MEM_MAX_SPANS", "100000", "QUERY_PORT", Integer.toString(port)));
        return Part.single(
                ZIPKIN,
                process,
                () -> Probe.answers("http://" + settings.hostAddress() + ":" + port + "/health", s -> s == 200),
                "http://" + settings.publicHost() + ":" + port,
                List.of(port));
    }

    private ManagedProcess jvm(String name, List<String> args, Map<String, String> environment) {
        List<String> command = new ArrayList<>(List.of(java.toString(), marker));
        command.addAll(args);
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.putIfAbsent("MALLOC_ARENA_MAX", "2");
        return new ManagedProcess(name, () -> command, env, settings.logsDir().resolve(name + ".log"));
    }
}
