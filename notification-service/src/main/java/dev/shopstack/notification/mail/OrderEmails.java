package dev.shopstack.notification.mail;

import static dev.shopstack.notification.mail.EmailComposer.recipient;
import static dev.shopstack.notification.mail.EmailComposer.required;
import static dev.shopstack.notification.mail.EmailComposer.template;

import dev.shopstack.events.order.OrderCancelled;
import dev.shopstack.events.order.OrderPaymentFailed;
import dev.shopstack.events.order.OrderPlaced;
import dev.shopstack.events.order.OrderRefunded;
import dev.shopstack.events.order.OrderStatusChanged;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.util.UriUtils;

/** The emails of order events: each names the order and links to its page in the shop, where it can be acted on. */
final class OrderEmails {

    private static final Map<String, String> ORDER_STATUS_LABELS = Map.of(
            "PENDING_PAYMENT", "awaiting payment",
            "PAID", "paid",
            "SHIPPED", "shipped",
            "DELIVERED", "delivered",
            "CANCELLED", "cancelled",
            "REFUNDED", "refunded");

    private final String frontendBaseUrl;

    OrderEmails(String frontendBaseUrl) {
        this.frontendBaseUrl = frontendBaseUrl;
    }

    Email placed(OrderPlaced data) {
        String orderId = required(data.orderId(), "orderId");
        var model = new HashMap<String, Object>();
        model.put("orderId", orderId);
        model.put("lines", data.lines() == null ? List.of() : data.lines());
        model.put("currency", required(data.currency(), "currency"));
        model.put("total", required(data.total(), "total"));
        model.put("orderLink", orderLink(orderId));
        return new Email(recipient(data.email()), "Your Shopstack order " + orderId, template(data), model);
    }

    Email statusChanged(OrderStatusChanged data) {
        String orderId = required(data.orderId(), "orderId");
        String status = required(data.status(), "status");
        String label = ORDER_STATUS_LABELS.getOrDefault(status, status.toLowerCase(Locale.ROOT));
        var model = new HashMap<String, Object>();
        model.put("orderId", orderId);
        model.put("status", label);
        model.put("orderLink", orderLink(orderId));
        return new Email(
                recipient(data.email()), "Your Shopstack order " + orderId + " is " + label, template(data), model);
    }

    Email cancelled(OrderCancelled data) {
        String orderId = required(data.orderId(), "orderId");
        var model = new HashMap<String, Object>();
        model.put("orderId", orderId);
        model.put("reason", data.reason());
        model.put("orderLink", orderLink(orderId));
        return new Email(
                recipient(data.email()), "Your Shopstack order " + orderId + " was cancelled", template(data), model);
    }

    /** The order is still payable: the link leads back to it, where it can be paid with another card. */
    Email paymentFailed(OrderPaymentFailed data) {
        String orderId = required(data.orderId(), "orderId");
        var model = new HashMap<String, Object>();
        model.put("orderId", orderId);
        model.put("reason", data.reason());
        model.put("orderLink", orderLink(orderId));
        return new Email(
                recipient(data.email()),
                "Your payment for Shopstack order " + orderId + " failed",
                template(data),
                model);
    }

    /** Money on its way back: how much, why, and what was refunded of the order in all. */
    Email refunded(OrderRefunded data) {
        String orderId = required(data.orderId(), "orderId");
        var model = new HashMap<String, Object>();
        model.put("orderId", orderId);
        model.put("amount", required(data.amount(), "amount"));
        model.put("currency", required(data.currency(), "currency"));
        model.put("reason", data.reason());
        model.put("totalRefunded", data.totalRefunded());
        model.put("fullyRefunded", data.fullyRefunded());
        model.put("orderLink", orderLink(orderId));
        return new Email(
                recipient(data.email()),
                "Your Shopstack order " + orderId + " was refunded" + (data.fullyRefunded() ? "" : " in part"),
                template(data),
                model);
    }

    private String orderLink(String orderId) {
        return frontendBaseUrl + "/orders/" + UriUtils.encodePathSegment(orderId, "UTF-8");
    }
}
