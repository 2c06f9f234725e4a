-- Shipping address (personal data, erased on user.deleted) and when that happened.
ALTER TABLE orders ADD COLUMN ship_name        VARCHAR(100) NULL;
ALTER TABLE orders ADD COLUMN ship_line1       VARCHAR(200) NULL;
ALTER TABLE orders ADD COLUMN ship_line2       VARCHAR(200) NULL;
ALTER TABLE orders ADD COLUMN ship_postal_code VARCHAR(20)  NULL;
ALTER TABLE orders ADD COLUMN ship_city        VARCHAR(100) NULL;
ALTER TABLE orders ADD COLUMN ship_country     VARCHAR(2)   NULL;
ALTER TABLE orders ADD COLUMN anonymized_at    TIMESTAMP(6) NULL;
CREATE INDEX ix_orders_status_created ON orders (status, created_at);

-- The lines as sold: SKU, name and unit price snapshotted from the catalog's reservation.
CREATE TABLE order_lines (
    order_id    CHAR(36)      NOT NULL,
    line_no     INT           NOT NULL,
    product_id  BIGINT        NOT NULL,
    sku         VARCHAR(64)   NOT NULL,
    name        VARCHAR(200)  NOT NULL,
    unit_price  DECIMAL(19,2) NOT NULL,
    quantity    INT           NOT NULL,
    line_total  DECIMAL(19,2) NOT NULL,
    PRIMARY KEY (order_id, line_no),
    CONSTRAINT fk_order_lines_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE
);

-- A customer's Idempotency-Key for POST /api/orders: same key + same body hash = same order.
CREATE TABLE idempotency_keys (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    user_id       CHAR(36)     NOT NULL,
    idem_key      VARCHAR(100) NOT NULL,
    request_hash  VARCHAR(64)  NOT NULL,
    order_id      CHAR(36)     NOT NULL,
    created_at    TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_idempotency_keys_user_key UNIQUE (user_id, idem_key),
    CONSTRAINT fk_idempotency_keys_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE
);

-- One payment per order.
CREATE TABLE payments (
    id          CHAR(36)      NOT NULL,
    order_id    CHAR(36)      NOT NULL,
    method      VARCHAR(20)   NOT NULL,
    reference   VARCHAR(100)  NOT NULL,
    amount      DECIMAL(19,2) NOT NULL,
    currency    VARCHAR(3)    NOT NULL,
    created_at  TIMESTAMP(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_payments_order UNIQUE (order_id),
    CONSTRAINT fk_payments_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE
);

-- Stock to give back to the catalog; retried until catalog-service answers (no FK: failed orders never exist).
CREATE TABLE stock_releases (
    order_id         CHAR(36)     NOT NULL,
    attempts         INT          NOT NULL DEFAULT 0,
    created_at       TIMESTAMP(6) NOT NULL,
    next_attempt_at  TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (order_id)
);
CREATE INDEX ix_stock_releases_due ON stock_releases (next_attempt_at);

-- Transactional outbox (platform-starter's relay sends these to Kafka).
CREATE TABLE outbox_events (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    event_id      CHAR(36)     NOT NULL,
    topic         VARCHAR(100) NOT NULL,
    record_key    VARCHAR(100) NULL,
    event_type    VARCHAR(100) NOT NULL,
    payload       TEXT         NOT NULL,
    created_at    TIMESTAMP(6) NOT NULL,
    published_at  TIMESTAMP(6) NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_outbox_events_event UNIQUE (event_id)
);
CREATE INDEX ix_outbox_events_unpublished ON outbox_events (published_at, id);
