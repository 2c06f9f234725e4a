package dev.shopstack.web.admin;

import dev.shopstack.web.api.ApiException;
import dev.shopstack.web.api.GatewayClient;
import dev.shopstack.web.api.GatewayClient.As;
import dev.shopstack.web.orders.OrdersController;
import dev.shopstack.web.support.Pages;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/** Admin console: orders (filter by status, change status, refund a paid order in full or in part). */
@Controller
public class AdminOrdersController {

    /** What an admin can set; REFUNDED comes only from refunds that cover the payment. */
    static final List<String> STATUSES = List.of("PENDING_PAYMENT", "PAID", "SHIPPED", "DELIVERED", "CANCELLED");

    static final List<String> FILTERS =
            List.of("PENDING_PAYMENT", "PAID", "SHIPPED", "DELIVERED", "CANCELLED", "REFUNDED");

    private final GatewayClient api;

    public AdminOrdersController(GatewayClient api) {
        this.api = api;
    }

    @GetMapping("/admin/orders")
    public String orders(
            @RequestParam(required = false) String status, @RequestParam(required = false) String page, Model model) {
        String wanted = status != null && FILTERS.contains(status) ? status : null;
        var uri = Pages.api("/api/orders").queryParam("size", 20).queryParam("page", Pages.page(page));
        if (wanted != null) {
            uri.queryParam("status", wanted);
        }
        JsonNode orders = api.get(Pages.uri(uri), As.USER);
        model.addAttribute("status", wanted);
        model.addAttribute("statuses", FILTERS);
        model.addAttribute("orders", orders.path("content"));
        model.addAttribute("pageInfo", orders.path("page"));
        return "admin/orders";
    }

    @GetMapping("/admin/orders/{id}")
    public String order(@PathVariable String id, Model model) {
        JsonNode order = api.get("/api/orders/" + AdminUsersController.uuid(id), As.USER);
        JsonNode refunds = OrdersController.refunds(api, order.path("id").asString());
        model.addAttribute("order", order);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("refunds", refunds);
        model.addAttribute("refundable", refundable(refunds));
        return "admin/order";
    }

    @PostMapping("/admin/orders/{id}/status")
    public String status(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String status,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        UUID orderId = AdminUsersController.uuid(id);
        if (!STATUSES.contains(status)) {
            redirect.addFlashAttribute("error", "Please choose a status.");
            return "redirect:/admin/orders/" + orderId;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        if (Pages.text(reason, 200) != null) {
            body.put("reason", Pages.text(reason, 200));
        }
        try {
            api.call(HttpMethod.PATCH, "/api/orders/" + orderId + "/status", body, As.USER, Map.of());
            Pages.notice(
                    redirect, "The order is now " + status.replace('_', ' ').toLowerCase() + ".");
        } catch (ApiException e) {
            e.rethrowSignInAndServerErrors();
            redirect.addFlashAttribute(
                    "error",
                    e.status() == 409
                            ? "This order cannot go to " + status + " from where it is now. "
                                    + orEmpty(e.problem().detail())
                            : e.problem().message());
        }
        return "redirect:/admin/orders/" + orderId;
    }

    /**
     * A full or partial refund. An empty amount refunds all that is left; a payment received outside the shop
     * needs the reference of the money sent back.
     */
    @PostMapping("/admin/orders/{id}/refund")
    public String refund(
            @PathVariable String id,
            @RequestParam(required = false) String amount,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String reference,
            RedirectAttributes redirect) {
        UUID orderId = AdminUsersController.uuid(id);
        Map<String, Object> body = new LinkedHashMap<>();
        BigDecimal value = amount == null || amount.isBlank() ? rest(orderId) : Pages.amount(amount);
        if (value == null) {
            redirect.addFlashAttribute("error", "Please enter the amount to refund, like 12.50.");
            return "redirect:/admin/orders/" + orderId;
        }
        body.put("amount", value.toPlainString());
        body.put("reason", Pages.text(reason, 200) == null ? "" : Pages.text(reason, 200));
        if (Pages.text(reference, 100) != null) {
            body.put("reference", Pages.text(reference, 100));
        }
        try {
            JsonNode refund = api.post("/api/orders/" + orderId + "/refunds", body, As.USER);
            Pages.notice(
                    redirect,
                    "SUCCEEDED".equals(refund.path("status").asString(""))
                            ? "Refunded " + value.toPlainString() + "."
                            : "The refund of " + value.toPlainString()
                                    + " is requested; the provider has not confirmed it yet.");
        } catch (ApiException e) {
            e.rethrowSignInAndServerErrors();
            Pages.flashError(redirect, e);
        }
        return "redirect:/admin/orders/" + orderId;
    }

    /** All that may still be refunded, or null when nothing may. */
    private BigDecimal rest(UUID orderId) {
        JsonNode refunds = OrdersController.refunds(api, orderId.toString());
        return refundable(refunds) ? refunds.path("refundable").decimalValue() : null;
    }

    /** Paid, and not refunded in full (or requested so) yet. */
    static boolean refundable(JsonNode refunds) {
        return refunds != null && refunds.path("refundable").decimalValue().signum() > 0;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
