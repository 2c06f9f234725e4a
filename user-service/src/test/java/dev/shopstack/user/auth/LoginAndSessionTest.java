package dev.shopstack.user.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.user.Api;
import dev.shopstack.user.IntegrationTestSupport;
import dev.shopstack.user.token.SigningKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class LoginAndSessionTest extends IntegrationTestSupport {

    @Autowired
    JwtDecoder decoder;

    @Autowired
    SigningKeys keys;

    @Test
    void loginByEmailOrUsernameIssuesASignedAccessTokenAndAnOpaqueRefreshToken() {
        var account = api.registerVerified();

        var byEmail = api.login(account.email().toUpperCase(), Api.PASSWORD);
        assertThat(byEmail).hasStatusOk();
        var body = Api.json(byEmail);
        assertThat(body.path("tokenType").asString()).isEqualTo("Bearer");
        assertThat(body.path("expiresIn").asLong()).isEqualTo(900);
        assertThat(body.path("refreshToken").asString()).hasSizeGreaterThanOrEqualTo(43);

        var jwt = decoder.decode(body.path("accessToken").asString());
        assertThat(jwt.getSubject()).isEqualTo(account.id());
        assertThat(jwt.getIssuer().toString()).isEqualTo("http://localhost:8080");
        assertThat(jwt.getClaimAsString("email")).isEqualTo(account.email());
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("CUSTOMER");
        assertThat(jwt.getId()).isNotBlank();
        assertThat(jwt.getHeaders().get("kid")).isEqualTo(keys.active().getKeyID());
        assertThat(jwt.getExpiresAt()).isEqualTo(jwt.getIssuedAt().plusSeconds(900));
        // ADR 0008: an RFC 9068 access token for the platform's API, naming its session
        assertThat(jwt.getHeaders().get("typ")).isEqualTo("at+jwt");
        assertThat(jwt.getAudience()).containsExactly("shopstack-api");
        assertThat(jwt.getClaimAsString("sid")).isNotBlank();

        assertThat(api.login(account.username(), Api.PASSWORD)).hasStatusOk();
    }

    @Test
    void unknownUserAndWrongPasswordAnswerAlike() {
        var account = api.registerVerified();

        var wrongPassword = api.login(account.email(), "not-the-password");
        var unknownUser = api.login("nobody-at-all@example.test", "not-the-password");

        assertThat(wrongPassword).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(unknownUser).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(Api.json(wrongPassword).path("detail"))
                .isEqualTo(Api.json(unknownUser).path("detail"));
        assertThat(Api.json(wrongPassword).path("type"))
                .isEqualTo(Api.json(unknownUser).path("type"));
    }

    @Test
    void fiveFailuresInARowLockTheAccountEvenAgainstTheRightPassword() {
        var account = api.registerVerified();
        for (int i = 0; i < 5; i++) {
            assertThat(api.login(account.username(), "wrong-password-" + i)).hasStatus(HttpStatus.UNAUTHORIZED);
        }

        var locked = api.login(account.username(), Api.PASSWORD);
        assertThat(locked).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(Api.json(locked).path("detail"))
                .isEqualTo(Api.json(api.login("nobody-at-all", "x-password")).path("detail"));
    }

    @Test
    void refreshRotatesTheTokenAndAReusedOneRevokesTheWholeSession() {
        var account = api.registerVerified();
        var first = api.tokens(account.username(), Api.PASSWORD);

        var rotated = api.refresh(first.refresh());
        assertThat(rotated).hasStatusOk();
        String second = Api.json(rotated).path("refreshToken").asString();
        assertThat(second).isNotEqualTo(first.refresh());
        assertThat(Api.json(rotated).path("accessToken").asString()).isNotBlank();

        // the first token again: a thief or a replay; the session dies, including the newest token
        assertThat(api.refresh(first.refresh())).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(api.refresh(second)).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void forgedOrUnknownRefreshTokensAreRefused() {
        assertThat(api.refresh("made-up-token")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(api.post("/api/auth/refresh", "{\"refreshToken\":\"\"}")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.post("/api/auth/refresh", "{\"refreshToken\":\"%s\"}".formatted("x".repeat(500))))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void logoutEndsOneSessionOrAllOfThem() {
        var account = api.registerVerified();
        var laptop = api.tokens(account.username(), Api.PASSWORD);
        var phone = api.tokens(account.username(), Api.PASSWORD);
        var tablet = api.tokens(account.username(), Api.PASSWORD);

        assertThat(api.post("/api/auth/logout", "{\"refreshToken\":\"%s\"}".formatted(laptop.refresh())))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(api.refresh(laptop.refresh())).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(api.refresh(phone.refresh())).hasStatusOk();

        assertThat(api.post(
                        "/api/auth/logout",
                        "{\"refreshToken\":\"%s\",\"allSessions\":true}".formatted(tablet.refresh())))
                .hasStatus(HttpStatus.NO_CONTENT);
        var phoneAfter = api.login(account.username(), Api.PASSWORD); // still possible to log in again
        assertThat(phoneAfter).hasStatusOk();
        assertThat(api.refresh(tablet.refresh())).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void logoutNeedsALiveRefreshToken() {
        var account = api.registerVerified();
        var first = api.tokens(account.username(), Api.PASSWORD);
        String rotated =
                Api.json(api.refresh(first.refresh())).path("refreshToken").asString();
        var other = api.tokens(account.username(), Api.PASSWORD);

        // spent (rotated away), unknown, and, after the logout, revoked: 401, and nothing is ended by them
        for (String dead : new String[] {first.refresh(), "made-up-token"}) {
            var refused =
                    api.post("/api/auth/logout", "{\"refreshToken\":\"%s\",\"allSessions\":true}".formatted(dead));
            assertThat(refused)
                    .hasStatus(HttpStatus.UNAUTHORIZED)
                    .hasContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(api.post("/api/auth/logout", "{\"refreshToken\":\"%s\"}".formatted(rotated)))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(api.post("/api/auth/logout", "{\"refreshToken\":\"%s\",\"allSessions\":true}".formatted(rotated)))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        var refreshedOther = api.refresh(other.refresh());
        assertThat(refreshedOther).hasStatusOk();

        // expired: fifteen days after it was issued, a refresh token ends nothing any more
        clock.advance(java.time.Duration.ofDays(15));
        assertThat(api.post(
                        "/api/auth/logout",
                        "{\"refreshToken\":\"%s\"}"
                                .formatted(Api.json(refreshedOther)
                                        .path("refreshToken")
                                        .asString())))
                .hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aSessionEndsThirtyDaysAfterItsLoginHoweverOftenItIsRefreshed() {
        var account = api.registerVerified();
        String refresh = api.tokens(account.username(), Api.PASSWORD).refresh();
        for (int i = 0; i < 2; i++) {
            clock.advance(java.time.Duration.ofDays(10));
            var rotated = api.refresh(refresh);
            assertThat(rotated).hasStatusOk();
            refresh = Api.json(rotated).path("refreshToken").asString();
        }
        clock.advance(java.time.Duration.ofDays(10).plusMinutes(1)); // 30 days and a minute after the login

        var refused = api.refresh(refresh); // only ten days old, but the session is over
        assertThat(refused).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(api.login(account.username(), Api.PASSWORD)).hasStatusOk();
    }

    @Test
    void theServiceAcceptsItsOwnTokensAndRefusesForgedOnes() {
        var account = api.registerVerified();
        var tokens = api.tokens(account.username(), Api.PASSWORD);

        assertThat(mvc.get()
                        .uri("/api/users/me")
                        .header("Authorization", "Bearer " + tokens.access())
                        .exchange())
                .hasStatusOk();
        String[] parts = tokens.access().split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        String unsigned = "eyJhbGciOiJub25lIn0." + parts[1] + ".";
        for (String bad :
                new String[] {tampered, unsigned, dev.shopstack.platform.test.TestJwts.forged(account.id())}) {
            assertThat(mvc.get()
                            .uri("/api/users/me")
                            .header("Authorization", "Bearer " + bad)
                            .exchange())
                    .hasStatus(HttpStatus.UNAUTHORIZED);
        }
    }
}
