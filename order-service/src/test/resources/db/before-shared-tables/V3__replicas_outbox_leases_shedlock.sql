-- Row leases for the outbox relay (ADR 0011): a replica claims a batch until claimed_until (database time), so
-- each event is sent by one replica; a crashed replica's claim runs out and another replica takes the rows.
ALTER TABLE outbox_events ADD COLUMN claimed_by    VARCHAR(100) NULL;
ALTER TABLE outbox_events ADD COLUMN claimed_until TIMESTAMP(6) NULL;
-- the per-key order check: is there an older unpublished row of this key?
CREATE INDEX ix_outbox_events_key ON outbox_events (record_key, published_at, id);

-- ShedLock (ADR 0011): a scheduled job runs on one replica per interval; the lock holder and its lease, in
-- database time.
CREATE TABLE shedlock (
    name        VARCHAR(64)  NOT NULL,
    lock_until  TIMESTAMP(3) NOT NULL,
    locked_at   TIMESTAMP(3) NOT NULL,
    locked_by   VARCHAR(255) NOT NULL,
    PRIMARY KEY (name)
);
