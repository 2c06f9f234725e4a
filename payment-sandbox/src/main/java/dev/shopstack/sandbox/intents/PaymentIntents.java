package dev.shopstack.sandbox.intents;

import dev.shopstack.sandbox.SandboxProperties;
import dev.shopstack.sandbox.api.Ids;
import dev.shopstack.sandbox.api.StripeApiException;
import dev.shopstack.sandbox.events.EventLog;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a PaymentIntent goes through: created, confirmed with a card (charged at once: automatic capture), canceled.
 * Every change writes its events in the same transaction, and one intent's changes queue up on its row lock.
 */
@Service
public class PaymentIntents {

    /** The outcome of a confirm: the intent after it and the charge it made (failed when the card was declined). */
    public record Attempt(PaymentIntent intent, Charge charge, PaymentMethod method) {

        public boolean declined() {
            return !charge.succeeded();
        }
    }

    /** A new intent as the API asked for it, validated; {@code paymentMethod} and {@code confirm} are optional. */
    public record NewIntent(
            long amount,
            String currency,
            String description,
            Map<String, String> metadata,
            String receiptEmail,
            List<String> paymentMethodTypes,
            boolean automaticMethods,
            String captureMethod) {}

    private final PaymentIntentRepository intents;
    private final ChargeRepository charges;
    private final PaymentMethods methods;
    private final EventLog events;
    private final IntentJson json;
    private final Clock clock;
    private final int attemptsPerIntent;

    public PaymentIntents(
            PaymentIntentRepository intents,
            ChargeRepository charges,
            PaymentMethods methods,
            EventLog events,
            IntentJson json,
            Clock clock,
            SandboxProperties properties) {
        this.intents = intents;
        this.charges = charges;
        this.methods = methods;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.attemptsPerIntent = properties.attemptsPerIntent();
    }

    @Transactional
    public PaymentIntent create(NewIntent request, String paymentMethod) {
        String id = Ids.newId("pi");
        String attached =
                paymentMethod == null ? null : methods.resolve(paymentMethod).id();
        PaymentIntent intent = new PaymentIntent(
                id,
                Ids.clientSecret(id),
                request.amount(),
                request.currency(),
                attached == null ? PaymentIntent.REQUIRES_PAYMENT_METHOD : PaymentIntent.REQUIRES_CONFIRMATION,
                request.description(),
                request.metadata(),
                request.receiptEmail(),
                request.paymentMethodTypes(),
                request.automaticMethods(),
                request.captureMethod(),
                attached,
                null,
                0,
                null,
                null,
                null,
                0,
                now());
        intents.insert(intent);
        events.record("payment_intent.created", json.intent(intent), id);
        return intent;
    }

    /** Confirms through the API: with the PaymentMethod named, or the one attached at creation. */
    @Transactional
    public Attempt confirm(String id, String paymentMethod) {
        PaymentIntent intent = lockPayable(id, "confirm");
        String reference = paymentMethod != null ? paymentMethod : intent.paymentMethod();
        if (reference == null) {
            throw StripeApiException.unexpectedState("You cannot confirm this PaymentIntent because it's missing a "
                    + "payment method. Update the PaymentIntent with a payment method and then confirm it again.");
        }
        return charge(intent, methods.resolve(reference));
    }

    /** Confirms from the hosted page with the card the customer typed; the client secret proves it is theirs. */
    @Transactional
    public Attempt confirmWithCard(String id, TestCards.Card card, int expMonth, int expYear, String name) {
        PaymentIntent intent = lockPayable(id, "confirm");
        return charge(intent, methods.create(card, expMonth, expYear, name));
    }

    @Transactional
    public PaymentIntent cancel(String id, String reason) {
        PaymentIntent intent = intents.lock(id).orElseThrow(() -> notFound(id));
        if (!PaymentIntent.CANCELABLE.contains(intent.status())) {
            throw StripeApiException.unexpectedState("You cannot cancel this PaymentIntent because it has a status of "
                    + intent.status() + ". Only a PaymentIntent with one of the following statuses may be canceled: "
                    + "requires_payment_method, requires_capture, requires_confirmation, requires_action, processing.");
        }
        PaymentIntent canceled = intent.canceled(reason, now());
        intents.update(canceled);
        events.record("payment_intent.canceled", json.intent(canceled), id);
        return canceled;
    }

    public PaymentIntent find(String id) {
        return intents.find(id).orElseThrow(() -> notFound(id));
    }

    private PaymentIntent lockPayable(String id, String action) {
        PaymentIntent intent = intents.lock(id).orElseThrow(() -> notFound(id));
        if (PaymentIntent.SUCCEEDED.equals(intent.status())) {
            throw StripeApiException.unexpectedState("You cannot " + action + " this PaymentIntent because it has "
                    + "already succeeded after being previously confirmed.");
        }
        if (!intent.payable()) {
            throw StripeApiException.unexpectedState("You cannot " + action + " this PaymentIntent because it has a "
                    + "status of " + intent.status() + ".");
        }
        if (intent.attempts() >= attemptsPerIntent) {
            throw new StripeApiException(
                    429,
                    "invalid_request_error",
                    "rate_limit",
                    null,
                    "This PaymentIntent has " + "had too many payment attempts (" + attemptsPerIntent
                            + "); create a new one.");
        }
        return intent;
    }

    private Attempt charge(PaymentIntent intent, PaymentMethod method) {
        CardOutcome outcome = method.outcome();
        Charge charge = new Charge(
                Ids.newId("ch"),
                intent.id(),
                method.id(),
                intent.amount(),
                0,
                intent.currency(),
                outcome.succeeds() ? "succeeded" : "failed",
                outcome.succeeds() ? null : "card_declined",
                outcome.declineCode(),
                outcome.succeeds() ? null : outcome.message(),
                now());
        charges.insert(charge);
        PaymentIntent after = outcome.succeeds() ? intent.succeeded(charge) : intent.failed(charge);
        intents.update(after);
        events.record(
                outcome.succeeds() ? "charge.succeeded" : "charge.failed", charge.toJson(after, method), intent.id());
        events.record(
                outcome.succeeds() ? "payment_intent.succeeded" : "payment_intent.payment_failed",
                json.intent(after),
                intent.id());
        return new Attempt(after, charge, method);
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    static StripeApiException notFound(String id) {
        return StripeApiException.notFound("intent", "payment_intent", id);
    }
}
