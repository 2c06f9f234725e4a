package dev.shopstack.sandbox.intents;

import dev.shopstack.sandbox.api.FormParams;
import dev.shopstack.sandbox.api.Json;
import dev.shopstack.sandbox.api.StripeApiException;
import dev.shopstack.sandbox.checkout.CheckoutLinks;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Renders PaymentIntents and charges as Stripe's JSON objects, with the expansions a request asked for. */
@Component
public class IntentJson {

    static final Set<String> INTENT_EXPANSIONS = Set.of("latest_charge", "payment_method");

    private final ChargeRepository charges;
    private final PaymentMethods methods;
    private final CheckoutLinks links;

    public IntentJson(ChargeRepository charges, PaymentMethods methods, CheckoutLinks links) {
        this.charges = charges;
        this.methods = methods;
        this.links = links;
    }

    /** The {@code expand[]} of a request, refused as Stripe does when a field cannot be expanded. */
    public static Set<String> expansions(FormParams params, Set<String> allowed) {
        List<String> asked = params.list("expand");
        for (String field : asked) {
            if (!allowed.contains(field)) {
                throw StripeApiException.invalid(
                        "expand",
                        null,
                        "This property cannot be expanded (" + field.replaceAll("[^a-z_.]", "?") + ").");
            }
        }
        return Set.copyOf(asked);
    }

    public Map<String, Object> intent(PaymentIntent intent) {
        return intent(intent, Set.of());
    }

    public Map<String, Object> intent(PaymentIntent intent, Set<String> expand) {
        Object latestCharge = intent.latestCharge();
        if (latestCharge != null && expand.contains("latest_charge")) {
            latestCharge = charges.find(intent.latestCharge())
                    .map(charge -> charge(charge, intent))
                    .orElse(null);
        }
        Object paymentMethod = intent.paymentMethod();
        if (paymentMethod != null && expand.contains("payment_method")) {
            paymentMethod = methods.find(intent.paymentMethod())
                    .map(PaymentMethod::toJson)
                    .orElse(null);
        }
        return Json.object(
                "id",
                intent.id(),
                "object",
                "payment_intent",
                "amount",
                intent.amount(),
                "amount_capturable",
                0,
                "amount_details",
                Json.object("tip", Map.of()),
                "amount_received",
                intent.amountReceived(),
                "application",
                null,
                "application_fee_amount",
                null,
                "automatic_payment_methods",
                intent.automaticMethods() ? Json.object("allow_redirects", "always", "enabled", true) : null,
                "canceled_at",
                intent.canceledAt(),
                "cancellation_reason",
                intent.cancellationReason(),
                "capture_method",
                intent.captureMethod(),
                "client_secret",
                intent.clientSecret(),
                "confirmation_method",
                "automatic",
                "created",
                intent.created(),
                "currency",
                intent.currency(),
                "customer",
                null,
                "description",
                intent.description(),
                "excluded_payment_method_types",
                null,
                "last_payment_error",
                lastPaymentError(intent),
                "latest_charge",
                latestCharge,
                "livemode",
                false,
                "metadata",
                intent.metadata(),
                "next_action",
                intent.payable()
                        ? Json.object(
                                "type",
                                "redirect_to_url",
                                "redirect_to_url",
                                Json.object("return_url", null, "url", links.url(intent)))
                        : null,
                "on_behalf_of",
                null,
                "payment_method",
                paymentMethod,
                "payment_method_configuration_details",
                null,
                "payment_method_options",
                Json.object(
                        "card",
                        Json.object(
                                "installments",
                                null,
                                "mandate_options",
                                null,
                                "network",
                                null,
                                "request_three_d_secure",
                                "automatic")),
                "payment_method_types",
                intent.paymentMethodTypes(),
                "processing",
                null,
                "receipt_email",
                intent.receiptEmail(),
                "review",
                null,
                "setup_future_usage",
                null,
                "shipping",
                null,
                "source",
                null,
                "statement_descriptor",
                null,
                "statement_descriptor_suffix",
                null,
                "status",
                intent.status(),
                "transfer_data",
                null,
                "transfer_group",
                null);
    }

    public Map<String, Object> charge(Charge charge, PaymentIntent intent) {
        PaymentMethod method = methods.find(charge.paymentMethod()).orElseThrow();
        return charge.toJson(intent, method);
    }

    /** Stripe's {@code last_payment_error}: the card error, with the failed charge and its PaymentMethod. */
    private Map<String, Object> lastPaymentError(PaymentIntent intent) {
        PaymentIntent.PaymentError error = intent.lastError();
        if (error == null) {
            return null;
        }
        Object method = charges.find(intent.latestCharge())
                .flatMap(charge -> methods.find(charge.paymentMethod()))
                .map(PaymentMethod::toJson)
                .orElse(null);
        return Json.object(
                "charge", intent.latestCharge(),
                "code", error.code(),
                "decline_code", error.declineCode(),
                "doc_url", "https://stripe.com/docs/error-codes/" + error.code().replace('_', '-'),
                "message", error.message(),
                "payment_method", method,
                "type", "card_error");
    }
}
