package dev.shopstack.order.orders;

import dev.shopstack.events.EventTypes;
import dev.shopstack.events.Topics;
import dev.shopstack.events.order.OrderCancelled;
import dev.shopstack.events.order.OrderLine;
import dev.shopstack.events.order.OrderPlaced;
import dev.shopstack.events.order.OrderStatusChanged;
import dev.shopstack.platform.outbox.Outbox;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Writes the order's events to the outbox, inside the transaction that changes the order. */
@Component
public class OrderEvents {

    private final Outbox outbox;

    public OrderEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void placed(Order order) {
        var lines = order.getItems().stream().map(item -> new OrderLine(Long.toString(item.getProductId()),
                item.getSku(), item.getName(), item.getQuantity(), item.getUnitPrice(), item.getLineTotal())).toList();
        publish(order, EventTypes.ORDER_PLACED, new OrderPlaced(id(order), user(order), order.getCustomerEmail(),
                lines, order.getCurrency(), order.getTotal(), order.getCreatedAt()));
    }

    public void statusChanged(Order order, OrderStatus previous) {
        publish(order, EventTypes.ORDER_STATUS_CHANGED, new OrderStatusChanged(id(order), user(order),
                order.getCustomerEmail(), previous.name(), order.getStatus().name(), order.getUpdatedAt()));
    }

    void cancelled(Order order, String reason) {
        publish(order, EventTypes.ORDER_CANCELLED, new OrderCancelled(id(order), user(order),
                order.getCustomerEmail(), reason, Instant.now()));
    }

    private void publish(Order order, String type, Object data) {
        outbox.publish(Topics.ORDER_EVENTS, type, id(order), data);
    }

    private static String id(Order order) {
        return order.getId().toString();
    }

    private static String user(Order order) {
        return order.getUserId().toString();
    }
}
