-- Stripe's objects as the sandbox keeps them. Ids are Stripe-shaped strings; seq orders lists (newest first) and
-- serves as the cursor behind starting_after / ending_before. Amounts are in the currency's smallest unit.
CREATE TABLE payment_methods (
    seq              BIGINT        NOT NULL AUTO_INCREMENT,
    id               VARCHAR(40)   NOT NULL,
    brand            VARCHAR(16)   NOT NULL,
    last4            CHAR(4)       NOT NULL,
    exp_month        INT           NOT NULL,
    exp_year         INT           NOT NULL,
    card_outcome     VARCHAR(24)   NOT NULL,
    billing_name     VARCHAR(100)  NULL,
    created          BIGINT        NOT NULL,
    PRIMARY KEY (seq),
    CONSTRAINT uk_payment_methods_id UNIQUE (id)
);

CREATE TABLE payment_intents (
    seq                  BIGINT        NOT NULL AUTO_INCREMENT,
    id                   VARCHAR(40)   NOT NULL,
    client_secret        VARCHAR(80)   NOT NULL,
    amount               BIGINT        NOT NULL,
    currency             CHAR(3)       NOT NULL,
    status               VARCHAR(32)   NOT NULL,
    description          VARCHAR(1000) NULL,
    metadata             TEXT          NOT NULL,
    receipt_email        VARCHAR(254)  NULL,
    payment_method_types VARCHAR(100)  NOT NULL,
    automatic_methods    BOOLEAN       NOT NULL,
    capture_method       VARCHAR(20)   NOT NULL,
    payment_method       VARCHAR(40)   NULL,
    latest_charge        VARCHAR(40)   NULL,
    amount_received      BIGINT        NOT NULL,
    error_code           VARCHAR(40)   NULL,
    error_decline_code   VARCHAR(40)   NULL,
    error_message        VARCHAR(200)  NULL,
    cancellation_reason  VARCHAR(40)   NULL,
    canceled_at          BIGINT        NULL,
    attempts             INT           NOT NULL,
    created              BIGINT        NOT NULL,
    PRIMARY KEY (seq),
    CONSTRAINT uk_payment_intents_id UNIQUE (id)
);
CREATE INDEX ix_payment_intents_created ON payment_intents (created);

CREATE TABLE charges (
    seq              BIGINT        NOT NULL AUTO_INCREMENT,
    id               VARCHAR(40)   NOT NULL,
    payment_intent   VARCHAR(40)   NOT NULL,
    payment_method   VARCHAR(40)   NOT NULL,
    amount           BIGINT        NOT NULL,
    amount_refunded  BIGINT        NOT NULL,
    currency         CHAR(3)       NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    failure_code     VARCHAR(40)   NULL,
    decline_code     VARCHAR(40)   NULL,
    failure_message  VARCHAR(200)  NULL,
    created          BIGINT        NOT NULL,
    PRIMARY KEY (seq),
    CONSTRAINT uk_charges_id UNIQUE (id)
);
CREATE INDEX ix_charges_payment_intent ON charges (payment_intent);

CREATE TABLE refunds (
    seq              BIGINT        NOT NULL AUTO_INCREMENT,
    id               VARCHAR(40)   NOT NULL,
    charge           VARCHAR(40)   NOT NULL,
    payment_intent   VARCHAR(40)   NOT NULL,
    amount           BIGINT        NOT NULL,
    currency         CHAR(3)       NOT NULL,
    reason           VARCHAR(40)   NULL,
    status           VARCHAR(16)   NOT NULL,
    metadata         TEXT          NOT NULL,
    created          BIGINT        NOT NULL,
    PRIMARY KEY (seq),
    CONSTRAINT uk_refunds_id UNIQUE (id)
);
CREATE INDEX ix_refunds_payment_intent ON refunds (payment_intent);
CREATE INDEX ix_refunds_charge ON refunds (charge);

-- Every event as it was sent (the payload is the exact JSON that webhooks carry and /v1/events answers).
CREATE TABLE events (
    seq              BIGINT        NOT NULL AUTO_INCREMENT,
    id               VARCHAR(40)   NOT NULL,
    type             VARCHAR(60)   NOT NULL,
    payment_intent   VARCHAR(40)   NULL,
    created          BIGINT        NOT NULL,
    payload          MEDIUMTEXT    NOT NULL,
    PRIMARY KEY (seq),
    CONSTRAINT uk_events_id UNIQUE (id)
);
CREATE INDEX ix_events_created ON events (created);
CREATE INDEX ix_events_type ON events (type);

-- Times in epoch milliseconds: exact on H2, MySQL and MariaDB alike (Connector/J drops fractions of a second
-- against MariaDB, which would make a 200 ms back-off anything from 0 to 1.2 s).
-- One row per event and endpoint. ordering_key (the PaymentIntent) keeps one intent's events in order: a delivery
-- waits while an older one of the same key is still pending.
CREATE TABLE webhook_deliveries (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    event_seq        BIGINT        NOT NULL,
    event_id         VARCHAR(40)   NOT NULL,
    ordering_key     VARCHAR(40)   NOT NULL,
    state            VARCHAR(16)   NOT NULL,
    attempts         INT           NOT NULL,
    next_attempt_at  BIGINT        NOT NULL,
    created_at       BIGINT        NOT NULL,
    last_attempt_at  BIGINT        NULL,
    last_status      INT           NULL,
    last_error       VARCHAR(200)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_webhook_deliveries_event FOREIGN KEY (event_seq) REFERENCES events (seq) ON DELETE CASCADE
);
CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (state, next_attempt_at);
CREATE INDEX ix_webhook_deliveries_ordering ON webhook_deliveries (ordering_key, state);

-- Stripe's idempotency layer: the first answer to a key is kept for 24 hours and replayed to the same request.
CREATE TABLE idempotency_keys (
    idem_key         VARCHAR(255)  NOT NULL,
    request_path     VARCHAR(200)  NOT NULL,
    request_hash     CHAR(64)      NOT NULL,
    state            VARCHAR(16)   NOT NULL,
    response_status  INT           NULL,
    response_body    MEDIUMTEXT    NULL,
    created_at       BIGINT        NOT NULL,
    PRIMARY KEY (idem_key)
);
CREATE INDEX ix_idempotency_keys_created ON idempotency_keys (created_at);
