-- Refunds of an order's payment, in full or in part. A card refund is written here first (with the order row
-- locked, so concurrent refunds cannot together exceed the payment), then sent to the provider after the commit
-- and retried until the provider confirms it; a manual payment's refund is recorded with its reference at once.
CREATE TABLE refunds (
    id                 CHAR(36)      NOT NULL,
    order_id           CHAR(36)      NOT NULL,
    method             VARCHAR(20)   NOT NULL,
    amount             DECIMAL(19,2) NOT NULL,
    currency           VARCHAR(3)    NOT NULL,
    reason             VARCHAR(200)  NOT NULL,
    requested_by       VARCHAR(100)  NOT NULL,
    reference          VARCHAR(100)  NULL,
    provider_refund_id VARCHAR(255)  NULL,
    status             VARCHAR(20)   NOT NULL,
    failure            VARCHAR(500)  NULL,
    attempts           INT           NOT NULL DEFAULT 0,
    next_attempt_at    TIMESTAMP(6)  NULL,
    created_at         TIMESTAMP(6)  NOT NULL,
    completed_at       TIMESTAMP(6)  NULL,
    version            BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT fk_refunds_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE
);
CREATE INDEX ix_refunds_order ON refunds (order_id, created_at);
-- for the job that sends the refunds the provider has not confirmed yet
CREATE INDEX ix_refunds_status_next ON refunds (status, next_attempt_at);
