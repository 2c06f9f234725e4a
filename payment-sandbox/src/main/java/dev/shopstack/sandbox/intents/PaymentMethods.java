package dev.shopstack.sandbox.intents;

import dev.shopstack.sandbox.api.Ids;
import dev.shopstack.sandbox.api.StripeApiException;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Card PaymentMethods. The full card number is never stored: only brand, last four digits and expiry. */
@Repository
public class PaymentMethods {

    private static final RowMapper<PaymentMethod> ROW = (rs, row) -> new PaymentMethod(
            rs.getString("id"),
            rs.getString("brand"),
            rs.getString("last4"),
            rs.getInt("exp_month"),
            rs.getInt("exp_year"),
            CardOutcome.valueOf(rs.getString("card_outcome")),
            rs.getString("billing_name"),
            rs.getLong("created"));

    private final JdbcClient jdbc;
    private final Clock clock;

    public PaymentMethods(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<PaymentMethod> find(String id) {
        return jdbc.sql("SELECT * FROM payment_methods WHERE id = ?")
                .param(id)
                .query(ROW)
                .optional();
    }

    /**
     * The PaymentMethod a confirm names: a test PaymentMethod id ({@code pm_card_visa}...) becomes a new
     * PaymentMethod, as at Stripe; any other id must exist. Unknown ids are Stripe's 400 {@code resource_missing}.
     */
    public PaymentMethod resolve(String reference) {
        Optional<TestCards.Card> testCard = TestCards.byTestPaymentMethod(reference);
        if (testCard.isPresent()) {
            YearMonth nextYear = YearMonth.now(clock.withZone(ZoneOffset.UTC)).plusYears(1);
            return create(testCard.get(), nextYear.getMonthValue(), nextYear.getYear(), null);
        }
        return find(reference)
                .orElseThrow(() -> StripeApiException.notFound("payment_method", "PaymentMethod", reference)
                        .withStatus400());
    }

    public PaymentMethod create(TestCards.Card card, int expMonth, int expYear, String billingName) {
        PaymentMethod method = new PaymentMethod(
                Ids.newId("pm"),
                card.brand(),
                card.last4(),
                expMonth,
                expYear,
                card.outcome(),
                billingName,
                clock.instant().getEpochSecond());
        jdbc.sql("INSERT INTO payment_methods (id, brand, last4, exp_month, exp_year, card_outcome, billing_name, "
                        + "created) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        method.id(),
                        method.brand(),
                        method.last4(),
                        method.expMonth(),
                        method.expYear(),
                        method.outcome().name(),
                        method.billingName(),
                        method.created())
                .update();
        return method;
    }
}
