package dev.shopstack.sandbox.refunds;

import dev.shopstack.sandbox.api.Json;
import java.util.Map;

/** A refund of part or all of a succeeded charge. Card refunds in the sandbox succeed at once. */
public record Refund(
        String id,
        String charge,
        String paymentIntent,
        long amount,
        String currency,
        String reason,
        String status,
        Map<String, String> metadata,
        long created) {

    public Map<String, Object> toJson() {
        return Json.object(
                "id", id,
                "object", "refund",
                "amount", amount,
                "balance_transaction", null,
                "charge", charge,
                "created", created,
                "currency", currency,
                "destination_details",
                        Json.object(
                                "card",
                                Json.object(
                                        "reference",
                                        null,
                                        "reference_status",
                                        "pending",
                                        "reference_type",
                                        "acquirer_reference_number",
                                        "type",
                                        "refund"),
                                "type",
                                "card"),
                "metadata", metadata,
                "payment_intent", paymentIntent,
                "reason", reason,
                "receipt_number", null,
                "source_transfer_reversal", null,
                "status", status,
                "transfer_reversal", null);
    }
}
