package dev.shopstack.user.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.user.Api;
import dev.shopstack.user.ApiTestSupport;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.util.UriComponentsBuilder;

class PasswordResetTest extends ApiTestSupport {

    private String requestLink(Api.Account account) {
        assertThat(api.post("/api/auth/password-reset", "{\"email\":\"%s\"}".formatted(account.email())))
                .hasStatus(HttpStatus.ACCEPTED);
        return events().await("user.password-reset-requested", account.id()).data().path("resetLink").asString();
    }

    private static String token(String link) {
        return UriComponentsBuilder.fromUri(URI.create(link)).build().getQueryParams().getFirst("token");
    }

    @Test
    void theAnswerIsTheSameWhetherOrNotTheAddressExists() {
        var account = api.registerVerified();
        var known = api.post("/api/auth/password-reset", "{\"email\":\"%s\"}".formatted(account.email()));
        var unknown = api.post("/api/auth/password-reset", "{\"email\":\"nobody-here@example.test\"}");

        assertThat(known).hasStatus(HttpStatus.ACCEPTED);
        assertThat(unknown).hasStatus(HttpStatus.ACCEPTED);
        assertThat(known.getResponse().getContentAsByteArray()).isEqualTo(unknown.getResponse().getContentAsByteArray());
    }

    @Test
    void aResetLinkSetsANewPasswordOnceAndEndsEverySession() {
        var account = api.registerVerified();
        var before = api.tokens(account.username(), Api.PASSWORD);
        String link = requestLink(account);
        assertThat(link).startsWith("http://localhost:3000/reset-password?token=");

        assertThat(api.post("/api/auth/password-reset/confirm", """
                {"token":"%s","newPassword":"a-brand-new-secret"}""".formatted(token(link))))
                .hasStatus(HttpStatus.NO_CONTENT);

        assertThat(api.refresh(before.refresh())).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(api.login(account.username(), Api.PASSWORD)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(api.login(account.username(), "a-brand-new-secret")).hasStatusOk();
        assertThat(events().await("user.password-changed", account.id()).data().path("email").asString())
                .isEqualTo(account.email());
        // the same link a second time
        assertThat(api.post("/api/auth/password-reset/confirm", """
                {"token":"%s","newPassword":"yet-another-secret"}""".formatted(token(link))))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aNewerRequestInvalidatesTheOlderLinkAndThePolicyApplies() {
        var account = api.registerVerified();
        String older = token(requestLink(account));
        assertThat(api.post("/api/auth/password-reset", "{\"email\":\"%s\"}".formatted(account.email())))
                .hasStatus(HttpStatus.ACCEPTED);
        org.awaitility.Awaitility.await().until(
                () -> events().all("user.password-reset-requested", account.id()).size() == 2);
        String newer = token(events().await("user.password-reset-requested", account.id()).data()
                .path("resetLink").asString());

        assertThat(api.post("/api/auth/password-reset/confirm", """
                {"token":"%s","newPassword":"a-brand-new-secret"}""".formatted(older)))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.post("/api/auth/password-reset/confirm", """
                {"token":"%s","newPassword":"password123"}""".formatted(newer)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("newPassword");
        assertThat(api.post("/api/auth/password-reset/confirm", """
                {"token":"%s","newPassword":"a-brand-new-secret"}""".formatted(newer)))
                .hasStatus(HttpStatus.NO_CONTENT);
    }
}
