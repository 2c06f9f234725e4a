package dev.shopstack.catalog.category;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CategoryRepository extends JpaRepository<Category, Long> {

    Optional<Category> findBySlug(String slug);

    boolean existsBySlugAndIdNot(String slug, long id);

    boolean existsBySlug(String slug);

    /** The category with this slug and all below it, in one query (recursive CTE: H2, MySQL 8 and MariaDB). */
    @Query(nativeQuery = true, value = """
            WITH RECURSIVE tree (id) AS (
                SELECT id FROM categories WHERE slug = :slug
                UNION ALL
                SELECT c.id FROM categories c JOIN tree t ON c.parent_id = t.id)
            SELECT id FROM tree""")
    List<Long> findSubtreeIds(String slug);
}
