package dev.shopstack.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.catalog.IntegrationTestSupport;
import dev.shopstack.catalog.category.Category;
import dev.shopstack.platform.test.TestJwts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

class ProductSearchApiTest extends IntegrationTestSupport {

    Product oldRadio;

    /** Created in this order, so "newest" is the reverse. */
    @BeforeEach
    void someProducts() {
        Category books = catalog.category("books");
        Category electronics = catalog.category("electronics");
        describe(catalog.product("BOOK-001", "Java Concurrency in Practice", books, "39.90", 5), "Threads and locks");
        describe(
                catalog.product("BOOK-002", "Effective Java", books, "45.00", 0),
                "Best practices for the JAVA platform");
        describe(catalog.product("BOOK-003", "Clean Code", books, "29.99", 10), "Craftsmanship");
        describe(
                catalog.product("ELEC-001", "Noise Cancelling Headphones", electronics, "199.00", 3),
                "Quiet enough to write Java");
        catalog.product("ELEC-002", "USB-C Cable 100% copper", electronics, "9.99", 100);
        oldRadio = catalog.product("ELEC-003", "Old Radio", electronics, "15.00", 2);
        oldRadio.setActive(false);
        products.save(oldRadio);
    }

    private void describe(Product product, String description) {
        product.setDescription(description);
        products.save(product);
    }

    @Test
    void theDefaultListIsNewestFirstWithCategoriesAndWithoutInactiveProducts() {
        var response = mvc.get().uri("/api/products").exchange();

        assertThat(response).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON);
        assertThat(response)
                .bodyJson()
                .extractingPath("$.content[*].sku")
                .asArray()
                .containsExactly("ELEC-002", "ELEC-001", "BOOK-003", "BOOK-002", "BOOK-001");
        assertThat(response)
                .bodyJson()
                .extractingPath("$.content[0].category.slug")
                .isEqualTo("electronics");
        assertThat(response)
                .bodyJson()
                .extractingPath("$.content[0].price")
                .asNumber()
                .hasToString("9.99");
        assertThat(response).bodyJson().extractingPath("$.content[0].currency").isEqualTo("EUR");
        assertThat(response).bodyJson().extractingPath("$.page.totalElements").isEqualTo(5);
    }

    @Test
    void theTextSearchLooksInNameAndDescriptionIgnoringCase() {
        var response = mvc.get().uri("/api/products?q=jaVa&sort=name").exchange();

        assertThat(response)
                .bodyJson()
                .extractingPath("$.content[*].name")
                .asArray()
                .containsExactly("Effective Java", "Java Concurrency in Practice", "Noise Cancelling Headphones");
    }

    @Test
    void searchWildcardsAreLiteralCharacters() {
        assertThat(mvc.get().uri("/api/products?q=_").exchange())
                .bodyJson()
                .extractingPath("$.page.totalElements")
                .isEqualTo(0);
        assertThat(mvc.get().uri("/api/products?q=100%").exchange())
                .bodyJson()
                .extractingPath("$.content[*].sku")
                .asArray()
                .containsExactly("ELEC-002");
    }

    @Test
    void filtersCombineCategoryStockAndPriceRange() {
        var inStockBooks = mvc.get()
                .uri("/api/products?category=books&inStock=true&sort=price_asc")
                .exchange();
        assertThat(inStockBooks)
                .bodyJson()
                .extractingPath("$.content[*].sku")
                .asArray()
                .containsExactly("BOOK-003", "BOOK-001");

        var priceRange = mvc.get()
                .uri("/api/products?minPrice=10&maxPrice=45&sort=price_desc")
                .exchange();
        assertThat(priceRange)
                .bodyJson()
                .extractingPath("$.content[*].sku")
                .asArray()
                .containsExactly("BOOK-002", "BOOK-001", "BOOK-003");

        var unknownCategory = mvc.get().uri("/api/products?category=garden").exchange();
        assertThat(unknownCategory)
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.page.totalElements")
                .isEqualTo(0);
    }

    @Test
    void aCategoryIncludesItsSubCategories() {
        Category electronics = categories.findBySlug("electronics").orElseThrow();
        Category audio = categories.save(new Category("audio", "Audio", electronics.getId()));
        Category headphones = categories.save(new Category("headphones", "Headphones", audio.getId()));
        catalog.product("HEAD-001", "Earbuds", headphones, "59.00", 4);

        assertThat(mvc.get().uri("/api/products?category=electronics&sort=name").exchange())
                .bodyJson()
                .extractingPath("$.content[*].sku")
                .asArray()
                .containsExactly("HEAD-001", "ELEC-001", "ELEC-002");
        assertThat(mvc.get().uri("/api/products?category=headphones").exchange())
                .bodyJson()
                .extractingPath("$.content[*].sku")
                .asArray()
                .containsExactly("HEAD-001");
    }

    @Test
    void pagesAreStableAndBounded() {
        var first = mvc.get().uri("/api/products?sort=name&size=2").exchange();
        assertThat(first)
                .bodyJson()
                .extractingPath("$.content[*].sku")
                .asArray()
                .containsExactly("BOOK-003", "BOOK-002");
        assertThat(first).bodyJson().extractingPath("$.page.totalPages").isEqualTo(3);

        var last = mvc.get().uri("/api/products?sort=name&size=2&page=2").exchange();
        assertThat(last).bodyJson().extractingPath("$.content[*].sku").asArray().containsExactly("ELEC-002");

        var tooBig = mvc.get().uri("/api/products?size=101&sort=cheapest").exchange();
        assertThat(tooBig).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(tooBig)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactlyInAnyOrder("size", "sort");
    }

    @Test
    void inactiveProductsExistOnlyForAdmins() {
        String path = "/api/products/" + oldRadio.getId();
        assertThat(mvc.get().uri(path).exchange())
                .hasStatus(HttpStatus.NOT_FOUND)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.get()
                        .uri(path)
                        .header("Authorization", "Bearer " + TestJwts.customer("u1"))
                        .exchange())
                .hasStatus(HttpStatus.NOT_FOUND);

        var asAdmin = mvc.get()
                .uri(path)
                .header("Authorization", "Bearer " + TestJwts.admin("a1"))
                .exchange();
        assertThat(asAdmin).hasStatusOk().bodyJson().extractingPath("$.active").isEqualTo(false);

        var adminList = mvc.get()
                .uri("/api/products?category=electronics")
                .header("Authorization", "Bearer " + TestJwts.admin("a1"))
                .exchange();
        assertThat(adminList)
                .bodyJson()
                .extractingPath("$.content[*].sku")
                .asArray()
                .contains("ELEC-003");
    }

    @Test
    void aProductHasAnETagThatAnswersNotModified() {
        long id = products.findAll().stream()
                .filter(p -> p.getSku().equals("BOOK-001"))
                .findFirst()
                .orElseThrow()
                .getId();

        var response = mvc.get().uri("/api/products/" + id).exchange();
        assertThat(response).hasStatusOk();
        assertThat(response).bodyJson().extractingPath("$.name").isEqualTo("Java Concurrency in Practice");
        String etag = response.getResponse().getHeader("ETag");
        assertThat(etag).matches("\"\\d+\"");

        assertThat(mvc.get()
                        .uri("/api/products/" + id)
                        .header("If-None-Match", etag)
                        .exchange())
                .hasStatus(HttpStatus.NOT_MODIFIED);
    }

    @Test
    void anUnknownProductIsA404Problem() {
        assertThat(mvc.get().uri("/api/products/999999999").exchange())
                .hasStatus(HttpStatus.NOT_FOUND)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.get().uri("/api/products/abc").exchange()).hasStatus(HttpStatus.BAD_REQUEST);
    }
}
