package dev.shopstack.order.payment;

import static org.awaitility.Awaitility.await;

import dev.shopstack.order.IntegrationTestSupport;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Refund tests' shared steps: an order paid by card at the sandbox, refunding it, and reading it back. */
abstract class RefundTestSupport extends IntegrationTestSupport {

    static final UUID CAROL = UUID.randomUUID();
    static final Duration WEBHOOK = Duration.ofSeconds(20);

    UUID paidByCard(long product, int quantity) throws Exception {
        UUID order = place(CAROL, product, quantity);
        payWithTestCard(intentOf(order));
        await().atMost(WEBHOOK).until(() -> read(getOrder(order), "$.status").equals("PAID"));
        return order;
    }

    MvcTestResult refund(String bearer, UUID order, String amount, String reason) {
        return mvc.post()
                .uri("/api/orders/{id}/refunds", order)
                .header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"amount\": \"%s\", \"reason\": \"%s\"}".formatted(amount, reason))
                .exchange();
    }

    MvcTestResult refunds(String bearer, UUID order) {
        return mvc.get()
                .uri("/api/orders/{id}/refunds", order)
                .header("Authorization", bearer)
                .exchange();
    }

    MvcTestResult getOrder(UUID order) {
        return mvc.get()
                .uri("/api/orders/{id}", order)
                .header("Authorization", bearer(CAROL))
                .exchange();
    }

    MvcTestResult delete(UUID order) {
        return mvc.delete()
                .uri("/api/orders/{id}", order)
                .header("Authorization", adminBearer())
                .exchange();
    }

    /** The ids of the charge.refunded events the sandbox sent about this order's payment, newest first. */
    List<String> chargeRefunded(UUID order) throws Exception {
        return eventsAbout(intentOf(order), "charge.refunded");
    }

    /** What the provider itself says it refunded of the order's charge, in cents. */
    long amountRefunded(UUID order) throws Exception {
        var intent = stripe.v1().paymentIntents().retrieve(intentOf(order));
        return stripe.v1().charges().retrieve(intent.getLatestCharge()).getAmountRefunded();
    }

    static String body(MvcTestResult response) throws Exception {
        return response.getResponse().getContentAsString();
    }
}
