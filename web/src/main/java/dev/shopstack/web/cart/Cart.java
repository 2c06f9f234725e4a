package dev.shopstack.web.cart;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cart, kept in the server-side session (so it survives signing in: the session keeps its attributes when its
 * id changes). Prices are what the product page showed; the order takes its prices from the catalog. Bounded like
 * an order: at most {@value #MAX_LINES} products and {@value #MAX_QUANTITY} of each.
 */
public final class Cart implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    static final String SESSION_ATTRIBUTE = "shop.cart";
    public static final int MAX_LINES = 50;
    public static final int MAX_QUANTITY = 1000;
    private static final Cart EMPTY = new Cart();

    public record Line(long productId, String name, BigDecimal unitPrice, String currency, int quantity)
            implements Serializable {

        public BigDecimal lineTotal() {
            return unitPrice.multiply(BigDecimal.valueOf(quantity));
        }
    }

    private final Map<Long, Line> lines = new LinkedHashMap<>();

    /** The session's cart, created on first use. */
    public static Cart of(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        Cart cart = (Cart) session.getAttribute(SESSION_ATTRIBUTE);
        if (cart == null) {
            cart = new Cart();
            session.setAttribute(SESSION_ATTRIBUTE, cart);
        }
        return cart;
    }

    /** The session's cart without creating a session (an empty one when there is none). */
    public static Cart peek(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Cart cart = session == null ? null : (Cart) session.getAttribute(SESSION_ATTRIBUTE);
        return cart == null ? EMPTY : cart;
    }

    /** Stores changes (a shared session store only sees attributes that are set again). */
    public void save(HttpServletRequest request) {
        request.getSession(true).setAttribute(SESSION_ATTRIBUTE, this);
    }

    /**
     * Adds to the quantity already in the cart, capped at {@value #MAX_QUANTITY}.
     *
     * @return false when the cart is full (a new product beyond {@value #MAX_LINES}) or the quantity is not positive
     */
    public boolean add(long productId, String name, BigDecimal unitPrice, String currency, int quantity) {
        if (quantity < 1) {
            return false;
        }
        Line existing = lines.get(productId);
        if (existing == null && lines.size() >= MAX_LINES) {
            return false;
        }
        int total = Math.min(MAX_QUANTITY, (existing == null ? 0 : existing.quantity()) + quantity);
        lines.put(productId, new Line(productId, name, unitPrice, currency, total));
        return true;
    }

    /** Sets a product's quantity; zero or less removes it. */
    public void update(long productId, int quantity) {
        Line line = lines.get(productId);
        if (line == null) {
            return;
        }
        if (quantity <= 0) {
            lines.remove(productId);
        } else {
            lines.put(
                    productId,
                    new Line(
                            productId,
                            line.name(),
                            line.unitPrice(),
                            line.currency(),
                            Math.min(quantity, MAX_QUANTITY)));
        }
    }

    public void remove(long productId) {
        lines.remove(productId);
    }

    public void clear() {
        lines.clear();
    }

    public List<Line> lines() {
        return new ArrayList<>(lines.values());
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    /** How many items (the sum of quantities). */
    public int count() {
        return lines.values().stream().mapToInt(Line::quantity).sum();
    }

    /** Totals per currency (products in different currencies cannot be one order; the page says so). */
    public Map<String, BigDecimal> totals() {
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        lines.values().forEach(line -> totals.merge(line.currency(), line.lineTotal(), BigDecimal::add));
        return totals;
    }
}
