package dev.shopstack.sandbox.webhooks;

import dev.shopstack.sandbox.SandboxProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends pending webhooks as Stripe does: POSTed JSON, signed at each attempt with that attempt's timestamp, retried
 * with a doubling back-off until the endpoint answers 2xx or the event is too old ({@code give-up-after}). One
 * PaymentIntent's events go out in the order they happened. The queue is in the database, so a restart of the
 * sandbox resumes it. One sender at a time: the sandbox runs as a single instance.
 */
@Component
public class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int FLUSH_LIMIT = 1000;

    /** What one run of the sender did. */
    public record Run(int delivered, int failed) {}

    private final WebhookDeliveries deliveries;
    private final WebhookSigner signer;
    private final SandboxProperties.Webhooks settings;
    private final URI endpoint;
    private final Clock clock;
    private final MeterRegistry meters;
    private final HttpClient http;
    private final AtomicBoolean paused = new AtomicBoolean();
    private final ReentrantLock sending = new ReentrantLock();

    public WebhookDispatcher(
            WebhookDeliveries deliveries,
            WebhookSigner signer,
            SandboxProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.deliveries = deliveries;
        this.signer = signer;
        this.settings = properties.webhooks();
        this.endpoint = properties.webhookUrl();
        this.clock = clock;
        this.meters = meters;
        Gauge.builder("sandbox.webhooks.pending", deliveries, WebhookDeliveries::pending)
                .description("webhooks waiting for a (next) attempt")
                .register(meters);
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Scheduled(fixedDelayString = "${shop.sandbox.webhooks.poll-interval:250ms}")
    public void deliverDue() {
        if (!paused.get()) {
            send(false, settings.batch());
        }
    }

    /** Attempts pending deliveries now, in order, whatever their back-off and even while paused (at most 1,000). */
    public Run flush() {
        return send(true, FLUSH_LIMIT);
    }

    /**
     * Holds deliveries back. Answers only once a scheduled run already under way has finished, so no event created
     * after this call goes out before {@link #resume()} (a run that began before the pause would otherwise pick it up).
     */
    public void pause() {
        paused.set(true);
        sending.lock();
        sending.unlock();
    }

    public void resume() {
        paused.set(false);
    }

    public boolean paused() {
        return paused.get();
    }

    /**
     * Sends until nothing more is due or {@code limit} attempts were made. A delivered event lets the next one of its
     * PaymentIntent go in the same run; a failed one holds its PaymentIntent's later events back.
     */
    private Run send(boolean ignoreSchedule, int limit) {
        sending.lock();
        try {
            int delivered = 0;
            int failed = 0;
            Set<Long> triedThisRun = new HashSet<>();
            boolean progress = true;
            // a scheduled run stops at a pause, even one that came while it waited for the lock
            while (progress && delivered + failed < limit && (ignoreSchedule || !paused.get())) {
                progress = false;
                List<WebhookDeliveries.Due> due = deliveries.due(
                        ignoreSchedule ? null : clock.instant(),
                        Math.min(settings.batch(), limit - delivered - failed));
                for (WebhookDeliveries.Due delivery : due) {
                    if (!triedThisRun.add(delivery.id())) {
                        continue;
                    }
                    if (attempt(delivery)) {
                        delivered++;
                        progress = true;
                    } else {
                        failed++;
                    }
                }
            }
            return new Run(delivered, failed);
        } finally {
            sending.unlock();
        }
    }

    private boolean attempt(WebhookDeliveries.Due delivery) {
        Instant now = clock.instant();
        Integer status = null;
        String error;
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                    .timeout(settings.timeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                    .header("Stripe-Signature", signer.header(delivery.payload(), now.getEpochSecond()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
                    .build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                deliveries.delivered(delivery.id(), status, now);
                meters.counter("sandbox.webhooks.deliveries", "outcome", "delivered")
                        .increment();
                return true;
            }
            error = "HTTP " + status;
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        boolean giveUp = delivery.createdAt().plus(settings.giveUpAfter()).isBefore(now);
        Instant next = giveUp ? null : now.plus(backoff(delivery.attempts() + 1));
        deliveries.failed(delivery.id(), status, error.length() > 200 ? error.substring(0, 200) : error, now, next);
        meters.counter("sandbox.webhooks.deliveries", "outcome", giveUp ? "given_up" : "failed")
                .increment();
        log.info(
                "Webhook {} to {} failed (attempt {}): {}{}",
                delivery.eventId(),
                endpoint,
                delivery.attempts() + 1,
                error,
                giveUp ? "; given up" : "; next attempt at " + next);
        return false;
    }

    /** initial-backoff, doubled per failed attempt, at most max-backoff. */
    Duration backoff(int failedAttempts) {
        Duration wait = settings.initialBackoff();
        for (int i = 1; i < failedAttempts && wait.compareTo(settings.maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait;
    }
}
