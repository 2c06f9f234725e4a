package dev.shopstack.sandbox.intents;

import dev.shopstack.sandbox.api.Json;
import java.util.List;
import java.util.Map;

/** A card PaymentMethod: made from a test PaymentMethod id or from the card typed on the hosted page. */
public record PaymentMethod(
        String id,
        String brand,
        String last4,
        int expMonth,
        int expYear,
        CardOutcome outcome,
        String billingName,
        long created) {

    public Map<String, Object> toJson() {
        return Json.object(
                "id",
                id,
                "object",
                "payment_method",
                "allow_redisplay",
                "unspecified",
                "billing_details",
                billingDetails(),
                "card",
                Json.object(
                        "brand",
                        brand,
                        "checks",
                        checks(),
                        "country",
                        "US",
                        "display_brand",
                        brand,
                        "exp_month",
                        expMonth,
                        "exp_year",
                        expYear,
                        "fingerprint",
                        "sandbox" + brand + last4,
                        "funding",
                        "credit",
                        "generated_from",
                        null,
                        "last4",
                        last4,
                        "networks",
                        Json.object("available", List.of(brand), "preferred", null),
                        "three_d_secure_usage",
                        Json.object("supported", true),
                        "wallet",
                        null),
                "created",
                created,
                "customer",
                null,
                "livemode",
                false,
                "metadata",
                Map.of(),
                "type",
                "card");
    }

    /** The card part of a charge's {@code payment_method_details}. */
    Map<String, Object> chargeDetails(long amount) {
        return Json.object(
                "card",
                Json.object(
                        "amount_authorized",
                        outcome.succeeds() ? amount : null,
                        "brand",
                        brand,
                        "checks",
                        checks(),
                        "country",
                        "US",
                        "exp_month",
                        expMonth,
                        "exp_year",
                        expYear,
                        "fingerprint",
                        "sandbox" + brand + last4,
                        "funding",
                        "credit",
                        "last4",
                        last4,
                        "network",
                        brand,
                        "three_d_secure",
                        null,
                        "wallet",
                        null),
                "type",
                "card");
    }

    Map<String, Object> billingDetails() {
        return Json.object("address", address(), "email", null, "name", billingName, "phone", null);
    }

    private static Map<String, Object> checks() {
        return Json.object("address_line1_check", null, "address_postal_code_check", null, "cvc_check", "pass");
    }

    private static Map<String, Object> address() {
        return Json.object(
                "city", null, "country", null, "line1", null, "line2", null, "postal_code", null, "state", null);
    }
}
