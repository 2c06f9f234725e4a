package dev.shopstack.order.payment;

import dev.shopstack.order.catalog.CatalogClient;
import dev.shopstack.order.catalog.CatalogRejectedException;
import dev.shopstack.order.orders.Order;
import dev.shopstack.order.orders.OrderEvents;
import dev.shopstack.order.orders.OrderLifecycle;
import dev.shopstack.order.orders.OrderRepository;
import dev.shopstack.order.orders.OrderStatus;
import dev.shopstack.platform.caller.Caller;
import dev.shopstack.platform.errors.ApiProblem;
import dev.shopstack.platform.problems.ProblemType;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records an order's payment: checks amount and currency against the total, lets the provider collect it,
 * confirms the stock reservation in the catalog (so it no longer expires), then commits PAID, the payment and
 * {@code order.status-changed} together. Repeating the same payment answers the recorded one.
 */
@Service
public class PaymentService {

    /** The payment, and whether it was recorded before this request. */
    public record Recorded(PaymentView payment, boolean replayed) {}

    private final OrderLifecycle lifecycle;
    private final OrderRepository orders;
    private final PaymentRepository payments;
    private final List<PaymentMethod> providers;
    private final CatalogClient catalog;
    private final OrderEvents events;
    private final TransactionTemplate tx;
    private final CardPayments cardPayments;
    private final Clock clock;

    public PaymentService(
            OrderLifecycle lifecycle,
            OrderRepository orders,
            PaymentRepository payments,
            List<PaymentMethod> providers,
            CatalogClient catalog,
            OrderEvents events,
            TransactionTemplate tx,
            CardPayments cardPayments,
            Clock clock) {
        this.cardPayments = cardPayments;
        this.clock = clock;
        this.lifecycle = lifecycle;
        this.orders = orders;
        this.payments = payments;
        this.providers = providers;
        this.catalog = catalog;
        this.events = events;
        this.tx = tx;
    }

    public Recorded pay(Caller caller, UUID orderId, PaymentRequest request) {
        Order order = tx.execute(status -> lifecycle.visible(caller, orderId));
        PaymentMethod provider = provider(request.method());
        if (!provider.customerInitiated() && !caller.admin()) {
            throw ApiProblem.of(
                    ProblemType.PAYMENT_METHOD_NOT_ALLOWED,
                    "Only an admin records a " + provider.method() + " payment, for money received outside the shop.");
        }
        var earlier = payments.findByOrderId(orderId);
        if (earlier.isPresent()) {
            return replay(earlier.get(), request);
        }
        if (order.getStatus() != OrderStatus.PENDING_PAYMENT) {
            throw ApiProblem.of(
                    ProblemType.ILLEGAL_STATUS_TRANSITION,
                    "An order in status " + order.getStatus() + " cannot be paid.");
        }
        if (order.getTotal().compareTo(request.amount()) != 0
                || !order.getCurrency().equals(request.currency())) {
            throw ApiProblem.of(
                    ProblemType.PAYMENT_MISMATCH,
                    "The payment must be exactly the order's total, "
                            + order.getTotal().toPlainString() + " " + order.getCurrency() + ".");
        }
        String reference = provider.collect(order, request);
        confirmStock(orderId);
        try {
            Recorded recorded = new Recorded(
                    tx.execute(status -> {
                        Order current = orders.findById(orderId)
                                .orElseThrow(() -> ApiProblem.of(ProblemType.NOT_FOUND, "The order is gone."));
                        if (current.getVersion() != order.getVersion()) {
                            throw ApiProblem.of(
                                    ProblemType.ORDER_CHANGED, "The order changed while it was being paid; reload it.");
                        }
                        OrderStatus previous = current.moveTo(OrderStatus.PAID, clock.instant());
                        orders.saveAndFlush(current);
                        Payment payment = payments.saveAndFlush(new Payment(
                                orderId,
                                provider.method(),
                                reference,
                                current.getTotal(),
                                current.getCurrency(),
                                clock.instant()));
                        events.statusChanged(current, previous);
                        return payment.view();
                    }),
                    false);
            cardPayments.abandon(orderId); // paid by transfer: the card page must not take the money a second time
            return recorded;
        } catch (DataIntegrityViolationException sameTimeSamePayment) {
            return replay(payments.findByOrderId(orderId).orElseThrow(() -> sameTimeSamePayment), request);
        }
    }

    /**
     * Confirmed before PAID commits: if the commit then fails, the order stays PENDING_PAYMENT with a confirmed
     * reservation; a retried payment confirms again (idempotent) and a cancellation releases it.
     */
    private void confirmStock(UUID orderId) {
        try {
            catalog.confirm(orderId);
        } catch (CatalogRejectedException gone) {
            throw ApiProblem.of(
                    ProblemType.RESERVATION_GONE,
                    "The stock held for this order was released or has "
                            + "expired; the order cannot be paid. Place it again.");
        }
    }

    private static Recorded replay(Payment earlier, PaymentRequest request) {
        if (!earlier.matches(request)) {
            throw ApiProblem.of(
                    ProblemType.PAYMENT_MISMATCH, "This order is already paid, with a different amount or currency.");
        }
        return new Recorded(earlier.view(), true);
    }

    private PaymentMethod provider(String method) {
        String wanted = method.toUpperCase(Locale.ROOT);
        return providers.stream()
                .filter(p -> p.method().equals(wanted))
                .findFirst()
                .orElseThrow(() -> ApiProblem.of(
                        ProblemType.UNKNOWN_PAYMENT_METHOD,
                        "Unknown payment method " + method + "; available: "
                                + providers.stream().map(PaymentMethod::method).toList() + "."));
    }
}
