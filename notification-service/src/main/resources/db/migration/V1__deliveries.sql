-- One row per consumed event: the event id is unique, which is what makes a redelivered event send nothing twice.
CREATE TABLE deliveries (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    event_id    VARCHAR(64)   NOT NULL,
    event_type  VARCHAR(64)   NOT NULL,
    recipient   VARCHAR(254)  NULL,
    status      VARCHAR(16)   NOT NULL,
    attempts    INT           NOT NULL DEFAULT 0,
    last_error  VARCHAR(1000) NULL,
    created_at  TIMESTAMP(6)  NOT NULL,
    updated_at  TIMESTAMP(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_deliveries_event UNIQUE (event_id)
);

-- the admin delivery log, newest first
CREATE INDEX ix_deliveries_created ON deliveries (created_at);
