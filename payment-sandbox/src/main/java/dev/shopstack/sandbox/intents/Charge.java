package dev.shopstack.sandbox.intents;

import dev.shopstack.sandbox.api.Json;
import java.util.Map;

/** One attempt to charge a card for a PaymentIntent: {@code succeeded} or {@code failed}, then maybe refunded. */
public record Charge(
        String id,
        String paymentIntent,
        String paymentMethod,
        long amount,
        long amountRefunded,
        String currency,
        String status,
        String failureCode,
        String declineCode,
        String failureMessage,
        long created) {

    public boolean succeeded() {
        return "succeeded".equals(status);
    }

    public long refundable() {
        return succeeded() ? amount - amountRefunded : 0;
    }

    public Charge refunded(long more) {
        return new Charge(
                id,
                paymentIntent,
                paymentMethod,
                amount,
                amountRefunded + more,
                currency,
                status,
                failureCode,
                declineCode,
                failureMessage,
                created);
    }

    /** Stripe's charge object; description and metadata are the PaymentIntent's, as Stripe copies them. */
    public Map<String, Object> toJson(PaymentIntent intent, PaymentMethod method) {
        boolean paid = succeeded();
        return Json.object(
                "id",
                id,
                "object",
                "charge",
                "amount",
                amount,
                "amount_captured",
                paid ? amount : 0,
                "amount_refunded",
                amountRefunded,
                "application",
                null,
                "application_fee",
                null,
                "application_fee_amount",
                null,
                "balance_transaction",
                null,
                "billing_details",
                method.billingDetails(),
                "calculated_statement_descriptor",
                "SHOPSTACK SANDBOX",
                "captured",
                paid,
                "created",
                created,
                "currency",
                currency,
                "customer",
                null,
                "description",
                intent.description(),
                "disputed",
                false,
                "failure_balance_transaction",
                null,
                "failure_code",
                failureCode,
                "failure_message",
                failureMessage,
                "fraud_details",
                Map.of(),
                "livemode",
                false,
                "metadata",
                intent.metadata(),
                "on_behalf_of",
                null,
                "outcome",
                Json.object(
                        "network_status",
                        paid ? "approved_by_network" : "declined_by_network",
                        "reason",
                        declineCode,
                        "risk_level",
                        "normal",
                        "risk_score",
                        20,
                        "seller_message",
                        paid ? "Payment complete." : "The bank did not return any further details with this decline.",
                        "type",
                        paid ? "authorized" : "issuer_declined"),
                "paid",
                paid,
                "payment_intent",
                paymentIntent,
                "payment_method",
                paymentMethod,
                "payment_method_details",
                method.chargeDetails(amount),
                "receipt_email",
                intent.receiptEmail(),
                "receipt_number",
                null,
                "receipt_url",
                null,
                "refunded",
                paid && amountRefunded == amount,
                "review",
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
                status,
                "transfer_data",
                null,
                "transfer_group",
                null);
    }
}
