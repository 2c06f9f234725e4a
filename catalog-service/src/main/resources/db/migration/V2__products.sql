CREATE TABLE products (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    sku             VARCHAR(40)   NOT NULL,
    name            VARCHAR(200)  NOT NULL,
    description     VARCHAR(4000) NULL,
    category_id     BIGINT        NOT NULL,
    price           DECIMAL(19,2) NOT NULL,
    currency        VARCHAR(3)    NOT NULL,
    stock_quantity  INT           NOT NULL,
    active          BOOLEAN       NOT NULL DEFAULT TRUE,
    image_url       VARCHAR(500)  NULL,
    created_at      TIMESTAMP(6)  NOT NULL,
    updated_at      TIMESTAMP(6)  NOT NULL,
    version         BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_products_sku UNIQUE (sku),
    CONSTRAINT fk_products_category FOREIGN KEY (category_id) REFERENCES categories (id),
    -- last line of defence behind the conditional stock update: stock never goes negative
    CONSTRAINT ck_products_stock CHECK (stock_quantity >= 0),
    CONSTRAINT ck_products_price CHECK (price > 0)
);

-- The storefront list always filters on active and sorts by price, name or newest (id breaks ties; InnoDB
-- secondary indexes carry the primary key). The category filter has its own index, which also serves the FK.
-- The text search (q) is a LIKE '%term%' on name/description: no B-tree index helps it, it narrows the rows
-- the other predicates already selected.
CREATE INDEX ix_products_category ON products (category_id, active, price);
CREATE INDEX ix_products_price ON products (active, price);
CREATE INDEX ix_products_name ON products (active, name);
CREATE INDEX ix_products_created ON products (active, created_at);
