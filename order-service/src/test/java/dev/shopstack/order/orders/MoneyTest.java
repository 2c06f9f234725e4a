package dev.shopstack.order.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Amounts as orders store them: two decimals, rounded half to even. */
class MoneyTest {

    @Test
    void everyAmountHasTwoDecimalsSoEqualAmountsAreEqual() {
        assertThat(Money.amount(new BigDecimal("10")))
                .isEqualTo(new BigDecimal("10.00"))
                .hasToString("10.00");
        assertThat(Money.amount(new BigDecimal("5.5"))).isEqualTo(new BigDecimal("5.50"));
        assertThat(Money.amount(new BigDecimal("25.990"))).isEqualTo(Money.amount(new BigDecimal("25.99")));
    }

    @Test
    void halvesRoundToTheEvenCent() {
        assertThat(Money.amount(new BigDecimal("0.125"))).isEqualTo(new BigDecimal("0.12"));
        assertThat(Money.amount(new BigDecimal("0.135"))).isEqualTo(new BigDecimal("0.14"));
        assertThat(Money.amount(new BigDecimal("0.1251"))).isEqualTo(new BigDecimal("0.13"));
        assertThat(Money.amount(new BigDecimal("-0.125"))).isEqualTo(new BigDecimal("-0.12"));
    }

    @Test
    void aLineIsItsUnitPriceTimesItsQuantity() {
        OrderItem line = new OrderItem(7, "SKU-7", "Tea", new BigDecimal("19.99"), 3);

        assertThat(line.getUnitPrice()).isEqualTo(new BigDecimal("19.99"));
        assertThat(line.getLineTotal()).isEqualTo(new BigDecimal("59.97"));
    }

    @Test
    void theOrderTotalIsTheSumOfItsLinesWithTwoDecimals() {
        Order order = new Order(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "ada@example.test",
                new ShippingAddress("Ada", "1 Main St", null, "1010", "Vienna", "AT"),
                "EUR",
                List.of(
                        new OrderItem(1, "SKU-1", "Mug", new BigDecimal("19.99"), 3),
                        new OrderItem(2, "SKU-2", "Spoon", new BigDecimal("5.5"), 1),
                        new OrderItem(3, "SKU-3", "Card", new BigDecimal("0.01"), 100)),
                Instant.parse("2026-03-01T10:00:00Z"));

        assertThat(order.getTotal()).isEqualTo(new BigDecimal("66.47")).hasToString("66.47");
    }
}
