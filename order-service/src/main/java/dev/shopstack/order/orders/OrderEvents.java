package dev.shopstack.order.orders;

import dev.shopstack.events.EventType;
import dev.shopstack.events.order.OrderCancelled;
import dev.shopstack.events.order.OrderLine;
import dev.shopstack.events.order.OrderPaymentFailed;
import dev.shopstack.events.order.OrderPlaced;
import dev.shopstack.events.order.OrderRefunded;
import dev.shopstack.events.order.OrderStatusChanged;
import dev.shopstack.platform.outbox.Outbox;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Writes the order's events to the outbox, inside the transaction that changes the order. */
@Component
public class OrderEvents {

    private final Outbox outbox;
    private final Clock clock;

    public OrderEvents(Outbox outbox, Clock clock) {
        this.clock = clock;
        this.outbox = outbox;
    }

    void placed(Order order) {
        var lines = order.getItems().stream()
                .map(item -> new OrderLine(
                        Long.toString(item.getProductId()),
                        item.getSku(),
                        item.getName(),
                        item.getQuantity(),
                        item.getUnitPrice(),
                        item.getLineTotal()))
                .toList();
        publish(
                order,
                new OrderPlaced(
                        id(order),
                        user(order),
                        order.getCustomerEmail(),
                        lines,
                        order.getCurrency(),
                        order.getTotal(),
                        order.getCreatedAt()));
    }

    public void statusChanged(Order order, OrderStatus previous) {
        publish(
                order,
                new OrderStatusChanged(
                        id(order),
                        user(order),
                        order.getCustomerEmail(),
                        previous.name(),
                        order.getStatus().name(),
                        order.getUpdatedAt()));
    }

    void cancelled(Order order, String reason) {
        publish(order, new OrderCancelled(id(order), user(order), order.getCustomerEmail(), reason, clock.instant()));
    }

    /** A declined card attempt; the order stays payable. */
    public void paymentFailed(Order order, String reason) {
        publish(
                order,
                new OrderPaymentFailed(id(order), user(order), order.getCustomerEmail(), reason, clock.instant()));
    }

    /** Money went back to the customer: {@code totalRefunded} includes this refund. */
    public void refunded(
            Order order,
            UUID refundId,
            BigDecimal amount,
            String reason,
            BigDecimal totalRefunded,
            boolean fullyRefunded,
            Instant refundedAt) {
        publish(
                order,
                new OrderRefunded(
                        id(order),
                        user(order),
                        order.getCustomerEmail(),
                        refundId.toString(),
                        amount,
                        order.getCurrency(),
                        reason,
                        totalRefunded,
                        fullyRefunded,
                        refundedAt));
    }

    /** The type and topic come from the payload record, through the {@link EventType} registry. */
    private void publish(Order order, Record data) {
        EventType event = EventType.of(data);
        outbox.publish(event.topic(), event.type(), id(order), data);
    }

    private static String id(Order order) {
        return order.getId().toString();
    }

    private static String user(Order order) {
        return order.getUserId().toString();
    }
}
