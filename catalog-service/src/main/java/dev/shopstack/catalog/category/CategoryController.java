package dev.shopstack.catalog.category;

import dev.shopstack.platform.docs.Problems;
import dev.shopstack.platform.problems.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/categories")
public class CategoryController {

    private final CategoryService categories;

    public CategoryController(CategoryService categories) {
        this.categories = categories;
    }

    /** Categories by name, a page at a time. */
    @Operation(operationId = "listCategories", summary = "List the categories, a page at a time")
    @GetMapping
    public PagedModel<CategoryView> list(
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(100) int size) {
        return new PagedModel<>(categories.list(PageRequest.of(page, size, Sort.by("name", "id"))));
    }

    @Operation(operationId = "getCategory", summary = "One category")
    @GetMapping("/{id}")
    public CategoryView get(@PathVariable long id) {
        return categories.get(id);
    }

    @Operation(operationId = "createCategory", summary = "Create a category (admin)")
    @ResponseStatus(HttpStatus.CREATED)
    @Problems({ProblemType.SLUG_TAKEN})
    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<CategoryView> create(@Valid @RequestBody CategoryRequest request) {
        CategoryView created = categories.create(request);
        return ResponseEntity.created(URI.create("/api/categories/" + created.id()))
                .body(created);
    }

    @Operation(operationId = "replaceCategory", summary = "Replace a category (admin)")
    @Problems({ProblemType.SLUG_TAKEN})
    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    public CategoryView replace(@PathVariable long id, @Valid @RequestBody CategoryRequest request) {
        return categories.replace(id, request);
    }

    /** Only an empty category can go: products and sub-categories must be moved first (409 otherwise). */
    @Operation(operationId = "deleteCategory", summary = "Delete a category without products or sub-categories (admin)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Problems({ProblemType.CATEGORY_NOT_EMPTY})
    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<Void> delete(@PathVariable long id) {
        categories.delete(id);
        return ResponseEntity.noContent().build();
    }
}
