package dev.shopstack.order.payment;

import dev.shopstack.order.orders.CardPayment;
import dev.shopstack.order.orders.CardPaymentHooks;
import dev.shopstack.order.orders.MinorUnits;
import dev.shopstack.order.orders.Order;
import dev.shopstack.order.orders.OrderRepository;
import dev.shopstack.order.orders.OrderStatus;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates each order's PaymentIntent at the provider: right after the order commits, and again (same idempotency
 * key, so never a second intent) from {@link #createDueIntents()} or the next GET of the order while the provider
 * could not be reached. The provider is called outside any transaction.
 */
@Service
public class CardPayments implements CardPaymentHooks {

    private static final Logger log = LoggerFactory.getLogger(CardPayments.class);
    private static final int BATCH = 50;

    private final OrderRepository orders;
    private final PaymentProvider provider;
    private final CardPaymentWebhooks outcomes;
    private final TransactionTemplate tx;
    private final Clock clock;

    public CardPayments(
            OrderRepository orders,
            PaymentProvider provider,
            CardPaymentWebhooks outcomes,
            TransactionTemplate tx,
            Clock clock) {
        this.orders = orders;
        this.provider = provider;
        this.outcomes = outcomes;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void startAfterPlacement(UUID orderId) {
        startSafely(orderId, true);
    }

    @Override
    public void startIfDue(UUID orderId) {
        startSafely(orderId, false);
    }

    private void startSafely(UUID orderId, boolean firstAttempt) {
        try {
            start(orderId, firstAttempt);
        } catch (RuntimeException e) { // the order stands; the job tries again
            log.warn("Could not open the card payment of order {}: {}", orderId, e.toString());
        }
    }

    /**
     * Best effort: a payment that stays open is harmless, because a success for a cancelled order is not applied
     * (it is marked for review: the money has to go back).
     */
    @Override
    public void abandon(UUID orderId) {
        try {
            String intentId = tx.execute(status -> orders.findById(orderId)
                    .map(Order::getCardPayment)
                    .filter(card -> card.getState() == CardPayment.State.REQUIRES_PAYMENT
                            || card.getState() == CardPayment.State.FAILED)
                    .map(CardPayment::getIntentId)
                    .orElse(null));
            if (intentId != null) {
                provider.cancel(intentId);
            }
        } catch (RuntimeException e) {
            log.warn("Could not cancel the card payment of cancelled order {}: {}", orderId, e.toString());
        }
    }

    /**
     * Cancel first, then look: Stripe refuses to cancel a succeeded intent, and an intent cancelled here can no
     * longer be paid. A success found is applied through the webhook's code (once, whichever comes first).
     */
    @Override
    public Closing closeForExpiry(UUID orderId) {
        CardPayment card = tx.execute(
                status -> orders.findById(orderId).map(Order::getCardPayment).orElse(null));
        if (card != null && card.getState() == CardPayment.State.REVIEW && card.getIntentId() != null) {
            return Closing.UNKNOWN; // the provider may hold the customer's money: an admin decides, not the clock
        }
        String intentId = card != null && card.awaitingCard() ? card.getIntentId() : null;
        if (intentId == null) {
            return Closing.CLOSED;
        }
        PaymentProvider.Intent intent;
        try {
            intent = provider.cancel(intentId);
        } catch (PaymentProviderException refused) {
            if (refused.retryable()) {
                log.warn("Order {} stays open: its payment could not be cancelled: {}", orderId, refused.getMessage());
                return Closing.UNKNOWN;
            }
            try {
                intent = provider.retrieve(intentId); // refused: most likely paid meanwhile
            } catch (PaymentProviderException unknown) {
                log.warn("Order {} stays open: its payment could not be read: {}", orderId, unknown.getMessage());
                return Closing.UNKNOWN;
            }
        }
        return switch (intent.status()) {
            case "canceled" -> Closing.CLOSED;
            case "succeeded" -> {
                try {
                    outcomes.apply(intent);
                } catch (RuntimeException notNow) { // e.g. the catalog down: paid is paid, the webhook applies it
                    log.warn("Order {} was paid at the last moment; not applied yet: {}", orderId, notNow.toString());
                }
                yield Closing.PAID;
            }
            default -> Closing.UNKNOWN;
        };
    }

    /** The intents the provider could not create at placement, oldest retry first. */
    @Scheduled(fixedDelayString = "${shop.payments.retry-interval:15s}")
    @SchedulerLock(name = "order.card-intent-retries", lockAtMostFor = "PT10M", lockAtLeastFor = "PT10S")
    public void createDueIntents() {
        List<UUID> due = orders.findIdsWithIntentDue(
                OrderStatus.PENDING_PAYMENT, CardPayment.State.INTENT_PENDING, clock.instant(), Limit.of(BATCH));
        due.forEach(this::startIfDue);
    }

    private void start(UUID orderId, boolean firstAttempt) {
        PaymentProvider.IntentRequest request = tx.execute(status -> orders.findById(orderId)
                .filter(order -> order.getStatus() == OrderStatus.PENDING_PAYMENT)
                .filter(order -> order.getCardPayment() != null
                        && (firstAttempt
                                ? order.getCardPayment().getState() == CardPayment.State.INTENT_PENDING
                                : order.getCardPayment().intentDue(clock.instant())))
                .map(this::requestFor)
                .orElse(null));
        if (request == null) {
            return;
        }
        PaymentProvider.Intent intent;
        try {
            intent = provider.create(request);
        } catch (PaymentProviderException e) {
            if (!e.retryable()) { // the same request is refused again however often it is sent
                log.warn(
                        "The payment provider refused the payment of order {}, it needs review: {}",
                        orderId,
                        e.getMessage());
                update(
                        orderId,
                        card -> card.needsReview("The payment provider refused the payment: " + e.getMessage()));
                return;
            }
            log.warn(
                    "The payment provider did not create the payment of order {} (will retry): {}",
                    orderId,
                    e.getMessage());
            update(orderId, card -> card.creationFailed(e.getMessage(), clock.instant()));
            return;
        }
        update(orderId, card -> card.intentCreated(intent.id(), intent.clientSecret(), intent.checkoutUrl()));
    }

    private PaymentProvider.IntentRequest requestFor(Order order) {
        long amount;
        try {
            amount = MinorUnits.of(order.getTotal(), order.getCurrency());
        } catch (ArithmeticException notExact) {
            order.getCardPayment()
                    .needsReview("The total " + order.getTotal().toPlainString() + " " + order.getCurrency()
                            + " has more decimals than the currency can be charged in.");
            orders.saveAndFlush(order);
            return null;
        }
        return new PaymentProvider.IntentRequest(
                order.getId(), amount, order.getCurrency(), "Shopstack order " + order.getId());
    }

    /** Another replica or request that got there first wins: same intent, same key. */
    private void update(UUID orderId, java.util.function.Consumer<CardPayment> change) {
        try {
            tx.executeWithoutResult(status -> orders.findById(orderId).ifPresent(order -> {
                if (order.getCardPayment().getState() == CardPayment.State.INTENT_PENDING) {
                    change.accept(order.getCardPayment());
                    orders.saveAndFlush(order);
                }
            }));
        } catch (ObjectOptimisticLockingFailureException changedMeanwhile) {
            log.debug("Order {} changed while its payment was opened", orderId);
        }
    }
}
