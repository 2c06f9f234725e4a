package dev.shopstack.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prometheus's configuration for the local run, derived from docker-compose's ({@code deploy/prometheus/prometheus.yml})
 * so both scrape the same jobs with the same labels: each compose target {@code host:port} becomes the addresses of the
 * local processes of that name (every instance in replica mode); the rule files are the same files. Reads the subset
 * of YAML that file uses (jobs, scalar settings, {@code static_configs} with {@code targets} and {@code labels}).
 */
final class PrometheusConfig {

    /** A scrape job: its scalar settings (metrics_path, honor_labels...) and its static targets. */
    record Job(String name, List<String> settings, List<Target> targets) {}

    /** One compose target and its labels in YAML flow form ({@code {application: gateway}}), or null. */
    record Target(String host, int port, String labels) {}

    private static final Pattern JOB = Pattern.compile("^(\\s*)- job_name:\\s*\"?([^\"#]+?)\"?\\s*$");
    private static final Pattern TARGETS = Pattern.compile("^\\s*-?\\s*targets:\\s*\\[(.*)]\\s*$");
    private static final Pattern FLOW_LABELS = Pattern.compile("^\\s*labels:\\s*(\\{.*})\\s*$");
    private static final Pattern KEY_VALUE = Pattern.compile("^(\\s*)([a-z_]+):\\s*(.*?)\\s*$");
    private static final Pattern RULE_FILE = Pattern.compile("^\\s*-\\s*\"?([^\"#]+?)\"?\\s*$");
    private static final Pattern FOR = Pattern.compile("^(\\s*for:\\s*)([0-9a-z]+)(\\s*(#.*)?)$");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|s|m|h|d|w|y)");

    private PrometheusConfig() {}

    /** The scrape jobs of a compose-style configuration. */
    static List<Job> jobs(List<String> lines) {
        List<Job> jobs = new ArrayList<>();
        String name = null;
        int jobIndent = -1;
        List<String> settings = new ArrayList<>();
        List<Target> targets = new ArrayList<>();
        List<Target> pending = new ArrayList<>(); // targets of the static config being read, waiting for labels
        boolean inScrapeConfigs = false;
        for (String line : lines) {
            if (line.isBlank() || line.trim().startsWith("#")) {
                continue;
            }
            if (!line.startsWith(" ") && !line.startsWith("-")) {
                inScrapeConfigs = line.startsWith("scrape_configs:");
                continue;
            }
            if (!inScrapeConfigs) {
                continue;
            }
            Matcher job = JOB.matcher(line);
            if (job.matches()) {
                if (name != null) {
                    targets.addAll(pending);
                    jobs.add(new Job(name, List.copyOf(settings), List.copyOf(targets)));
                }
                name = job.group(2).trim();
                jobIndent = job.group(1).length() + 2;
                settings.clear();
                targets.clear();
                pending.clear();
                continue;
            }
            Matcher targetList = TARGETS.matcher(line);
            Matcher flowLabels = FLOW_LABELS.matcher(line);
            Matcher keyValue = KEY_VALUE.matcher(line);
            if (targetList.matches()) {
                targets.addAll(pending);
                pending.clear();
                for (String target : targetList.group(1).split(",")) {
                    String hostPort = target.trim().replace("\"", "").replace("'", "");
                    int colon = hostPort.lastIndexOf(':');
                    if (colon > 0) {
                        pending.add(new Target(
                                hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)), null));
                    }
                }
            } else if (flowLabels.matches()) {
                String labels = flowLabels.group(1);
                pending.replaceAll(t -> new Target(t.host(), t.port(), labels));
                targets.addAll(pending);
                pending.clear();
            } else if (keyValue.matches()
                    && keyValue.group(1).length() == jobIndent
                    && !keyValue.group(3).isEmpty()) {
                settings.add(keyValue.group(2) + ": " + keyValue.group(3));
            }
        }
        if (name != null) {
            targets.addAll(pending);
            jobs.add(new Job(name, List.copyOf(settings), List.copyOf(targets)));
        }
        return jobs;
    }

    /** The file names of the {@code rule_files} entries (their directories are compose's, not ours). */
    static List<String> ruleFileNames(List<String> lines) {
        List<String> names = new ArrayList<>();
        boolean inRuleFiles = false;
        for (String line : lines) {
            if (!line.startsWith(" ") && !line.startsWith("-") && !line.isBlank()) {
                inRuleFiles = line.startsWith("rule_files:");
                continue;
            }
            Matcher m = RULE_FILE.matcher(line);
            if (inRuleFiles && m.matches()) {
                names.add(Path.of(m.group(1).trim()).getFileName().toString());
            }
        }
        return names;
    }

    /**
     * The local configuration. {@code addresses} maps a compose host name to the local {@code host:port} addresses
     * of the processes it stands for (empty: not part of this run, left out); {@code relay}, when not null, is the
     * {@link ScrapeRelay} every scrape goes through.
     */
    static String render(
            List<Job> jobs,
            Monitoring monitoring,
            List<Path> ruleFiles,
            Function<String, List<String>> addresses,
            String relay) {
        StringBuilder out = new StringBuilder("""
                # Written by the local launcher at every start from deploy/prometheus/prometheus.yml: the same jobs
                # and labels, with the addresses of this run's processes.
                global:
                """);
        out.append("  scrape_interval: ")
                .append(seconds(monitoring.scrapeInterval()))
                .append('\n');
        out.append("  evaluation_interval: ")
                .append(seconds(monitoring.evaluationInterval()))
                .append('\n');
        out.append("  external_labels:\n    environment: local\n\nrule_files:\n");
        ruleFiles.forEach(
                file -> out.append("  - \"").append(file.toAbsolutePath()).append("\"\n"));
        out.append("\nscrape_configs:\n");
        for (Job job : jobs) {
            out.append("  - job_name: ").append(job.name()).append('\n');
            job.settings().forEach(setting -> out.append("    ").append(setting).append('\n'));
            if (relay != null) { // scraped through the launcher's relay; instance stays the process's address
                out.append("""
                            relabel_configs:
                              - source_labels: [__address__]
                                target_label: instance
                              - source_labels: [__address__]
                                target_label: __param_target
                              - target_label: __address__
                                replacement: "%s"
                        """.formatted(relay));
            }
            out.append("    static_configs:\n");
            boolean any = false;
            for (Target target : job.targets()) {
                List<String> local = addresses.apply(target.host());
                if (local.isEmpty()) {
                    out.append("      # ").append(target.host()).append(": not part of this run\n");
                    continue;
                }
                any = true;
                out.append("      - targets: [")
                        .append(String.join(
                                ", ",
                                local.stream()
                                        .map(address -> "\"" + address + "\"")
                                        .toList()))
                        .append("]\n");
                if (target.labels() != null) {
                    out.append("        labels: ").append(target.labels()).append('\n');
                }
            }
            if (!any) {
                out.append("      - targets: []\n");
            }
        }
        return out.toString();
    }

    /** A rule file with every {@code for:} window longer than {@code atMost} shortened to it (null: unchanged). */
    static String shortenForWindows(List<String> lines, Duration atMost) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            Matcher m = FOR.matcher(line);
            if (atMost != null && m.matches() && parse(m.group(2)).compareTo(atMost) > 0) {
                line = m.group(1) + seconds(atMost) + m.group(3);
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    /** A Prometheus duration such as {@code 5m} or {@code 1h30m}. */
    static Duration parse(String text) {
        Matcher m = DURATION_PART.matcher(text.toLowerCase(Locale.ROOT));
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(
                    switch (m.group(2)) {
                        case "ms" -> Duration.ofMillis(n);
                        case "s" -> Duration.ofSeconds(n);
                        case "m" -> Duration.ofMinutes(n);
                        case "h" -> Duration.ofHours(n);
                        case "d" -> Duration.ofDays(n);
                        case "w" -> Duration.ofDays(7 * n);
                        default -> Duration.ofDays(365 * n);
                    });
            end = m.end();
        }
        if (end != text.length() || end == 0) {
            throw new IllegalArgumentException("Not a Prometheus duration: " + text);
        }
        return total;
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }
}
