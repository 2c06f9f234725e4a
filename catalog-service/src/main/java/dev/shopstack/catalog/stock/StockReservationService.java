package dev.shopstack.catalog.stock;

import dev.shopstack.catalog.product.Product;
import dev.shopstack.catalog.product.ProductRepository;
import dev.shopstack.platform.errors.ApiProblem;
import dev.shopstack.platform.problems.ProblemType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stock reservations for orders. Reserving is all or nothing and idempotent by order id; confirm and release are
 * idempotent too. Overselling is impossible: stock is only ever taken by a conditional atomic UPDATE.
 */
@Service
public class StockReservationService {

    /** Requests for the same new order can race; a loser tries again and then finds the winner's reservation. */
    private static final int ATTEMPTS = 3;

    private final StockReservationRepository reservations;
    private final ProductRepository products;
    private final TransactionTemplate transactions;
    private final Duration ttl;
    private final Clock clock;

    public StockReservationService(
            StockReservationRepository reservations,
            ProductRepository products,
            PlatformTransactionManager transactionManager,
            StockProperties properties,
            Clock clock) {
        this.clock = clock;
        this.reservations = reservations;
        this.products = products;
        this.transactions = new TransactionTemplate(transactionManager);
        this.ttl = properties.reservationTtl();
    }

    /**
     * Reserves every line or none. A repeated request (same order id, same lines) answers the existing
     * reservation, whatever its status now; the same order id with other lines is refused (422).
     */
    public ReservationView reserve(UUID orderId, Map<Long, Integer> requested) {
        Map<Long, Integer> quantities = new TreeMap<>(requested); // ascending product ids: the lock order
        for (int attempt = 1; ; attempt++) {
            ReservationView existing = transactions.execute(tx -> reservations
                    .findById(orderId)
                    .map(reservation -> repeated(reservation, quantities))
                    .orElse(null));
            if (existing != null) {
                return existing;
            }
            try {
                return transactions.execute(tx -> create(orderId, quantities));
            } catch (DataIntegrityViolationException sameOrderReservedConcurrently) {
                if (attempt == ATTEMPTS) {
                    throw sameOrderReservedConcurrently;
                }
            }
        }
    }

    private ReservationView create(UUID orderId, Map<Long, Integer> quantities) {
        Instant now = now();
        // Insert the reservation first: a concurrent request for the same order now waits on, then fails on,
        // the primary key instead of taking stock a second time.
        StockReservation reservation = reservations.saveAndFlush(new StockReservation(orderId, now, now.plus(ttl)));
        // Ascending product ids: concurrent orders lock product rows in the same order, so
        // they cannot deadlock. Any line that fails throws, and the transaction gives back what was taken.
        quantities.forEach((productId, quantity) -> {
            if (products.takeStock(productId, quantity, now) == 0) {
                throw unavailable(productId, quantity);
            }
        });
        Map<Long, Product> reserved = products.findAllById(quantities.keySet()).stream()
                .collect(Collectors.toMap(Product::getId, Function.identity()));
        quantities.forEach(
                (productId, quantity) -> reservation.addLine(new ReservationLine(reserved.get(productId), quantity)));
        reservations.flush();
        return ReservationView.of(reservation);
    }

    private ReservationView repeated(StockReservation reservation, Map<Long, Integer> quantities) {
        if (!reservation.quantities().equals(quantities)) {
            throw ApiProblem.of(
                    ProblemType.RESERVATION_MISMATCH,
                    "Order " + reservation.getOrderId()
                            + " already has a reservation with other lines. A changed order needs a new order id.");
        }
        return ReservationView.of(reservation);
    }

    private ApiProblem unavailable(long productId, int quantity) {
        Product product = products.findById(productId)
                .filter(Product::isActive)
                .orElseThrow(() -> ApiProblem.of(
                        ProblemType.NOT_FOUND, "Product " + productId + " does not exist or is not for sale."));
        return ApiProblem.of(
                        ProblemType.OUT_OF_STOCK,
                        "Not enough stock of " + product.getSku() + " (" + product.getName() + "): " + quantity
                                + " requested, " + product.getStockQuantity() + " available.")
                .with("productId", productId)
                .with("sku", product.getSku())
                .with("available", product.getStockQuantity());
    }

    @Transactional(readOnly = true)
    public ReservationView get(UUID orderId) {
        return ReservationView.of(find(orderId));
    }

    /**
     * The order is paid: its stock is sold. Repeating it is harmless. A reservation that already gave its stock
     * back (released or expired) cannot be confirmed (409); one past its expiry time that the expiry job has not
     * reached yet still holds its stock, so it can.
     */
    @Transactional
    public ReservationView confirm(UUID orderId) {
        int changed = reservations.changeStatus(
                orderId, List.of(ReservationStatus.RESERVED), ReservationStatus.CONFIRMED, now());
        StockReservation reservation = find(orderId);
        if (changed == 0 && reservation.getStatus() != ReservationStatus.CONFIRMED) {
            throw ApiProblem.of(
                    ProblemType.RESERVATION_NOT_HELD,
                    "The reservation of order " + orderId + " is " + reservation.getStatus()
                            + ": its stock is no longer held.");
        }
        return ReservationView.of(reservation);
    }

    /** The order is cancelled or failed: its stock comes back, once, even if it was confirmed. */
    @Transactional
    public ReservationView release(UUID orderId) {
        Instant now = now();
        int changed = reservations.changeStatus(
                orderId,
                List.of(ReservationStatus.RESERVED, ReservationStatus.CONFIRMED),
                ReservationStatus.RELEASED,
                now);
        StockReservation reservation = find(orderId);
        if (changed == 1) {
            giveBack(reservation, now);
        }
        return ReservationView.of(reservation);
    }

    /** Gives the stock of one unconfirmed, overdue reservation back; false if it was not (or no longer) due. */
    @Transactional
    public boolean expire(UUID orderId, Instant now) {
        if (reservations.expireIfDue(orderId, now) == 0) {
            return false;
        }
        giveBack(find(orderId), now);
        return true;
    }

    private void giveBack(StockReservation reservation, Instant now) {
        // lines are ordered by product id: the same lock order as reserving
        reservation.getLines().forEach(line -> products.returnStock(line.getProductId(), line.getQuantity(), now));
    }

    private StockReservation find(UUID orderId) {
        return reservations.findById(orderId).orElseThrow(() -> notFound(orderId));
    }

    /**
     * Whole seconds: a repeated request must answer exactly what the first did, and MySQL Connector/J drops
     * fractions of a second when it talks to MariaDB (it reads the server as version 5.5).
     */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static ApiProblem notFound(UUID orderId) {
        return ApiProblem.of(ProblemType.NOT_FOUND, "There is no reservation for order " + orderId + ".");
    }
}
