package dev.shopstack.catalog.product;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface ProductRepository extends JpaRepository<Product, Long>, JpaSpecificationExecutor<Product> {

    /** The category comes in the same query (a join), not one query per product; the count query stays plain. */
    @Override
    @EntityGraph(attributePaths = "category")
    Page<Product> findAll(Specification<Product> spec, Pageable pageable);

    @EntityGraph(attributePaths = "category")
    Optional<Product> findWithCategoryById(long id);

    boolean existsBySku(String sku);

    boolean existsBySkuAndIdNot(String sku, long id);

    /**
     * Takes stock only if enough is left, in one atomic statement: the database serialises concurrent updates of
     * the row and re-checks the condition, so stock can never be oversold. Answers the rows changed (0 or 1).
     */
    @Modifying
    @Query("""
            update Product p set p.stockQuantity = p.stockQuantity - :quantity, p.version = p.version + 1,
                p.updatedAt = :now
            where p.id = :id and p.active = true and p.stockQuantity >= :quantity""")
    int takeStock(long id, int quantity, Instant now);

    @Modifying
    @Query("""
            update Product p set p.stockQuantity = p.stockQuantity + :quantity, p.version = p.version + 1,
                p.updatedAt = :now
            where p.id = :id""")
    int returnStock(long id, int quantity, Instant now);
}
