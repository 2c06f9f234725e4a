package dev.shopstack.user.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTParser;
import dev.shopstack.platform.test.PublishedEvents;
import dev.shopstack.user.Api;
import dev.shopstack.user.IntegrationTestSupport;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Every way sessions end publishes their revocation on session-revocations (ADR 0008), read here off the broker. */
class SessionRevocationTest extends IntegrationTestSupport {

    /** Read without checking: once revoked, the service itself refuses the token, which is the point. */
    private String sid(Api.Tokens tokens) {
        try {
            return JWTParser.parse(tokens.access()).getJWTClaimsSet().getStringClaim("sid");
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private MvcTestResult send(HttpMethod method, String path, String json, String token) {
        return mvc.method(method)
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .header("Authorization", "Bearer " + token)
                .exchange();
    }

    /** The next revocation of this user after the ones already seen. */
    private PublishedEvents.Event nextRevocation(Api.Account account, int seenBefore) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> revocations(account).size() > seenBefore);
        PublishedEvents.Event event = revocations(account).get(seenBefore);
        assertThat(event.topic()).isEqualTo("session-revocations");
        assertThat(event.key()).isEqualTo(account.id());
        assertThat(event.data().path("userId").asString()).isEqualTo(account.id());
        Instant revokedAt = Instant.parse(event.data().path("revokedAt").asString());
        assertThat(Instant.parse(event.data().path("expiresAt").asString()))
                .isEqualTo(revokedAt.plus(Duration.ofMinutes(16)));
        return event;
    }

    private List<PublishedEvents.Event> revocations(Api.Account account) {
        return events().all("user.sessions-revoked", account.id());
    }

    private static List<String> sessions(PublishedEvents.Event event) {
        return event.data()
                .path("sessionIds")
                .valueStream()
                .map(node -> node.asString())
                .sorted()
                .toList();
    }

    private static String reason(PublishedEvents.Event event) {
        return event.data().path("reason").asString();
    }

    @Test
    void logoutRevokesItsSessionAndLogoutEverywhereAllOfThem() {
        var account = api.registerVerified();
        var laptop = api.tokens(account.username(), Api.PASSWORD);
        var phone = api.tokens(account.username(), Api.PASSWORD);

        api.post("/api/auth/logout", "{\"refreshToken\":\"%s\"}".formatted(laptop.refresh()));
        var logout = nextRevocation(account, 0);
        assertThat(reason(logout)).isEqualTo("logout");
        assertThat(sessions(logout)).containsExactly(sid(laptop));

        api.post("/api/auth/logout", "{\"refreshToken\":\"%s\",\"allSessions\":true}".formatted(phone.refresh()));
        var everywhere = nextRevocation(account, 1);
        assertThat(reason(everywhere)).isEqualTo("logout-all");
        assertThat(sessions(everywhere)).containsExactlyInAnyOrder(sid(laptop), sid(phone));
    }

    @Test
    void aPasswordChangeRevokesEveryOtherSessionAndAResetAllOfThem() {
        var account = api.registerVerified();
        var here = api.tokens(account.username(), Api.PASSWORD);
        var elsewhere = api.tokens(account.username(), Api.PASSWORD);

        assertThat(send(HttpMethod.PUT, "/api/users/me/password", """
                {"currentPassword":"%s","newPassword":"another-good-secret"}""".formatted(Api.PASSWORD), here.access()))
                .hasStatus(HttpStatus.NO_CONTENT);
        var changed = nextRevocation(account, 0);
        assertThat(reason(changed)).isEqualTo("password-changed");
        assertThat(sessions(changed)).containsExactly(sid(elsewhere));

        api.post("/api/auth/password-reset", "{\"email\":\"%s\"}".formatted(account.email()));
        String token = api.openResetToken(events().await("user.password-reset-requested", account.id()));
        assertThat(api.post("/api/auth/password-reset/confirm", """
                {"token":"%s","newPassword":"a-third-good-secret"}""".formatted(token)))
                .hasStatus(HttpStatus.NO_CONTENT);
        var reset = nextRevocation(account, 1);
        assertThat(reason(reset)).isEqualTo("password-reset");
        assertThat(sessions(reset)).contains(sid(here), sid(elsewhere));
    }

    @Test
    void anAdminsLockAndRoleChangeRevokeEverySession() {
        var account = api.registerVerified();
        var admin = api.adminTokens();
        var first = api.tokens(account.username(), Api.PASSWORD);

        send(HttpMethod.PATCH, "/api/users/" + account.id(), "{\"roles\":[\"CUSTOMER\",\"ADMIN\"]}", admin.access());
        var roles = nextRevocation(account, 0);
        assertThat(reason(roles)).isEqualTo("roles-changed");
        assertThat(sessions(roles)).containsExactly(sid(first));

        var second = api.tokens(account.username(), Api.PASSWORD);
        send(HttpMethod.PATCH, "/api/users/" + account.id(), "{\"locked\":true}", admin.access());
        var locked = nextRevocation(account, 1);
        assertThat(reason(locked)).isEqualTo("locked");
        assertThat(sessions(locked)).containsExactlyInAnyOrder(sid(first), sid(second));
    }

    @Test
    void deletingTheAccountRevokesEverySessionWhoeverDeletesIt() {
        var self = api.registerVerified();
        var selfTokens = api.tokens(self.username(), Api.PASSWORD);
        assertThat(send(
                        HttpMethod.DELETE,
                        "/api/users/me",
                        "{\"password\":\"%s\"}".formatted(Api.PASSWORD),
                        selfTokens.access()))
                .hasStatus(HttpStatus.NO_CONTENT);
        var deleted = nextRevocation(self, 0);
        assertThat(reason(deleted)).isEqualTo("deleted");
        assertThat(sessions(deleted)).containsExactly(sid(selfTokens));

        var other = api.registerVerified();
        var otherTokens = api.tokens(other.username(), Api.PASSWORD);
        assertThat(mvc.delete()
                        .uri("/api/users/" + other.id())
                        .header("Authorization", "Bearer " + api.adminTokens().access())
                        .exchange())
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(sessions(nextRevocation(other, 0))).containsExactly(sid(otherTokens));
    }

    @Test
    void onlySessionsThatMayStillHoldALiveAccessTokenAreListed() {
        var account = api.registerVerified();
        var old = api.tokens(account.username(), Api.PASSWORD);
        clock.advance(Duration.ofMinutes(17)); // its access token has expired, clock skew included
        var fresh = api.tokens(account.username(), Api.PASSWORD);

        api.post("/api/auth/logout", "{\"refreshToken\":\"%s\",\"allSessions\":true}".formatted(fresh.refresh()));

        var event = nextRevocation(account, 0);
        assertThat(sessions(event)).containsExactly(sid(fresh)).doesNotContain(sid(old));
        // the old session's refresh token is revoked all the same
        assertThat(api.refresh(old.refresh())).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aReusedRefreshTokenRevokesItsSessionsAccessTokensToo() {
        var account = api.registerVerified();
        var stolen = api.tokens(account.username(), Api.PASSWORD);
        assertThat(api.refresh(stolen.refresh())).hasStatusOk();

        assertThat(api.refresh(stolen.refresh())).hasStatus(HttpStatus.UNAUTHORIZED);

        var event = nextRevocation(account, 0);
        assertThat(reason(event)).isEqualTo("refresh-token-reuse");
        assertThat(sessions(event)).containsExactly(sid(stolen));
    }
}
