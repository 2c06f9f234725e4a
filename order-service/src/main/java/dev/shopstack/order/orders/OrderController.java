package dev.shopstack.order.orders;

import dev.shopstack.platform.caller.Caller;
import dev.shopstack.platform.docs.Problems;
import dev.shopstack.platform.problems.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/orders")
public class OrderController {

    /** {@code POST /{id}/cancel}: an optional reason. */
    public record CancelRequest(@Size(max = 200) String reason) {}

    /** {@code PATCH /{id}/status} (admin). */
    public record StatusChange(
            @NotNull OrderStatus status, @Size(max = 200) String reason) {}

    private final OrderSearch orders;
    private final OrderPlacement placement;
    private final OrderLifecycle lifecycle;

    public OrderController(OrderSearch orders, OrderPlacement placement, OrderLifecycle lifecycle) {
        this.orders = orders;
        this.placement = placement;
        this.lifecycle = lifecycle;
    }

    /** 201 for a new order; 200 with the same order when the same key and body come again. */
    @Operation(
            operationId = "placeOrder",
            summary = "Place an order; an Idempotency-Key makes a retry answer the first order (200)")
    @ResponseStatus(HttpStatus.CREATED)
    @Problems({
        ProblemType.OUT_OF_STOCK,
        ProblemType.PRODUCT_UNAVAILABLE,
        ProblemType.MIXED_CURRENCIES,
        ProblemType.IDEMPOTENCY_KEY_REUSED,
        ProblemType.TOO_MANY_UNPAID_ORDERS,
        ProblemType.TOO_MANY_UNITS,
        ProblemType.ORDER_REJECTED,
        ProblemType.RESERVATION_FAILED,
        ProblemType.CATALOG_UNAVAILABLE
    })
    @PostMapping
    public ResponseEntity<OrderView> place(
            Caller caller,
            @RequestHeader("Idempotency-Key") @NotBlank @Size(max = 100) @Pattern(regexp = "[\\x21-\\x7E]+")
                    String idempotencyKey,
            @Valid @RequestBody PlaceOrderRequest request) {
        var placed = placement.place(caller, idempotencyKey, request);
        return ResponseEntity.status(placed.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .header("Idempotent-Replayed", Boolean.toString(placed.replayed()))
                .body(placed.order().forCaller(caller));
    }

    /** A customer's own orders, newest first; an admin sees everyone's and may filter by user. */
    @Operation(
            operationId = "listOrders",
            summary = "The caller's orders, a page at a time (an admin sees every order)")
    @GetMapping
    public PagedModel<OrderSummary> list(
            Caller caller,
            @RequestParam(required = false) OrderStatus status,
            @RequestParam(required = false) UUID userId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        var request = PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt", "id"));
        return new PagedModel<>(orders.search(
                caller, userId, status, startOf(from), to == null ? null : startOf(to.plusDays(1)), request));
    }

    @Operation(operationId = "getOrder", summary = "One order (another customer's order is not found)")
    @GetMapping("/{id}")
    public OrderView get(Caller caller, @PathVariable UUID id) {
        return lifecycle.view(caller, id).forCaller(caller);
    }

    @Operation(operationId = "cancelOrder", summary = "Cancel an order that has not shipped")
    @Problems(ProblemType.ILLEGAL_STATUS_TRANSITION)
    @PostMapping("/{id}/cancel")
    public OrderView cancel(
            Caller caller, @PathVariable UUID id, @Valid @RequestBody(required = false) CancelRequest request) {
        return lifecycle
                .cancel(caller, id, request == null ? null : request.reason())
                .forCaller(caller);
    }

    @Operation(operationId = "changeOrderStatus", summary = "Move an order along its life cycle (admin)")
    @Problems({ProblemType.ILLEGAL_STATUS_TRANSITION, ProblemType.PAYMENT_REQUIRED})
    @PatchMapping("/{id}/status")
    @PreAuthorize("hasRole('ADMIN')")
    public OrderView changeStatus(Caller caller, @PathVariable UUID id, @Valid @RequestBody StatusChange change) {
        return lifecycle.changeStatus(caller, id, change.status(), change.reason());
    }

    @Operation(operationId = "deleteOrder", summary = "Delete a closed order (admin)")
    @Problems({ProblemType.ORDER_STILL_OPEN})
    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(Caller caller, @PathVariable UUID id) {
        lifecycle.delete(caller, id);
    }

    private static Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
