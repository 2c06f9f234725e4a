package dev.shopstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A customer looks after their account: profile, avatar (and what is not an avatar), password. */
class ProfileJourneyIT extends StackTestSupport {

    private static final String BOUNDARY = "e2e-boundary-" + UUID.randomUUID();

    @Test
    void aCustomerEditsTheProfileUploadsAnAvatarAndChangesThePassword() {
        String name = "ada" + UUID.randomUUID().toString().substring(0, 8);
        String access = gateway.verifiedCustomer(name, mail);
        String email = name + "@example.test";
        JsonNode otherSession = Http.json(gateway.post("/api/auth/login", login(name, Gateway.PASSWORD), null));

        var edited = gateway.send(
                "PATCH",
                "/api/users/me",
                "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"phoneNumber\":\"+4915112345678\"}",
                access);
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(Http.json(gateway.get("/api/users/me", access))
                        .path("lastName")
                        .asString())
                .isEqualTo("Lovelace");

        var uploaded = upload(access, "me.png", "image/png", png());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        String avatarUrl = Http.json(uploaded).path("avatarUrl").asString();
        var avatar = Http.get(stack.gateway() + avatarUrl, "image/png");
        assertThat(avatar.statusCode()).isEqualTo(200);
        assertThat(Http.contentType(avatar)).isEqualTo("image/png");
        assertThat(avatar.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        var changed = gateway.send("PUT", "/api/users/me/password", """
                {"currentPassword":"%s","newPassword":"difference-engine-2"}""".formatted(Gateway.PASSWORD), access);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
        assertThat(gateway.post("/api/auth/login", login(name, Gateway.PASSWORD), null)
                        .statusCode())
                .isEqualTo(401);
        assertThat(gateway.post("/api/auth/login", login(name, "difference-engine-2"), null)
                        .statusCode())
                .isEqualTo(200);
        var otherRefresh = gateway.post(
                "/api/auth/refresh",
                "{\"refreshToken\":\"" + otherSession.path("refreshToken").asString() + "\"}",
                null);
        assertThat(otherRefresh.statusCode()).as("the other session is revoked").isEqualTo(401);
        mail.await(email, "Your Shopstack password was changed", Duration.ofSeconds(30));
    }

    @Test
    void whatIsNotASmallImageIsNeverStoredAsAnAvatar() {
        String access = gateway.verifiedCustomer(
                "mallory" + UUID.randomUUID().toString().substring(0, 8), mail);
        String me = Http.json(gateway.get("/api/users/me", access)).path("id").asString();

        var text = upload(access, "cat.png", "image/png", "just text".getBytes(StandardCharsets.UTF_8));
        assertThat(text.statusCode()).isIn(400, 415);
        var html = upload(
                access,
                "x.html",
                "text/html",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        assertThat(html.statusCode()).isIn(400, 415);
        byte[] huge = new byte[3 * 1024 * 1024];
        System.arraycopy(png(), 0, huge, 0, png().length);
        var tooLarge = upload(access, "big.png", "image/png", huge);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        for (var refused : java.util.List.of(text, html, tooLarge)) {
            assertThat(Http.contentType(refused)).startsWith("application/problem+json");
        }
        assertThat(Http.get(stack.gateway() + "/api/users/" + me + "/avatar", "*/*")
                        .statusCode())
                .as("nothing was stored")
                .isEqualTo(404);

        // a polyglot: a real PNG with a script after its end; only the re-encoded picture may be served
        byte[] script = "<script>alert(document.cookie)</script>".getBytes(StandardCharsets.UTF_8);
        byte[] polyglot = Arrays.copyOf(png(), png().length + script.length);
        System.arraycopy(script, 0, polyglot, png().length, script.length);
        var stored = upload(access, "poly.png", "image/png", polyglot);
        assertThat(stored.statusCode()).isIn(200, 400, 415);
        if (stored.statusCode() == 200) {
            var served = Http.get(stack.gateway() + "/api/users/" + me + "/avatar", "image/png");
            assertThat(served.body()).doesNotContain("<script>");
        }
        System.out.println("avatar attacks: 4 hostile uploads (text, html, 3 MB, polyglot), none served as sent");
    }

    private static HttpResponse<String> upload(String token, String filename, String type, byte[] content) {
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                        + "\"\r\nContent-Type: " + type + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return Http.send(HttpRequest.newBuilder(URI.create(stack.gateway() + "/api/users/me/avatar"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static byte[] png() {
        var image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        image.setRGB(10, 10, 0xFF0000);
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String login(String login, String password) {
        return "{\"login\":\"%s\",\"password\":\"%s\"}".formatted(login, password);
    }
}
