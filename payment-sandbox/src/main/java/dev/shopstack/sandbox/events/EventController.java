package dev.shopstack.sandbox.events;

import dev.shopstack.sandbox.api.FormParams;
import dev.shopstack.sandbox.api.ListParams;
import dev.shopstack.sandbox.api.Pages;
import dev.shopstack.sandbox.api.StripeApiException;
import dev.shopstack.sandbox.intents.IntentJson;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.util.RawValue;

/**
 * Stripe's events endpoints, newest first: what a reconciliation job reads when a webhook was missed. Each event is
 * answered with the exact payload its webhook carried.
 */
@RestController
public class EventController {

    private static final Pattern TYPE = Pattern.compile("[a-z_.]{1,60}|[a-z_.]{1,58}\\.\\*|\\*");
    private static final RowMapper<RawValue> PAYLOAD = (rs, row) -> new RawValue(rs.getString("payload"));

    private final JdbcClient jdbc;
    private final Pages pages;

    public EventController(JdbcClient jdbc, Pages pages) {
        this.jdbc = jdbc;
        this.pages = pages;
    }

    @GetMapping("/v1/events")
    public Map<String, Object> list(HttpServletRequest request) {
        Set<String> names = new HashSet<>(ListParams.NAMES);
        names.add("type");
        names.add("types");
        FormParams params = FormParams.parse(request.getParameterMap()).allowOnly(names);
        IntentJson.expansions(params, Set.of());
        ListParams page = ListParams.from(params);
        String type = params.string("type", 61);
        Pages.Filter filter = Pages.Filter.none();
        if (type != null) {
            if (!TYPE.matcher(type).matches()) {
                throw StripeApiException.invalid(
                        "type",
                        "parameter_invalid_string",
                        "Invalid type: an event type such as payment_intent.succeeded, or a group such as "
                                + "payment_intent.*");
            }
            filter = type.endsWith("*")
                    ? new Pages.Filter(
                            " AND type LIKE :type",
                            Map.of("type", type.replace("_", "\\_").replace("*", "%")))
                    : new Pages.Filter(" AND type = :type", Map.of("type", type));
        }
        List<String> types = params.list("types");
        if (!types.isEmpty()) {
            if (type != null
                    || types.size() > 20
                    || !types.stream().allMatch(t -> TYPE.matcher(t).matches() && !t.contains("*"))) {
                throw StripeApiException.invalid(
                        "types",
                        "parameter_invalid_array",
                        "types takes up to 20 event types without wildcards, and not together with type.");
            }
            filter = new Pages.Filter(" AND type IN (:types)", Map.of("types", types));
        }
        return pages.list("/v1/events", "events", "event", filter, page, PAYLOAD, raw -> raw);
    }

    @GetMapping("/v1/events/{id}")
    public ResponseEntity<String> retrieve(@PathVariable String id, HttpServletRequest request) {
        FormParams params = FormParams.parse(request.getParameterMap()).allowOnly(Set.of("expand"));
        IntentJson.expansions(params, Set.of());
        String payload = jdbc.sql("SELECT payload FROM events WHERE id = ?")
                .param(id)
                .query(String.class)
                .optional()
                .orElseThrow(() -> StripeApiException.notFound("id", "event", id));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(payload);
    }
}
