package dev.shopstack.order.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.order.payment.PaymentProvider;
import dev.shopstack.order.payment.PaymentProviderProperties;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** What the stripe adapter refuses to start with: no secrets anywhere, a sandbox in prod unless allowed. */
class StripeConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PaymentProviderProperties.class)
    static class Properties {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, StripeConfiguration.class)
            .withBean(Clock.class, Clock::systemUTC);

    private ApplicationContextRunner prod(String... properties) {
        return runner.withInitializer(context -> context.getEnvironment().setActiveProfiles("prod"))
                .withPropertyValues(
                        "shop.payments.stripe.secret-key=sk_live_0123456789abcdefghij",
                        "shop.payments.stripe.webhook-secret=whsec_0123456789abcdefghij")
                .withPropertyValues(properties);
    }

    @Test
    void prodRefusesToPayThroughAnythingButStripe() {
        prod("shop.payments.stripe.api-base=http://payment-sandbox:8085")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("only pays through https://api.stripe.com"));
        prod("shop.payments.stripe.api-base=https://api.stripe.com.evil.example")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void prodStartsOnStripeOrWithTheSandboxExplicitlyAllowed() {
        prod().run(context -> assertThat(context).hasSingleBean(PaymentProvider.class));
        prod("shop.payments.stripe.api-base=https://api.stripe.com")
                .run(context -> assertThat(context).hasSingleBean(PaymentProvider.class));
        prod("shop.payments.stripe.api-base=http://payment-sandbox:8085", "shop.payments.allow-sandbox-in-prod=true")
                .run(context -> assertThat(context).hasSingleBean(PaymentProvider.class));
    }

    @Test
    void otherProfilesMayUseTheSandbox() {
        runner.withPropertyValues(
                        "shop.payments.stripe.secret-key=sk_test_sandbox_local",
                        "shop.payments.stripe.webhook-secret=whsec_sandbox_local",
                        "shop.payments.stripe.api-base=http://localhost:8085")
                .run(context -> assertThat(context).hasSingleBean(PaymentProvider.class));
    }

    @Test
    void withoutItsSecretsTheAdapterDoesNotStart() {
        runner.run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("secretKey"));
    }
}
