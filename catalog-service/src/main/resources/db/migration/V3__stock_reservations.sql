-- One reservation per order: the primary key on order_id is what makes reserving idempotent.
CREATE TABLE stock_reservations (
    order_id    CHAR(36)     NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    expires_at  TIMESTAMP(6) NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL,
    updated_at  TIMESTAMP(6) NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (order_id)
);

-- the expiry job looks for RESERVED reservations past their expiry
CREATE INDEX ix_stock_reservations_due ON stock_reservations (status, expires_at);

-- what was reserved, with the product's SKU, name and price at that moment (order-service snapshots them)
CREATE TABLE stock_reservation_lines (
    order_id    CHAR(36)      NOT NULL,
    product_id  BIGINT        NOT NULL,
    sku         VARCHAR(40)   NOT NULL,
    name        VARCHAR(200)  NOT NULL,
    unit_price  DECIMAL(19,2) NOT NULL,
    currency    VARCHAR(3)    NOT NULL,
    quantity    INT           NOT NULL,
    PRIMARY KEY (order_id, product_id),
    CONSTRAINT fk_reservation_lines_reservation FOREIGN KEY (order_id) REFERENCES stock_reservations (order_id),
    CONSTRAINT fk_reservation_lines_product FOREIGN KEY (product_id) REFERENCES products (id)
);

CREATE INDEX ix_reservation_lines_product ON stock_reservation_lines (product_id);
