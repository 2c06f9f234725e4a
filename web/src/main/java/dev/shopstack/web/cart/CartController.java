package dev.shopstack.web.cart;

import dev.shopstack.web.api.ApiException;
import dev.shopstack.web.api.GatewayClient;
import dev.shopstack.web.api.GatewayClient.As;
import dev.shopstack.web.support.Pages;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/** The cart: add from the product page, change quantities, remove. */
@Controller
public class CartController {

    private final GatewayClient api;

    public CartController(GatewayClient api) {
        this.api = api;
    }

    @GetMapping("/cart")
    public String cart(HttpServletRequest request, Model model) {
        Cart cart = Cart.peek(request);
        model.addAttribute("cart", cart);
        return "shop/cart";
    }

    @PostMapping("/cart/add")
    public String add(
            @RequestParam String productId,
            @RequestParam(defaultValue = "1") String quantity,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        long id = Pages.id(productId);
        int count = Math.max(1, Math.min(Cart.MAX_QUANTITY, (int) Pages.id(quantity)));
        JsonNode product;
        try {
            product = api.get("/api/products/" + id, As.ANONYMOUS);
        } catch (ApiException e) {
            Pages.flashError(redirect, e);
            return "redirect:/";
        }
        if (!product.path("active").asBoolean(false)
                || product.path("stockQuantity").asInt(0) < 1) {
            redirect.addFlashAttribute("error", "This product is not available right now.");
            return "redirect:/products/" + id;
        }
        Cart cart = Cart.of(request);
        if (!cart.add(
                id,
                product.path("name").asString(),
                product.path("price").decimalValue(),
                product.path("currency").asString(),
                count)) {
            redirect.addFlashAttribute("error", "Your cart is full (at most " + Cart.MAX_LINES + " products).");
            return "redirect:/cart";
        }
        cart.save(request);
        Pages.notice(redirect, "Added " + product.path("name").asString() + " to your cart.");
        return "redirect:/cart";
    }

    @PostMapping("/cart/update")
    public String update(@RequestParam String productId, @RequestParam String quantity, HttpServletRequest request) {
        Cart cart = Cart.of(request);
        cart.update(Pages.id(productId), (int) Math.max(-1, Math.min(Cart.MAX_QUANTITY, Pages.id(quantity))));
        cart.save(request);
        return "redirect:/cart";
    }

    @PostMapping("/cart/remove")
    public String remove(@RequestParam String productId, HttpServletRequest request) {
        Cart cart = Cart.of(request);
        cart.remove(Pages.id(productId));
        cart.save(request);
        return "redirect:/cart";
    }
}
