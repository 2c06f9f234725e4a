package dev.shopstack.catalog.product;

import dev.shopstack.catalog.category.Category;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

@Entity
@Table(name = "products")
public class Product {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 40)
    private String sku;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 4000)
    private String description;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "category_id", nullable = false)
    private Category category;

    @Column(nullable = false, precision = 19, scale = 2)
    private BigDecimal price;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(name = "stock_quantity", nullable = false)
    private int stockQuantity;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "image_url", length = 500)
    private String imageUrl;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Also bumped by every stock movement, so an admin's edit based on a stale read cannot undo a sale. */
    @Version
    private long version;

    protected Product() {}

    public Product(
            String sku,
            String name,
            Category category,
            BigDecimal price,
            String currency,
            int stockQuantity,
            Instant now) {
        this.sku = sku;
        this.name = name;
        this.category = category;
        this.price = price;
        this.currency = currency;
        this.stockQuantity = stockQuantity;
        this.active = true;
        this.createdAt = wholeSeconds(now);
        this.updatedAt = createdAt;
    }

    void setSku(String sku) {
        this.sku = sku;
    }

    void setName(String name) {
        this.name = name;
    }

    /** Blank clears it. */
    void setDescription(String description) {
        this.description = blankToNull(description);
    }

    void setCategory(Category category) {
        this.category = category;
    }

    void setPrice(BigDecimal price) {
        this.price = price;
    }

    void setCurrency(String currency) {
        this.currency = currency;
    }

    void setStockQuantity(int stockQuantity) {
        this.stockQuantity = stockQuantity;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    /** Blank clears it. */
    void setImageUrl(String imageUrl) {
        this.imageUrl = blankToNull(imageUrl);
    }

    void touch(Instant now) {
        this.updatedAt = wholeSeconds(now);
    }

    /**
     * Whole seconds, so a write answers what a later read shows on every database (MySQL Connector/J drops
     * fractions of a second when it talks to MariaDB).
     */
    private static Instant wholeSeconds(Instant now) {
        return now.truncatedTo(ChronoUnit.SECONDS);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public Long getId() {
        return id;
    }

    public String getSku() {
        return sku;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public Category getCategory() {
        return category;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public String getCurrency() {
        return currency;
    }

    public int getStockQuantity() {
        return stockQuantity;
    }

    public boolean isActive() {
        return active;
    }

    public String getImageUrl() {
        return imageUrl;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
