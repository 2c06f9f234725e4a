-- The order's card payment at the provider (a Stripe PaymentIntent). Orders placed before have no payment_state.
ALTER TABLE orders ADD COLUMN payment_state           VARCHAR(20)   NULL;
ALTER TABLE orders ADD COLUMN payment_intent_id       VARCHAR(255)  NULL;
ALTER TABLE orders ADD COLUMN payment_client_secret   VARCHAR(255)  NULL;
ALTER TABLE orders ADD COLUMN payment_checkout_url    VARCHAR(2048) NULL;
ALTER TABLE orders ADD COLUMN payment_failure         VARCHAR(500)  NULL;
ALTER TABLE orders ADD COLUMN payment_attempts        INT           NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN payment_next_attempt_at TIMESTAMP(6)  NULL;
CREATE UNIQUE INDEX uk_orders_payment_intent ON orders (payment_intent_id);
-- for the job that creates the intents the provider could not take at placement
CREATE INDEX ix_orders_payment_state_next ON orders (payment_state, payment_next_attempt_at);

-- Provider webhook events already handled: a redelivered event id is a no-op.
CREATE TABLE payment_webhook_events (
    event_id     VARCHAR(255) NOT NULL,
    event_type   VARCHAR(100) NOT NULL,
    received_at  TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (event_id)
);
