package dev.shopstack.order.orders;

import dev.shopstack.platform.errors.ApiProblem;
import dev.shopstack.platform.problems.ProblemType;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Checks an order against {@link OrderLimitsProperties} before any stock is reserved for it. */
@Component
class OrderLimits {

    private final OrderLimitsProperties limits;
    private final OrderRepository orders;

    OrderLimits(OrderLimitsProperties limits, OrderRepository orders) {
        this.limits = limits;
        this.orders = orders;
    }

    void checkUnits(PlaceOrderRequest request) {
        int total = 0;
        for (PlaceOrderRequest.Line line : request.lines()) {
            if (line.quantity() > limits.maxUnitsPerLine()) {
                throw tooMany(
                        "At most " + limits.maxUnitsPerLine() + " units of one product per order.", line.productId());
            }
            total += line.quantity();
        }
        if (total > limits.maxUnitsPerOrder()) {
            throw tooMany("At most " + limits.maxUnitsPerOrder() + " units per order.", null);
        }
    }

    /** Also checked again when the order commits, so a burst of parallel orders overshoots by few if any. */
    void checkOpenUnpaid(UUID customer) {
        if (orders.countByUserIdAndStatus(customer, OrderStatus.PENDING_PAYMENT) >= limits.maxOpenUnpaid()) {
            ApiProblem problem = ApiProblem.of(
                    ProblemType.TOO_MANY_UNPAID_ORDERS,
                    "You have " + limits.maxOpenUnpaid()
                            + " orders awaiting payment. Pay or cancel one before placing another.");
            problem.with("maxOpenUnpaid", limits.maxOpenUnpaid());
            throw problem;
        }
    }

    private static ApiProblem tooMany(String detail, Long productId) {
        ApiProblem problem = ApiProblem.of(ProblemType.TOO_MANY_UNITS, detail);
        if (productId != null) {
            problem.with("productId", productId);
        }
        return problem;
    }
}
