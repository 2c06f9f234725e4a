package dev.shopstack.order.payment;

import dev.shopstack.order.orders.Order;

/**
 * A way to collect the money for an order. Implementations are Spring beans; the request names one by
 * {@link #method()}. A provider that talks to a payment service must be idempotent by order id, since a client
 * may retry a payment whose answer it never saw.
 */
public interface PaymentMethod {

    /** The method name clients send, e.g. {@code MANUAL}. */
    String method();

    /**
     * Whether a customer may use this method on their own order. A method that does not move money itself (it only
     * records a payment made elsewhere) must answer false: a customer would be declaring their own order paid.
     */
    boolean customerInitiated();

    /** Collects (or records) the payment and answers the provider's reference for it. */
    String collect(Order order, PaymentRequest request);
}
