package dev.shopstack.catalog.category;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.catalog.IntegrationTestSupport;
import dev.shopstack.platform.test.TestJwts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

class CategoryApiTest extends IntegrationTestSupport {

    Category books;

    @BeforeEach
    void freshCategories() {
        categories.save(new Category("outdoor", "Outdoor", null));
        books = categories.save(new Category("books", "Books", null));
        categories.save(new Category("electronics", "Electronics", null));
    }

    @Test
    void anyoneCanListCategoriesByNameOnePageAtATime() {
        var response = mvc.get().uri("/api/categories?size=2").exchange();

        assertThat(response).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON);
        assertThat(response)
                .bodyJson()
                .extractingPath("$.content[*].name")
                .asArray()
                .containsExactly("Books", "Electronics");
        assertThat(response).bodyJson().extractingPath("$.page.totalElements").isEqualTo(3);
        assertThat(response).bodyJson().extractingPath("$.page.totalPages").isEqualTo(2);

        var second = mvc.get().uri("/api/categories?size=2&page=1").exchange();
        assertThat(second)
                .bodyJson()
                .extractingPath("$.content[*].slug")
                .asArray()
                .containsExactly("outdoor");
    }

    @Test
    void anOversizedPageIsRefusedAsProblemJson() {
        var response = mvc.get().uri("/api/categories?size=100000").exchange();

        assertThat(response).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response).bodyJson().extractingPath("$.errors[0].field").isEqualTo("size");
        assertThat(response).bodyJson().extractingPath("$.instance").isEqualTo("/api/categories");
    }

    @Test
    void aPageThatIsNotANumberIsABadRequestNotAServerError() {
        var response = mvc.get().uri("/api/categories?page=abc").exchange();

        assertThat(response).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anUnknownPathIsA404ProblemWithoutInternals() {
        var response = mvc.get()
                .uri("/api/nothing-here")
                .header("Authorization", "Bearer " + TestJwts.customer("u1"))
                .exchange();

        assertThat(response).hasStatus(HttpStatus.NOT_FOUND).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response).bodyText().doesNotContain("Exception", "at dev.");
    }

    @Test
    void protectedPathsNeedAValidToken() {
        var anonymous = mvc.post().uri("/api/categories").exchange();
        assertThat(anonymous).hasStatus(HttpStatus.UNAUTHORIZED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(anonymous.getResponse().getHeader("WWW-Authenticate")).isEqualTo("Bearer");

        for (String token :
                new String[] {TestJwts.forged("u1"), TestJwts.expired("u1"), TestJwts.fromOtherIssuer("u1"), "not-a-jwt"
                }) {
            assertThat(mvc.post()
                            .uri("/api/categories")
                            .header("Authorization", "Bearer " + token)
                            .exchange())
                    .hasStatus(HttpStatus.UNAUTHORIZED)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .headers()
                    .hasValue("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
    }

    @Test
    void anAdminCreatesRenamesAndDeletesACategory() {
        var created = mvc.post()
                .uri("/api/categories")
                .header("Authorization", "Bearer " + TestJwts.admin("a1"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"slug": "fiction", "name": "Fiction", "parentId": %d}""".formatted(books.getId()))
                .exchange();
        assertThat(created).hasStatus(HttpStatus.CREATED);
        assertThat(created)
                .bodyJson()
                .extractingPath("$.parentId")
                .asNumber()
                .isEqualTo(books.getId().intValue());
        long id = categories.findBySlug("fiction").orElseThrow().getId();
        assertThat(created.getResponse().getHeader("Location")).isEqualTo("/api/categories/" + id);

        var renamed = mvc.put()
                .uri("/api/categories/" + id)
                .header("Authorization", "Bearer " + TestJwts.admin("a1"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"slug": "novels", "name": "Novels"}""")
                .exchange();
        assertThat(renamed).hasStatusOk();
        assertThat(mvc.get().uri("/api/categories/" + id).exchange())
                .bodyJson()
                .extractingPath("$.name")
                .isEqualTo("Novels");

        assertThat(mvc.delete()
                        .uri("/api/categories/" + id)
                        .header("Authorization", "Bearer " + TestJwts.admin("a1"))
                        .exchange())
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(mvc.get().uri("/api/categories/" + id).exchange()).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void customersCannotWriteCategories() {
        var response = mvc.post()
                .uri("/api/categories")
                .header("Authorization", "Bearer " + TestJwts.customer("u1"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"slug": "fiction", "name": "Fiction"}""")
                .exchange();

        assertThat(response).hasStatus(HttpStatus.FORBIDDEN).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(categories.findBySlug("fiction")).isEmpty();
    }

    @Test
    void invalidAndDuplicateCategoriesAreRefused() {
        var invalid = mvc.post()
                .uri("/api/categories")
                .header("Authorization", "Bearer " + TestJwts.admin("a1"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"slug": "Not A Slug", "name": " "}""")
                .exchange();
        assertThat(invalid).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(invalid)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactly("name", "slug");

        var duplicate = mvc.post()
                .uri("/api/categories")
                .header("Authorization", "Bearer " + TestJwts.admin("a1"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"slug": "books", "name": "More books"}""")
                .exchange();
        assertThat(duplicate).hasStatus(HttpStatus.CONFLICT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aCategoryCannotMoveUnderItsOwnDescendant() {
        var child = categories.save(new Category("fiction", "Fiction", books.getId()));

        var response = mvc.put()
                .uri("/api/categories/" + books.getId())
                .header("Authorization", "Bearer " + TestJwts.admin("a1"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"slug": "books", "name": "Books", "parentId": %d}""".formatted(child.getId()))
                .exchange();

        assertThat(response).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(response).bodyJson().extractingPath("$.errors[0].field").isEqualTo("parentId");
    }

    @Test
    void aCategoryWithProductsCannotBeDeleted() {
        catalog.product("BOOK-1", "A book", books, "10.00", 1);

        var response = mvc.delete()
                .uri("/api/categories/" + books.getId())
                .header("Authorization", "Bearer " + TestJwts.admin("a1"))
                .exchange();

        assertThat(response).hasStatus(HttpStatus.CONFLICT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(categories.existsById(books.getId())).isTrue();
    }
}
