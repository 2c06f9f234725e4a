package dev.shopstack.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrometheusConfigTest {

    static final List<String> COMPOSE = """
            global:
              scrape_interval: 15s
            rule_files:
              - /etc/prometheus/alerts.yml
              - "/etc/prometheus/slo.yml"
            scrape_configs:
              - job_name: shopstack
                metrics_path: /actuator/prometheus
                honor_labels: true
                static_configs:
                  - targets: ["discovery:8761"]
                    labels: {application: discovery}
                  - targets: ["order-service:8083"]
                    labels: {application: order-service}
                  - targets: ["blackbox:9115"]
                    labels: {application: blackbox}
              - job_name: prometheus
                static_configs:
                  - targets: ["localhost:9090"]
            """.lines().toList();

    static final Map<String, List<String>> LOCAL = Map.of(
            "discovery", List.of("127.0.0.1:8761", "127.0.0.1:8762"),
            "order-service", List.of("127.0.0.1:8083", "127.0.0.1:8183"),
            "localhost", List.of("127.0.0.1:9090"));

    @Test
    void composesJobsTargetsAndLabelsAreRead() {
        List<PrometheusConfig.Job> jobs = PrometheusConfig.jobs(COMPOSE);

        assertThat(jobs).extracting(PrometheusConfig.Job::name).containsExactly("shopstack", "prometheus");
        assertThat(jobs.get(0).settings()).containsExactly("metrics_path: /actuator/prometheus", "honor_labels: true");
        assertThat(jobs.get(0).targets())
                .containsExactly(
                        new PrometheusConfig.Target("discovery", 8761, "{application: discovery}"),
                        new PrometheusConfig.Target("order-service", 8083, "{application: order-service}"),
                        new PrometheusConfig.Target("blackbox", 9115, "{application: blackbox}"));
        assertThat(jobs.get(1).targets()).containsExactly(new PrometheusConfig.Target("localhost", 9090, null));
        assertThat(PrometheusConfig.ruleFileNames(COMPOSE)).containsExactly("alerts.yml", "slo.yml");
    }

    @Test
    void theLocalConfigurationScrapesEveryInstanceWithComposesLabelsAndLoadsTheRuleCopies() {
        String config = PrometheusConfig.render(
                PrometheusConfig.jobs(COMPOSE),
                Monitoring.OFF.withIntervals(Duration.ofSeconds(5), Duration.ofMillis(2500)),
                List.of(Path.of("/w/rules/alerts.yml")),
                host -> LOCAL.getOrDefault(host, List.of()),
                null);

        assertThat(config)
                .contains("  scrape_interval: 5s\n  evaluation_interval: 2500ms\n")
                .contains("rule_files:\n  - \"/w/rules/alerts.yml\"\n")
                .contains("  - job_name: shopstack\n    metrics_path: /actuator/prometheus\n    honor_labels: true\n")
                .contains("      - targets: [\"127.0.0.1:8083\", \"127.0.0.1:8183\"]\n"
                        + "        labels: {application: order-service}\n")
                .contains("      # blackbox: not part of this run\n")
                .contains("  - job_name: prometheus\n    static_configs:\n      - targets: [\"127.0.0.1:9090\"]\n")
                .doesNotContain("order-service:8083")
                .doesNotContain("relabel_configs");
    }

    @Test
    void throughTheRelayEveryTargetKeepsItsAddressAsInstance() {
        String config = PrometheusConfig.render(
                PrometheusConfig.jobs(COMPOSE),
                Monitoring.OFF,
                List.of(),
                host -> LOCAL.getOrDefault(host, List.of()),
                "127.0.0.1:40000");

        assertThat(config).contains("""
                    honor_labels: true
                    relabel_configs:
                      - source_labels: [__address__]
                        target_label: instance
                      - source_labels: [__address__]
                        target_label: __param_target
                      - target_label: __address__
                        replacement: "127.0.0.1:40000"
                    static_configs:
                """);
        assertThat(ScrapeRelay.needed("prometheus, version 2.42.0+ds (branch: debian/sid)"))
                .isTrue();
        assertThat(ScrapeRelay.needed("prometheus, version 2.43.0 (branch: HEAD)"))
                .isFalse();
        assertThat(ScrapeRelay.needed("prometheus, version 3.5.0 (branch: HEAD)"))
                .isFalse();
    }

    @Test
    void forWindowsLongerThanTheLimitAreShortenedAndShorterOnesKept() {
        List<String> rules = List.of(
                "      - alert: A",
                "        for: 2m",
                "      - alert: B",
                "        for: 10s",
                "      - alert: C",
                "        for: 1h30m  # long",
                "        expr: up == 0");

        String shortened = PrometheusConfig.shortenForWindows(rules, Duration.ofSeconds(20));

        assertThat(shortened)
                .contains("        for: 20s\n      - alert: B\n        for: 10s\n")
                .contains("        for: 20s  # long\n")
                .contains("expr: up == 0");
        assertThat(PrometheusConfig.shortenForWindows(rules, null)).contains("for: 2m", "for: 1h30m");
        assertThat(PrometheusConfig.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void theProjectsOwnComposeConfigurationAndEveryRuleFileBesideItAreFound(@TempDir Path dir) throws IOException {
        Path source = Path.of("..", "deploy", "prometheus");
        List<String> compose = Files.readAllLines(source.resolve("prometheus.yml"));

        assertThat(PrometheusConfig.jobs(compose))
                .extracting(PrometheusConfig.Job::name)
                .contains("shopstack");
        assertThat(PrometheusConfig.jobs(compose).get(0).targets())
                .extracting(PrometheusConfig.Target::host)
                .contains("gateway", "user-service", "catalog-service", "order-service", "notification-service");
        assertThat(Prometheus.ruleFiles(source, compose)).contains("alerts.yml").noneMatch(n -> n.contains(".test."));

        Files.writeString(dir.resolve("prometheus.yml"), "rule_files:\n  - /etc/prometheus/a.yml\n");
        Files.writeString(dir.resolve("a.yml"), "groups: []\n");
        Files.writeString(dir.resolve("b.yml"), "groups:\n  - name: b\n");
        Files.writeString(dir.resolve("b.test.yml"), "rule_files: [b.yml]\n");
        Files.writeString(dir.resolve("notes.yml"), "other: 1\n");
        assertThat(Prometheus.ruleFiles(dir, Files.readAllLines(dir.resolve("prometheus.yml"))))
                .containsExactly("a.yml", "b.yml");
    }

    @Test
    void theBinaryIsLookedUpOnThePath(@TempDir Path dir) throws IOException {
        Path binary = Files.createFile(dir.resolve("prometheus"));
        binary.toFile().setExecutable(true);

        assertThat(Prometheus.binary(Map.of("PATH", "/nonexistent:" + dir)::get))
                .contains(binary);
    }
}
