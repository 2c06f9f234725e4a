package dev.shopstack.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PromQL the platform's operators rely on, read from the repository: every query of every Grafana dashboard
 * (variables replaced by their "All" value, Grafana's interval macros by a concrete range), every alert rule's
 * expression, and which metric comes from where (deploy/grafana/metrics-used.txt).
 */
final class PromQueries {

    /**
     * One query as a person sees it: where it is ({@code dashboard / panel}, an annotation or an alert), its PromQL,
     * and whether it ends in a threshold that is false on a healthy platform (alerts, annotations), so that only its
     * selectors can be expected to return series.
     */
    record Query(String where, String promql, boolean thresholded) {}

    /** Grafana's range macros, replaced by a range long enough for two scrapes of the test's 5 s interval. */
    static final String RANGE = "2m";

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?");
    private static final Pattern ALERT = Pattern.compile("^\\s*- alert:\\s*(\\S+)\\s*$");
    private static final Pattern EXPR = Pattern.compile("^(\\s*)expr:\\s*(.*)$");
    /** Operators and aggregations (an aggregation may be followed by {@code by (...)} rather than its argument). */
    private static final Set<String> KEYWORDS = Set.of(
            "and",
            "or",
            "unless",
            "bool",
            "offset",
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "inf",
            "nan",
            "sum",
            "min",
            "max",
            "avg",
            "count",
            "group",
            "stddev",
            "stdvar",
            "topk",
            "bottomk",
            "quantile",
            "count_values");

    private static final Set<String> LABEL_LISTS =
            Set.of("by", "without", "on", "ignoring", "group_left", "group_right");

    private PromQueries() {}

    /** Every target expression of every panel (rows and nested panels included), ready to send to Prometheus. */
    static List<Query> dashboardQueries(Path dashboards) {
        JsonMapper json = JsonMapper.builder().build();
        List<Query> queries = new ArrayList<>();
        try (Stream<Path> files = Files.list(dashboards)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode dashboard = json.readTree(Files.readString(file));
                Map<String, String> all = new TreeMap<>();
                for (JsonNode variable : dashboard.path("templating").path("list")) {
                    String allValue = variable.path("allValue").asString("");
                    all.put(variable.path("name").asString(), allValue.isEmpty() ? ".*" : allValue);
                }
                String title =
                        dashboard.path("title").asString(file.getFileName().toString());
                for (JsonNode annotation : dashboard.path("annotations").path("list")) {
                    String expr = annotation.path("expr").asString("");
                    if (!expr.isBlank()) {
                        queries.add(new Query(
                                title + " / annotation "
                                        + annotation.path("name").asString(),
                                substitute(expr, all),
                                true));
                    }
                }
                collect(title, dashboard.path("panels"), all, queries);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return queries;
    }

    private static void collect(String dashboard, JsonNode panels, Map<String, String> all, List<Query> into) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asString("");
                if (!expr.isBlank()) {
                    into.add(new Query(
                            dashboard + " / " + panel.path("title").asString(), substitute(expr, all), false));
                }
            }
            collect(dashboard, panel.path("panels"), all, into);
        }
    }

    static String substitute(String expr, Map<String, String> all) {
        Matcher m = VARIABLE.matcher(expr);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = name.startsWith("__") ? RANGE : all.getOrDefault(name, m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    /** The expression of every alerting rule (recording rules are checked through the dashboards that read them). */
    static List<Query> alertExpressions(Path rules) {
        List<String> lines = readLines(rules);
        List<Query> alerts = new ArrayList<>();
        String alert = null;
        for (int i = 0; i < lines.size(); i++) {
            Matcher name = ALERT.matcher(lines.get(i));
            Matcher expr = EXPR.matcher(lines.get(i));
            if (name.matches()) {
                alert = name.group(1);
            } else if (alert != null && expr.matches()) {
                StringBuilder text = new StringBuilder();
                if (expr.group(2).trim().equals("|")) {
                    int indent = expr.group(1).length();
                    while (i + 1 < lines.size()
                            && (lines.get(i + 1).isBlank()
                                    || lines.get(i + 1).length()
                                                    - lines.get(i + 1)
                                                            .stripLeading()
                                                            .length()
                                            > indent)) {
                        text.append(lines.get(++i).trim()).append(' ');
                    }
                } else {
                    text.append(expr.group(2));
                }
                alerts.add(new Query("alert " + alert, text.toString().trim(), true));
                alert = null;
            }
        }
        return alerts;
    }

    /**
     * The vector selectors of an expression ({@code metric{matchers}}), without functions, keywords, label lists,
     * strings, ranges and numbers.
     */
    static List<String> selectors(String promql) {
        Set<String> found = new LinkedHashSet<>();
        int i = 0;
        while (i < promql.length()) {
            char c = promql.charAt(i);
            if (c == '"' || c == '\'') {
                i = skipString(promql, i);
            } else if (c == '[') {
                i = promql.indexOf(']', i) + 1;
            } else if (Character.isDigit(c) || c == '.') {
                while (i < promql.length()
                        && (Character.isLetterOrDigit(promql.charAt(i)) || promql.charAt(i) == '.')) {
                    i++;
                }
            } else if (Character.isLetter(c) || c == '_' || c == ':') {
                int start = i;
                while (i < promql.length()
                        && (Character.isLetterOrDigit(promql.charAt(i))
                                || promql.charAt(i) == '_'
                                || promql.charAt(i) == ':')) {
                    i++;
                }
                String word = promql.substring(start, i);
                int next = skipSpaces(promql, i);
                boolean call = next < promql.length() && promql.charAt(next) == '(';
                if (call && LABEL_LISTS.contains(word)) {
                    i = promql.indexOf(')', next) + 1;
                } else if (!call && !KEYWORDS.contains(word.toLowerCase())) {
                    if (next < promql.length() && promql.charAt(next) == '{') {
                        int end = next;
                        while (promql.charAt(end) != '}') {
                            end = promql.charAt(end) == '"' ? skipString(promql, end) : end + 1;
                        }
                        i = end + 1;
                        found.add(word + promql.substring(next, i));
                    } else {
                        found.add(word);
                    }
                }
            } else {
                i++;
            }
        }
        return List.copyOf(found);
    }

    /** The metric name of a selector. */
    static String metric(String selector) {
        int brace = selector.indexOf('{');
        return brace < 0 ? selector : selector.substring(0, brace);
    }

    /** metrics-used.txt: metric name to its source ({@code services}, process names, or {@code kind:detail}). */
    static Map<String, String> sources(Path metricsUsed) {
        Map<String, String> sources = new TreeMap<>();
        for (String line : readLines(metricsUsed)) {
            String[] cols = line.replaceFirst("#.*", "").trim().split("\\s+");
            if (cols.length == 2) {
                sources.put(cols[0], cols[1]);
            }
        }
        return sources;
    }

    private static int skipString(String text, int quote) {
        char q = text.charAt(quote);
        int i = quote + 1;
        while (i < text.length() && text.charAt(i) != q) {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }

    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
