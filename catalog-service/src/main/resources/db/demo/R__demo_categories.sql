-- Demo data for the local profile only, so a newcomer has something to browse. Safe to re-run.
INSERT INTO categories (slug, name) SELECT 'books', 'Books' FROM DUAL
    WHERE NOT EXISTS (SELECT 1 FROM categories WHERE slug = 'books');
INSERT INTO categories (slug, name) SELECT 'electronics', 'Electronics' FROM DUAL
    WHERE NOT EXISTS (SELECT 1 FROM categories WHERE slug = 'electronics');
INSERT INTO categories (slug, name) SELECT 'home-kitchen', 'Home & Kitchen' FROM DUAL
    WHERE NOT EXISTS (SELECT 1 FROM categories WHERE slug = 'home-kitchen');
INSERT INTO categories (slug, name) SELECT 'outdoor', 'Outdoor' FROM DUAL
    WHERE NOT EXISTS (SELECT 1 FROM categories WHERE slug = 'outdoor');
INSERT INTO categories (slug, name, parent_id) SELECT 'headphones', 'Headphones', id FROM categories
    WHERE slug = 'electronics' AND NOT EXISTS (SELECT 1 FROM categories WHERE slug = 'headphones');
