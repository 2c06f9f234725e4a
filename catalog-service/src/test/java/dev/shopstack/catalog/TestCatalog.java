package dev.shopstack.catalog;

import dev.shopstack.catalog.category.Category;
import dev.shopstack.catalog.category.CategoryRepository;
import dev.shopstack.catalog.product.Product;
import dev.shopstack.catalog.product.ProductRepository;
import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/** Test data for the catalog's tests: a clean database (H2 or MariaDB) and small builders. */
public class TestCatalog {

    /** The service credential application-test.yml configures for {@code /internal/**}. */
    public static final String INTERNAL_TOKEN = "test-internal-token";

    private final JdbcTemplate jdbc;
    private final CategoryRepository categories;
    private final ProductRepository products;

    public TestCatalog(JdbcTemplate jdbc, CategoryRepository categories, ProductRepository products) {
        this.jdbc = jdbc;
        this.categories = categories;
        this.products = products;
    }

    /** Empties every table, children first; the tests share one database. */
    public void clear() {
        jdbc.update("DELETE FROM stock_reservation_lines");
        jdbc.update("DELETE FROM stock_reservations");
        jdbc.update("DELETE FROM products");
        jdbc.update("UPDATE categories SET parent_id = NULL");
        jdbc.update("DELETE FROM categories");
    }

    public Category category(String slug) {
        return categories.save(new Category(slug, slug.substring(0, 1).toUpperCase() + slug.substring(1), null));
    }

    public Product product(String sku, String name, Category category, String price, int stock) {
        return products.save(new Product(sku, name, category, new BigDecimal(price), "EUR", stock, Instant.now()));
    }

    public int stockOf(long productId) {
        return products.findById(productId).orElseThrow().getStockQuantity();
    }
}
