package dev.shopstack.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import dev.shopstack.platform.test.AtOnce;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules stripe-java meets at the sandbox as at Stripe: amounts per currency, idempotency keys, one charge per
 * payment however the confirms race, and Stripe's errors as stripe-java's own exceptions.
 */
class StripeRulesContractTest extends IntegrationTestSupport {

    @Test
    void zeroDecimalCurrenciesTakeWholeUnitsAndStripesMinimums() throws Exception {
        PaymentIntent yen = create(500L, "jpy");
        assertThat(yen.getAmount()).isEqualTo(500L);
        assertThat(confirmVisa(yen).getAmountReceived()).isEqualTo(500L);

        assertThatThrownBy(() -> create(49L, "jpy")).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.getCode()).isEqualTo("amount_too_small");
            assertThat(e.getParam()).isEqualTo("amount");
            assertThat(e.getMessage()).contains("50 jpy");
        });
        assertThatThrownBy(() -> create(49L, "usd"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("0.50 usd");
        assertThat(create(100L, "krw").getCurrency()).isEqualTo("krw");
        assertThatThrownBy(() -> create(1000L, "xyz"))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.getParam()).isEqualTo("currency"));
        assertThatThrownBy(() -> create(100_000_000L, "usd"))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.getCode()).isEqualTo("amount_too_large"));
    }

    @Test
    void theSameIdempotencyKeyAnswersTheSameIntentAndOtherParametersAreRefused() throws Exception {
        RequestOptions key = RequestOptions.builder()
                .setIdempotencyKey("order-idem-" + System.nanoTime())
                .build();
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(700L)
                .setCurrency("eur")
                .putMetadata("order_id", "idem")
                .build();

        PaymentIntent first = stripe.v1().paymentIntents().create(params, key);
        PaymentIntent again = stripe.v1().paymentIntents().create(params, key);

        assertThat(again.getId()).isEqualTo(first.getId());
        assertThat(again.getLastResponse().headers().firstValue("Idempotent-Replayed"))
                .hasValue("true");
        assertThatThrownBy(() -> stripe.v1()
                        .paymentIntents()
                        .create(
                                PaymentIntentCreateParams.builder()
                                        .setAmount(701L)
                                        .setCurrency("eur")
                                        .build(),
                                key))
                .isInstanceOf(IdempotencyException.class);
    }

    @Test
    void aDeclineIsAnsweredAgainToTheSameKeyWithoutChargingTwice() throws Exception {
        PaymentIntent intent = create(2000L, "eur");
        RequestOptions key = RequestOptions.builder()
                .setIdempotencyKey("confirm-" + intent.getId())
                .build();
        PaymentIntentConfirmParams declined = PaymentIntentConfirmParams.builder()
                .setPaymentMethod("pm_card_chargeDeclined")
                .build();

        String firstCharge = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                stripe.v1().paymentIntents().confirm(intent.getId(), declined, key);
            } catch (CardException e) {
                firstCharge = firstCharge == null ? e.getCharge() : firstCharge;
                assertThat(e.getCharge()).isEqualTo(firstCharge);
            }
        }

        assertThat(firstCharge).startsWith("ch_");
        assertThat(stripe.v1().paymentIntents().retrieve(intent.getId()).getLatestCharge())
                .isEqualTo(firstCharge);
    }

    @Test
    void twoConfirmsAtOnceChargeOnce() throws Exception {
        PaymentIntent intent = create(2500L, "eur");
        List<String> outcomes = AtOnce.rounds(1, 2, (round, caller) -> {
            try {
                return confirmVisa(intent).getStatus();
            } catch (InvalidRequestException e) {
                return e.getCode();
            }
        });
        assertThat(outcomes).containsExactlyInAnyOrder("succeeded", "payment_intent_unexpected_state");
        assertThat(stripe.v1()
                        .charges()
                        .retrieve(stripe.v1()
                                .paymentIntents()
                                .retrieve(intent.getId())
                                .getLatestCharge())
                        .getAmountCaptured())
                .isEqualTo(2500L);
    }

    @Test
    void unknownParametersAndWrongKeysAreStripesErrors() {
        assertThatThrownBy(() -> stripe.v1()
                        .paymentIntents()
                        .create(PaymentIntentCreateParams.builder()
                                .setAmount(700L)
                                .setCurrency("eur")
                                .putExtraParam("shipping_speed", "fast")
                                .build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getCode()).isEqualTo("parameter_unknown");
                    assertThat(e.getParam()).isEqualTo("shipping_speed");
                });
        assertThatThrownBy(() -> stripe.v1().paymentIntents().retrieve("pi_missing"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(404);
                    assertThat(e.getCode()).isEqualTo("resource_missing");
                });
        StripeClient wrongKey = StripeClient.builder()
                .setApiKey("sk_test_not_the_sandbox_key")
                .setApiBase(base())
                .setMaxNetworkRetries(0)
                .build();
        assertThatThrownBy(() -> wrongKey.v1().paymentIntents().retrieve("pi_missing"))
                .isInstanceOfSatisfying(
                        AuthenticationException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(401));
    }
}
