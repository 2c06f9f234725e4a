package dev.shopstack.order.payment;

import dev.shopstack.order.orders.CardPayment;
import dev.shopstack.order.orders.OrderRepository;
import dev.shopstack.order.orders.OrderStatus;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asks the provider about every order still waiting for its card payment after {@code age} and applies what it
 * reports through the webhook's own code ({@link CardPaymentWebhooks#apply}): a lost {@code succeeded} webhook
 * still makes the order PAID (once: the webhook, if it comes after all, finds it paid), a lost failure is
 * recorded, a cancelled intent changes nothing. Orders beyond one run's batch wait for the next run; the payment
 * window asks the provider once more before it cancels an order ({@code CardPayments#closeForExpiry}).
 */
@Component
public class CardPaymentReconciliation {

    private static final Logger log = LoggerFactory.getLogger(CardPaymentReconciliation.class);

    private final OrderRepository orders;
    private final PaymentProvider provider;
    private final CardPaymentWebhooks outcomes;
    private final ReconciliationProperties properties;
    private final TransactionTemplate tx;
    private final MeterRegistry meters;
    private final Clock clock;

    public CardPaymentReconciliation(
            OrderRepository orders,
            PaymentProvider provider,
            CardPaymentWebhooks outcomes,
            ReconciliationProperties properties,
            TransactionTemplate tx,
            MeterRegistry meters,
            Clock clock) {
        this.orders = orders;
        this.provider = provider;
        this.outcomes = outcomes;
        this.properties = properties;
        this.tx = tx;
        this.meters = meters;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${shop.payments.reconciliation.interval:60s}",
            initialDelayString = "${shop.payments.reconciliation.interval:60s}")
    @SchedulerLock(name = "order.card-payment-reconciliation", lockAtMostFor = "PT10M", lockAtLeastFor = "PT10S")
    public void reconcileDue() {
        reconcilePlacedBefore(clock.instant().minus(properties.age()));
    }

    /** Looks up the waiting orders placed before the cutoff (at most one batch); answers how many it looked up. */
    public int reconcilePlacedBefore(Instant cutoff) {
        List<String> intents = tx.execute(status -> orders.findIntentIdsAwaitingCard(
                OrderStatus.PENDING_PAYMENT,
                List.of(CardPayment.State.REQUIRES_PAYMENT, CardPayment.State.FAILED),
                cutoff,
                Limit.of(properties.batch())));
        for (String intentId : intents) {
            count(reconcile(intentId));
        }
        return intents.size();
    }

    private String reconcile(String intentId) {
        PaymentProvider.Intent intent;
        try {
            intent = provider.retrieve(intentId);
        } catch (PaymentProviderException e) {
            log.warn("Could not reconcile payment {}: {}", intentId, e.getMessage());
            return "error";
        }
        try {
            CardPaymentWebhooks.Outcome outcome = outcomes.apply(intent);
            if (outcome == CardPaymentWebhooks.Outcome.APPLIED) {
                log.info(
                        "Reconciled payment {} of order {}: {} (its webhook had not been applied)",
                        intentId,
                        intent.orderId(),
                        intent.status());
                return "succeeded".equals(intent.status()) ? "paid" : "failed";
            }
            return outcome == CardPaymentWebhooks.Outcome.REVIEW ? "review" : "unchanged";
        } catch (RuntimeException e) { // e.g. the catalog down: nothing recorded, the next run tries again
            log.warn("Could not apply payment {} of order {}: {}", intentId, intent.orderId(), e.toString());
            return "error";
        }
    }

    private void count(String outcome) {
        meters.counter("shop.payments.reconciled", "outcome", outcome).increment();
    }
}
