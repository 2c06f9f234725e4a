package dev.shopstack.sandbox.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FormParamsTest {

    @Test
    void readsStripesBracketNotation() {
        FormParams params = FormParams.parse(Map.of(
                "amount", new String[] {"1234"},
                "metadata[order_id]", new String[] {"42"},
                "automatic_payment_methods[enabled]", new String[] {"true"},
                "expand[1]", new String[] {"payment_method"},
                "expand[0]", new String[] {"latest_charge"},
                "types[]", new String[] {"a", "b"}));

        assertThat(params.integer("amount")).isEqualTo(1234L);
        assertThat(params.hash("metadata").strings()).containsExactly(Map.entry("order_id", "42"));
        assertThat(params.hash("automatic_payment_methods").bool("enabled")).isTrue();
        assertThat(params.list("expand")).containsExactly("latest_charge", "payment_method");
        assertThat(params.list("types")).containsExactly("a", "b");
        assertThat(params.hash("missing").isEmpty()).isTrue();
    }

    @Test
    void refusesWhatStripeRefuses() {
        assertThatThrownBy(() -> FormParams.parse(Map.of("Amount", new String[] {"1"})))
                .isInstanceOf(StripeApiException.class);
        assertThatThrownBy(() -> FormParams.parse(Map.of("a[b][c][d]", new String[] {"1"})))
                .isInstanceOf(StripeApiException.class);
        assertThatThrownBy(() ->
                        FormParams.parse(Map.of("amount", new String[] {"1e3"})).integer("amount"))
                .hasMessage("Invalid integer: 1e3");
        assertThatThrownBy(() -> FormParams.parse(Map.of("confirm", new String[] {"yes"}))
                        .bool("confirm"))
                .hasMessage("Invalid boolean: yes");
        assertThatThrownBy(
                        () -> FormParams.parse(Map.of("x", new String[] {"1"})).allowOnly(java.util.Set.of("y")))
                .hasMessage("Received unknown parameter: x");
        assertThatThrownBy(() ->
                        FormParams.parse(Map.of("metadata", new String[] {"1"}, "metadata[a]", new String[] {"2"})))
                .isInstanceOf(StripeApiException.class);
    }
}
