package dev.shopstack.order.payment;

import dev.shopstack.order.orders.MinorUnits;
import dev.shopstack.order.orders.Order;
import dev.shopstack.order.orders.OrderLifecycle;
import dev.shopstack.order.orders.OrderStatus;
import dev.shopstack.order.orders.RefundHooks;
import dev.shopstack.platform.caller.Caller;
import dev.shopstack.platform.errors.ApiProblem;
import dev.shopstack.platform.problems.ProblemType;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refunds an order's payment, in full or in part, and never more than was paid: every refund is decided with the
 * order row locked ({@link RefundLedger}), so two admins refunding at once are serialized and the second sees the
 * first. A card refund is recorded first and sent to the provider after the commit ({@link RefundSender}, which a
 * job repeats until the provider answers); a manual payment's refund is recorded as done, with its reference.
 */
@Service
public class Refunds implements RefundHooks {

    private final OrderLifecycle lifecycle;
    private final RefundLedger ledger;
    private final RefundSender sender;
    private final TransactionTemplate tx;
    private final Clock clock;

    /** Lazy: the order lifecycle (which cancels) asks this class to refund, and this class reads orders through it. */
    public Refunds(
            @Lazy OrderLifecycle lifecycle,
            RefundLedger ledger,
            RefundSender sender,
            TransactionTemplate tx,
            Clock clock) {
        this.lifecycle = lifecycle;
        this.ledger = ledger;
        this.sender = sender;
        this.tx = tx;
        this.clock = clock;
    }

    /** An admin's refund; answers it as it stands after the provider's first answer. */
    public RefundView request(Caller admin, UUID orderId, RefundRequest request) {
        String reason = request.reason().strip();
        Refund refund = tx.execute(status -> {
            RefundLedger.Locked locked = ledger.lock(orderId);
            Order order = locked.order();
            if (order.getStatus() != OrderStatus.PAID && order.getStatus() != OrderStatus.CANCELLED) {
                throw ApiProblem.of(
                        ProblemType.NOT_REFUNDABLE,
                        "An order in status " + order.getStatus()
                                + " cannot be refunded; only a paid order that has not shipped can.");
            }
            PaymentView payment = locked.payment()
                    .orElseThrow(() ->
                            ApiProblem.of(ProblemType.NOT_REFUNDABLE, "This order has no recorded payment to refund."));
            BigDecimal amount = checkedAmount(request.amount(), order.getCurrency());
            BigDecimal refundable = payment.amount().subtract(locked.committed());
            if (refundable.signum() == 0) {
                throw ApiProblem.of(ProblemType.NOT_REFUNDABLE, "This order's payment is already refunded in full.");
            }
            if (amount.compareTo(refundable) > 0) {
                throw ApiProblem.of(
                                ProblemType.REFUND_EXCEEDS_PAYMENT,
                                "At most " + refundable.toPlainString() + " " + order.getCurrency()
                                        + " of this payment can still be refunded.")
                        .with("refundable", refundable.toPlainString());
            }
            if (CardPaymentWebhooks.METHOD.equals(payment.method())) {
                return ledger.save(
                        Refund.card(orderId, amount, order.getCurrency(), reason, admin.subject(), clock.instant()));
            }
            String reference =
                    request.reference() == null ? "" : request.reference().strip();
            if (reference.isEmpty()) {
                throw ApiProblem.of(
                        ProblemType.PAYMENT_REFERENCE_REQUIRED,
                        "This order was paid by " + payment.method()
                                + ": record the reference of the money sent back.");
            }
            Refund manual = ledger.save(Refund.manual(
                    orderId,
                    payment.method(),
                    amount,
                    order.getCurrency(),
                    reason,
                    admin.subject(),
                    reference,
                    clock.instant()));
            ledger.completed(locked, manual);
            return manual;
        });
        if (refund.getStatus() == Refund.Status.REQUESTED) {
            sender.send(refund.getId());
        }
        return tx.execute(status -> ledger.find(refund.getId()).view(true));
    }

    /** The owner or an admin; admins also see who asked, references and the provider's ids. */
    public OrderRefundsView list(Caller caller, UUID orderId) {
        return tx.execute(status -> {
            Order order = lifecycle.visible(caller, orderId);
            return ledger.view(order, caller.admin());
        });
    }

    @Override
    public boolean refundRestOnCancel(Order order, String reason, String requestedBy) {
        RefundLedger.Locked locked = ledger.lock(order.getId());
        PaymentView payment = locked.payment().orElse(null);
        if (payment == null || !CardPaymentWebhooks.METHOD.equals(payment.method())) {
            return false; // money received outside the shop goes back the same way: an admin records it
        }
        BigDecimal rest = payment.amount().subtract(locked.committed());
        if (rest.signum() <= 0) {
            return false;
        }
        String bounded = reason.length() <= 200 ? reason : reason.substring(0, 200);
        ledger.save(Refund.card(
                order.getId(),
                rest,
                order.getCurrency(),
                bounded,
                requestedBy == null ? "system" : requestedBy,
                clock.instant()));
        return true;
    }

    @Override
    public void sendRequested(UUID orderId) {
        sender.sendRequested(orderId);
    }

    @Override
    public String moneyStillOwed(Order order) {
        RefundLedger.Locked locked = ledger.lock(order.getId());
        if (ledger.of(order.getId()).stream().anyMatch(r -> r.getStatus() == Refund.Status.REQUESTED)) {
            return "A refund of this order is still on its way to the customer; delete the order once it is done.";
        }
        BigDecimal paid = locked.payment().map(PaymentView::amount).orElse(BigDecimal.ZERO);
        if (order.getStatus() == OrderStatus.CANCELLED && paid.compareTo(locked.committed()) > 0) {
            return "This order was paid and cancelled but not refunded in full; refund the rest before deleting it.";
        }
        return null;
    }

    /** Positive, and exact in the currency's minor units (no cents in JPY). */
    private static BigDecimal checkedAmount(BigDecimal amount, String currency) {
        if (amount.signum() <= 0) {
            throw ApiProblem.of(ProblemType.INVALID_REFUND_AMOUNT, "A refund amount must be more than zero.");
        }
        try {
            MinorUnits.of(amount, currency);
            if (amount.stripTrailingZeros().scale() > 2) { // amounts are kept with two decimals, like the totals
                throw new ArithmeticException();
            }
        } catch (ArithmeticException notExact) {
            throw ApiProblem.of(
                    ProblemType.INVALID_REFUND_AMOUNT,
                    "The amount " + amount.toPlainString() + " has more decimals than " + currency + " has.");
        }
        return amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }
}
