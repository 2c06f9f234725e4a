package dev.shopstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Identity through the gateway: register, the OTP email, verify, log in, use and refresh the tokens. */
class IdentityJourneyIT extends StackTestSupport {

    @Test
    void aNewCustomerRegistersGetsTheCodeByEmailVerifiesAndUsesTheirTokens() {
        String name = "eve" + UUID.randomUUID().toString().substring(0, 8);
        long started = System.nanoTime();
        String email = gateway.register(name);

        var codeMail = mail.await(email, "verification code", Duration.ofSeconds(30));
        System.out.printf("register -> OTP email in the inbox: %d ms%n", (System.nanoTime() - started) / 1_000_000);
        var verified = gateway.post(
                "/api/auth/verify-email", """
                {"email":"%s","code":"%s"}""".formatted(email, MailCatcher.verificationCode(codeMail)), null);
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);

        var login = gateway.post("/api/auth/login", """
                {"login":"%s","password":"e2e-password-1"}""".formatted(name), null);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String access = Http.json(login).path("accessToken").asString();
        String refresh = Http.json(login).path("refreshToken").asString();

        // the gateway and user-service both check the token against the published keys
        var me = gateway.get("/api/users/me", access);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(Http.json(me).path("email").asString()).isEqualTo(email);
        assertThat(me.headers().firstValue("X-Request-Id")).isPresent();

        // another service accepts the same token
        assertThat(gateway.get("/api/orders", access).statusCode()).isEqualTo(200);

        var rotated = gateway.post("/api/auth/refresh", "{\"refreshToken\":\"%s\"}".formatted(refresh), null);
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        assertThat(gateway.post("/api/auth/refresh", "{\"refreshToken\":\"%s\"}".formatted(refresh), null)
                        .statusCode())
                .isEqualTo(401);

        assertThat(mail.withSubject(email, "Welcome")).hasSize(1);
        assertThat(mail.withSubject(email, "verification code")).hasSize(1);
    }

    /** Reports how long a new customer waits for their code: request through the gateway to mail in the inbox. */
    @Test
    void everyRegistrationGetsItsCodeAndTheWaitIsReported() {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long started = System.nanoTime();
            String email = gateway.register("lat" + UUID.randomUUID().toString().substring(0, 8));
            mail.await(email, "verification code", Duration.ofSeconds(30));
            millis.add((System.nanoTime() - started) / 1_000_000);
        }
        Collections.sort(millis);
        System.out.printf(
                "register -> OTP email, 20 tries: p50 %d ms, p90 %d ms, max %d ms%n",
                millis.get(9), millis.get(17), millis.get(19));
        assertThat(millis).hasSize(20);
    }

    @Test
    void aForgedTokenIsStoppedAtTheGateway() {
        var response = gateway.get("/api/users/me", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Http.contentType(response)).startsWith("application/problem+json");
    }
}
