package dev.shopstack.order.orders;

import dev.shopstack.order.support.Caller;
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
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.annotation.Transactional;
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
    public record CancelRequest(@Size(max = 200) String reason) {
    }

    /** {@code PATCH /{id}/status} (admin). */
    public record StatusChange(@NotNull OrderStatus status, @Size(max = 200) String reason) {
    }

    private final OrderRepository orders;
    private final OrderPlacement placement;
    private final OrderLifecycle lifecycle;

    public OrderController(OrderRepository orders, OrderPlacement placement, OrderLifecycle lifecycle) {
        this.orders = orders;
        this.placement = placement;
        this.lifecycle = lifecycle;
    }

    /** 201 for a new order; 200 with the same order when the same key and body come again. */
    @PostMapping
    public ResponseEntity<OrderView> place(JwtAuthenticationToken token,
            @RequestHeader("Idempotency-Key") @NotBlank @Size(max = 100) @Pattern(regexp = "[\\x21-\\x7E]+")
            String idempotencyKey,
            @Valid @RequestBody PlaceOrderRequest request) {
        var placed = placement.place(Caller.of(token), idempotencyKey, request);
        return ResponseEntity.status(placed.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .header("Idempotent-Replayed", Boolean.toString(placed.replayed()))
                .body(placed.order());
    }

    /** A customer's own orders, newest first; an admin sees everyone's and may filter by user. */
    @GetMapping
    @Transactional(readOnly = true)
    public PagedModel<OrderSummary> list(
            JwtAuthenticationToken token,
            @RequestParam(required = false) OrderStatus status,
            @RequestParam(required = false) UUID userId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Caller caller = Caller.of(token);
        var request = PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt", "id"));
        var result = orders.search(caller.admin() ? userId : caller.userId(), status, startOf(from),
                to == null ? null : startOf(to.plusDays(1)), request);
        return new PagedModel<>(result.map(OrderSummary::of));
    }

    @GetMapping("/{id}")
    public OrderView get(JwtAuthenticationToken token, @PathVariable UUID id) {
        return lifecycle.view(Caller.of(token), id);
    }

    @PostMapping("/{id}/cancel")
    public OrderView cancel(JwtAuthenticationToken token, @PathVariable UUID id,
            @Valid @RequestBody(required = false) CancelRequest request) {
        return lifecycle.cancel(Caller.of(token), id, request == null ? null : request.reason());
    }

    @PatchMapping("/{id}/status")
    @PreAuthorize("hasRole('ADMIN')")
    public OrderView changeStatus(JwtAuthenticationToken token, @PathVariable UUID id,
            @Valid @RequestBody StatusChange change) {
        return lifecycle.changeStatus(Caller.of(token), id, change.status(), change.reason());
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(JwtAuthenticationToken token, @PathVariable UUID id) {
        lifecycle.delete(Caller.of(token), id);
    }

    private static Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
