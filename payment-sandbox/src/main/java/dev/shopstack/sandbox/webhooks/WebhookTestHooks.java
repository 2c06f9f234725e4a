package dev.shopstack.sandbox.webhooks;

import dev.shopstack.sandbox.api.FormParams;
import dev.shopstack.sandbox.api.Json;
import dev.shopstack.sandbox.api.StripeApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test hooks that exist only in the sandbox (same secret key as the API): hold webhooks back, lose them, send them
 * at once, send one again, and see what was sent. docs/payments.md shows which test needs which.
 */
@RestController
@RequestMapping("/sandbox/webhooks")
public class WebhookTestHooks {

    private final WebhookDispatcher dispatcher;
    private final WebhookDeliveries deliveries;
    private final Clock clock;

    public WebhookTestHooks(WebhookDispatcher dispatcher, WebhookDeliveries deliveries, Clock clock) {
        this.dispatcher = dispatcher;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** Holds every webhook back (they queue up) until {@code resume} or {@code flush}. */
    @PostMapping("/pause")
    public Map<String, Object> pause() {
        dispatcher.pause();
        return state();
    }

    @PostMapping("/resume")
    public Map<String, Object> resume() {
        dispatcher.resume();
        return state();
    }

    /** Sends every pending webhook now, ignoring back-off and pause; answers how many went through. */
    @PostMapping("/flush")
    public Map<String, Object> flush() {
        WebhookDispatcher.Run run = dispatcher.flush();
        return Map.of(
                "delivered",
                run.delivered(),
                "failed",
                run.failed(),
                "paused",
                dispatcher.paused(),
                "pending",
                deliveries.pending());
    }

    /** Drops the pending webhooks (of one PaymentIntent with {@code payment_intent=pi_...}): a lost webhook. */
    @PostMapping("/discard")
    public Map<String, Object> discard(HttpServletRequest request) {
        FormParams params = FormParams.parse(request.getParameterMap()).allowOnly(Set.of("payment_intent"));
        return Map.of("discarded", deliveries.discard(params.string("payment_intent", 64)));
    }

    /** Queues an event's webhook again (a replay: same event id, new signature). */
    @PostMapping("/resend/{eventId}")
    public Map<String, Object> resend(@PathVariable String eventId) {
        if (!deliveries.resend(eventId, clock.instant())) {
            throw StripeApiException.notFound("id", "event", eventId);
        }
        return Map.of("event", eventId, "pending", deliveries.pending());
    }

    /** The latest deliveries, newest first ({@code payment_intent}, {@code limit} up to 100). */
    @GetMapping("/deliveries")
    public Map<String, Object> list(HttpServletRequest request) {
        FormParams params = FormParams.parse(request.getParameterMap()).allowOnly(Set.of("payment_intent", "limit"));
        Long limit = params.integer("limit");
        if (limit != null && (limit < 1 || limit > 100)) {
            throw StripeApiException.invalid("limit", "parameter_invalid_integer", "limit must be between 1 and 100");
        }
        List<WebhookDeliveries.View> latest =
                deliveries.latest(params.string("payment_intent", 64), limit == null ? 20 : limit.intValue());
        List<Map<String, Object>> data = latest.stream()
                .map(view -> Json.object(
                        "event", view.eventId(),
                        "type", view.type(),
                        "payment_intent", view.paymentIntent(),
                        "state", view.state(),
                        "attempts", view.attempts(),
                        "last_status", view.lastStatus(),
                        "last_error", view.lastError(),
                        "next_attempt_at", view.nextAttemptAt().getEpochSecond()))
                .toList();
        return Map.of("data", data, "paused", dispatcher.paused(), "pending", deliveries.pending());
    }

    private Map<String, Object> state() {
        return Map.of("paused", dispatcher.paused(), "pending", deliveries.pending());
    }
}
