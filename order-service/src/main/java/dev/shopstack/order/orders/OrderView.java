package dev.shopstack.order.orders;

import dev.shopstack.platform.caller.Caller;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order with its lines, as the API shows it.
 *
 * @param refunds what was given back of its payment; only on the order's own view ({@code GET /api/orders/{id}}
 *     and cancelling), null elsewhere
 */
public record OrderView(
        UUID id,
        UUID userId,
        String email,
        OrderStatus status,
        List<Line> lines,
        String currency,
        BigDecimal total,
        ShippingAddress shippingAddress,
        Instant createdAt,
        Instant updatedAt,
        Payment payment,
        Refunds refunds) {

    /**
     * The card payment: what a client needs to pay (the client secret for Stripe.js, or the sandbox's card page),
     * while the order can be paid. Null for orders placed before card payments.
     *
     * @param status {@link CardPayment.State}: {@code INTENT_PENDING} while the provider has not created it yet
     * @param amount what is charged, in the currency's minor units (JPY 500 is 500, EUR 25.99 is 2599)
     * @param failure why the last card attempt failed; for a payment under review, the reason to admins and
     *     {@link #UNDER_REVIEW} to the customer (reasons are internal: amounts, ids, stock)
     * @param method how it was paid ({@code CARD}, or {@code MANUAL} when an admin recorded it), {@code CARD} while
     *     unpaid; only on the order's own view
     * @param intentId the provider's PaymentIntent id, to admins only
     */
    public record Payment(
            String status,
            String clientSecret,
            String checkoutUrl,
            Long amount,
            String currency,
            String failure,
            String method,
            String intentId) {

        public static final String UNDER_REVIEW = "The payment is under review.";

        static Payment of(Order order) {
            CardPayment card = order.getCardPayment();
            if (card == null || card.getState() == null) {
                return null;
            }
            boolean payable = order.getStatus() == OrderStatus.PENDING_PAYMENT
                    && (card.getState() == CardPayment.State.REQUIRES_PAYMENT
                            || card.getState() == CardPayment.State.FAILED);
            Long amount;
            try {
                amount = MinorUnits.of(order.getTotal(), order.getCurrency());
            } catch (ArithmeticException notChargeable) {
                amount = null;
            }
            return new Payment(
                    card.getState().name(),
                    payable ? card.getClientSecret() : null,
                    payable ? card.getCheckoutUrl() : null,
                    amount,
                    order.getCurrency(),
                    card.getState() == CardPayment.State.INTENT_PENDING ? null : card.getFailure(),
                    null,
                    card.getIntentId());
        }

        private Payment with(String method, String failure, String intentId) {
            return new Payment(status, clientSecret, checkoutUrl, amount, currency, failure, method, intentId);
        }
    }

    /**
     * @param refunded what the provider confirmed (or an admin recorded) as given back, in the order's currency
     * @param items every refund, oldest first
     */
    public record Refunds(BigDecimal refunded, String currency, List<Refund> items) {

        static Refunds of(List<Refund> items, String currency) {
            BigDecimal refunded = items.stream()
                    .filter(r -> "SUCCEEDED".equals(r.status()))
                    .map(Refund::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            return new Refunds(refunded, currency, items);
        }
    }

    /**
     * @param status {@code REQUESTED}, {@code SUCCEEDED} or {@code FAILED}
     * @param providerRefundId the provider's refund id, to admins only
     */
    public record Refund(
            UUID id, BigDecimal amount, String reason, String status, Instant createdAt, String providerRefundId) {}

    public record Line(
            long productId, String sku, String name, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {}

    /**
     * What this caller may see: a customer sees neither why a payment is under review nor the provider's ids
     * (admins look those up at the provider; a customer has no use for them).
     */
    public OrderView forCaller(Caller caller) {
        if (caller.admin()) {
            return this;
        }
        Payment shown = payment == null
                ? null
                : payment.with(
                        payment.method(),
                        CardPayment.State.REVIEW.name().equals(payment.status())
                                ? Payment.UNDER_REVIEW
                                : payment.failure(),
                        null);
        Refunds shownRefunds = refunds == null
                ? null
                : new Refunds(
                        refunds.refunded(),
                        refunds.currency(),
                        refunds.items().stream()
                                .map(r -> new Refund(r.id(), r.amount(), r.reason(), r.status(), r.createdAt(), null))
                                .toList());
        return withPaymentAndRefunds(shown, shownRefunds);
    }

    /** The order's own view: how it was paid and its refunds, as the payments feature recorded them. */
    OrderView with(PaymentRecords.Recorded recorded) {
        Payment shown = payment == null
                ? null
                : payment.with(
                        recorded.method() != null ? recorded.method() : "CARD", payment.failure(), payment.intentId());
        return withPaymentAndRefunds(shown, Refunds.of(recorded.refunds(), currency));
    }

    private OrderView withPaymentAndRefunds(Payment shownPayment, Refunds shownRefunds) {
        return new OrderView(
                id,
                userId,
                email,
                status,
                lines,
                currency,
                total,
                shippingAddress,
                createdAt,
                updatedAt,
                shownPayment,
                shownRefunds);
    }

    public static OrderView of(Order order) {
        return new OrderView(
                order.getId(),
                order.getUserId(),
                order.getCustomerEmail(),
                order.getStatus(),
                order.getItems().stream()
                        .map(item -> new Line(
                                item.getProductId(),
                                item.getSku(),
                                item.getName(),
                                item.getQuantity(),
                                item.getUnitPrice(),
                                item.getLineTotal()))
                        .toList(),
                order.getCurrency(),
                order.getTotal(),
                order.getShippingAddress(),
                order.getCreatedAt(),
                order.getUpdatedAt(),
                Payment.of(order),
                null);
    }
}
