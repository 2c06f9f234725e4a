package dev.shopstack.sandbox.refunds;

import dev.shopstack.sandbox.api.Currencies;
import dev.shopstack.sandbox.api.Ids;
import dev.shopstack.sandbox.api.StripeApiException;
import dev.shopstack.sandbox.events.EventLog;
import dev.shopstack.sandbox.intents.Charge;
import dev.shopstack.sandbox.intents.ChargeRepository;
import dev.shopstack.sandbox.intents.IntentJson;
import dev.shopstack.sandbox.intents.PaymentIntent;
import dev.shopstack.sandbox.intents.PaymentIntentRepository;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refunds a succeeded charge in full or in part. The intent's row lock serializes refunds of one payment, so two
 * refunds can never together return more than was paid. Events: {@code refund.created}, then
 * {@code charge.refunded} with the charge's new {@code amount_refunded} (and {@code refunded: true} once all of it).
 */
@Service
public class Refunds {

    /** What to refund: a PaymentIntent or a charge (exactly one), and an amount (null: all that is left). */
    public record Request(
            String paymentIntent, String charge, Long amount, String reason, Map<String, String> metadata) {}

    private final PaymentIntentRepository intents;
    private final ChargeRepository charges;
    private final RefundRepository refunds;
    private final EventLog events;
    private final IntentJson json;
    private final Clock clock;

    public Refunds(
            PaymentIntentRepository intents,
            ChargeRepository charges,
            RefundRepository refunds,
            EventLog events,
            IntentJson json,
            Clock clock) {
        this.intents = intents;
        this.charges = charges;
        this.refunds = refunds;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public Refund refund(Request request) {
        PaymentIntent intent;
        Charge charge;
        if (request.paymentIntent() != null) {
            intent = intents.lock(request.paymentIntent())
                    .orElseThrow(() -> StripeApiException.notFound(
                                    "payment_intent", "payment_intent", request.paymentIntent())
                            .withStatus400());
            if (!PaymentIntent.SUCCEEDED.equals(intent.status())) {
                throw StripeApiException.invalid(
                        "payment_intent",
                        "charge_not_refundable",
                        "This PaymentIntent (" + intent.id() + ") does not have a successful charge to refund.");
            }
            charge = charges.find(intent.latestCharge()).orElseThrow();
        } else {
            String intentId = charges.find(request.charge())
                    .map(Charge::paymentIntent)
                    .orElseThrow(() -> StripeApiException.notFound("charge", "charge", request.charge())
                            .withStatus400());
            intent = intents.lock(intentId).orElseThrow();
            charge = charges.find(request.charge()).orElseThrow(); // read again under the lock
            if (!charge.succeeded()) {
                throw StripeApiException.invalid(
                        "charge",
                        "charge_not_refundable",
                        "Charge " + charge.id() + " has failed and has nothing to refund.");
            }
        }
        long refundable = charge.refundable();
        if (refundable == 0) {
            throw StripeApiException.invalid(
                    "charge", "charge_already_refunded", "Charge " + charge.id() + " has already been refunded.");
        }
        long amount = request.amount() == null ? refundable : request.amount();
        if (amount < 1) {
            throw StripeApiException.invalid(
                    "amount", "parameter_invalid_integer", "This value must be greater than or equal to 1.");
        }
        if (amount > refundable) {
            throw StripeApiException.invalid(
                    "amount",
                    "amount_too_large",
                    "Refund amount ("
                            + Currencies.format(amount, charge.currency())
                            + ") is greater than unrefunded amount on charge ("
                            + Currencies.format(refundable, charge.currency()) + ")");
        }
        Refund refund = new Refund(
                Ids.newId("re"),
                charge.id(),
                intent.id(),
                amount,
                charge.currency(),
                request.reason(),
                "succeeded",
                request.metadata(),
                clock.instant().getEpochSecond());
        refunds.insert(refund);
        Charge refunded = charge.refunded(amount);
        charges.updateRefunded(refunded);
        events.record("refund.created", refund.toJson(), intent.id());
        events.record("charge.refunded", json.charge(refunded, intent), intent.id());
        return refund;
    }
}
