package dev.shopstack.order.payment;

import dev.shopstack.order.orders.Order;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Manual/offline payments (bank transfer, cash on delivery, card terminal): no money moves through this service,
 * the call records that it was paid outside. The reference is the caller's (e.g. the bank transfer's), or a
 * generated {@code MAN-…} one. It trusts the caller; a shop taking online payments adds a provider for its
 * payment service.
 */
@Component
public class ManualPaymentProvider implements PaymentProvider {

    public static final String METHOD = "MANUAL";

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public String collect(Order order, PaymentRequest request) {
        return request.reference() != null && !request.reference().isBlank() ? request.reference()
                : "MAN-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
