package dev.shopstack.e2e;

import dev.shopstack.local.LocalStack;
import dev.shopstack.local.StackSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.util.FileSystemUtils;

/**
 * Starts the whole platform once for all e2e tests (with the same launcher as the local run), on ports shifted by
 * 10000 so it can run beside a developer's own stack, with fresh data; in a run with browser tests, it starts while
 * they run (see {@link #startInBackground}). Closed when the test JVM finishes. The start-up cache is the machine's
 * shared one: a jar that was trained before (by ./run-local or an earlier run) is not trained again. System
 * properties: {@code shop.e2e.replicas} (instances of every service, default 1), {@code shop.e2e.monitoring}
 * (Prometheus, default false), {@code shop.e2e.zipkin} (default on).
 */
public class StackExtension implements ParameterResolver {

    static final int PORT_OFFSET = 10_000;

    /** Every e2e request comes from 127.0.0.1, one client as far as the gateway's limits go. */
    static final List<String> RELAXED_RATE_LIMITS = List.of(
            "--shop.rate-limit.login.requests=10000",
            "--shop.rate-limit.login.period=1s",
            "--shop.rate-limit.login.burst=10000",
            "--shop.rate-limit.sensitive.requests=10000",
            "--shop.rate-limit.sensitive.period=1s",
            "--shop.rate-limit.sensitive.burst=10000",
            "--shop.rate-limit.api.requests=10000",
            "--shop.rate-limit.api.period=1s",
            "--shop.rate-limit.api.burst=10000");

    /** Reservations and the payment window short enough that expiry runs while a test waits for it. */
    static final Duration RESERVATION_TTL = Duration.ofSeconds(120);

    static final Duration PAYMENT_WINDOW = Duration.ofSeconds(100);
    static final Duration EXPIRY_INTERVAL = Duration.ofSeconds(5);

    /** With monitoring, alert rules fire after at most this long instead of their production {@code for:}. */
    static final Duration ALERT_FOR_AT_MOST = Duration.ofSeconds(20);

    static final List<String> SHORT_RESERVATIONS = List.of(
            "--shop.catalog.stock.reservation-ttl=" + RESERVATION_TTL,
            "--shop.catalog.stock.expiry-interval=" + EXPIRY_INTERVAL);
    static final List<String> SHORT_PAYMENT_WINDOW = List.of(
            "--shop.orders.payment-window.duration=" + PAYMENT_WINDOW,
            "--shop.orders.payment-window.check-interval=" + EXPIRY_INTERVAL,
            "--shop.orders.stock-release.retry-interval=" + EXPIRY_INTERVAL,
            // CrashIT's burst is 80 orders of one customer; the cap of 3 itself is order-service's OrderLimitsApiTest
            "--shop.orders.limits.max-open-unpaid=100");

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return startedStack(context).stack();
    }

    /**
     * Starts the shared stack on a thread of its own, when a test of this run needs it: the browser tests call this
     * after their first class, so that the shared stack starts while they run instead of after them.
     */
    public static void startInBackground(ExtensionContext context) {
        if (SharedStackDemand.wanted()) {
            startedStack(context);
        }
    }

    private static StartedStack startedStack(ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(StartedStack.class, key -> StartedStack.begin(), StartedStack.class);
    }

    /** Closing the root store at the end of the run stops every process (after a start still under way). */
    record StartedStack(CompletableFuture<LocalStack> starting) implements AutoCloseable {

        static StartedStack begin() {
            return new StartedStack(CompletableFuture.supplyAsync(StartedStack::start, task -> {
                Thread thread = new Thread(task, "shared-e2e-stack");
                thread.setDaemon(true);
                thread.start();
            }));
        }

        /** The stack once it is up; a failed start fails every test that needs it, without a second try. */
        LocalStack stack() {
            try {
                return starting.join();
            } catch (CompletionException e) {
                // the start's own failure (an AssertionError of the warm-up, too), not the future's wrapper
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }

        private static LocalStack start() {
            Path root = Path.of(System.getProperty("shop.root", ".."))
                    .toAbsolutePath()
                    .normalize();
            Path workDir = root.resolve("e2e/target/e2e-stack");
            FileSystemUtils.deleteRecursively(workDir.toFile());
            StackSettings defaults = StackSettings.fromEnvironment(root, name -> null);
            StackSettings settings = defaults.withWorkDir(workDir)
                    .withPorts(defaults.ports().shiftedBy(PORT_OFFSET))
                    .withReplicas(Integer.getInteger("shop.e2e.replicas", 1))
                    // a shared two-core machine can be slow: a late stack is better than a failed run
                    .withStartTimeout(Duration.ofMinutes(10))
                    .withZipkin(!"off".equalsIgnoreCase(System.getProperty("shop.e2e.zipkin", "on")))
                    .withMonitoring(defaults.monitoring()
                            .withEnabled(Boolean.getBoolean("shop.e2e.monitoring"))
                            .withIntervals(Duration.ofSeconds(5), Duration.ofSeconds(5))
                            .withAlertForAtMost(ALERT_FOR_AT_MOST))
                    .withExtraArgs(Map.of(
                            LocalStack.GATEWAY,
                            RELAXED_RATE_LIMITS,
                            LocalStack.CATALOG_SERVICE,
                            SHORT_RESERVATIONS,
                            LocalStack.ORDER_SERVICE,
                            SHORT_PAYMENT_WINDOW));
            String cacheDir = System.getProperty("shop.e2e.startup-cache-dir");
            if (cacheDir != null && !cacheDir.isBlank()) {
                settings = settings.withStartupCacheDir(Path.of(cacheDir));
            }
            LocalStack stack = LocalStack.start(settings);
            System.out.println(stack.summary());
            try {
                StackWarmup.run(stack, settings.replicas());
            } catch (RuntimeException | Error e) { // the warm-up's checks throw AssertionError
                stack.close();
                throw e;
            }
            return stack;
        }

        @Override
        public void close() {
            try {
                starting.join().close();
            } catch (CompletionException failedStart) {
                // nothing was left running
            }
        }
    }
}
