-- The W3C traceparent of the request that wrote the event (null outside a trace): the relay sends the event in
-- that trace, so a consumer's work shows in the same trace as the request (docs/operations.md, "Traces").
ALTER TABLE outbox_events ADD COLUMN traceparent VARCHAR(64) NULL;
