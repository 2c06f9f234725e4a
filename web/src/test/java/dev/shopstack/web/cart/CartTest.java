package dev.shopstack.web.cart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CartTest {

    @Test
    void addingTheSameProductAddsToItsQuantityAndTotalsArePerCurrency() {
        Cart cart = new Cart();
        cart.add(1, "Lamp", new BigDecimal("24.50"), "EUR", 1);
        cart.add(1, "Lamp", new BigDecimal("24.50"), "EUR", 2);
        cart.add(2, "Chair", new BigDecimal("80.00"), "EUR", 1);
        cart.add(3, "Mug", new BigDecimal("5.00"), "USD", 2);
        assertThat(cart.lines()).hasSize(3);
        assertThat(cart.count()).isEqualTo(6);
        assertThat(cart.totals())
                .containsEntry("EUR", new BigDecimal("153.50"))
                .containsEntry("USD", new BigDecimal("10.00"));
    }

    @Test
    void quantitiesAndLinesAreBoundedLikeAnOrder() {
        Cart cart = new Cart();
        cart.add(1, "Lamp", BigDecimal.ONE, "EUR", 900);
        cart.add(1, "Lamp", BigDecimal.ONE, "EUR", 900);
        assertThat(cart.lines().get(0).quantity()).isEqualTo(Cart.MAX_QUANTITY);
        assertThat(cart.add(2, "Chair", BigDecimal.ONE, "EUR", 0)).isFalse();
        for (long id = 2; id <= Cart.MAX_LINES; id++) {
            assertThat(cart.add(id, "P" + id, BigDecimal.ONE, "EUR", 1)).isTrue();
        }
        assertThat(cart.add(Cart.MAX_LINES + 1, "One too many", BigDecimal.ONE, "EUR", 1))
                .isFalse();
        assertThat(cart.add(1, "Lamp", BigDecimal.ONE, "EUR", 1))
                .as("a product already there")
                .isTrue();
    }

    @Test
    void updatingToZeroRemovesAndTheCartSurvivesSerialization() throws Exception {
        Cart cart = new Cart();
        cart.add(1, "Lamp", new BigDecimal("24.50"), "EUR", 2);
        cart.add(2, "Chair", new BigDecimal("80.00"), "EUR", 1);
        cart.update(2, 0);
        cart.update(1, 5000);
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(cart); // a Redis session store serializes the session
        }
        try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            Cart copy = (Cart) in.readObject();
            assertThat(copy.lines()).singleElement().satisfies(line -> {
                assertThat(line.productId()).isEqualTo(1);
                assertThat(line.quantity()).isEqualTo(Cart.MAX_QUANTITY);
            });
        }
    }
}
