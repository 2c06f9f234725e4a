package dev.shopstack.sandbox.events;

import dev.shopstack.sandbox.SandboxProperties;
import dev.shopstack.sandbox.api.ApiRequestFilter;
import dev.shopstack.sandbox.api.Ids;
import dev.shopstack.sandbox.api.Json;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records an event in the same transaction as the change it tells about, with its webhook delivery: an event is
 * never lost and never sent for a change that did not commit. The payload is fixed here, once: webhooks and
 * {@code GET /v1/events} answer exactly these bytes.
 */
@Component
public class EventLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final SandboxProperties properties;

    public EventLog(JdbcClient jdbc, JsonMapper json, Clock clock, SandboxProperties properties) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
    }

    /** Records {@code type} about {@code object}; {@code paymentIntent} keeps one intent's webhooks in order. */
    public String record(String type, Map<String, Object> object, String paymentIntent) {
        String id = Ids.newId("evt");
        long created = clock.instant().getEpochSecond();
        boolean send = sends(type);
        Map<String, Object> event = Json.object(
                "id",
                id,
                "object",
                "event",
                "api_version",
                properties.apiVersion(),
                "created",
                created,
                "data",
                Json.object("object", object),
                "livemode",
                false,
                "pending_webhooks",
                send ? 1 : 0,
                "request",
                origin(),
                "type",
                type);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO events (id, type, payment_intent, created, payload) VALUES (?, ?, ?, ?, ?)")
                .params(id, type, paymentIntent, created, json.writeValueAsString(event))
                .update(key, "seq");
        if (send) {
            jdbc.sql("INSERT INTO webhook_deliveries (event_seq, event_id, ordering_key, state, attempts, "
                            + "next_attempt_at, created_at) VALUES (?, ?, ?, 'PENDING', 0, ?, ?)")
                    .params(
                            key.getKey().longValue(),
                            id,
                            paymentIntent == null ? id : paymentIntent,
                            clock.millis(),
                            clock.millis())
                    .update();
        }
        return id;
    }

    private boolean sends(String type) {
        SandboxProperties.Webhooks webhooks = properties.webhooks();
        return webhooks.enabled()
                && webhooks.enabledEvents().stream()
                        .anyMatch(enabled -> enabled.equals("*")
                                || enabled.equals(type)
                                || enabled.endsWith(".*")
                                        && type.startsWith(enabled.substring(0, enabled.length() - 1)));
    }

    /** Stripe's {@code request}: the API request that caused the event, null for the customer's own actions. */
    private static Map<String, Object> origin() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            Object requestId = request.getAttribute(ApiRequestFilter.REQUEST_ID);
            if (requestId != null) {
                return Json.object("id", requestId, "idempotency_key", request.getHeader("Idempotency-Key"));
            }
        }
        return Json.object("id", null, "idempotency_key", null);
    }
}
