package dev.shopstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.shopstack.e2e.web.Browsers;
import dev.shopstack.local.LocalStack;
import dev.shopstack.platform.test.AtOnce;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * With monitoring on ({@code -Dshop.e2e.monitoring=true}: Prometheus scraping every 5 s, {@code for:} windows cut to
 * 20 s), the dashboards and alert rules are proven against the live platform: after a short mixed load, each injected
 * fault fires its alert, which resolves once the fault is removed (the catalog's instances and the notification
 * consumers go down at the same time, each outage with alerts of its own); then every dashboard query and every vector
 * selector of every alert returns series. The query check runs last so that the series only a failure creates (5xx,
 * failed sends) exist, as on any platform that has lived a while.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonitoringIT extends StackTestSupport {

    private static final Path ROOT =
            Path.of(System.getProperty("shop.root", "..")).toAbsolutePath().normalize();
    private static final Duration FIRE = Duration.ofMinutes(3);
    private static final Duration RESOLVE = Duration.ofMinutes(5);

    @Test
    @Order(1)
    void aShortMixedLoadThroughTheGatewaySucceeds() throws Exception {
        prometheus();
        System.out.printf("monitoring: %d requests of mixed load%n", load().run(2));
    }

    @Test
    @Order(2)
    void catalogInstancesDownAndTheConsumerStoppedAtTheSameTimeEachFireTheirOwnAlertsAndResolve() throws Exception {
        PrometheusApi prometheus = prometheus();
        // two unrelated outages at once, as on a bad day: each alert must name its own application, and the two
        // waits for firing and resolving overlap instead of adding up
        AtOnce.rounds(1, 2, (round, outage) -> {
            if (outage == 0) {
                catalogInstancesDownWarnThenPageAndTheCatalogErrorBudgetBurns(prometheus);
            } else {
                theConsumerStoppedWhileEventsAreProducedFiresConsumerAbsentAndCatchesUp(prometheus);
            }
            return outage;
        });
    }

    private static void catalogInstancesDownWarnThenPageAndTheCatalogErrorBudgetBurns(PrometheusApi prometheus)
            throws Exception {
        Map<String, String> catalog = Map.of("application", LocalStack.CATALOG_SERVICE);
        List<String> instances = stack.instances(LocalStack.CATALOG_SERVICE);
        AtomicBoolean browsing = new AtomicBoolean(true);
        Thread traffic = new Thread(
                () -> {
                    while (browsing.get()) {
                        try {
                            Http.get(stack.gateway() + "/api/products?size=3");
                            Thread.sleep(50);
                        } catch (RuntimeException | InterruptedException e) {
                            // the gateway's answer does not matter here, only that it is asked
                        }
                    }
                },
                "browsing");
        traffic.start();
        try {
            try {
                if (instances.size() > 1) {
                    stack.stop(instances.get(1));
                    prometheus.awaitFiring("ShopstackInstanceDown", catalog, FIRE);
                    assertThat(prometheus.alerts("pending").stream().noneMatch(a -> isAllDown(a, catalog)))
                            .as("one of two catalog instances down is a warning, not a page")
                            .isTrue();
                    assertThat(prometheus.firing("ShopstackAllReplicasDown", catalog))
                            .isFalse();
                }
                stack.stop(instances.get(0));
                prometheus.awaitFiring("ShopstackAllReplicasDown", catalog, FIRE);
                // every instance stopped leaves discovery, so the gateway answers 503 at once without tripping its
                // breaker (an empty instance list is not recorded): the page is the catalog's error budget
                prometheus.awaitFiring("ShopstackErrorBudgetBurnFast", Map.of("route_group", "catalog"), FIRE);
                System.out.println("monitoring: firing now " + prometheus.alerts("firing"));
                Browsers.screenshot(alertsPage(stack.prometheus()), "prometheus-alerts");
            } finally {
                instances.stream().filter(name -> !stack.isRunning(name)).forEach(stack::start);
            }
            prometheus.awaitResolved("ShopstackAllReplicasDown", catalog, RESOLVE);
            prometheus.awaitResolved("ShopstackInstanceDown", catalog, RESOLVE);
        } finally {
            browsing.set(false);
            traffic.join();
        }
    }

    private static void theConsumerStoppedWhileEventsAreProducedFiresConsumerAbsentAndCatchesUp(
            PrometheusApi prometheus) {
        List<String> instances = stack.instances(LocalStack.NOTIFICATION_SERVICE);
        List<String> waiting = new ArrayList<>();
        instances.forEach(stack::stop);
        try {
            for (int i = 0; i < 3; i++) {
                waiting.add(
                        gateway.register("lag" + UUID.randomUUID().toString().substring(0, 8)));
            }
            prometheus.awaitFiring("ShopstackConsumerAbsent", Map.of(), FIRE);
            prometheus.awaitFiring(
                    "ShopstackAllReplicasDown", Map.of("application", LocalStack.NOTIFICATION_SERVICE), FIRE);
        } finally {
            instances.stream().filter(name -> !stack.isRunning(name)).forEach(stack::start);
        }
        waiting.forEach(email -> mail.await(email, "verification code", Duration.ofMinutes(2)));
        prometheus.awaitResolved("ShopstackConsumerAbsent", Map.of(), RESOLVE);
        prometheus.awaitResolved(
                "ShopstackAllReplicasDown", Map.of("application", LocalStack.NOTIFICATION_SERVICE), RESOLVE);
    }

    /** Debian's package serves the classic UI under /classic; a release build serves its own UI at /alerts. */
    private static String alertsPage(String prometheus) {
        String classic = prometheus + "/classic/alerts";
        return Http.get(classic).statusCode() == 200 ? classic : prometheus + "/alerts";
    }

    @Test
    @Order(3)
    void theSmtpServerDownWhileAMailIsDueFiresEmailsFailingAndDeadLetters() {
        PrometheusApi prometheus = prometheus();
        // the alert compares the failed tries of the last 10 minutes with all tries, whatever earlier tests sent:
        // each verification email fails five tries in about 30 s (then goes to the dead-letter topic), so enough
        // sign-ups make the failures at least a quarter of the window's tries
        double sent = prometheus.sum("sum(increase(notifications_emails_sent_total[10m]))");
        int signUps = (int) Math.ceil(sent / 15) + 1;
        System.out.printf(
                "monitoring: %.0f emails sent in the last 10 min, %d sign-ups with SMTP down%n", sent, signUps);
        stack.stop(LocalStack.MAIL);
        try {
            for (int i = 0; i < signUps; i++) {
                gateway.register("smtpdown" + UUID.randomUUID().toString().substring(0, 8));
            }
            prometheus.awaitFiring("ShopstackEmailsFailing", Map.of(), FIRE);
            prometheus.awaitFiring("ShopstackDeadLettersGrowing", Map.of(), FIRE);
        } finally {
            stack.start(LocalStack.MAIL);
        }
        // the failure ratio is over 10 minutes: successful sends bring it under 20 % again (the dead-letter alert
        // looks back 15 minutes and is not awaited)
        String email = null;
        long until = System.nanoTime() + RESOLVE.toNanos();
        while (prometheus.firing("ShopstackEmailsFailing", Map.of()) && System.nanoTime() < until) {
            email = gateway.register("smtpback" + UUID.randomUUID().toString().substring(0, 8));
        }
        prometheus.awaitResolved("ShopstackEmailsFailing", Map.of(), Duration.ofSeconds(30));
        if (email != null) {
            mail.await(email, "verification code", Duration.ofMinutes(1));
        }
    }

    @Test
    @Order(4)
    void everyDashboardQueryAndEveryAlertSelectorReturnsSeries() throws Exception {
        PrometheusApi prometheus = prometheus();
        int requests = load().run(1);
        Thread.sleep(
                stack.settings().monitoring().scrapeInterval().multipliedBy(3).toMillis());

        Map<String, String> sources = PromQueries.sources(ROOT.resolve("deploy/grafana/metrics-used.txt"));
        List<PromQueries.Query> dashboards = PromQueries.dashboardQueries(ROOT.resolve("deploy/grafana/dashboards"));
        List<PromQueries.Query> alerts = PromQueries.alertExpressions(ROOT.resolve("deploy/prometheus/alerts.yml"));
        List<String> empty = new ArrayList<>();
        List<String> notLocal = new ArrayList<>();
        int checked = 0;
        // alerts and annotations end in a threshold meant to be false on a healthy platform: their selectors are
        // checked one by one instead, an empty one being a rule that can never fire
        for (PromQueries.Query query : concat(dashboards, alerts)) {
            List<String> parts = query.thresholded() ? PromQueries.selectors(query.promql()) : List.of(query.promql());
            for (String promql : parts) {
                String elsewhere = notFedHere(promql, sources);
                if (elsewhere != null) {
                    notLocal.add(query.where() + " (" + elsewhere + "): " + promql);
                } else {
                    checked++;
                    if (prometheus.seriesCount(promql) == 0) {
                        empty.add(query.where() + ": " + promql);
                    }
                }
            }
        }
        System.out.printf(
                "monitoring: %d requests of mixed load; %d dashboard queries and %d alert rules; "
                        + "%d queries checked live, %d not checkable locally:%n",
                requests, dashboards.size(), alerts.size(), checked, notLocal.size());
        notLocal.forEach(line -> System.out.println("  not checkable locally: " + line));
        assertThat(empty)
                .as("queries that return no series after the mixed load")
                .isEmpty();
    }

    private static List<PromQueries.Query> concat(List<PromQueries.Query> first, List<PromQueries.Query> second) {
        List<PromQueries.Query> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static MixedLoad load() {
        return new MixedLoad(
                stack.gateway(),
                stack.names().contains(LocalStack.WEB) ? stack.web() : null,
                stack.names().contains(LocalStack.PAYMENT_SANDBOX) ? stack.paymentSandbox() : null,
                mail);
    }

    private static PrometheusApi prometheus() {
        assumeTrue(stack.settings().monitoring().enabled(), "monitoring mode only (-Dshop.e2e.monitoring=true)");
        assertThat(stack.names())
                .as("Prometheus runs (the operating system's 'prometheus' package)")
                .contains(LocalStack.PROMETHEUS);
        return new PrometheusApi(stack.prometheus());
    }

    /**
     * Why a query cannot return data in this run, or null when it can: one of its metrics comes only from
     * Kubernetes or an external exporter, or only from a process this run does not start.
     */
    private static String notFedHere(String promql, Map<String, String> sources) {
        for (String selector : PromQueries.selectors(promql)) {
            String source = sources.get(PromQueries.metric(selector));
            if (source == null || source.equals("services") || source.startsWith("rule:")) {
                continue;
            }
            if (source.contains(":")) {
                return source;
            }
            if (List.of(source.split(",")).stream().noneMatch(stack.names()::contains)) {
                return source + " not started in this run";
            }
        }
        return null;
    }

    private static boolean isAllDown(Map<String, String> alert, Map<String, String> labels) {
        return "ShopstackAllReplicasDown".equals(alert.get("alertname"))
                && alert.entrySet().containsAll(labels.entrySet());
    }
}
