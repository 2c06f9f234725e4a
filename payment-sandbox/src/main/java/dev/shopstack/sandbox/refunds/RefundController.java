package dev.shopstack.sandbox.refunds;

import dev.shopstack.sandbox.api.FormParams;
import dev.shopstack.sandbox.api.ListParams;
import dev.shopstack.sandbox.api.Metadata;
import dev.shopstack.sandbox.api.StripeApiException;
import dev.shopstack.sandbox.intents.IntentJson;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Stripe's refunds endpoints: create (in full or in part), retrieve, list by PaymentIntent or charge. */
@RestController
public class RefundController {

    private static final Set<String> CREATE =
            Set.of("payment_intent", "charge", "amount", "reason", "metadata", "expand");
    private static final Set<String> REASONS = Set.of("duplicate", "fraudulent", "requested_by_customer");

    private final Refunds refunds;
    private final RefundRepository repository;

    public RefundController(Refunds refunds, RefundRepository repository) {
        this.refunds = refunds;
        this.repository = repository;
    }

    @PostMapping("/v1/refunds")
    public Map<String, Object> create(HttpServletRequest request) {
        FormParams params = FormParams.parse(request.getParameterMap()).allowOnly(CREATE);
        IntentJson.expansions(params, Set.of());
        String paymentIntent = params.string("payment_intent", 64);
        String charge = params.string("charge", 64);
        if ((paymentIntent == null) == (charge == null)) {
            throw StripeApiException.invalid(
                    paymentIntent == null ? "charge" : "payment_intent",
                    null,
                    "One of the following params should be provided for this request: payment_intent or charge.");
        }
        String reason = params.string("reason", 40);
        if (reason != null && !REASONS.contains(reason)) {
            throw StripeApiException.invalid(
                    "reason",
                    "parameter_invalid_string",
                    "Invalid reason: must be one of duplicate, fraudulent or requested_by_customer");
        }
        return refunds.refund(new Refunds.Request(
                        paymentIntent, charge, params.integer("amount"), reason, Metadata.from(params)))
                .toJson();
    }

    @GetMapping("/v1/refunds/{id}")
    public Map<String, Object> retrieve(@PathVariable String id, HttpServletRequest request) {
        FormParams params = FormParams.parse(request.getParameterMap()).allowOnly(Set.of("expand"));
        IntentJson.expansions(params, Set.of());
        return repository
                .find(id)
                .map(Refund::toJson)
                .orElseThrow(() -> StripeApiException.notFound("id", "refund", id));
    }

    @GetMapping("/v1/refunds")
    public Map<String, Object> list(HttpServletRequest request) {
        Set<String> names = new HashSet<>(ListParams.NAMES);
        names.addAll(Set.of("payment_intent", "charge"));
        FormParams params = FormParams.parse(request.getParameterMap()).allowOnly(names);
        IntentJson.expansions(params, Set.of());
        return repository.list(
                ListParams.from(params), params.string("payment_intent", 64), params.string("charge", 64));
    }
}
