package dev.shopstack.user.registration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.user.Api;
import dev.shopstack.user.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class EmailVerificationTest extends ApiTestSupport {

    @Test
    void anUnverifiedAccountCannotLogInUntilTheCodeIsEntered() {
        var account = api.register();

        var refused = api.login(account.email(), Api.PASSWORD);
        assertThat(refused).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(refused).bodyJson().extractingPath("$.type")
                .isEqualTo("https://shopstack.dev/problems/email-not-verified");

        assertThat(api.post("/api/auth/verify-email", """
                {"email":"%s","code":"%s"}""".formatted(account.email(), api.latestCode(account)))).hasStatusOk();
        assertThat(api.login(account.email(), Api.PASSWORD)).hasStatusOk();
    }

    @Test
    void fiveWrongGuessesKillTheCodeEvenForTheRightOne() {
        var account = api.register();
        String code = api.latestCode(account);
        String wrong = code.equals("000000") ? "111111" : "000000";

        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/auth/verify-email", """
                    {"email":"%s","code":"%s"}""".formatted(account.email(), wrong)))
                    .hasStatus(HttpStatus.BAD_REQUEST);
        }
        var afterLimit = api.post("/api/auth/verify-email", """
                {"email":"%s","code":"%s"}""".formatted(account.email(), code));
        assertThat(afterLimit).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(afterLimit).bodyJson().extractingPath("$.type")
                .isEqualTo("https://shopstack.dev/problems/verification-code-expired");
    }

    @Test
    void resendAnswersAlikeForEveryAddressAndRespectsTheCooldown() {
        var account = api.register();
        api.latestCode(account);

        var known = api.post("/api/auth/verify-email/resend", "{\"email\":\"%s\"}".formatted(account.email()));
        var unknown = api.post("/api/auth/verify-email/resend", "{\"email\":\"nobody-here@example.test\"}");

        assertThat(known).hasStatus(HttpStatus.ACCEPTED);
        assertThat(unknown).hasStatus(HttpStatus.ACCEPTED);
        assertThat(known.getResponse().getContentAsByteArray())
                .isEqualTo(unknown.getResponse().getContentAsByteArray());
        // within the cool-down no second code is sent
        assertThat(events().all("user.email-verification-requested", account.id())).hasSize(1);
    }

    @Test
    void aWrongAddressOrCodeGetsTheSameAnswer() {
        var account = api.register();
        var wrongAddress = api.post("/api/auth/verify-email",
                "{\"email\":\"nobody-here@example.test\",\"code\":\"123456\"}");
        var wrongCode = api.post("/api/auth/verify-email",
                "{\"email\":\"%s\",\"code\":\"%s\"}".formatted(account.email(),
                        api.latestCode(account).equals("123456") ? "654321" : "123456"));

        assertThat(wrongAddress).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(wrongCode).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(Api.json(wrongAddress).path("detail")).isEqualTo(Api.json(wrongCode).path("detail"));
    }
}
