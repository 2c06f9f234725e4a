CREATE TABLE orders (
    id              CHAR(36)      NOT NULL,
    user_id         CHAR(36)      NOT NULL,
    customer_email  VARCHAR(254)  NULL,
    status          VARCHAR(20)   NOT NULL,
    currency        VARCHAR(3)    NOT NULL,
    total           DECIMAL(19,2) NOT NULL,
    created_at      TIMESTAMP(6)  NOT NULL,
    updated_at      TIMESTAMP(6)  NOT NULL,
    version         BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id)
);

-- a customer's order history, newest first
CREATE INDEX ix_orders_user_created ON orders (user_id, created_at);
-- the admin list, newest first
CREATE INDEX ix_orders_created ON orders (created_at);
