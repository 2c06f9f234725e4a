package dev.shopstack.sandbox.intents;

import dev.shopstack.sandbox.api.FormParams;
import dev.shopstack.sandbox.api.StripeApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Reading the charges and PaymentMethods that confirmations made (an integration looks up the card used). */
@RestController
public class ChargeController {

    private final ChargeRepository charges;
    private final PaymentMethods methods;
    private final PaymentIntents intents;
    private final IntentJson json;

    public ChargeController(ChargeRepository charges, PaymentMethods methods, PaymentIntents intents, IntentJson json) {
        this.charges = charges;
        this.methods = methods;
        this.intents = intents;
        this.json = json;
    }

    @GetMapping("/v1/charges/{id}")
    public Map<String, Object> charge(@PathVariable String id, HttpServletRequest request) {
        FormParams params = FormParams.parse(request.getParameterMap()).allowOnly(Set.of("expand"));
        IntentJson.expansions(params, Set.of());
        Charge charge = charges.find(id).orElseThrow(() -> StripeApiException.notFound("id", "charge", id));
        return json.charge(charge, intents.find(charge.paymentIntent()));
    }

    @GetMapping("/v1/payment_methods/{id}")
    public Map<String, Object> paymentMethod(@PathVariable String id, HttpServletRequest request) {
        FormParams params = FormParams.parse(request.getParameterMap()).allowOnly(Set.of("expand"));
        IntentJson.expansions(params, Set.of());
        return methods.find(id)
                .map(PaymentMethod::toJson)
                .orElseThrow(() -> StripeApiException.notFound("payment_method", "PaymentMethod", id));
    }
}
