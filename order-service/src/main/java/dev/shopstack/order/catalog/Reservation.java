package dev.shopstack.order.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** catalog-service's answer about an order's stock reservation (docs/catalog-internal-api.md). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Reservation(UUID orderId, String status, List<Line> lines, Instant expiresAt) {

    public static final String RESERVED = "RESERVED";

    /** A reserved line with the product's SKU, name and price at the moment of reserving. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Line(long productId, String sku, String name, BigDecimal unitPrice, String currency, int quantity) {}
}
