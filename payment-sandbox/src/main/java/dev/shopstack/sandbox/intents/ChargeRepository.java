package dev.shopstack.sandbox.intents;

import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ChargeRepository {

    private static final RowMapper<Charge> ROW = (rs, row) -> new Charge(
            rs.getString("id"),
            rs.getString("payment_intent"),
            rs.getString("payment_method"),
            rs.getLong("amount"),
            rs.getLong("amount_refunded"),
            rs.getString("currency"),
            rs.getString("status"),
            rs.getString("failure_code"),
            rs.getString("decline_code"),
            rs.getString("failure_message"),
            rs.getLong("created"));

    private final JdbcClient jdbc;

    public ChargeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Charge> find(String id) {
        return jdbc.sql("SELECT * FROM charges WHERE id = ?")
                .param(id)
                .query(ROW)
                .optional();
    }

    public void insert(Charge charge) {
        jdbc.sql("INSERT INTO charges (id, payment_intent, payment_method, amount, amount_refunded, currency, status, "
                        + "failure_code, decline_code, failure_message, created) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        charge.id(),
                        charge.paymentIntent(),
                        charge.paymentMethod(),
                        charge.amount(),
                        charge.amountRefunded(),
                        charge.currency(),
                        charge.status(),
                        charge.failureCode(),
                        charge.declineCode(),
                        charge.failureMessage(),
                        charge.created())
                .update();
    }

    public void updateRefunded(Charge charge) {
        jdbc.sql("UPDATE charges SET amount_refunded = ? WHERE id = ?")
                .params(charge.amountRefunded(), charge.id())
                .update();
    }
}
