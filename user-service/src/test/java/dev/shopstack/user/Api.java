package dev.shopstack.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.platform.sealing.EventSeal;
import dev.shopstack.platform.test.PublishedEvents;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Small steps of the user journeys, through the real HTTP API. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String PASSWORD = "correct-horse-battery";

    public record Account(String id, String email, String username) {}

    public record Tokens(String access, String refresh) {}

    private final MockMvcTester mvc;
    private final PublishedEvents events;
    private final EventSeal seal;

    public Api(MockMvcTester mvc, PublishedEvents events, EventSeal seal) {
        this.mvc = mvc;
        this.events = events;
        this.seal = seal;
    }

    public MvcTestResult post(String path, String json) {
        return mvc.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    public MvcTestResult post(String path, String json, String accessToken) {
        return mvc.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .header("Authorization", "Bearer " + accessToken)
                .exchange();
    }

    public static JsonNode json(MvcTestResult result) {
        return JSON.readTree(result.getResponse().getContentAsByteArray());
    }

    public Account register() {
        String name = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String email = name + "@Example.test";
        var result = post("/api/auth/register", """
                {"email":"%s","username":"%s","password":"%s","passwordConfirm":"%s","firstName":"Ada"}
                """.formatted(email, name, PASSWORD, PASSWORD));
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return new Account(json(result).path("id").asString(), email.toLowerCase(), name);
    }

    /** The newest verification code user-service published for this account, opened as notification-service does. */
    public String latestCode(Account account) {
        return openCode(events.await("user.email-verification-requested", account.id()));
    }

    public String openCode(PublishedEvents.Event event) {
        return seal.open(
                event.type(), event.key(), event.data().path("sealedCode").asString());
    }

    /** The reset token of a {@code user.password-reset-requested} event, opened as notification-service does. */
    public String openResetToken(PublishedEvents.Event event) {
        return seal.open(
                event.type(), event.key(), event.data().path("sealedToken").asString());
    }

    public Account registerVerified() {
        Account account = register();
        assertThat(post("/api/auth/verify-email", """
                {"email":"%s","code":"%s"}""".formatted(account.email(), latestCode(account))))
                .hasStatusOk();
        return account;
    }

    public MvcTestResult login(String login, String password) {
        return post("/api/auth/login", """
                {"login":"%s","password":"%s"}""".formatted(login, password));
    }

    public Tokens tokens(String login, String password) {
        var result = login(login, password);
        assertThat(result).hasStatusOk();
        JsonNode body = json(result);
        return new Tokens(
                body.path("accessToken").asString(), body.path("refreshToken").asString());
    }

    public MvcTestResult refresh(String refreshToken) {
        return post("/api/auth/refresh", """
                {"refreshToken":"%s"}""".formatted(refreshToken));
    }

    public Tokens adminTokens() {
        return tokens("root-admin", "test-admin-password");
    }
}
