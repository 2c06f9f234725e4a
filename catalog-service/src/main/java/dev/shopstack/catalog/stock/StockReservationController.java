package dev.shopstack.catalog.stock;

import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stock reservations for order-service (docs/catalog-internal-api.md). Under {@code /internal/**}: never routed
 * by the gateway, and the platform starter lets only callers with the service credential in.
 */
@RestController
@RequestMapping("/internal/stock/reservations/{orderId}")
public class StockReservationController {

    private final StockReservationService reservations;

    public StockReservationController(StockReservationService reservations) {
        this.reservations = reservations;
    }

    @PutMapping
    public ReservationView reserve(@PathVariable UUID orderId, @Valid @RequestBody ReserveRequest request) {
        return reservations.reserve(orderId, request.quantities());
    }

    @GetMapping
    public ReservationView get(@PathVariable UUID orderId) {
        return reservations.get(orderId);
    }

    @PostMapping("/confirm")
    public ReservationView confirm(@PathVariable UUID orderId) {
        return reservations.confirm(orderId);
    }

    @PostMapping("/release")
    public ReservationView release(@PathVariable UUID orderId) {
        return reservations.release(orderId);
    }
}
