package dev.shopstack.user.verification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.platform.test.AtOnce;
import dev.shopstack.user.Api;
import dev.shopstack.user.IntegrationTestSupport;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

class EmailVerificationTest extends IntegrationTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anUnverifiedAccountCannotLogInUntilTheCodeIsEntered() {
        var account = api.register();

        var refused = api.login(account.email(), Api.PASSWORD);
        assertThat(refused).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(refused)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("https://shopstack.dev/problems/email-not-verified");

        assertThat(api.post("/api/auth/verify-email", """
                {"email":"%s","code":"%s"}""".formatted(account.email(), api.latestCode(account))))
                .hasStatusOk();
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
        // the same answer as any other code that does not match (no oracle)
        assertThat(afterLimit)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("https://shopstack.dev/problems/invalid-verification-code");
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
        assertThat(events().all("user.email-verification-requested", account.id()))
                .hasSize(1);
    }

    @Test
    void aWrongAddressOrCodeGetsTheSameAnswer() {
        var account = api.register();
        var wrongAddress =
                api.post("/api/auth/verify-email", "{\"email\":\"nobody-here@example.test\",\"code\":\"123456\"}");
        var wrongCode = api.post(
                "/api/auth/verify-email",
                "{\"email\":\"%s\",\"code\":\"%s\"}"
                        .formatted(account.email(), api.latestCode(account).equals("123456") ? "654321" : "123456"));

        assertThat(wrongAddress).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(wrongCode).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(Api.json(wrongAddress).path("detail"))
                .isEqualTo(Api.json(wrongCode).path("detail"));
    }

    @Test
    void fiftyParallelWrongGuessesCountAsFiftyAndTheRightCodeIsDeadAfterwards() throws Exception {
        var account = api.register();
        String code = api.latestCode(account);
        List<Integer> answers = AtOnce.rounds(1, 50, (round, guesser) -> {
            String guess = String.format("%06d", (Integer.parseInt(code) + 1 + guesser) % 1_000_000);
            return api.post("/api/auth/verify-email", """
                    {"email":"%s","code":"%s"}""".formatted(account.email(), guess))
                    .getResponse()
                    .getStatus();
        });
        assertThat(answers).containsOnly(400);

        assertThat(jdbc.queryForObject(
                        "SELECT attempts FROM email_verifications WHERE user_id = ?", Integer.class, account.id()))
                .isEqualTo(50);
        assertThat(api.post("/api/auth/verify-email", """
                {"email":"%s","code":"%s"}""".formatted(account.email(), code)))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void anAlreadyVerifiedAddressAnswersLikeAnyOtherNonMatchingCode() {
        var verified = api.registerVerified();
        var unknown = api.post("/api/auth/verify-email", """
                {"email":"nobody-else@example.test","code":"123456"}""");
        var wasVerified = api.post("/api/auth/verify-email", """
                {"email":"%s","code":"123456"}""".formatted(verified.email()));

        assertThat(wasVerified).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(Api.json(wasVerified).path("type"))
                .isEqualTo(Api.json(unknown).path("type"));
        assertThat(Api.json(wasVerified).path("detail"))
                .isEqualTo(Api.json(unknown).path("detail"));
    }

    @Test
    void codesAreThrottledPerAccountAndPerAddressSilently() {
        clock.keepWithinOneUtcDay(Duration.ofMinutes(10)); // the cap is per UTC day; the test moves six minutes
        var account = api.register();
        api.latestCode(account);

        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/auth/verify-email/resend", "{\"email\":\"%s\"}".formatted(account.email())))
                    .hasStatus(HttpStatus.ACCEPTED);
        }
        assertThat(events().all("user.email-verification-requested", account.id()))
                .hasSize(1);

        clock.advance(Duration.ofSeconds(61));
        api.post("/api/auth/verify-email/resend", "{\"email\":\"%s\"}".formatted(account.email()));
        Awaitility.await()
                .until(() -> events().all("user.email-verification-requested", account.id())
                                .size()
                        == 2);
        // five a day: three more after each cool-down, then no more today
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(61));
            api.post("/api/auth/verify-email/resend", "{\"email\":\"%s\"}".formatted(account.email()));
        }
        Awaitility.await()
                .until(() -> events().all("user.email-verification-requested", account.id())
                                .size()
                        == 5);
        Awaitility.await()
                .during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> events().all("user.email-verification-requested", account.id())
                                .size()
                        == 5);
    }
}
