package dev.shopstack.catalog.product;

import dev.shopstack.platform.caller.Caller;
import dev.shopstack.platform.docs.Problems;
import dev.shopstack.platform.problems.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/products")
public class ProductController {

    private final ProductService products;

    public ProductController(ProductService products) {
        this.products = products;
    }

    /** The storefront list: anyone may read it; admins also see inactive products. */
    @Operation(operationId = "searchProducts", summary = "Search the products, a page at a time")
    @GetMapping
    public PagedModel<ProductView> search(
            @RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(required = false) @Size(max = 80) String category,
            @RequestParam(required = false) @DecimalMin("0") BigDecimal minPrice,
            @RequestParam(required = false) @DecimalMin("0") BigDecimal maxPrice,
            @RequestParam(defaultValue = "false") boolean inStock,
            @RequestParam(defaultValue = "newest") @Pattern(regexp = ProductSort.PARAMETER_VALUES) String sort,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            Caller caller) {
        var query = new ProductQuery(q, category, minPrice, maxPrice, inStock, ProductSort.fromParameter(sort));
        return new PagedModel<>(products.search(query, caller.admin(), page, size));
    }

    /** With an ETag: a matching If-None-Match is answered 304 by Spring. */
    @Operation(operationId = "getProduct", summary = "One product, with its version as ETag")
    @GetMapping("/{id}")
    public ResponseEntity<ProductView> get(@PathVariable long id, Caller caller) {
        return withETag(ResponseEntity.ok(), products.get(id, caller.admin()));
    }

    @Operation(operationId = "createProduct", summary = "Create a product (admin)")
    @ResponseStatus(HttpStatus.CREATED)
    @Problems({ProblemType.SKU_TAKEN, ProblemType.SLUG_TAKEN})
    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<ProductView> create(@Valid @RequestBody ProductRequest request) {
        ProductView created = products.create(request);
        return withETag(ResponseEntity.created(URI.create("/api/products/" + created.id())), created);
    }

    @Operation(operationId = "replaceProduct", summary = "Replace a product (admin); If-Match makes it conditional")
    @Problems({ProblemType.SKU_TAKEN, ProblemType.SLUG_TAKEN, ProblemType.CONCURRENT_UPDATE, ProblemType.STALE_VERSION})
    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<ProductView> replace(
            @PathVariable long id,
            @Valid @RequestBody ProductRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withETag(ResponseEntity.ok(), products.replace(id, request, new VersionPrecondition(ifMatch)));
    }

    @Operation(
            operationId = "patchProduct",
            summary = "Change some fields of a product (admin, JSON Merge Patch); If-Match makes it conditional")
    @Problems({ProblemType.SKU_TAKEN, ProblemType.SLUG_TAKEN, ProblemType.CONCURRENT_UPDATE, ProblemType.STALE_VERSION})
    @PatchMapping(
            path = "/{id}",
            consumes = {"application/json", "application/merge-patch+json"})
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<ProductView> patch(
            @PathVariable long id,
            @Valid @RequestBody ProductPatch patch,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withETag(ResponseEntity.ok(), products.patch(id, patch, new VersionPrecondition(ifMatch)));
    }

    @Operation(
            operationId = "deleteProduct",
            summary = "Delete a product without open reservations (admin); If-Match makes it conditional")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Problems({ProblemType.PRODUCT_RESERVED, ProblemType.STALE_VERSION})
    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<Void> delete(
            @PathVariable long id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        products.delete(id, new VersionPrecondition(ifMatch));
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<ProductView> withETag(ResponseEntity.BodyBuilder response, ProductView product) {
        return response.eTag(VersionPrecondition.etag(product.version())).body(product);
    }
}
