package dev.shopstack.sandbox.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stripe's list envelope ({@code {"object": "list", "data": [...], "has_more", "url"}}), newest first, paged by
 * object id. Every table has a {@code seq} (insertion order), an {@code id} and a {@code created} column.
 */
@Component
public class Pages {

    /** A condition the caller adds: an SQL fragment written in code (never from input) and its named values. */
    public record Filter(String sql, Map<String, Object> values) {

        public static Filter none() {
            return new Filter("", Map.of());
        }
    }

    private final JdbcClient jdbc;

    public Pages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public <T> Map<String, Object> list(
            String url,
            String table,
            String objectName,
            Filter filter,
            ListParams page,
            RowMapper<T> rows,
            Function<T, Object> render) {
        Map<String, Object> values = new LinkedHashMap<>(filter.values());
        StringBuilder where = new StringBuilder(" WHERE 1 = 1").append(filter.sql());
        condition(where, values, "created >", "createdGt", page.createdGt());
        condition(where, values, "created >=", "createdGte", page.createdGte());
        condition(where, values, "created <", "createdLt", page.createdLt());
        condition(where, values, "created <=", "createdLte", page.createdLte());
        boolean backwards = page.endingBefore() != null;
        String cursorId = backwards ? page.endingBefore() : page.startingAfter();
        if (cursorId != null) {
            Long cursor = jdbc.sql("SELECT seq FROM " + table + " WHERE id = ?")
                    .param(cursorId)
                    .query(Long.class)
                    .optional()
                    .orElseThrow(() -> StripeApiException.notFound(
                                    backwards ? "ending_before" : "starting_after", objectName, cursorId)
                            .withStatus400());
            condition(where, values, backwards ? "seq >" : "seq <", "cursor", cursor);
        }
        values.put("fetch", page.limit() + 1);
        List<T> found = new ArrayList<>(jdbc.sql("SELECT * FROM " + table + where + " ORDER BY seq "
                        + (backwards ? "ASC" : "DESC") + " LIMIT :fetch")
                .params(values)
                .query(rows)
                .list());
        boolean hasMore = found.size() > page.limit();
        if (hasMore) {
            found.remove(found.size() - 1);
        }
        if (backwards) {
            Collections.reverse(found);
        }
        return Json.object(
                "object", "list", "data", found.stream().map(render).toList(), "has_more", hasMore, "url", url);
    }

    private static void condition(
            StringBuilder where, Map<String, Object> values, String comparison, String name, Long value) {
        if (value != null) {
            where.append(" AND ").append(comparison).append(" :").append(name);
            values.put(name, value);
        }
    }
}
