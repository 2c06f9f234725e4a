package dev.shopstack.catalog.stock;

import dev.shopstack.catalog.product.Product;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** One product of a reservation, with its SKU, name and price as they were when it was reserved. */
@Embeddable
public class ReservationLine {

    @Column(name = "product_id", nullable = false)
    private long productId;

    @Column(nullable = false, length = 40)
    private String sku;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "unit_price", nullable = false, precision = 19, scale = 2)
    private BigDecimal unitPrice;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(nullable = false)
    private int quantity;

    protected ReservationLine() {}

    ReservationLine(Product product, int quantity) {
        this.productId = product.getId();
        this.sku = product.getSku();
        this.name = product.getName();
        this.unitPrice = product.getPrice();
        this.currency = product.getCurrency();
        this.quantity = quantity;
    }

    public long getProductId() {
        return productId;
    }

    public String getSku() {
        return sku;
    }

    public String getName() {
        return name;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public String getCurrency() {
        return currency;
    }

    public int getQuantity() {
        return quantity;
    }
}
