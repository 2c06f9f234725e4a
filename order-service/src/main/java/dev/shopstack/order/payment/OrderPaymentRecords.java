package dev.shopstack.order.payment;

import dev.shopstack.order.orders.Order;
import dev.shopstack.order.orders.OrderView;
import dev.shopstack.order.orders.PaymentRecords;
import org.springframework.stereotype.Component;

/** The order's payment record and refunds, for the order's own view. */
@Component
class OrderPaymentRecords implements PaymentRecords {

    private final PaymentRepository payments;
    private final RefundRepository refunds;

    OrderPaymentRecords(PaymentRepository payments, RefundRepository refunds) {
        this.payments = payments;
        this.refunds = refunds;
    }

    @Override
    public Recorded of(Order order) {
        String method = payments.findByOrderId(order.getId())
                .map(Payment::view)
                .map(PaymentView::method)
                .orElse(null);
        return new Recorded(
                method,
                refunds.findByOrderIdOrderByCreatedAtAscIdAsc(order.getId()).stream()
                        .map(r -> new OrderView.Refund(
                                r.getId(),
                                r.getAmount(),
                                r.getReason(),
                                r.getStatus().name(),
                                r.getCreatedAt(),
                                r.getProviderRefundId()))
                        .toList());
    }
}
