package dev.shopstack.sandbox.intents;

import dev.shopstack.sandbox.api.Currencies;
import dev.shopstack.sandbox.api.FormParams;
import dev.shopstack.sandbox.api.ListParams;
import dev.shopstack.sandbox.api.Metadata;
import dev.shopstack.sandbox.api.StripeApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Stripe's PaymentIntents endpoints: create, retrieve, list, confirm, cancel. Requests are forms, answers JSON. */
@RestController
public class PaymentIntentController {

    private static final Set<String> CREATE = Set.of(
            "amount",
            "currency",
            "metadata",
            "description",
            "receipt_email",
            "capture_method",
            "automatic_payment_methods",
            "payment_method_types",
            "payment_method",
            "confirm",
            "return_url",
            "expand");
    private static final Set<String> CONFIRM = Set.of("payment_method", "return_url", "expand");
    private static final Set<String> CANCEL = Set.of("cancellation_reason", "expand");
    private static final Set<String> CANCELLATION_REASONS =
            Set.of("duplicate", "fraudulent", "requested_by_customer", "abandoned");

    private final PaymentIntents intents;
    private final PaymentIntentRepository repository;
    private final IntentJson json;

    public PaymentIntentController(PaymentIntents intents, PaymentIntentRepository repository, IntentJson json) {
        this.intents = intents;
        this.repository = repository;
        this.json = json;
    }

    @PostMapping("/v1/payment_intents")
    public Map<String, Object> create(HttpServletRequest request) {
        FormParams params = FormParams.parse(request.getParameterMap()).allowOnly(CREATE);
        Set<String> expand = IntentJson.expansions(params, IntentJson.INTENT_EXPANSIONS);
        Long amount = params.integer("amount");
        if (amount == null) {
            throw StripeApiException.missing("amount");
        }
        String currency = Currencies.require(params.requiredString("currency", 10), "currency");
        Currencies.checkChargeAmount(amount, currency, "amount");
        String captureMethod = params.string("capture_method", 20);
        if (captureMethod == null) {
            captureMethod = "automatic_async";
        } else if (!captureMethod.equals("automatic") && !captureMethod.equals("automatic_async")) {
            throw StripeApiException.invalid(
                    "capture_method",
                    "parameter_invalid_string",
                    "The payment sandbox "
                            + "captures automatically: capture_method must be automatic or automatic_async.");
        }
        List<String> types = params.list("payment_method_types");
        FormParams automatic = params.hash("automatic_payment_methods").allowOnly(Set.of("enabled", "allow_redirects"));
        Boolean automaticEnabled = automatic.bool("enabled");
        if (!automatic.isEmpty() && automaticEnabled == null) {
            throw StripeApiException.missing("automatic_payment_methods[enabled]");
        }
        if (!types.isEmpty() && Boolean.TRUE.equals(automaticEnabled)) {
            throw StripeApiException.invalid(
                    "payment_method_types",
                    null,
                    "You may only specify one of these "
                            + "parameters: automatic_payment_methods, payment_method_types.");
        }
        for (String type : types) {
            if (!type.equals("card")) {
                throw StripeApiException.invalid(
                        "payment_method_types",
                        "payment_method_type_invalid",
                        "The "
                                + "payment method type \"" + type.replaceAll("[^a-z_]", "?")
                                + "\" is invalid. The payment "
                                + "sandbox takes cards only.");
            }
        }
        boolean confirm = Boolean.TRUE.equals(params.bool("confirm"));
        String returnUrl = returnUrl(params);
        if (returnUrl != null && !confirm) {
            throw StripeApiException.invalid(
                    "return_url",
                    null,
                    "You can only provide return_url when confirming the PaymentIntent (confirm=true).");
        }
        String paymentMethod = params.string("payment_method", 64);
        var created = intents.create(
                new PaymentIntents.NewIntent(
                        amount,
                        currency,
                        params.string("description", 1000),
                        Metadata.from(params),
                        receiptEmail(params),
                        List.of("card"),
                        types.isEmpty() && !Boolean.FALSE.equals(automaticEnabled),
                        captureMethod),
                paymentMethod);
        if (!confirm) {
            return json.intent(created, expand);
        }
        return answer(intents.confirm(created.id(), paymentMethod), expand);
    }

    @GetMapping("/v1/payment_intents/{id}")
    public Map<String, Object> retrieve(@PathVariable String id, HttpServletRequest request) {
        FormParams params = FormParams.parse(request.getParameterMap()).allowOnly(Set.of("client_secret", "expand"));
        return json.intent(intents.find(id), IntentJson.expansions(params, IntentJson.INTENT_EXPANSIONS));
    }

    @GetMapping("/v1/payment_intents")
    public Map<String, Object> list(HttpServletRequest request) {
        FormParams params = FormParams.parse(request.getParameterMap()).allowOnly(ListParams.NAMES);
        Set<String> expand = IntentJson.expansions(params, Set.of("data.latest_charge", "data.payment_method")).stream()
                .map(field -> field.substring("data.".length()))
                .collect(Collectors.toSet());
        return repository.list(ListParams.from(params), intent -> json.intent(intent, expand));
    }

    @PostMapping("/v1/payment_intents/{id}/confirm")
    public Map<String, Object> confirm(@PathVariable String id, HttpServletRequest request) {
        FormParams params = FormParams.parse(request.getParameterMap()).allowOnly(CONFIRM);
        Set<String> expand = IntentJson.expansions(params, IntentJson.INTENT_EXPANSIONS);
        returnUrl(params);
        return answer(intents.confirm(id, params.string("payment_method", 64)), expand);
    }

    @PostMapping("/v1/payment_intents/{id}/cancel")
    public Map<String, Object> cancel(@PathVariable String id, HttpServletRequest request) {
        FormParams params = FormParams.parse(request.getParameterMap()).allowOnly(CANCEL);
        Set<String> expand = IntentJson.expansions(params, IntentJson.INTENT_EXPANSIONS);
        String reason = params.string("cancellation_reason", 40);
        if (reason != null && !CANCELLATION_REASONS.contains(reason)) {
            throw StripeApiException.invalid(
                    "cancellation_reason",
                    "parameter_invalid_string",
                    "Invalid "
                            + "cancellation_reason: must be one of duplicate, fraudulent, requested_by_customer or abandoned");
        }
        return json.intent(intents.cancel(id, reason), expand);
    }

    /** A success answers the intent; a declined card answers Stripe's 402 {@code card_error}, as the API does. */
    private Map<String, Object> answer(PaymentIntents.Attempt attempt, Set<String> expand) {
        if (!attempt.declined()) {
            return json.intent(attempt.intent(), expand);
        }
        throw new StripeApiException(
                        402,
                        "card_error",
                        "card_declined",
                        null,
                        attempt.charge().failureMessage())
                .with("charge", attempt.charge().id())
                .with("decline_code", attempt.charge().declineCode())
                .with("payment_intent", json.intent(attempt.intent()))
                .with("payment_method", attempt.method().toJson());
    }

    private static String returnUrl(FormParams params) {
        String url = params.string("return_url", 2048);
        if (url != null) {
            try {
                URI parsed = new URI(url);
                if (parsed.getScheme() == null || parsed.getHost() == null) {
                    throw new IllegalArgumentException("not absolute");
                }
            } catch (Exception invalid) {
                throw StripeApiException.invalid("return_url", "url_invalid", "Not a valid URL");
            }
        }
        return url;
    }

    private static String receiptEmail(FormParams params) {
        String email = params.string("receipt_email", 254);
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
            throw StripeApiException.invalid(
                    "receipt_email",
                    "email_invalid",
                    "Invalid email address: " + email.replaceAll("[^A-Za-z0-9@._+-]", "?"));
        }
        return email;
    }
}
