package dev.shopstack.platform.outbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.header.Headers;

/**
 * Carries the trace of the request that wrote an event across the outbox, so that one order is one trace from the
 * gateway to the consumer. {@link Outbox} keeps the writer's W3C {@code traceparent} in the row; the relay sends
 * the event in a producer span that continues that trace and puts the span's own {@code traceparent} in the record
 * headers, where the consumers' listener observation picks it up.
 */
class OutboxTracing {

    static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    OutboxTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** No tracer in the application: rows carry no trace and records no header. */
    static OutboxTracing none() {
        return new OutboxTracing(Tracer.NOOP, Propagator.NOOP);
    }

    /** The current span as a {@code traceparent}, or null outside a trace. */
    String currentTraceparent() {
        Span current = tracer.currentSpan();
        if (current == null || current.isNoop()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(current.context(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /**
     * Starts the span of one send, a child of the stored trace, and writes its context into the record's headers.
     * Null (nothing to end) for a row written outside a trace: its consumer starts a trace of its own.
     */
    Span startSend(String traceparent, String topic, Headers headers) {
        if (traceparent == null || traceparent.isBlank()) {
            return null;
        }
        Span span = propagator
                .extract(Map.of(TRACEPARENT, traceparent), Map::get)
                .name(topic + " send")
                .kind(Span.Kind.PRODUCER)
                .remoteServiceName("kafka")
                .tag("messaging.system", "kafka")
                .tag("messaging.destination.name", topic)
                .start();
        propagator.inject(span.context(), headers, (carrier, key, value) -> {
            carrier.remove(key);
            carrier.add(key, value.getBytes(StandardCharsets.UTF_8));
        });
        return span;
    }
}
