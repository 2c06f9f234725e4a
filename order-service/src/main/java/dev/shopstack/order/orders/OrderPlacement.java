package dev.shopstack.order.orders;

import dev.shopstack.order.catalog.CatalogClient;
import dev.shopstack.order.catalog.CatalogRejectedException;
import dev.shopstack.order.catalog.CatalogUnavailableException;
import dev.shopstack.order.catalog.Reservation;
import dev.shopstack.order.catalog.StockReleases;
import dev.shopstack.order.catalog.StockRequest;
import dev.shopstack.platform.caller.Caller;
import dev.shopstack.platform.errors.ApiProblem;
import dev.shopstack.platform.problems.ProblemType;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Places an order: the id is chosen first, stock is reserved under it (outside any transaction: no connection is
 * held while the catalog answers), then order, lines, idempotency key and {@code order.placed} commit together.
 * Every way out after reserving that does not commit the order gives the stock back.
 */
@Service
public class OrderPlacement {

    /** The answer, and whether it is a replay of an earlier request with the same key. */
    public record Placed(OrderView order, boolean replayed) {}

    private final CatalogClient catalog;
    private final StockReleases releases;
    private final OrderRepository orders;
    private final IdempotencyRecordRepository keys;
    private final OrderEvents events;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final EntityManager entityManager;
    private final OrderLimits limits;
    private final Clock clock;
    private final CardPaymentHooks cardPayments;

    public OrderPlacement(
            CatalogClient catalog,
            StockReleases releases,
            OrderRepository orders,
            IdempotencyRecordRepository keys,
            OrderEvents events,
            TransactionTemplate tx,
            JsonMapper json,
            EntityManager entityManager,
            OrderLimits limits,
            Clock clock,
            CardPaymentHooks cardPayments) {
        this.clock = clock;
        this.cardPayments = cardPayments;
        this.entityManager = entityManager;
        this.limits = limits;
        this.catalog = catalog;
        this.releases = releases;
        this.orders = orders;
        this.keys = keys;
        this.events = events;
        this.tx = tx;
        this.json = json;
    }

    /**
     * Places the order, then (after its commit, never inside the transaction) opens its card payment at the
     * provider. A provider that is down or slow (bounded by its timeouts) does not fail the placement: the answer
     * says {@code INTENT_PENDING} and the payment is created later.
     */
    public Placed place(Caller caller, String idempotencyKey, PlaceOrderRequest request) {
        Placed placed = placeOrder(caller, idempotencyKey, request);
        UUID orderId = placed.order().id();
        cardPayments.startAfterPlacement(orderId);
        return new Placed(
                tx.execute(status -> orders.findById(orderId).map(OrderView::of).orElse(placed.order())),
                placed.replayed());
    }

    private Placed placeOrder(Caller caller, String idempotencyKey, PlaceOrderRequest request) {
        String hash = hash(request);
        var earlier = keys.findByUserIdAndKey(caller.userId(), idempotencyKey);
        if (earlier.isPresent()) {
            return replay(earlier.get(), hash);
        }
        limits.checkUnits(request);
        limits.checkOpenUnpaid(caller.userId());
        UUID orderId = UUID.randomUUID();
        Reservation reservation;
        try {
            reservation = catalog.reserve(
                    orderId,
                    request.lines().stream()
                            .map(line -> new StockRequest.Line(line.productId(), line.quantity()))
                            .toList());
        } catch (CatalogUnavailableException e) {
            // a timed-out reserve may still have taken the stock: give it back (now, or later by the job)
            releases.release(orderId);
            throw e;
        } catch (CatalogRejectedException e) {
            throw rejected(e); // the catalog reserved nothing
        }
        try {
            Order order = new Order(
                    orderId,
                    caller.userId(),
                    caller.email(),
                    request.shippingAddress(),
                    currencyOf(reservation),
                    items(reservation),
                    clock.instant());
            return new Placed(
                    tx.execute(status -> {
                        limits.checkOpenUnpaid(caller.userId()); // again: another order may have committed meanwhile
                        entityManager.persist(order); // a new id: persist, not save() (which would merge)
                        entityManager.flush();
                        keys.saveAndFlush(
                                new IdempotencyRecord(caller.userId(), idempotencyKey, hash, orderId, clock.instant()));
                        events.placed(order);
                        return OrderView.of(order);
                    }),
                    false);
        } catch (DataIntegrityViolationException sameKeyAtOnce) {
            releases.release(orderId);
            return replay(
                    keys.findByUserIdAndKey(caller.userId(), idempotencyKey).orElseThrow(() -> sameKeyAtOnce), hash);
        } catch (RuntimeException e) {
            releases.release(orderId);
            throw e;
        }
    }

    private Placed replay(IdempotencyRecord earlier, String hash) {
        if (!earlier.getRequestHash().equals(hash)) {
            throw ApiProblem.of(
                    ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for a different request. Use a new key for a new order.");
        }
        return new Placed(
                tx.execute(status -> orders.findById(earlier.getOrderId())
                        .map(OrderView::of)
                        .orElseThrow(() -> ApiProblem.of(
                                ProblemType.NOT_FOUND, "The order of this Idempotency-Key no longer exists."))),
                true);
    }

    private static ApiProblem rejected(CatalogRejectedException e) {
        ApiProblem problem = switch (e.status().value()) {
            case 409 -> ApiProblem.of(ProblemType.OUT_OF_STOCK, e.getMessage());
            case 404 -> ApiProblem.of(ProblemType.PRODUCT_UNAVAILABLE, e.getMessage());
            default -> ApiProblem.of(ProblemType.ORDER_REJECTED, e.getMessage());
        };
        if (e.productId() != null) {
            problem.with("productId", e.productId());
        }
        return problem;
    }

    private static String currencyOf(Reservation reservation) {
        if (!Reservation.RESERVED.equals(reservation.status())) {
            throw ApiProblem.of(ProblemType.RESERVATION_FAILED, "The stock could not be reserved. Try again.");
        }
        List<String> currencies = reservation.lines().stream()
                .map(Reservation.Line::currency)
                .distinct()
                .toList();
        if (currencies.size() != 1) {
            throw ApiProblem.of(
                    ProblemType.MIXED_CURRENCIES,
                    "All products of one order must have the same currency; this order mixes " + currencies + ".");
        }
        return currencies.get(0);
    }

    private static List<OrderItem> items(Reservation reservation) {
        return reservation.lines().stream()
                .map(line ->
                        new OrderItem(line.productId(), line.sku(), line.name(), line.unitPrice(), line.quantity()))
                .toList();
    }

    /** The same key must come with the same body: compare a hash of the canonical JSON. */
    private String hash(PlaceOrderRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
