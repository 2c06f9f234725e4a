package dev.shopstack.order.orders;

import static dev.shopstack.order.orders.OrderStatus.CANCELLED;
import static dev.shopstack.order.orders.OrderStatus.DELIVERED;
import static dev.shopstack.order.orders.OrderStatus.PAID;
import static dev.shopstack.order.orders.OrderStatus.PENDING_PAYMENT;
import static dev.shopstack.order.orders.OrderStatus.REFUNDED;
import static dev.shopstack.order.orders.OrderStatus.SHIPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shopstack.platform.errors.ApiProblem;
import dev.shopstack.platform.problems.ProblemType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The order status machine, on the enum and on an order moving along it. */
class OrderStatusTest {

    private static final Instant PLACED = Instant.parse("2026-03-01T10:00:00Z");

    private static Order newOrder() {
        return new Order(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "ada@example.test",
                new ShippingAddress("Ada", "1 Main St", null, "1010", "Vienna", "AT"),
                "EUR",
                List.of(new OrderItem(1, "SKU-1", "Mug", new BigDecimal("9.99"), 2)),
                PLACED);
    }

    @Test
    void theMachineAllowsExactlyTheDocumentedTransitions() {
        List<String> allowed = new ArrayList<>();
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : OrderStatus.values()) {
                if (from.canBecome(to)) {
                    allowed.add(from + "->" + to);
                }
            }
        }

        assertThat(allowed)
                .containsExactlyInAnyOrder(
                        "PENDING_PAYMENT->PAID",
                        "PENDING_PAYMENT->CANCELLED",
                        "PAID->SHIPPED",
                        "PAID->CANCELLED",
                        "PAID->REFUNDED",
                        "SHIPPED->DELIVERED",
                        "CANCELLED->REFUNDED");
    }

    @Test
    void noStatusBecomesItselfAndDeliveredAndRefundedAreFinal() {
        for (OrderStatus status : OrderStatus.values()) {
            assertThat(status.canBecome(status)).as(status + " to itself").isFalse();
            assertThat(DELIVERED.canBecome(status)).as("DELIVERED to " + status).isFalse();
            assertThat(REFUNDED.canBecome(status)).as("REFUNDED to " + status).isFalse();
        }
    }

    @Test
    void aNewOrderAwaitsPaymentAndWalksThroughToDelivered() {
        Order order = newOrder();
        assertThat(order.getStatus()).isEqualTo(PENDING_PAYMENT);

        assertThat(order.moveTo(PAID, PLACED.plus(Duration.ofMinutes(5)))).isEqualTo(PENDING_PAYMENT);
        assertThat(order.moveTo(SHIPPED, PLACED.plus(Duration.ofDays(1)))).isEqualTo(PAID);
        assertThat(order.moveTo(DELIVERED, PLACED.plus(Duration.ofDays(3)))).isEqualTo(SHIPPED);

        assertThat(order.getStatus()).isEqualTo(DELIVERED);
        assertThat(order.getUpdatedAt()).isEqualTo(PLACED.plus(Duration.ofDays(3)));
        assertThat(order.getCreatedAt()).isEqualTo(PLACED);
    }

    @Test
    void anUnpaidOrderCannotShipAndStaysAsItWas() {
        Order order = newOrder();

        assertThatThrownBy(() -> order.moveTo(SHIPPED, PLACED.plusSeconds(60)))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.type()).isEqualTo(ProblemType.ILLEGAL_STATUS_TRANSITION);
                    assertThat(problem.type().status()).isEqualTo(409);
                    assertThat(problem.detail()).contains("PENDING_PAYMENT", "SHIPPED");
                });
        assertThat(order.getStatus()).isEqualTo(PENDING_PAYMENT);
        assertThat(order.getUpdatedAt()).isEqualTo(PLACED);
    }

    @Test
    void aShippedOrderCanNoLongerBeCancelledButACancelledPaidOneCanBeRefunded() {
        Order shipped = newOrder();
        shipped.moveTo(PAID, PLACED);
        shipped.moveTo(SHIPPED, PLACED);
        assertThatThrownBy(() -> shipped.moveTo(CANCELLED, PLACED))
                .isInstanceOfSatisfying(
                        ApiProblem.class,
                        problem -> assertThat(problem.type()).isEqualTo(ProblemType.ILLEGAL_STATUS_TRANSITION));

        Order cancelled = newOrder();
        cancelled.moveTo(PAID, PLACED);
        cancelled.moveTo(CANCELLED, PLACED);
        assertThat(cancelled.moveTo(REFUNDED, PLACED)).isEqualTo(CANCELLED);
        assertThatThrownBy(() -> cancelled.moveTo(PAID, PLACED)).isInstanceOf(ApiProblem.class);
    }
}
