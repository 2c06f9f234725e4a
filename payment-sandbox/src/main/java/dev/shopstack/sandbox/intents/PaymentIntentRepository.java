package dev.shopstack.sandbox.intents;

import dev.shopstack.sandbox.api.ListParams;
import dev.shopstack.sandbox.api.Pages;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class PaymentIntentRepository {

    private static final TypeReference<LinkedHashMap<String, String>> METADATA = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Pages pages;
    private final RowMapper<PaymentIntent> rows = this::map;

    public PaymentIntentRepository(JdbcClient jdbc, JsonMapper json, Pages pages) {
        this.jdbc = jdbc;
        this.json = json;
        this.pages = pages;
    }

    public Optional<PaymentIntent> find(String id) {
        return jdbc.sql("SELECT * FROM payment_intents WHERE id = ?")
                .param(id)
                .query(rows)
                .optional();
    }

    /** Reads and locks the row until the transaction ends: confirm, cancel and refund of one intent queue up. */
    public Optional<PaymentIntent> lock(String id) {
        return jdbc.sql("SELECT * FROM payment_intents WHERE id = ? FOR UPDATE")
                .param(id)
                .query(rows)
                .optional();
    }

    public Map<String, Object> list(ListParams page, Function<PaymentIntent, Object> render) {
        return pages.list(
                "/v1/payment_intents", "payment_intents", "payment_intent", Pages.Filter.none(), page, rows, render);
    }

    public void insert(PaymentIntent intent) {
        jdbc.sql("INSERT INTO payment_intents (id, client_secret, amount, currency, status, description, metadata, "
                        + "receipt_email, payment_method_types, automatic_methods, capture_method, payment_method, "
                        + "latest_charge, amount_received, attempts, created) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        intent.id(),
                        intent.clientSecret(),
                        intent.amount(),
                        intent.currency(),
                        intent.status(),
                        intent.description(),
                        json.writeValueAsString(intent.metadata()),
                        intent.receiptEmail(),
                        String.join(",", intent.paymentMethodTypes()),
                        intent.automaticMethods(),
                        intent.captureMethod(),
                        intent.paymentMethod(),
                        intent.latestCharge(),
                        intent.amountReceived(),
                        intent.attempts(),
                        intent.created())
                .update();
    }

    /** Writes what confirm and cancel change. */
    public void update(PaymentIntent intent) {
        PaymentIntent.PaymentError error = intent.lastError();
        jdbc.sql("UPDATE payment_intents SET status = ?, payment_method = ?, latest_charge = ?, amount_received = ?, "
                        + "error_code = ?, error_decline_code = ?, error_message = ?, cancellation_reason = ?, "
                        + "canceled_at = ?, attempts = ? WHERE id = ?")
                .params(
                        intent.status(),
                        intent.paymentMethod(),
                        intent.latestCharge(),
                        intent.amountReceived(),
                        error == null ? null : error.code(),
                        error == null ? null : error.declineCode(),
                        error == null ? null : error.message(),
                        intent.cancellationReason(),
                        intent.canceledAt(),
                        intent.attempts(),
                        intent.id())
                .update();
    }

    private PaymentIntent map(ResultSet rs, int row) throws SQLException {
        String errorCode = rs.getString("error_code");
        return new PaymentIntent(
                rs.getString("id"),
                rs.getString("client_secret"),
                rs.getLong("amount"),
                rs.getString("currency"),
                rs.getString("status"),
                rs.getString("description"),
                json.readValue(rs.getString("metadata"), METADATA),
                rs.getString("receipt_email"),
                List.of(rs.getString("payment_method_types").split(",")),
                rs.getBoolean("automatic_methods"),
                rs.getString("capture_method"),
                rs.getString("payment_method"),
                rs.getString("latest_charge"),
                rs.getLong("amount_received"),
                errorCode == null
                        ? null
                        : new PaymentIntent.PaymentError(
                                errorCode, rs.getString("error_decline_code"), rs.getString("error_message")),
                rs.getString("cancellation_reason"),
                rs.getObject("canceled_at", Long.class),
                rs.getInt("attempts"),
                rs.getLong("created"));
    }
}
