package dev.shopstack.order.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MinorUnitsTest {

    @Test
    void twoDecimalCurrenciesAreCents() {
        assertThat(MinorUnits.of(new BigDecimal("25.99"), "EUR")).isEqualTo(2599);
        assertThat(MinorUnits.of(new BigDecimal("59.98"), "usd")).isEqualTo(5998);
        assertThat(MinorUnits.of(new BigDecimal("0.50"), "GBP")).isEqualTo(50);
        assertThat(MinorUnits.of(new BigDecimal("12"), "EUR")).isEqualTo(1200);
    }

    @Test
    void zeroDecimalCurrenciesHaveNoMinorUnit() {
        assertThat(MinorUnits.of(new BigDecimal("500.00"), "JPY")).isEqualTo(500);
        assertThat(MinorUnits.of(new BigDecimal("1000"), "krw")).isEqualTo(1000);
        assertThat(MinorUnits.decimals("VND")).isZero();
    }

    @Test
    void threeDecimalCurrenciesHaveThousandths() {
        assertThat(MinorUnits.of(new BigDecimal("1.50"), "KWD")).isEqualTo(1500);
        assertThat(MinorUnits.decimals("BHD")).isEqualTo(3);
    }

    @Test
    void anAmountFinerThanTheCurrencyIsRefusedNotRounded() {
        assertThatThrownBy(() -> MinorUnits.of(new BigDecimal("500.50"), "JPY"))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> MinorUnits.of(new BigDecimal("1.005"), "EUR")).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void backFromMinorUnits() {
        assertThat(MinorUnits.toAmount(2599, "EUR")).isEqualByComparingTo("25.99");
        assertThat(MinorUnits.toAmount(500, "JPY")).isEqualByComparingTo("500");
        assertThat(MinorUnits.toAmount(1500, "KWD")).isEqualByComparingTo("1.500");
    }
}
