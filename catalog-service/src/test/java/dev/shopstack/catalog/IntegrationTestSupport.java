package dev.shopstack.catalog;

import dev.shopstack.catalog.category.CategoryRepository;
import dev.shopstack.catalog.product.ProductRepository;
import dev.shopstack.platform.test.TestJwtConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The one Spring context of the module's tests (the H2 or MariaDB database of the active profiles), with MockMvc and
 * an empty catalog before every test.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestJwtConfiguration.class)
public abstract class IntegrationTestSupport {

    @Autowired
    protected MockMvcTester mvc;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected CategoryRepository categories;

    @Autowired
    protected ProductRepository products;

    protected TestCatalog catalog;

    @BeforeEach
    void anEmptyCatalog() {
        catalog = new TestCatalog(jdbc, categories, products);
        catalog.clear();
    }
}
