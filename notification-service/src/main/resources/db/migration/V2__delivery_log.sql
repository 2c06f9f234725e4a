-- When the mail left (null until SENT), and the admin log's filters: status and type, newest first.
ALTER TABLE deliveries ADD COLUMN sent_at TIMESTAMP(6) NULL;

CREATE INDEX ix_deliveries_status ON deliveries (status, created_at);
CREATE INDEX ix_deliveries_type ON deliveries (event_type, created_at);
