package dev.shopstack.order.payment;

import dev.shopstack.order.orders.MinorUnits;
import dev.shopstack.order.orders.OrderRepository;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends requested card refunds to the provider, outside any transaction: right after the refund commits, and
 * again from {@link #sendDue()} until the provider confirms or refuses it. Every attempt of one refund sends the
 * same idempotency key (order id and refund id), so a retry after a lost answer never refunds twice.
 */
@Component
class RefundSender {

    private static final Logger log = LoggerFactory.getLogger(RefundSender.class);
    private static final int BATCH = 50;

    private final RefundLedger ledger;
    private final RefundRepository refunds;
    private final OrderRepository orders;
    private final PaymentProvider provider;
    private final TransactionTemplate tx;
    private final Clock clock;

    RefundSender(
            RefundLedger ledger,
            RefundRepository refunds,
            OrderRepository orders,
            PaymentProvider provider,
            TransactionTemplate tx,
            Clock clock) {
        this.ledger = ledger;
        this.refunds = refunds;
        this.orders = orders;
        this.provider = provider;
        this.tx = tx;
        this.clock = clock;
    }

    /** Refunds still waiting for the provider, oldest first; runs on one replica at a time. */
    @Scheduled(fixedDelayString = "${shop.payments.retry-interval:15s}")
    @SchedulerLock(name = "order.refund-sends", lockAtMostFor = "PT10M", lockAtLeastFor = "PT5S")
    public void sendDue() {
        refunds.findIdsDue(Refund.Status.REQUESTED, clock.instant(), Limit.of(BATCH))
                .forEach(this::send);
    }

    void sendRequested(UUID orderId) {
        List<UUID> requested = tx.execute(status -> ledger.of(orderId).stream()
                .filter(r -> r.getStatus() == Refund.Status.REQUESTED)
                .map(Refund::getId)
                .toList());
        requested.forEach(this::send);
    }

    /** Never throws: whatever goes wrong, the refund stays REQUESTED and the job asks again. */
    void send(UUID refundId) {
        try {
            attempt(refundId);
        } catch (RuntimeException e) {
            log.warn("Could not send refund {}: {}", refundId, e.toString());
        }
    }

    private void attempt(UUID refundId) {
        record Call(UUID orderId, String intentId, String providerRefundId, long amount, String reason) {}
        Call call = tx.execute(status -> {
            Refund refund = ledger.find(refundId);
            if (refund.getStatus() != Refund.Status.REQUESTED) {
                return null;
            }
            String intentId = orders.findById(refund.getOrderId())
                    .map(o -> o.getCardPayment() == null
                            ? null
                            : o.getCardPayment().getIntentId())
                    .orElse(null);
            return new Call(
                    refund.getOrderId(),
                    intentId,
                    refund.getProviderRefundId(),
                    MinorUnits.of(refund.getAmount(), refund.getCurrency()),
                    refund.getReason());
        });
        if (call == null) {
            return;
        }
        if (call.intentId() == null) {
            finish(call.orderId(), refundId, null, "failed", "The order has no card payment at the provider.");
            return;
        }
        PaymentProvider.RefundResult result;
        try {
            result = call.providerRefundId() != null
                    ? provider.retrieveRefund(call.providerRefundId())
                    : provider.refund(
                            call.intentId(), call.amount(), call.reason(), "refund-" + call.orderId() + "-" + refundId);
        } catch (PaymentProviderException e) {
            if (e.retryable()) {
                log.warn("The payment provider did not take refund {} (will retry): {}", refundId, e.getMessage());
                update(refundId, refund -> refund.tryLater(e.getMessage(), clock.instant()));
            } else {
                log.warn("The payment provider refused refund {}: {}", refundId, e.getMessage());
                finish(call.orderId(), refundId, null, "failed", e.getMessage());
            }
            return;
        }
        finish(call.orderId(), refundId, result.id(), result.status(), result.failure());
    }

    /**
     * The provider says something about a refund it accepted changed ({@code charge.refunded}): asks it for that
     * refund's own status and applies it like an answer to a send. A refund still pending is left as it is (the job
     * keeps asking). Answers whether the refund became SUCCEEDED or FAILED here.
     */
    boolean refresh(UUID orderId, UUID refundId, String providerRefundId) {
        PaymentProvider.RefundResult result;
        try {
            result = provider.retrieveRefund(providerRefundId);
        } catch (PaymentProviderException e) {
            log.warn("Could not look up refund {} at the provider (the job asks again): {}", refundId, e.getMessage());
            return false;
        }
        String state = result.status() == null ? "pending" : result.status().toLowerCase(Locale.ROOT);
        if (!state.equals("succeeded") && !state.equals("failed") && !state.equals("canceled")) {
            return false;
        }
        return finish(orderId, refundId, result.id(), result.status(), result.failure());
    }

    /**
     * Applies the provider's answer under the order's lock, so a webhook applying it at once cannot double it.
     * Answers whether this call made the refund SUCCEEDED or FAILED.
     */
    private boolean finish(
            UUID orderId, UUID refundId, String providerRefundId, String providerStatus, String failure) {
        String state = providerStatus == null ? "pending" : providerStatus.toLowerCase(Locale.ROOT);
        try {
            return Boolean.TRUE.equals(tx.execute(status -> {
                RefundLedger.Locked locked = ledger.lock(orderId);
                Refund refund = ledger.find(refundId);
                if (refund.getStatus() != Refund.Status.REQUESTED) {
                    return false; // the webhook or the job got there first
                }
                switch (state) {
                    case "succeeded" -> {
                        refund.succeeded(providerRefundId, clock.instant());
                        ledger.save(refund);
                        ledger.completed(locked, refund);
                    }
                    case "failed", "canceled" -> {
                        refund.failed(failure != null ? failure : "The provider refused the refund.", clock.instant());
                        ledger.save(refund);
                    }
                    default -> { // pending at the provider: ask again later
                        refund.accepted(providerRefundId);
                        refund.tryLater("The provider has not finished the refund yet.", clock.instant());
                        ledger.save(refund);
                        return false;
                    }
                }
                return true;
            }));
        } catch (ObjectOptimisticLockingFailureException changedMeanwhile) {
            log.debug("Refund {} changed while its answer was applied; the job looks again", refundId);
            return false;
        }
    }

    private void update(UUID refundId, java.util.function.Consumer<Refund> change) {
        tx.executeWithoutResult(status -> {
            Refund refund = ledger.find(refundId);
            if (refund.getStatus() == Refund.Status.REQUESTED) {
                change.accept(refund);
                ledger.save(refund);
            }
        });
    }
}
