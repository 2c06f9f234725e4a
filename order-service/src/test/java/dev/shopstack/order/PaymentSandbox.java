package dev.shopstack.order;

import dev.shopstack.platform.test.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The real payment-sandbox, run as a process from its jar (built by
 * {@code ./mvnw -q -pl payment-sandbox -am -DskipTests package}), once per test JVM: order-service's stripe
 * adapter talks to it exactly as it talks to api.stripe.com, and its signed webhooks go to {@link WebhookRelay}.
 */
public final class PaymentSandbox {

    public static final String SECRET_KEY = "sk_test_sandbox_local";
    public static final String WEBHOOK_SECRET = "whsec_sandbox_local";
    private static final Path JAR = Path.of("../payment-sandbox/target/payment-sandbox.jar");

    private static PaymentSandbox running;

    private final int port;
    private final Process process;

    private PaymentSandbox(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    /** Starts it on first use; later calls answer the same process. */
    public static synchronized PaymentSandbox get(String webhookUrl) {
        if (running == null) {
            running = start(webhookUrl);
        }
        return running;
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    private static PaymentSandbox start(String webhookUrl) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: build it first with "
                    + "./mvnw -q -pl payment-sandbox -am -DskipTests package");
        }
        try {
            int port = Ports.unused();
            Path dataDir = Files.createTempDirectory("payment-sandbox");
            Path log = Path.of("target", "payment-sandbox.log");
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder builder = new ProcessBuilder(List.of(
                            java,
                            "-XX:+UseSerialGC",
                            "-Xmx192m",
                            "-XX:TieredStopAtLevel=1",
                            "-jar",
                            JAR.toString(),
                            "--server.port=" + port,
                            "--server.address=127.0.0.1",
                            "--shop.sandbox.webhook-url=" + webhookUrl,
                            "--shop.sandbox.webhooks.poll-interval=50ms",
                            "--shop.sandbox.webhooks.initial-backoff=200ms",
                            "--shop.sandbox.webhooks.max-backoff=1s"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("SHOP_DATA_DIR", dataDir.toString());
            builder.environment().put("STRIPE_SECRET_KEY", SECRET_KEY);
            builder.environment().put("STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET);
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            PaymentSandbox sandbox = new PaymentSandbox(port, process);
            sandbox.awaitReady(log);
            return sandbox;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Path log) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("payment-sandbox exited; see " + log.toAbsolutePath());
            }
            try {
                var response = http.send(
                        HttpRequest.newBuilder(URI.create(base() + "/actuator/health/readiness"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        process.destroy();
        throw new IllegalStateException("payment-sandbox did not get ready in 120 s; see " + log.toAbsolutePath());
    }
}
