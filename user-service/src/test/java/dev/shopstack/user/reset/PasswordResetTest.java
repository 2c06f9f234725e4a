package dev.shopstack.user.reset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.user.Api;
import dev.shopstack.user.IntegrationTestSupport;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class PasswordResetTest extends IntegrationTestSupport {

    private void request(Api.Account account) {
        assertThat(api.post("/api/auth/password-reset", "{\"email\":\"%s\"}".formatted(account.email())))
                .hasStatus(HttpStatus.ACCEPTED);
    }

    private String requestToken(Api.Account account) {
        request(account);
        return api.openResetToken(events().await("user.password-reset-requested", account.id()));
    }

    @Test
    void theAnswerIsTheSameWhetherOrNotTheAddressExists() {
        var account = api.registerVerified();
        var known = api.post("/api/auth/password-reset", "{\"email\":\"%s\"}".formatted(account.email()));
        var unknown = api.post("/api/auth/password-reset", "{\"email\":\"nobody-here@example.test\"}");

        assertThat(known).hasStatus(HttpStatus.ACCEPTED);
        assertThat(unknown).hasStatus(HttpStatus.ACCEPTED);
        assertThat(known.getResponse().getContentAsByteArray())
                .isEqualTo(unknown.getResponse().getContentAsByteArray());
    }

    @Test
    void aResetTokenSetsANewPasswordOnceAndEndsEverySession() {
        var account = api.registerVerified();
        var before = api.tokens(account.username(), Api.PASSWORD);
        String token = requestToken(account);
        assertThat(events().await("user.password-reset-requested", account.id())
                        .data()
                        .has("resetLink"))
                .isFalse();

        assertThat(api.post("/api/auth/password-reset/confirm", """
                {"token":"%s","newPassword":"a-brand-new-secret"}""".formatted(token)))
                .hasStatus(HttpStatus.NO_CONTENT);

        assertThat(api.refresh(before.refresh())).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(api.login(account.username(), Api.PASSWORD)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(api.login(account.username(), "a-brand-new-secret")).hasStatusOk();
        assertThat(events().await("user.password-changed", account.id())
                        .data()
                        .path("email")
                        .asString())
                .isEqualTo(account.email());
        // the same token a second time
        assertThat(api.post("/api/auth/password-reset/confirm", """
                {"token":"%s","newPassword":"yet-another-secret"}""".formatted(token)))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aNewerRequestInvalidatesTheOlderTokenAndThePolicyApplies() {
        var account = api.registerVerified();
        String older = requestToken(account);
        clock.advance(Duration.ofSeconds(61)); // past the cool-down
        request(account);
        org.awaitility.Awaitility.await()
                .until(() -> events().all("user.password-reset-requested", account.id())
                                .size()
                        == 2);
        String newer = api.openResetToken(events().await("user.password-reset-requested", account.id()));

        assertThat(api.post("/api/auth/password-reset/confirm", """
                {"token":"%s","newPassword":"a-brand-new-secret"}""".formatted(older)))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.post("/api/auth/password-reset/confirm", """
                {"token":"%s","newPassword":"password123"}""".formatted(newer)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("newPassword");
        assertThat(api.post("/api/auth/password-reset/confirm", """
                {"token":"%s","newPassword":"a-brand-new-secret"}""".formatted(newer)))
                .hasStatus(HttpStatus.NO_CONTENT);
    }

    @Test
    void resetMailsAreThrottledPerAddressAndAccountSilently() {
        clock.keepWithinOneUtcDay(Duration.ofMinutes(10)); // the cap is per UTC day; the test moves six minutes
        var account = api.registerVerified();
        for (int i = 0; i < 3; i++) {
            request(account); // 202 every time, one mail
        }
        events().await("user.password-reset-requested", account.id());
        for (int i = 0; i < 6; i++) {
            clock.advance(Duration.ofSeconds(61));
            request(account);
        }
        // five a day: the first, then four after each cool-down, then nothing more today
        org.awaitility.Awaitility.await()
                .until(() -> events().all("user.password-reset-requested", account.id())
                                .size()
                        == 5);
        org.awaitility.Awaitility.await()
                .during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> events().all("user.password-reset-requested", account.id())
                                .size()
                        == 5);
    }
}
