package dev.shopstack.user.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.platform.test.PublishedEvents;
import dev.shopstack.user.Api;
import dev.shopstack.user.IntegrationTestSupport;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reset tokens and verification codes never sit in clear on the topic or in the outbox (ADR 0009). */
class SealedSecretsTest extends IntegrationTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    private List<String> outboxPayloads(Api.Account account) {
        return jdbc.queryForList("SELECT payload FROM outbox_events WHERE record_key = ?", String.class, account.id());
    }

    private static Pattern standalone(String secret) {
        return Pattern.compile("(?<![0-9A-Za-z_-])" + Pattern.quote(secret) + "(?![0-9A-Za-z_-])");
    }

    @Test
    void theTopicAndTheOutboxHoldNoUsableCodeOrTokenOnlySealedOnes() {
        var account = api.register();
        PublishedEvents.Event verification = events().await("user.email-verification-requested", account.id());
        String code = api.openCode(verification);
        assertThat(api.post("/api/auth/verify-email", """
                {"email":"%s","code":"%s"}""".formatted(account.email(), code)))
                .hasStatusOk();
        assertThat(api.post("/api/auth/password-reset", "{\"email\":\"%s\"}".formatted(account.email())))
                .hasStatus(HttpStatus.ACCEPTED);
        PublishedEvents.Event reset = events().await("user.password-reset-requested", account.id());
        String token = api.openResetToken(reset);

        assertThat(verification.data().path("sealedCode").asString()).startsWith("v1.");
        assertThat(reset.data().path("sealedToken").asString()).startsWith("v1.");
        assertThat(reset.data().has("resetLink")).isFalse();
        for (String raw : List.of(verification.rawValue(), reset.rawValue())) {
            assertThat(raw)
                    .doesNotContainPattern(standalone(code))
                    .doesNotContain(token)
                    .doesNotContain("token=");
        }
        List<String> outbox = outboxPayloads(account);
        assertThat(outbox).isNotEmpty();
        assertThat(outbox)
                .allSatisfy(payload -> assertThat(payload == null ? "" : payload)
                        .doesNotContainPattern(standalone(code))
                        .doesNotContain(token));

        // what was sealed is the real token: it resets the password
        assertThat(api.post("/api/auth/password-reset/confirm", """
                {"token":"%s","newPassword":"sealed-and-delivered"}""".formatted(token)))
                .hasStatus(HttpStatus.NO_CONTENT);
    }
}
