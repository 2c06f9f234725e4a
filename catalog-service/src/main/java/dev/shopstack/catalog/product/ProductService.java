package dev.shopstack.catalog.product;

import dev.shopstack.catalog.category.Category;
import dev.shopstack.catalog.category.CategoryRepository;
import dev.shopstack.platform.errors.ApiProblem;
import dev.shopstack.platform.problems.ProblemType;
import java.time.Clock;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ProductService {

    private final ProductRepository products;
    private final CategoryRepository categories;
    private final Clock clock;

    public ProductService(ProductRepository products, CategoryRepository categories, Clock clock) {
        this.products = products;
        this.categories = categories;
        this.clock = clock;
    }

    /**
     * One page of products, with their categories fetched in the same query. A category includes its
     * sub-categories; an unknown one matches nothing.
     */
    @Transactional(readOnly = true)
    public Page<ProductView> search(ProductQuery query, boolean includeInactive, int page, int size) {
        var pageable = PageRequest.of(page, size, query.sort().sort());
        List<Long> categoryIds = null;
        if (query.categorySlug() != null) {
            categoryIds = categories.findSubtreeIds(query.categorySlug());
            if (categoryIds.isEmpty()) {
                return Page.empty(pageable);
            }
        }
        var filter = new ProductFilter(
                query.text(), categoryIds, query.minPrice(), query.maxPrice(), query.inStockOnly(), includeInactive);
        return products.findAll(filter.toSpecification(), pageable).map(ProductView::of);
    }

    /** Inactive products exist only for admins: anyone else gets 404, as for a product that never existed. */
    @Transactional(readOnly = true)
    public ProductView get(long id, boolean includeInactive) {
        Product product = find(id);
        if (!product.isActive() && !includeInactive) {
            throw notFound(id);
        }
        return ProductView.of(product);
    }

    @Transactional
    public ProductView create(ProductRequest request) {
        if (products.existsBySku(request.sku())) {
            throw duplicateSku(request.sku());
        }
        var product = new Product(
                request.sku(),
                request.name(),
                category(request.categoryId()),
                request.price(),
                request.currency(),
                request.stockQuantity(),
                clock.instant());
        product.setDescription(request.description());
        product.setImageUrl(request.imageUrl());
        product.setActive(request.active() == null || request.active());
        return ProductView.of(products.saveAndFlush(product));
    }

    @Transactional
    public ProductView replace(long id, ProductRequest request, VersionPrecondition precondition) {
        Product product = findForWrite(id, precondition);
        changeSku(product, request.sku());
        product.setName(request.name());
        product.setDescription(request.description());
        product.setCategory(category(request.categoryId()));
        product.setPrice(request.price());
        product.setCurrency(request.currency());
        product.setStockQuantity(request.stockQuantity());
        product.setActive(request.active() == null || request.active());
        product.setImageUrl(request.imageUrl());
        return save(product);
    }

    @Transactional
    public ProductView patch(long id, ProductPatch patch, VersionPrecondition precondition) {
        Product product = findForWrite(id, precondition);
        if (patch.sku() != null) {
            changeSku(product, patch.sku());
        }
        if (patch.name() != null) {
            product.setName(patch.name());
        }
        if (patch.description() != null) {
            product.setDescription(patch.description());
        }
        if (patch.categoryId() != null) {
            product.setCategory(category(patch.categoryId()));
        }
        if (patch.price() != null) {
            product.setPrice(patch.price());
        }
        if (patch.currency() != null) {
            product.setCurrency(patch.currency());
        }
        if (patch.stockQuantity() != null) {
            product.setStockQuantity(patch.stockQuantity());
        }
        if (patch.active() != null) {
            product.setActive(patch.active());
        }
        if (patch.imageUrl() != null) {
            product.setImageUrl(patch.imageUrl());
        }
        return save(product);
    }

    /** A product that was ever reserved stays for the order history: deactivate it instead (409). */
    @Transactional
    public void delete(long id, VersionPrecondition precondition) {
        products.delete(findForWrite(id, precondition));
        try {
            products.flush();
        } catch (DataIntegrityViolationException reserved) {
            throw ApiProblem.of(
                    ProblemType.PRODUCT_RESERVED,
                    "Product " + id + " is part of orders' reservations; deactivate it instead.");
        }
    }

    private ProductView save(Product product) {
        product.touch(clock.instant());
        products.flush(); // the version check happens here, inside the service, not at commit
        return ProductView.of(product);
    }

    private Product findForWrite(long id, VersionPrecondition precondition) {
        Product product = find(id);
        if (!precondition.allows(product.getVersion())) {
            throw ApiProblem.of(
                    ProblemType.STALE_VERSION,
                    "Product " + id + " has changed since you read it (it is now at "
                            + VersionPrecondition.etag(product.getVersion()) + "). Read it again and retry.");
        }
        return product;
    }

    private Product find(long id) {
        return products.findWithCategoryById(id).orElseThrow(() -> notFound(id));
    }

    private void changeSku(Product product, String sku) {
        if (!sku.equals(product.getSku()) && products.existsBySkuAndIdNot(sku, product.getId())) {
            throw duplicateSku(sku);
        }
        product.setSku(sku);
    }

    private Category category(long id) {
        return categories
                .findById(id)
                .orElseThrow(() -> ApiProblem.invalidField("categoryId", "no category with this id"));
    }

    private static RuntimeException notFound(long id) {
        return ApiProblem.of(ProblemType.NOT_FOUND, "Product " + id + " does not exist.");
    }

    private static RuntimeException duplicateSku(String sku) {
        return ApiProblem.of(ProblemType.SKU_TAKEN, "A product with SKU " + sku + " already exists.");
    }
}
