package dev.shopstack.sandbox;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** The sandbox takes any test card and moves no money: it must never stand in for the provider in production. */
@Configuration(proxyBeanMethods = false)
@Profile("prod")
class ProductionGuard {

    ProductionGuard() {
        throw new IllegalStateException("payment-sandbox is a test double of Stripe and never runs with the prod "
                + "profile: point order-service at the real provider instead (docs/payments.md)");
    }
}
