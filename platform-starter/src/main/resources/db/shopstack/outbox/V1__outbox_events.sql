-- Transactional outbox: platform-starter's relay sends these rows to Kafka. Created by the services' own migrations
-- before it moved here; such a database is baselined at the version its columns show (SharedTable.OUTBOX).
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
