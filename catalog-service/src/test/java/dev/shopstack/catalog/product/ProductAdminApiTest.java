package dev.shopstack.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shopstack.catalog.IntegrationTestSupport;
import dev.shopstack.catalog.category.Category;
import dev.shopstack.catalog.stock.StockReservationService;
import dev.shopstack.platform.test.TestJwts;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

class ProductAdminApiTest extends IntegrationTestSupport {

    static final String ADMIN = "Bearer " + TestJwts.admin("a1");

    @Autowired
    StockReservationService reservations;

    @Autowired
    PlatformTransactionManager transactionManager;

    Category books;

    @BeforeEach
    void aCategory() {
        books = catalog.category("books");
    }

    private String productJson(String sku, String price) {
        return """
                {"sku": "%s", "name": "Clean Code", "description": "Craftsmanship", "categoryId": %d,
                 "price": %s, "currency": "EUR", "stockQuantity": 7, "imageUrl": "https://img.example/cc.png"}""".formatted(sku, books.getId(), price);
    }

    private long create(String sku) {
        var created = mvc.post()
                .uri("/api/products")
                .header("Authorization", ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(productJson(sku, "29.99"))
                .exchange();
        assertThat(created).hasStatus(HttpStatus.CREATED);
        return products.findAll().stream()
                .filter(p -> p.getSku().equals(sku))
                .findFirst()
                .orElseThrow()
                .getId();
    }

    @Test
    void anAdminCreatesAProductThatAnyoneCanThenRead() {
        var created = mvc.post()
                .uri("/api/products")
                .header("Authorization", ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(productJson("BOOK-001", "29.99"))
                .exchange();

        assertThat(created).hasStatus(HttpStatus.CREATED).headers().hasValue("ETag", "\"0\"");
        assertThat(created).bodyJson().extractingPath("$.sku").isEqualTo("BOOK-001");
        assertThat(created).bodyJson().extractingPath("$.active").isEqualTo(true);
        assertThat(created).bodyJson().extractingPath("$.category.slug").isEqualTo("books");
        String location = created.getResponse().getHeader("Location");

        var read = mvc.get().uri(location).exchange();
        assertThat(read).hasStatusOk();
        assertThat(read).bodyJson().extractingPath("$.price").asNumber().hasToString("29.99");
        assertThat(read).bodyJson().extractingPath("$.stockQuantity").isEqualTo(7);
    }

    @Test
    void onlyAdminsWrite() {
        long id = create("BOOK-001");
        String customer = "Bearer " + TestJwts.customer("u1");

        assertThat(mvc.post()
                        .uri("/api/products")
                        .header("Authorization", customer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(productJson("BOOK-002", "1"))
                        .exchange())
                .hasStatus(HttpStatus.FORBIDDEN)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.put()
                        .uri("/api/products/" + id)
                        .header("Authorization", customer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(productJson("BOOK-001", "1"))
                        .exchange())
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.patch()
                        .uri("/api/products/" + id)
                        .header("Authorization", customer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"price\": 1}")
                        .exchange())
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.delete()
                        .uri("/api/products/" + id)
                        .header("Authorization", customer)
                        .exchange())
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/api/products")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(productJson("BOOK-002", "1"))
                        .exchange())
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.delete().uri("/api/products/" + id).exchange()).hasStatus(HttpStatus.UNAUTHORIZED);

        assertThat(products.findById(id).orElseThrow().getPrice()).isEqualByComparingTo("29.99");
    }

    @Test
    void invalidProductsAreRefusedFieldByField() {
        var response = mvc.post()
                .uri("/api/products")
                .header("Authorization", ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"sku": "bad sku", "name": " ", "price": 0, "currency": "ABC", "stockQuantity": -1,
                         "imageUrl": "ftp://x"}""")
                .exchange();

        assertThat(response).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactly("categoryId", "currency", "imageUrl", "name", "price", "sku", "stockQuantity");
        assertThat(products.count()).isZero();
    }

    @Test
    void badReferencesAndBadJsonAreClientErrors() {
        var unknownCategory = mvc.post()
                .uri("/api/products")
                .header("Authorization", ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(productJson("BOOK-001", "1")
                        .replace("\"categoryId\": " + books.getId(), "\"categoryId\": 999999999"))
                .exchange();
        assertThat(unknownCategory).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(unknownCategory)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("categoryId");

        var unknownField = mvc.post()
                .uri("/api/products")
                .header("Authorization", ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(productJson("BOOK-001", "1").replace("{", "{\"discount\": 5, "))
                .exchange();
        assertThat(unknownField).hasStatus(HttpStatus.BAD_REQUEST);

        var malformed = mvc.post()
                .uri("/api/products")
                .header("Authorization", ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"sku\": ")
                .exchange();
        assertThat(malformed).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void skusAreUnique() {
        create("BOOK-001");

        var duplicate = mvc.post()
                .uri("/api/products")
                .header("Authorization", ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(productJson("BOOK-001", "5"))
                .exchange();

        assertThat(duplicate).hasStatus(HttpStatus.CONFLICT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(duplicate).bodyJson().extractingPath("$.detail").asString().contains("BOOK-001");
    }

    @Test
    void aReplaceBasedOnAStaleReadFailsThePrecondition() {
        long id = create("BOOK-001");
        String etag =
                mvc.get().uri("/api/products/" + id).exchange().getResponse().getHeader("ETag");

        var first = mvc.put()
                .uri("/api/products/" + id)
                .header("Authorization", ADMIN)
                .header("If-Match", etag)
                .contentType(MediaType.APPLICATION_JSON)
                .content(productJson("BOOK-001", "31.00"))
                .exchange();
        assertThat(first).hasStatusOk();
        assertThat(first.getResponse().getHeader("ETag")).isNotEqualTo(etag);

        var second = mvc.put()
                .uri("/api/products/" + id)
                .header("Authorization", ADMIN)
                .header("If-Match", etag)
                .contentType(MediaType.APPLICATION_JSON)
                .content(productJson("BOOK-001", "35.00"))
                .exchange();
        assertThat(second).hasStatus(HttpStatus.PRECONDITION_FAILED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(products.findById(id).orElseThrow().getPrice()).isEqualByComparingTo("31.00");
    }

    @Test
    void aConcurrentStockMovementMakesAStaleEditFail() {
        long id = create("BOOK-001");
        var transactions = new TransactionTemplate(transactionManager);
        var separate = new TransactionTemplate(transactionManager);
        separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
                    Product stale = products.findById(id).orElseThrow();
                    separate.executeWithoutResult(sale -> products.takeStock(id, 1, Instant.now()));
                    stale.setStockQuantity(50);
                    products.flush();
                }))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);

        assertThat(catalog.stockOf(id)).isEqualTo(6);
    }

    @Test
    void aPatchChangesOnlyTheGivenFields() {
        long id = create("BOOK-001");

        var patched = mvc.patch()
                .uri("/api/products/" + id)
                .header("Authorization", ADMIN)
                .contentType(MediaType.valueOf("application/merge-patch+json"))
                .content("""
                        {"price": 24.50, "imageUrl": "", "active": false}""")
                .exchange();

        assertThat(patched).hasStatusOk();
        assertThat(patched).bodyJson().extractingPath("$.price").asNumber().hasToString("24.5");
        assertThat(patched).bodyJson().extractingPath("$.name").isEqualTo("Clean Code");
        assertThat(patched).bodyJson().extractingPath("$.stockQuantity").isEqualTo(7);
        assertThat(patched).bodyJson().extractingPath("$.imageUrl").isNull();
        assertThat(mvc.get().uri("/api/products/" + id).exchange()).hasStatus(HttpStatus.NOT_FOUND);

        var invalid = mvc.patch()
                .uri("/api/products/" + id)
                .header("Authorization", ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"price\": -3, \"name\": \"  \"}")
                .exchange();
        assertThat(invalid).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(invalid)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactly("name", "price");
    }

    @Test
    void aDeletedProductIsGoneButAReservedOneStays() {
        long plain = create("BOOK-001");
        assertThat(mvc.delete()
                        .uri("/api/products/" + plain)
                        .header("Authorization", ADMIN)
                        .exchange())
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(mvc.get().uri("/api/products/" + plain).exchange()).hasStatus(HttpStatus.NOT_FOUND);

        long reserved = create("BOOK-002");
        reservations.reserve(UUID.randomUUID(), Map.of(reserved, 1));
        assertThat(mvc.delete()
                        .uri("/api/products/" + reserved)
                        .header("Authorization", ADMIN)
                        .exchange())
                .hasStatus(HttpStatus.CONFLICT)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(products.existsById(reserved)).isTrue();
    }
}
