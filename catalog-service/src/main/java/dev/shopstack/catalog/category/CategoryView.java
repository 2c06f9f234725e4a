package dev.shopstack.catalog.category;

/** A category as clients see it. */
public record CategoryView(long id, String slug, String name, Long parentId) {

    static CategoryView of(Category category) {
        return new CategoryView(category.getId(), category.getSlug(), category.getName(), category.getParentId());
    }
}
