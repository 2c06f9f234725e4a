package dev.shopstack.order.orders;

import dev.shopstack.platform.caller.Caller;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Lists orders: a customer's own, or anyone's (optionally one user's) for an admin. */
@Service
public class OrderSearch {

    private final OrderRepository orders;

    public OrderSearch(OrderRepository orders) {
        this.orders = orders;
    }

    /** @param userId honoured for admins only; a customer always gets their own orders */
    @Transactional(readOnly = true)
    public Page<OrderSummary> search(
            Caller caller, UUID userId, OrderStatus status, Instant from, Instant to, Pageable page) {
        return orders.search(caller.admin() ? userId : caller.userId(), status, from, to, page)
                .map(OrderSummary::of);
    }
}
