package dev.shopstack.web.support;

import dev.shopstack.web.auth.SignedInUser;
import dev.shopstack.web.cart.Cart;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's header shows: who is signed in and how many items the cart holds. */
@ControllerAdvice
public class PageModel {

    @ModelAttribute("me")
    public SignedInUser me() {
        return current();
    }

    @ModelAttribute("cartCount")
    public int cartCount(HttpServletRequest request) {
        return Cart.peek(request).count();
    }

    public static SignedInUser current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof SignedInUser user ? user : null;
    }
}
