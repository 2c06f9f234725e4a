package dev.shopstack.catalog.category;

import dev.shopstack.platform.errors.ApiProblem;
import dev.shopstack.platform.problems.ProblemType;
import java.util.HashSet;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class CategoryService {

    private final CategoryRepository categories;

    public CategoryService(CategoryRepository categories) {
        this.categories = categories;
    }

    @Transactional(readOnly = true)
    public Page<CategoryView> list(Pageable pageable) {
        return categories.findAll(pageable).map(CategoryView::of);
    }

    @Transactional(readOnly = true)
    public CategoryView get(long id) {
        return CategoryView.of(find(id));
    }

    @Transactional
    public CategoryView create(CategoryRequest request) {
        if (categories.existsBySlug(request.slug())) {
            throw duplicateSlug(request.slug());
        }
        requireParent(request.parentId());
        return CategoryView.of(categories.save(new Category(request.slug(), request.name(), request.parentId())));
    }

    @Transactional
    public CategoryView replace(long id, CategoryRequest request) {
        Category category = find(id);
        if (categories.existsBySlugAndIdNot(request.slug(), id)) {
            throw duplicateSlug(request.slug());
        }
        requireParent(request.parentId());
        rejectCycle(id, request.parentId());
        category.replace(request.slug(), request.name(), request.parentId());
        categories.flush();
        return CategoryView.of(category);
    }

    @Transactional
    public void delete(long id) {
        categories.delete(find(id));
        try {
            categories.flush();
        } catch (DataIntegrityViolationException stillUsed) {
            throw ApiProblem.of(
                    ProblemType.CATEGORY_NOT_EMPTY, "Category " + id + " still has products or sub-categories.");
        }
    }

    private Category find(long id) {
        return categories
                .findById(id)
                .orElseThrow(() -> ApiProblem.of(ProblemType.NOT_FOUND, "Category " + id + " does not exist."));
    }

    private void requireParent(Long parentId) {
        if (parentId != null && !categories.existsById(parentId)) {
            throw ApiProblem.invalidField("parentId", "no category with this id");
        }
    }

    /** A category may not become its own ancestor. */
    private void rejectCycle(long id, Long parentId) {
        Set<Long> seen = new HashSet<>();
        for (Long ancestor = parentId;
                ancestor != null && seen.add(ancestor);
                ancestor =
                        categories.findById(ancestor).map(Category::getParentId).orElse(null)) {
            if (ancestor == id) {
                throw ApiProblem.invalidField(
                        "parentId", "a category cannot be placed under itself or its descendants");
            }
        }
    }

    private static RuntimeException duplicateSlug(String slug) {
        return ApiProblem.of(ProblemType.SLUG_TAKEN, "A category with slug '" + slug + "' already exists.");
    }
}
