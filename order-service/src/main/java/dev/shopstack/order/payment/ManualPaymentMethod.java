package dev.shopstack.order.payment;

import dev.shopstack.order.orders.Order;
import dev.shopstack.platform.errors.ApiProblem;
import dev.shopstack.platform.problems.ProblemType;
import org.springframework.stereotype.Component;

/**
 * Manual/offline payments (bank transfer reconciliation, cash on delivery, card terminal): no money moves through
 * this service, an admin records that it was paid outside, with the reference of that payment (the bank transfer's).
 * Customers never use it: it would let them declare their own orders paid.
 */
@Component
public class ManualPaymentMethod implements PaymentMethod {

    public static final String METHOD = "MANUAL";

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public boolean customerInitiated() {
        return false;
    }

    @Override
    public String collect(Order order, PaymentRequest request) {
        if (request.reference() == null || request.reference().isBlank()) {
            throw ApiProblem.of(
                    ProblemType.PAYMENT_REFERENCE_REQUIRED,
                    "A manual payment needs the reference of the payment it records (e.g. the bank transfer's).");
        }
        return request.reference().strip();
    }
}
