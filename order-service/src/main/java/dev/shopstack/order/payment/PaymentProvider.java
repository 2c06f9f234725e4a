package dev.shopstack.order.payment;

import dev.shopstack.order.orders.Order;

/**
 * A way to collect the money for an order. Implementations are Spring beans; the request names one by
 * {@link #method()}. A provider that talks to a payment service must be idempotent by order id, since a client
 * may retry a payment whose answer it never saw.
 */
public interface PaymentProvider {

    /** The method name clients send, e.g. {@code MANUAL}. */
    String method();

    /** Collects (or records) the payment and answers the provider's reference for it. */
    String collect(Order order, PaymentRequest request);
}
