package dev.shopstack.order.payment.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeObject;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import dev.shopstack.order.payment.InvalidWebhookException;
import dev.shopstack.order.payment.PaymentProvider;
import dev.shopstack.order.payment.PaymentProviderException;
import dev.shopstack.order.payment.PaymentProviderProperties;
import java.time.Clock;
import java.util.Locale;

/** The {@link PaymentProvider} on Stripe's PaymentIntents API, through the official client. */
public class StripePaymentProvider implements PaymentProvider {

    private final StripeClient stripe;
    private final PaymentProviderProperties.Stripe properties;
    private final Clock clock;

    public StripePaymentProvider(StripeClient stripe, PaymentProviderProperties.Stripe properties, Clock clock) {
        this.stripe = stripe;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Intent create(IntentRequest request) {
        var params = PaymentIntentCreateParams.builder()
                .setAmount(request.amount())
                .setCurrency(request.currency().toLowerCase(Locale.ROOT))
                .setDescription(request.description())
                .putMetadata("order_id", request.orderId().toString())
                .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
                        .setEnabled(true)
                        .build())
                .build();
        // the same key for every attempt of this order: a retry after a timeout answers the intent already made
        var options = RequestOptions.builder()
                .setIdempotencyKey("order-" + request.orderId())
                .build();
        try {
            return view(stripe.v1().paymentIntents().create(params, options));
        } catch (StripeException e) {
            throw translate("create the payment of order " + request.orderId(), e);
        }
    }

    @Override
    public Intent retrieve(String intentId) {
        try {
            return view(stripe.v1().paymentIntents().retrieve(intentId));
        } catch (StripeException e) {
            throw translate("read " + intentId, e);
        }
    }

    @Override
    public Intent cancel(String intentId) {
        var params = PaymentIntentCancelParams.builder()
                .setCancellationReason(PaymentIntentCancelParams.CancellationReason.ABANDONED)
                .build();
        var options =
                RequestOptions.builder().setIdempotencyKey("cancel-" + intentId).build();
        try {
            return view(stripe.v1().paymentIntents().cancel(intentId, params, options));
        } catch (StripeException e) {
            throw translate("cancel " + intentId, e);
        }
    }

    @Override
    public RefundResult refund(String intentId, long amountMinor, String reason, String idempotencyKey) {
        var params = RefundCreateParams.builder()
                .setPaymentIntent(intentId)
                .setAmount(amountMinor)
                .setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER)
                .putMetadata("shop_reason", reason) // Stripe's own reasons are a fixed list; ours is free text
                .build();
        var options = RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
        try {
            return view(stripe.v1().refunds().create(params, options));
        } catch (StripeException e) {
            throw translate("refund " + intentId, e);
        }
    }

    @Override
    public RefundResult retrieveRefund(String refundId) {
        try {
            return view(stripe.v1().refunds().retrieve(refundId));
        } catch (StripeException e) {
            throw translate("read " + refundId, e);
        }
    }

    @Override
    public String signatureHeader() {
        return "Stripe-Signature";
    }

    @Override
    public Event verify(String payload, String signature) {
        com.stripe.model.Event event;
        try {
            event = Webhook.constructEvent(
                    payload,
                    signature,
                    properties.webhookSecret(),
                    properties.webhookTolerance().toSeconds(),
                    clock);
        } catch (SignatureVerificationException e) {
            throw new InvalidWebhookException("The Stripe-Signature does not match the body, or is too old.", e);
        } catch (RuntimeException notAnEvent) { // malformed JSON after a valid signature: still not accepted
            throw new InvalidWebhookException("The body is not a Stripe event.", notAnEvent);
        }
        if (event.getId() == null || event.getType() == null) {
            throw new InvalidWebhookException("The event has no id or type.", null);
        }
        StripeObject object;
        try {
            object = object(event);
        } catch (RuntimeException unreadable) { // signed, but not an object this version of the client can read
            throw new InvalidWebhookException("The event's object cannot be read.", unreadable);
        }
        Event.Kind kind = switch (event.getType()) {
            case "payment_intent.succeeded" -> Event.Kind.PAYMENT_SUCCEEDED;
            case "payment_intent.payment_failed" -> Event.Kind.PAYMENT_FAILED;
            case "charge.refunded" -> Event.Kind.REFUNDED;
            default -> Event.Kind.OTHER;
        };
        if (kind == Event.Kind.REFUNDED && object instanceof Charge charge) {
            String orderId =
                    charge.getMetadata() == null ? null : charge.getMetadata().get("order_id");
            return new Event(
                    event.getId(),
                    kind,
                    event.getType(),
                    charge.getPaymentIntent(),
                    orderId,
                    charge.getAmountRefunded() == null ? 0 : charge.getAmountRefunded(),
                    charge.getAmountCaptured() == null ? 0 : charge.getAmountCaptured(),
                    charge.getCurrency() == null ? null : charge.getCurrency().toUpperCase(Locale.ROOT),
                    null);
        }
        if (!(object instanceof PaymentIntent intent)) {
            return new Event(event.getId(), Event.Kind.OTHER, event.getType(), null, null, 0, 0, null, null);
        }
        Intent view = view(intent);
        return new Event(
                event.getId(),
                kind,
                event.getType(),
                intent.getId(),
                view.orderId(),
                view.amount(),
                view.amountReceived(),
                view.currency(),
                view.failure());
    }

    /** The event's object; one written for another API version is read anyway (its fields are the same here). */
    private static StripeObject object(com.stripe.model.Event event) {
        var data = event.getDataObjectDeserializer();
        return data.getObject().orElseGet(() -> {
            try {
                return data.deserializeUnsafe();
            } catch (EventDataObjectDeserializationException e) {
                throw new InvalidWebhookException("The event's object cannot be read.", e);
            }
        });
    }

    private static Intent view(PaymentIntent intent) {
        String checkoutUrl =
                intent.getNextAction() != null && intent.getNextAction().getRedirectToUrl() != null
                        ? intent.getNextAction().getRedirectToUrl().getUrl()
                        : null;
        String failure = intent.getLastPaymentError() != null
                ? intent.getLastPaymentError().getMessage()
                : null;
        String orderId =
                intent.getMetadata() == null ? null : intent.getMetadata().get("order_id");
        return new Intent(
                intent.getId(),
                intent.getStatus(),
                intent.getAmount() == null ? 0 : intent.getAmount(),
                intent.getAmountReceived() == null ? 0 : intent.getAmountReceived(),
                intent.getCurrency() == null ? null : intent.getCurrency().toUpperCase(Locale.ROOT),
                intent.getClientSecret(),
                checkoutUrl,
                failure,
                orderId);
    }

    private static RefundResult view(Refund refund) {
        return new RefundResult(
                refund.getId(),
                refund.getStatus(),
                refund.getAmount() == null ? 0 : refund.getAmount(),
                refund.getCurrency() == null ? null : refund.getCurrency().toUpperCase(Locale.ROOT),
                refund.getFailureReason());
    }

    /**
     * A refusal of the request itself (invalid parameters such as amount or currency, a card error) answers the
     * same however often it is sent. No answer, 429 (a RateLimitException is an InvalidRequestException), 5xx and
     * a rejected or revoked key (the shop's configuration, fixed by an operator, not the customer's fault) may pass
     * if tried again, so payments and refunds wait for it instead of failing.
     */
    private static PaymentProviderException translate(String what, StripeException e) {
        boolean refused = !(e instanceof RateLimitException)
                && (e instanceof InvalidRequestException || e instanceof CardException);
        return new PaymentProviderException("Stripe could not " + what + ": " + e.getMessage(), !refused, e);
    }
}
