package dev.shopstack.sandbox;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * A local stand-in for Stripe: the part of its REST API that order-service's stripe-java adapter uses, webhooks
 * signed as Stripe signs them, and a hosted page where a person types a test card. docs/payments.md describes it.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PaymentSandboxApplication {

    public static void main(String[] args) {
        SpringApplication.run(PaymentSandboxApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
