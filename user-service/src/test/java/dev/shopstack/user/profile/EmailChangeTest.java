package dev.shopstack.user.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.platform.test.PublishedEvents;
import dev.shopstack.user.Api;
import dev.shopstack.user.IntegrationTestSupport;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

class EmailChangeTest extends IntegrationTestSupport {

    private MvcTestResult patchMe(String json, String token) {
        return mvc.method(HttpMethod.PATCH)
                .uri("/api/users/me")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .header("Authorization", "Bearer " + token)
                .exchange();
    }

    private PublishedEvents.Event codeFor(Api.Account account, String address) {
        Awaitility.await()
                .until(() -> events().all("user.email-verification-requested", account.id()).stream()
                        .anyMatch(e -> e.data().path("email").asString().equals(address)));
        return events().all("user.email-verification-requested", account.id()).stream()
                .filter(e -> e.data().path("email").asString().equals(address))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    /** A verified account whose registration code is past the cool-down. */
    private Api.Account settledAccount() {
        var account = api.registerVerified();
        clock.advance(Duration.ofSeconds(61));
        return account;
    }

    @Test
    void theNewAddressNeedsThePasswordAndBecomesTheLoginOnlyOnceVerifiedWhileTheOldOneIsTold() {
        var account = settledAccount();
        var tokens = api.tokens(account.username(), Api.PASSWORD);
        String newEmail = "n" + account.email();

        assertThat(patchMe("{\"email\":\"%s\"}".formatted(newEmail), tokens.access()))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("currentPassword");
        assertThat(patchMe(
                        "{\"email\":\"%s\",\"currentPassword\":\"not-my-password\"}".formatted(newEmail),
                        tokens.access()))
                .hasStatus(HttpStatus.BAD_REQUEST);

        var changed = patchMe(
                "{\"email\":\"%s\",\"currentPassword\":\"%s\"}".formatted(newEmail, Api.PASSWORD), tokens.access());
        assertThat(changed).hasStatusOk();
        assertThat(changed).bodyJson().extractingPath("$.email").isEqualTo(account.email());
        assertThat(changed).bodyJson().extractingPath("$.pendingEmail").isEqualTo(newEmail);
        assertThat(changed).bodyJson().extractingPath("$.emailVerified").isEqualTo(true);

        var notice = events().await("user.email-change-requested", account.id());
        assertThat(notice.data().path("email").asString()).isEqualTo(account.email());
        assertThat(notice.data().path("newEmailMasked").asString())
                .isEqualTo("n***@example.test")
                .doesNotContain(account.username());
        String code = api.openCode(codeFor(account, newEmail));

        // until the code is entered, the old address is the account's: login, reset
        assertThat(api.login(newEmail, Api.PASSWORD)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(api.login(account.email(), Api.PASSWORD)).hasStatusOk();
        assertThat(api.post("/api/auth/password-reset", "{\"email\":\"%s\"}".formatted(newEmail)))
                .hasStatus(HttpStatus.ACCEPTED);
        assertThat(api.post("/api/auth/password-reset", "{\"email\":\"%s\"}".formatted(account.email())))
                .hasStatus(HttpStatus.ACCEPTED);
        assertThat(events().await("user.password-reset-requested", account.id())
                        .data()
                        .path("email")
                        .asString())
                .isEqualTo(account.email());

        assertThat(api.post("/api/auth/verify-email", """
                {"email":"%s","code":"%s"}""".formatted(newEmail, code)))
                .hasStatusOk();

        var me = mvc.get()
                .uri("/api/users/me")
                .header("Authorization", "Bearer " + tokens.access())
                .exchange();
        assertThat(me).bodyJson().extractingPath("$.email").isEqualTo(newEmail);
        assertThat(me).bodyJson().extractingPath("$.pendingEmail").isNull();
        assertThat(api.login(newEmail, Api.PASSWORD)).hasStatusOk();
        assertThat(api.login(account.email(), Api.PASSWORD)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(events().all("user.password-reset-requested", account.id()))
                .allMatch(e -> e.data().path("email").asString().equals(account.email()));
    }

    @Test
    void oneCodePerCooldownAndAFewChangesADay() {
        clock.keepWithinOneUtcDay(Duration.ofMinutes(15)); // the cap is per UTC day, registration included
        var account = settledAccount();
        var tokens = api.tokens(account.username(), Api.PASSWORD);
        String body = "{\"email\":\"%s\",\"currentPassword\":\"" + Api.PASSWORD + "\"}";

        assertThat(patchMe(body.formatted("a" + account.email()), tokens.access()))
                .hasStatusOk();
        var again = patchMe(body.formatted("b" + account.email()), tokens.access());
        assertThat(again).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(again.getResponse().getHeader("Retry-After")).isEqualTo("60");
        assertThat(api.post("/api/auth/verify-email/resend", "{\"email\":\"a%s\"}".formatted(account.email())))
                .hasStatus(HttpStatus.ACCEPTED);

        // registration's code, the first change's; nothing for the refused change or the resend in the cool-down
        codeFor(account, "a" + account.email());
        assertThat(events().all("user.email-verification-requested", account.id()))
                .hasSize(2);
        assertThat(events().all("user.email-change-requested", account.id())).hasSize(1);
        var me = mvc.get()
                .uri("/api/users/me")
                .header("Authorization", "Bearer " + tokens.access())
                .exchange();
        assertThat(me).bodyJson().extractingPath("$.pendingEmail").isEqualTo("a" + account.email());

        // the daily cap: five codes a day per account (registration included)
        for (String prefix : new String[] {"c", "d", "e"}) {
            clock.advance(Duration.ofSeconds(61));
            assertThat(patchMe(body.formatted(prefix + account.email()), tokens.access()))
                    .hasStatusOk();
        }
        clock.advance(Duration.ofSeconds(61));
        assertThat(patchMe(body.formatted("f" + account.email()), tokens.access()))
                .hasStatus(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void oneAddressGetsOneCodePerCooldownWhicheverAccountAsks() {
        var alice = settledAccount();
        var bob = settledAccount();
        String target = "shared-" + alice.username() + "@example.test";
        String body = "{\"email\":\"%s\",\"currentPassword\":\"%s\"}".formatted(target, Api.PASSWORD);

        assertThat(patchMe(body, api.tokens(alice.username(), Api.PASSWORD).access()))
                .hasStatusOk();
        assertThat(patchMe(body, api.tokens(bob.username(), Api.PASSWORD).access()))
                .hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(events().all("user.email-change-requested", bob.id())).isEmpty();
    }

    @Test
    void anotherAccountsAddressIsRefusedAndTheCurrentOneCancelsAPendingChange() {
        var bob = api.registerVerified();
        var alice = settledAccount();
        var tokens = api.tokens(alice.username(), Api.PASSWORD);

        assertThat(patchMe(
                        "{\"email\":\"%s\",\"currentPassword\":\"%s\"}".formatted(bob.email(), Api.PASSWORD),
                        tokens.access()))
                .hasStatus(HttpStatus.CONFLICT);

        assertThat(patchMe(
                        "{\"email\":\"x%s\",\"currentPassword\":\"%s\"}".formatted(alice.email(), Api.PASSWORD),
                        tokens.access()))
                .hasStatusOk();
        String code = api.openCode(codeFor(alice, "x" + alice.email()));
        assertThat(patchMe("{\"email\":\"%s\"}".formatted(alice.email()), tokens.access()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.pendingEmail")
                .isNull();
        // the code of the cancelled change no longer moves the account
        assertThat(api.post("/api/auth/verify-email", """
                {"email":"x%s","code":"%s"}""".formatted(alice.email(), code)))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.login(alice.email(), Api.PASSWORD)).hasStatusOk();
    }

    @Test
    void namesTakeLettersMarksSpacesAndPunctuationButNoLinks() {
        var account = api.registerVerified();
        var tokens = api.tokens(account.username(), Api.PASSWORD);

        assertThat(patchMe("{\"firstName\":\"José Ángel\",\"lastName\":\"O'Brien-Smith Jr.\"}", tokens.access()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.lastName")
                .isEqualTo("O'Brien-Smith Jr.");
        for (String name : new String[] {"Visit https://evil.example/", "evil.example/login", "Ada <b>", "Ada: 5"}) {
            assertThat(patchMe("{\"firstName\":\"%s\"}".formatted(name), tokens.access()))
                    .hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson()
                    .extractingPath("$.errors[0].field")
                    .isEqualTo("firstName");
        }
        assertThat(api.post("/api/auth/register", """
                {"email":"links@example.test","username":"linkname","password":"%s","passwordConfirm":"%s",
                 "firstName":"Your account is suspended - restore it at https://evil.example/"}""".formatted(Api.PASSWORD, Api.PASSWORD)))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }
}
