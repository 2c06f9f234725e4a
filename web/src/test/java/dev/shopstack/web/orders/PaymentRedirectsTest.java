package dev.shopstack.web.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.web.WebProperties;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PaymentRedirectsTest {

    private final PaymentRedirects redirects = new PaymentRedirects(new WebProperties(
            URI.create("http://localhost:8080"),
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            List.of(),
            List.of("http://localhost:8085"),
            false,
            "memory",
            10,
            Duration.ofMinutes(1),
            Duration.ofSeconds(30)));
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aPendingOrderGoesToItsHostedPaymentPage() {
        var order = json.readTree("""
                {"status":"PENDING_PAYMENT","payment":{"status":"REQUIRES_PAYMENT_METHOD",
                 "checkoutUrl":"http://localhost:8085/checkout/pi_1?client_secret=s&return_url=x"}}""");
        assertThat(redirects.checkoutUrl(order)).startsWith("http://localhost:8085/checkout/pi_1");
    }

    @Test
    void withoutAPaymentOrWhenPaidThereIsNothingToFollow() {
        assertThat(redirects.checkoutUrl(json.readTree("{\"status\":\"PENDING_PAYMENT\"}")))
                .isNull();
        assertThat(redirects.checkoutUrl(json.readTree("""
                {"status":"PAID","payment":{"checkoutUrl":"http://localhost:8085/checkout/pi_1"}}"""))).isNull();
    }

    @Test
    void onlyTheConfiguredPaymentOriginIsEverARedirectTarget() {
        assertThat(redirects.allowed("http://localhost:8085/checkout/pi_1")).isTrue();
        assertThat(redirects.allowed("http://localhost:8086/checkout/pi_1")).isFalse();
        assertThat(redirects.allowed("https://evil.example/checkout")).isFalse();
        assertThat(redirects.allowed("http://localhost:8085@evil.example/")).isFalse();
        assertThat(redirects.allowed("javascript:alert(1)")).isFalse();
        assertThat(redirects.allowed("//localhost:8085/x")).isFalse();
    }
}
