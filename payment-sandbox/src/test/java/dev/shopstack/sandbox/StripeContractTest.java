package dev.shopstack.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.Stripe;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Charge;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeCollection;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentListParams;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The contract: stripe-java, pointed at the sandbox, gets answers that deserialize into its own model classes with
 * the fields an integration reads, and Stripe's errors as stripe-java's own exceptions.
 */
class StripeContractTest extends IntegrationTestSupport {

    @Test
    void theSandboxSpeaksTheApiVersionOfTheStripeJavaRelease() {
        assertThat(properties.apiVersion()).isEqualTo(Stripe.API_VERSION);
    }

    @Test
    void createRetrieveAndListAPaymentIntent() throws Exception {
        long before = Instant.now().getEpochSecond();

        PaymentIntent created = stripe.v1()
                .paymentIntents()
                .create(PaymentIntentCreateParams.builder()
                        .setAmount(2599L)
                        .setCurrency("EUR")
                        .setDescription("Order 42")
                        .putMetadata("order_id", "42")
                        .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
                                .setEnabled(true)
                                .build())
                        .build());

        assertThat(created.getId()).matches("pi_[A-Za-z0-9]{24}");
        assertThat(created.getObject()).isEqualTo("payment_intent");
        assertThat(created.getLivemode()).isFalse();
        assertThat(created.getCreated()).isBetween(before, Instant.now().getEpochSecond());
        assertThat(created.getClientSecret()).startsWith(created.getId() + "_secret_");
        assertThat(created.getStatus()).isEqualTo("requires_payment_method");
        assertThat(created.getAmount()).isEqualTo(2599L);
        assertThat(created.getCurrency()).isEqualTo("eur");
        assertThat(created.getAmountReceived()).isZero();
        assertThat(created.getMetadata()).containsEntry("order_id", "42");
        assertThat(created.getAutomaticPaymentMethods().getEnabled()).isTrue();
        assertThat(created.getPaymentMethodTypes()).containsExactly("card");
        assertThat(created.getNextAction().getType()).isEqualTo("redirect_to_url");
        assertThat(created.getNextAction().getRedirectToUrl().getUrl())
                .isEqualTo(base() + "/checkout/" + created.getId() + "?client_secret=" + created.getClientSecret());
        assertThat(created.getLastResponse().requestId()).startsWith("req_");

        PaymentIntent retrieved = stripe.v1().paymentIntents().retrieve(created.getId());
        assertThat(retrieved.getId()).isEqualTo(created.getId());
        assertThat(retrieved.getMetadata()).isEqualTo(created.getMetadata());

        StripeCollection<PaymentIntent> listed = stripe.v1()
                .paymentIntents()
                .list(PaymentIntentListParams.builder()
                        .setCreated(PaymentIntentListParams.Created.builder()
                                .setGte(before)
                                .build())
                        .setLimit(100L)
                        .build());
        assertThat(listed.getData()).extracting(PaymentIntent::getId).contains(created.getId());
    }

    @Test
    void theVisaTestCardSucceedsAndTheChargeShowsTheCard() throws Exception {
        PaymentIntent intent = create(1500L, "usd");

        PaymentIntent confirmed = stripe.v1()
                .paymentIntents()
                .confirm(
                        intent.getId(),
                        PaymentIntentConfirmParams.builder()
                                .setPaymentMethod("pm_card_visa")
                                .addExpand("latest_charge")
                                .addExpand("payment_method")
                                .build());

        assertThat(confirmed.getStatus()).isEqualTo("succeeded");
        assertThat(confirmed.getAmountReceived()).isEqualTo(1500L);
        assertThat(confirmed.getLastPaymentError()).isNull();
        assertThat(confirmed.getNextAction()).isNull();
        Charge charge = confirmed.getLatestChargeObject();
        assertThat(charge.getId()).startsWith("ch_");
        assertThat(charge.getStatus()).isEqualTo("succeeded");
        assertThat(charge.getPaid()).isTrue();
        assertThat(charge.getAmountCaptured()).isEqualTo(1500L);
        assertThat(charge.getPaymentIntent()).isEqualTo(intent.getId());
        assertThat(charge.getPaymentMethodDetails().getCard().getLast4()).isEqualTo("4242");
        assertThat(charge.getPaymentMethodDetails().getCard().getBrand()).isEqualTo("visa");
        assertThat(confirmed.getPaymentMethodObject().getId()).startsWith("pm_").isNotEqualTo("pm_card_visa");
        assertThat(confirmed.getPaymentMethodObject().getCard().getLast4()).isEqualTo("4242");

        assertThat(stripe.v1().paymentIntents().retrieve(intent.getId()).getLatestCharge())
                .isEqualTo(charge.getId());
        assertThatThrownBy(() -> confirmVisa(intent)).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(400);
            assertThat(e.getCode()).isEqualTo("payment_intent_unexpected_state");
        });
    }

    @Test
    void aDeclinedCardIsACardExceptionAndLeavesTheIntentPayable() throws Exception {
        assertDeclined("pm_card_chargeDeclined", "generic_decline", "Your card was declined.");
    }

    @Test
    void insufficientFundsIsACardExceptionWithItsDeclineCode() throws Exception {
        assertDeclined(
                "pm_card_chargeDeclinedInsufficientFunds", "insufficient_funds", "Your card has insufficient funds.");
    }

    private void assertDeclined(String testCard, String declineCode, String message) throws Exception {
        PaymentIntent intent = create(2000L, "eur");

        assertThatThrownBy(() -> stripe.v1()
                        .paymentIntents()
                        .confirm(
                                intent.getId(),
                                PaymentIntentConfirmParams.builder()
                                        .setPaymentMethod(testCard)
                                        .build()))
                .isInstanceOfSatisfying(CardException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(402);
                    assertThat(e.getCode()).isEqualTo("card_declined");
                    assertThat(e.getDeclineCode()).isEqualTo(declineCode);
                    assertThat(e.getCharge()).startsWith("ch_");
                    assertThat(e.getStripeError().getMessage()).isEqualTo(message);
                    assertThat(e.getStripeError().getPaymentIntent().getStatus())
                            .isEqualTo("requires_payment_method");
                });

        PaymentIntent after = stripe.v1()
                .paymentIntents()
                .retrieve(
                        intent.getId(),
                        PaymentIntentRetrieveParams.builder()
                                .addExpand("latest_charge")
                                .build(),
                        null);
        assertThat(after.getStatus()).isEqualTo("requires_payment_method");
        assertThat(after.getAmountReceived()).isZero();
        assertThat(after.getLastPaymentError().getCode()).isEqualTo("card_declined");
        assertThat(after.getLastPaymentError().getDeclineCode()).isEqualTo(declineCode);
        assertThat(after.getLastPaymentError().getMessage()).isEqualTo(message);
        assertThat(after.getLastPaymentError().getType()).isEqualTo("card_error");
        assertThat(after.getLatestChargeObject().getStatus()).isEqualTo("failed");
        assertThat(after.getLatestChargeObject().getFailureCode()).isEqualTo("card_declined");
        assertThat(after.getLatestChargeObject().getOutcome().getReason()).isEqualTo(declineCode);

        PaymentIntent retried = confirmVisa(intent);
        assertThat(retried.getStatus()).as("another card after a decline").isEqualTo("succeeded");
        assertThat(retried.getLastPaymentError()).isNull();
    }

    @Test
    void cancelAnUnpaidIntentButNotAPaidOne() throws Exception {
        PaymentIntent intent = create(1000L, "gbp");

        PaymentIntent canceled = stripe.v1()
                .paymentIntents()
                .cancel(
                        intent.getId(),
                        PaymentIntentCancelParams.builder()
                                .setCancellationReason(PaymentIntentCancelParams.CancellationReason.ABANDONED)
                                .build());

        assertThat(canceled.getStatus()).isEqualTo("canceled");
        assertThat(canceled.getCancellationReason()).isEqualTo("abandoned");
        assertThat(canceled.getCanceledAt()).isPositive();
        assertThat(canceled.getNextAction()).isNull();
        assertThatThrownBy(() -> confirmVisa(intent))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("status of canceled");

        PaymentIntent paid = confirmVisa(create(1000L, "gbp"));
        assertThatThrownBy(() -> stripe.v1().paymentIntents().cancel(paid.getId()))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.getCode()).isEqualTo("payment_intent_unexpected_state"));
    }

    @Test
    void refundInPartThenTheRestButNeverMore() throws Exception {
        PaymentIntent paid = confirmVisa(create(5000L, "eur"));

        Refund part = stripe.v1()
                .refunds()
                .create(RefundCreateParams.builder()
                        .setPaymentIntent(paid.getId())
                        .setAmount(1200L)
                        .setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER)
                        .putMetadata("order_id", "7")
                        .build());

        assertThat(part.getId()).startsWith("re_");
        assertThat(part.getObject()).isEqualTo("refund");
        assertThat(part.getAmount()).isEqualTo(1200L);
        assertThat(part.getCurrency()).isEqualTo("eur");
        assertThat(part.getStatus()).isEqualTo("succeeded");
        assertThat(part.getPaymentIntent()).isEqualTo(paid.getId());
        assertThat(part.getCharge()).isEqualTo(paid.getLatestCharge());
        assertThat(part.getReason()).isEqualTo("requested_by_customer");
        assertThat(part.getMetadata()).containsEntry("order_id", "7");
        Charge afterPart = stripe.v1().charges().retrieve(paid.getLatestCharge());
        assertThat(afterPart.getAmountRefunded()).isEqualTo(1200L);
        assertThat(afterPart.getRefunded()).isFalse();

        assertThatThrownBy(() -> stripe.v1()
                        .refunds()
                        .create(RefundCreateParams.builder()
                                .setPaymentIntent(paid.getId())
                                .setAmount(3801L)
                                .build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getCode()).isEqualTo("amount_too_large");
                    assertThat(e.getParam()).isEqualTo("amount");
                });

        Refund rest = stripe.v1()
                .refunds()
                .create(RefundCreateParams.builder()
                        .setCharge(paid.getLatestCharge())
                        .build());
        assertThat(rest.getAmount()).isEqualTo(3800L);
        Charge refunded = stripe.v1().charges().retrieve(paid.getLatestCharge());
        assertThat(refunded.getAmountRefunded()).isEqualTo(5000L);
        assertThat(refunded.getRefunded()).isTrue();
        assertThat(stripe.v1().refunds().retrieve(part.getId()).getAmount()).isEqualTo(1200L);
        assertThat(stripe.v1()
                        .refunds()
                        .list(RefundListParams.builder()
                                .setPaymentIntent(paid.getId())
                                .build())
                        .getData())
                .extracting(Refund::getId)
                .containsExactly(rest.getId(), part.getId());
        assertThatThrownBy(() -> stripe.v1()
                        .refunds()
                        .create(RefundCreateParams.builder()
                                .setPaymentIntent(paid.getId())
                                .build()))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.getCode()).isEqualTo("charge_already_refunded"));
    }

    @Test
    void anUnpaidIntentHasNothingToRefund() throws Exception {
        PaymentIntent unpaid = create(1000L, "eur");

        assertThatThrownBy(() -> stripe.v1()
                        .refunds()
                        .create(RefundCreateParams.builder()
                                .setPaymentIntent(unpaid.getId())
                                .build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getParam()).isEqualTo("payment_intent");
                });
        assertThatThrownBy(() -> stripe.v1()
                        .refunds()
                        .create(RefundCreateParams.builder()
                                .setPaymentIntent("pi_doesnotexist")
                                .build()))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.getCode()).isEqualTo("resource_missing"));
    }
}
