package dev.shopstack.user.lockout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.platform.test.AtOnce;
import dev.shopstack.user.Api;
import dev.shopstack.user.IntegrationTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

class LockoutTest extends IntegrationTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    private MvcTestResult loginFrom(String address, String login, String password) {
        return mvc.post()
                .uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"login\":\"%s\",\"password\":\"%s\"}".formatted(login, password))
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                })
                .exchange();
    }

    private int counted(Api.Account account, String clientKey) {
        return jdbc.queryForObject(
                "SELECT COALESCE(SUM(failures), 0) FROM login_failures " + "WHERE user_id = ? AND client_key = ?",
                Integer.class,
                account.id(),
                clientKey);
    }

    @Test
    void fiftyParallelWrongPasswordsCountAsFiftyAndOnlyFiveAreChecked() throws Exception {
        var account = api.registerVerified();
        var answers = AtOnce.rounds(
                1,
                50,
                (round, i) -> loginFrom("198.51.100.50", account.username(), "wrong-guess-" + i)
                        .getResponse()
                        .getStatus());
        assertThat(answers).hasSize(50).containsOnly(401);

        assertThat(counted(account, "198.51.100.50")).isEqualTo(50);
        // the right password from that address is refused now, with the same answer as a wrong one
        var locked = loginFrom("198.51.100.50", account.username(), Api.PASSWORD);
        assertThat(locked).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(Api.json(locked).path("detail"))
                .isEqualTo(Api.json(loginFrom("198.51.100.50", "nobody-at-all", "x-password"))
                        .path("detail"));
        // nobody elsewhere is locked out by it
        assertThat(loginFrom("203.0.113.9", account.username(), Api.PASSWORD)).hasStatusOk();
    }

    @Test
    void theAccountLocksOnlyAfterManyFailuresFromSeveralAddressesAndTheOwnerIsMailed() {
        var account = api.registerVerified();
        // 3 addresses x 5 failures: 15, not yet 20
        for (String address : new String[] {"192.0.2.1", "192.0.2.2", "192.0.2.3"}) {
            for (int i = 0; i < 5; i++) {
                assertThat(loginFrom(address, account.username(), "wrong-" + i)).hasStatus(HttpStatus.UNAUTHORIZED);
            }
        }
        // more tries from an already locked pair add nothing toward the account lock
        for (int i = 0; i < 10; i++) {
            loginFrom("192.0.2.1", account.username(), "still-wrong-" + i);
        }
        assertThat(loginFrom("203.0.113.20", account.username(), Api.PASSWORD)).hasStatusOk();
        assertThat(events().all("user.account-locked", account.id())).isEmpty();

        for (int i = 0; i < 5; i++) {
            loginFrom("192.0.2.4", account.username(), "wrong-" + i);
        }

        // 20 failures from 4 addresses: the whole account is locked, for every address, and the owner is told once
        assertThat(loginFrom("203.0.113.21", account.username(), Api.PASSWORD)).hasStatus(HttpStatus.UNAUTHORIZED);
        var mail = events().await("user.account-locked", account.id());
        assertThat(mail.data().path("email").asString()).isEqualTo(account.email());
        assertThat(mail.data().path("failedAttempts").asInt()).isEqualTo(20);
        assertThat(mail.data().path("sourceAddresses").asInt()).isEqualTo(4);
        loginFrom("192.0.2.5", account.username(), "one-more");
        assertThat(events().all("user.account-locked", account.id())).hasSize(1);

        // an admin's unlock clears every lock and counter
        var admin = api.adminTokens();
        assertThat(mvc.method(HttpMethod.PATCH)
                        .uri("/api/users/" + account.id())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"locked\":false}")
                        .header("Authorization", "Bearer " + admin.access())
                        .exchange())
                .hasStatusOk();
        assertThat(loginFrom("192.0.2.1", account.username(), Api.PASSWORD)).hasStatusOk();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM login_failures WHERE user_id = ?", Integer.class, account.id()))
                .isZero();
    }

    @Test
    void wrongCurrentPasswordsOnPasswordChangeAndDeletionCountTowardTheSameLimit() {
        var account = api.registerVerified();
        var tokens = api.tokens(account.username(), Api.PASSWORD);
        for (int i = 0; i < 3; i++) {
            assertThat(mvc.put()
                            .uri("/api/users/me/password")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"currentPassword\":\"guess-%d-x\",\"newPassword\":\"guess-%d-x\"}"
                                    .formatted(i, i))
                            .header("Authorization", "Bearer " + tokens.access())
                            .exchange())
                    .hasStatus(HttpStatus.BAD_REQUEST);
        }
        for (int i = 0; i < 2; i++) {
            assertThat(mvc.method(HttpMethod.DELETE)
                            .uri("/api/users/me")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"password\":\"guess-again-%d\"}".formatted(i))
                            .header("Authorization", "Bearer " + tokens.access())
                            .exchange())
                    .hasStatus(HttpStatus.BAD_REQUEST);
        }
        assertThat(counted(account, "127.0.0.1")).isEqualTo(5);

        // the right current password no longer gets through from here, neither does a login
        assertThat(mvc.put()
                        .uri("/api/users/me/password")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"%s\",\"newPassword\":\"another-good-secret\"}"
                                .formatted(Api.PASSWORD))
                        .header("Authorization", "Bearer " + tokens.access())
                        .exchange())
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.login(account.username(), Api.PASSWORD)).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theClientAddressIsTheForwardedOneTheGatewaySetsAndIpv6CountsPerSlash64() throws Exception {
        var account = api.registerVerified();
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 5; i++) {
            assertThat(realLogin(http, "2001:db8:1:2:aaaa::" + i, account.username(), "wrong-" + i))
                    .isEqualTo(401);
        }
        assertThat(counted(account, "20010db800010002::/64")).isEqualTo(5);
        // another host of the same /64 is the same client
        assertThat(realLogin(http, "2001:db8:1:2:ffff::1", account.username(), Api.PASSWORD))
                .isEqualTo(401);
        // another forwarded client of the gateway is not
        assertThat(realLogin(http, "2001:db8:1:3::1", account.username(), Api.PASSWORD))
                .isEqualTo(200);
    }

    /** Through Tomcat on the real port, as the gateway (a loopback peer, a trusted internal proxy) calls it. */
    private int realLogin(HttpClient http, String forwardedFor, String login, String password) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"login\":\"%s\",\"password\":\"%s\"}".formatted(login, password)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
