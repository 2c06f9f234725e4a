package dev.shopstack.sandbox.refunds;

import dev.shopstack.sandbox.api.ListParams;
import dev.shopstack.sandbox.api.Pages;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class RefundRepository {

    private static final TypeReference<LinkedHashMap<String, String>> METADATA = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Pages pages;
    private final RowMapper<Refund> rows = this::map;

    public RefundRepository(JdbcClient jdbc, JsonMapper json, Pages pages) {
        this.jdbc = jdbc;
        this.json = json;
        this.pages = pages;
    }

    public Optional<Refund> find(String id) {
        return jdbc.sql("SELECT * FROM refunds WHERE id = ?")
                .param(id)
                .query(rows)
                .optional();
    }

    /** Lists refunds newest first, of one PaymentIntent or charge when given. */
    public Map<String, Object> list(ListParams page, String paymentIntent, String charge) {
        StringBuilder sql = new StringBuilder();
        Map<String, Object> values = new LinkedHashMap<>();
        if (paymentIntent != null) {
            sql.append(" AND payment_intent = :paymentIntent");
            values.put("paymentIntent", paymentIntent);
        }
        if (charge != null) {
            sql.append(" AND charge = :charge");
            values.put("charge", charge);
        }
        return pages.list(
                "/v1/refunds",
                "refunds",
                "refund",
                new Pages.Filter(sql.toString(), values),
                page,
                rows,
                Refund::toJson);
    }

    public void insert(Refund refund) {
        jdbc.sql("INSERT INTO refunds (id, charge, payment_intent, amount, currency, reason, status, metadata, "
                        + "created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        refund.id(),
                        refund.charge(),
                        refund.paymentIntent(),
                        refund.amount(),
                        refund.currency(),
                        refund.reason(),
                        refund.status(),
                        json.writeValueAsString(refund.metadata()),
                        refund.created())
                .update();
    }

    private Refund map(ResultSet rs, int row) throws SQLException {
        return new Refund(
                rs.getString("id"),
                rs.getString("charge"),
                rs.getString("payment_intent"),
                rs.getLong("amount"),
                rs.getString("currency"),
                rs.getString("reason"),
                rs.getString("status"),
                json.readValue(rs.getString("metadata"), METADATA),
                rs.getLong("created"));
    }
}
