CREATE TABLE categories (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    slug       VARCHAR(80)  NOT NULL,
    name       VARCHAR(120) NOT NULL,
    parent_id  BIGINT       NULL,
    version    BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_categories_slug UNIQUE (slug),
    CONSTRAINT fk_categories_parent FOREIGN KEY (parent_id) REFERENCES categories (id)
);

-- the category list is ordered by name
CREATE INDEX ix_categories_name ON categories (name, id);
