package dev.shopstack.web.orders;

import dev.shopstack.web.api.ApiException;
import dev.shopstack.web.api.GatewayClient;
import dev.shopstack.web.api.GatewayClient.As;
import dev.shopstack.web.cart.Cart;
import dev.shopstack.web.support.Pages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.servlet.view.RedirectView;
import tools.jackson.databind.JsonNode;

/** Checkout, order history, the order page (with payment state), cancel and retrying a payment. */
@Controller
public class OrdersController {

    private static final String CHECKOUT_KEY = "shop.checkout-key";
    static final List<String> ADDRESS_FIELDS = List.of("name", "line1", "line2", "postalCode", "city", "country");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9-]{36}");

    private final GatewayClient api;
    private final PaymentRedirects payments;

    public OrdersController(GatewayClient api, PaymentRedirects payments) {
        this.api = api;
        this.payments = payments;
    }

    @GetMapping("/checkout")
    public String checkout(HttpServletRequest request, Model model) {
        Cart cart = Cart.peek(request);
        if (cart.isEmpty()) {
            return "redirect:/cart";
        }
        model.addAttribute("cart", cart);
        model.addAttribute("address", Map.of());
        model.addAttribute("checkoutKey", checkoutKey(request.getSession(true)));
        return "orders/checkout";
    }

    /**
     * Places the order with the cart's lines. The idempotency key belongs to this checkout: submitting twice (a
     * double click, a retry after a timeout) answers the same order instead of placing a second one.
     */
    @PostMapping("/checkout")
    public ModelAndView place(@RequestParam Map<String, String> form, HttpServletRequest request, Model model) {
        Cart cart = Cart.peek(request);
        if (cart.isEmpty()) {
            return new ModelAndView("redirect:/cart");
        }
        HttpSession session = request.getSession(true);
        Map<String, String> address = new LinkedHashMap<>();
        for (String field : ADDRESS_FIELDS) {
            String value = Pages.text(form.get(field), field.equals("line1") || field.equals("line2") ? 200 : 100);
            if (value != null) {
                address.put(field, field.equals("country") ? value.toUpperCase(java.util.Locale.ROOT) : value);
            }
        }
        List<Map<String, Object>> lines = cart.lines().stream()
                .map(line -> Map.<String, Object>of("productId", line.productId(), "quantity", line.quantity()))
                .toList();
        String key = form.getOrDefault("checkoutKey", "");
        if (!KEY.matcher(key).matches()) {
            key = checkoutKey(session);
        }
        JsonNode order;
        try {
            order = api.call(
                            HttpMethod.POST,
                            "/api/orders",
                            Map.of("lines", lines, "shippingAddress", address),
                            As.USER,
                            Map.of("Idempotency-Key", key))
                    .body();
        } catch (ApiException e) {
            model.addAttribute("cart", cart);
            model.addAttribute("address", address);
            model.addAttribute(
                    "checkoutKey",
                    e.status() == 422 && e.problem().is("idempotency-key-reused") ? renewCheckoutKey(session) : key);
            Pages.showError(model, e);
            return new ModelAndView("orders/checkout", model.asMap());
        }
        cart.clear();
        cart.save(request);
        session.removeAttribute(CHECKOUT_KEY);
        String checkoutUrl = payments.checkoutUrl(order);
        return checkoutUrl != null
                ? paymentPage(checkoutUrl, order.path("id").asString())
                : new ModelAndView("redirect:/orders/" + order.path("id").asString());
    }

    @GetMapping("/orders")
    public String orders(@RequestParam(required = false) String page, Model model) {
        JsonNode orders = api.get("/api/orders?size=20&page=" + Pages.page(page), As.USER);
        model.addAttribute("orders", orders.path("content"));
        model.addAttribute("pageInfo", orders.path("page"));
        return "orders/list";
    }

    /** The order page; the emailed order link and the payment page's return ({@code ?payment=returned}) land here. */
    @GetMapping("/orders/{id}")
    public String order(@PathVariable String id, @RequestParam(required = false) String payment, Model model) {
        JsonNode order = api.get("/api/orders/" + uuid(id), As.USER);
        model.addAttribute("order", order);
        model.addAttribute("refunds", refunds(api, order.path("id").asString()));
        model.addAttribute("cancellable", cancellable(order));
        model.addAttribute("cancelRefundsCard", cancelRefundsCard(order));
        model.addAttribute("checkoutUrl", payments.checkoutUrl(order));
        model.addAttribute("returnedFromPayment", "returned".equals(payment));
        return "orders/detail";
    }

    /** The emailed "retry payment" link: straight to the payment page when the order can still be paid. */
    @GetMapping("/orders/{id}/pay")
    public ModelAndView pay(@PathVariable String id, RedirectAttributes redirect) {
        UUID orderId = uuid(id);
        JsonNode order = api.get("/api/orders/" + orderId, As.USER);
        String checkoutUrl = payments.checkoutUrl(order);
        if (checkoutUrl == null) {
            redirect.addFlashAttribute(
                    "error",
                    "PENDING_PAYMENT".equals(order.path("status").asString())
                            ? "Online payment is not available for this order yet."
                            : "This order cannot be paid any more.");
            return new ModelAndView("redirect:/orders/" + orderId);
        }
        return paymentPage(checkoutUrl, orderId.toString());
    }

    /** The payment page, told to send the browser back to this order's page, which waits for the confirmation. */
    private static ModelAndView paymentPage(String checkoutUrl, String orderId) {
        if (checkoutUrl.contains("return_url=")) {
            return external(checkoutUrl);
        }
        String back = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/orders/{id}")
                .queryParam("payment", "returned")
                .buildAndExpand(orderId)
                .toUriString();
        return external(checkoutUrl + (checkoutUrl.contains("?") ? "&" : "?") + "return_url="
                + URLEncoder.encode(back, StandardCharsets.UTF_8));
    }

    /** The payment page, exactly as the API named it (no URI-template expansion, no model in the query). */
    private static ModelAndView external(String url) {
        RedirectView view = new RedirectView(url);
        view.setExpandUriTemplateVariables(false);
        view.setExposeModelAttributes(false);
        view.setContextRelative(false);
        return new ModelAndView(view);
    }

    @PostMapping("/orders/{id}/cancel")
    public String cancel(@PathVariable String id, RedirectAttributes redirect) {
        UUID orderId = uuid(id);
        try {
            JsonNode cancelled = api.post("/api/orders/" + orderId + "/cancel", Map.of(), As.USER);
            Pages.notice(
                    redirect,
                    "REFUNDED".equals(cancelled.path("status").asString(""))
                            ? "Your order is cancelled and your payment refunded."
                            : "Your order is cancelled.");
        } catch (ApiException e) {
            Pages.flashError(redirect, e);
        }
        return "redirect:/orders/" + orderId;
    }

    /**
     * What the API lets a customer cancel: an unpaid order, or a paid one that has not shipped (its payment is then
     * refunded in full).
     */
    static boolean cancellable(JsonNode order) {
        String status = order.path("status").asString("");
        return status.equals("PENDING_PAYMENT") || status.equals("PAID");
    }

    /**
     * Whether cancelling sends the money back by itself: only a PAID order paid by card (the API refunds it to the
     * card); a payment made outside the shop is returned by the shop by hand. Orders without {@code payment.method}
     * count as card-paid when their card payment succeeded.
     */
    static boolean cancelRefundsCard(JsonNode order) {
        JsonNode payment = order.path("payment");
        if (!"PAID".equals(order.path("status").asString("")) || payment.isMissingNode() || payment.isNull()) {
            return false;
        }
        String method = payment.path("method").asString("");
        return method.isEmpty() ? "SUCCEEDED".equals(payment.path("status").asString("")) : method.equals("CARD");
    }

    /** The order's refunds and what was refunded; null when there is nothing to show (or it cannot be read now). */
    public static JsonNode refunds(GatewayClient api, String orderId) {
        try {
            JsonNode refunds = api.get("/api/orders/" + uuid(orderId) + "/refunds", As.USER);
            return refunds.path("refunds").isEmpty()
                            && refunds.path("refundable").decimalValue().signum() == 0
                    ? null
                    : refunds;
        } catch (ApiException e) {
            if (e.status() == 401) {
                throw e;
            }
            return null; // the order page still shows the order
        }
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ApiException(dev.shopstack.web.api.ApiProblem.of(404, null, null));
        }
    }

    private static String checkoutKey(HttpSession session) {
        String key = (String) session.getAttribute(CHECKOUT_KEY);
        return key != null ? key : renewCheckoutKey(session);
    }

    private static String renewCheckoutKey(HttpSession session) {
        String key = UUID.randomUUID().toString();
        session.setAttribute(CHECKOUT_KEY, key);
        return key;
    }
}
