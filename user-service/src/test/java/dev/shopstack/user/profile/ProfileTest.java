package dev.shopstack.user.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.user.Api;
import dev.shopstack.user.IntegrationTestSupport;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

class ProfileTest extends IntegrationTestSupport {

    private MvcTestResult send(String method, String path, String json, String token) {
        return mvc.method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .header("Authorization", "Bearer " + token)
                .exchange();
    }

    @Test
    void aUserReadsAndEditsTheirProfileButNotTheirRoles() {
        var account = api.registerVerified();
        var tokens = api.tokens(account.username(), Api.PASSWORD);

        assertThat(mvc.get()
                        .uri("/api/users/me")
                        .header("Authorization", "Bearer " + tokens.access())
                        .exchange())
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.username")
                .isEqualTo(account.username());

        var updated = send(
                "PATCH",
                "/api/users/me",
                "{\"firstName\":\"Augusta\",\"phoneNumber\":\"+441234567890\",\"address\":\"\"}",
                tokens.access());
        assertThat(updated).hasStatusOk();
        assertThat(updated).bodyJson().extractingPath("$.firstName").isEqualTo("Augusta");
        assertThat(updated).bodyJson().extractingPath("$.phoneNumber").isEqualTo("+441234567890");

        assertThat(send("PATCH", "/api/users/me", "{\"roles\":[\"ADMIN\"]}", tokens.access()))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(send("PATCH", "/api/users/me", "{\"emailVerified\":true}", tokens.access()))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(send("PATCH", "/api/users/me", "{\"phoneNumber\":\"12\"}", tokens.access()))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneKeepsThisSessionAndEndsTheOthers() {
        var account = api.registerVerified();
        var here = api.tokens(account.username(), Api.PASSWORD);
        var elsewhere = api.tokens(account.username(), Api.PASSWORD);

        assertThat(send(
                        "PUT",
                        "/api/users/me/password",
                        "{\"currentPassword\":\"wrong-one-here\",\"newPassword\":\"another-good-secret\"}",
                        here.access()))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(send(
                        "PUT",
                        "/api/users/me/password",
                        "{\"currentPassword\":\"%s\",\"newPassword\":\"another-good-secret\"}".formatted(Api.PASSWORD),
                        here.access()))
                .hasStatus(HttpStatus.NO_CONTENT);

        assertThat(api.login(account.username(), Api.PASSWORD)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(api.login(account.username(), "another-good-secret")).hasStatusOk();
        assertThat(api.refresh(elsewhere.refresh())).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(api.refresh(here.refresh())).hasStatusOk();
        assertThat(events().await("user.password-changed", account.id())).isNotNull();
    }

    @Test
    void deletingTheAccountNeedsThePasswordAndTellsTheOtherServices() {
        var account = api.registerVerified();
        var tokens = api.tokens(account.username(), Api.PASSWORD);

        assertThat(send("DELETE", "/api/users/me", "{\"password\":\"not-my-password\"}", tokens.access()))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(send("DELETE", "/api/users/me", "{\"password\":\"%s\"}".formatted(Api.PASSWORD), tokens.access()))
                .hasStatus(HttpStatus.NO_CONTENT);

        assertThat(api.login(account.username(), Api.PASSWORD)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(api.refresh(tokens.refresh())).hasStatus(HttpStatus.UNAUTHORIZED);
        // 404 for an account that is gone; 401 once the session's revocation has reached this instance
        assertThat(mvc.get()
                        .uri("/api/users/me")
                        .header("Authorization", "Bearer " + tokens.access())
                        .exchange()
                        .getResponse()
                        .getStatus())
                .isIn(401, 404);
        assertThat(events().await("user.deleted", account.id())
                        .data()
                        .path("userId")
                        .asString())
                .isEqualTo(account.id());
    }

    @Test
    void anAvatarIsReencodedScaledAndServedWithCachingHeaders() throws Exception {
        var account = api.registerVerified();
        var tokens = api.tokens(account.username(), Api.PASSWORD);
        byte[] big = png(1200, 800);
        // a polyglot: a valid PNG with something else appended after its end
        byte[] polyglot = concat(big, "PK\u0003\u0004<script>alert(1)</script>".getBytes());

        var upload = mvc.put()
                .uri("/api/users/me/avatar")
                .multipart()
                .file(new MockMultipartFile("file", "me.gif", "image/gif", polyglot))
                .header("Authorization", "Bearer " + tokens.access())
                .exchange();
        assertThat(upload).hasStatusOk();

        var served =
                mvc.get().uri("/api/users/%s/avatar".formatted(account.id())).exchange();
        assertThat(served).hasStatusOk().hasContentType(MediaType.IMAGE_PNG);
        byte[] stored = served.getResponse().getContentAsByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(stored));
        assertThat(image.getWidth()).isEqualTo(512);
        assertThat(image.getHeight()).isEqualTo(341);
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("<script>");
        String etag = served.getResponse().getHeader("ETag");
        // kept by caches but revalidated on every use: a removed picture never comes back from a cache
        assertThat(served.getResponse().getHeader("Cache-Control"))
                .contains("no-cache")
                .doesNotContain("max-age");

        assertThat(mvc.get()
                        .uri("/api/users/%s/avatar".formatted(account.id()))
                        .header("If-None-Match", etag)
                        .exchange())
                .hasStatus(HttpStatus.NOT_MODIFIED);
    }

    @Test
    void theProfileNamesItsPictureWhichTheOwnerCanRemove() throws Exception {
        var account = api.registerVerified();
        var tokens = api.tokens(account.username(), Api.PASSWORD);
        assertThat(me(tokens.access())).bodyJson().extractingPath("$.avatarUrl").isNull();

        assertThat(mvc.put()
                        .uri("/api/users/me/avatar")
                        .multipart()
                        .file(new MockMultipartFile("file", "me.png", "image/png", png(64, 64)))
                        .header("Authorization", "Bearer " + tokens.access())
                        .exchange())
                .hasStatusOk();
        String url = "/api/users/%s/avatar".formatted(account.id());
        assertThat(me(tokens.access())).bodyJson().extractingPath("$.avatarUrl").isEqualTo(url);

        var removed = mvc.delete()
                .uri("/api/users/me/avatar")
                .header("Authorization", "Bearer " + tokens.access())
                .exchange();
        assertThat(removed).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(mvc.get().uri(url).exchange()).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(me(tokens.access())).bodyJson().extractingPath("$.avatarUrl").isNull();
        assertThat(mvc.delete().uri("/api/users/me/avatar").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    private MvcTestResult me(String access) {
        return mvc.get()
                .uri("/api/users/me")
                .header("Authorization", "Bearer " + access)
                .exchange();
    }

    @Test
    void uploadsThatAreNotImagesOrTooLargeAreRefused() throws Exception {
        var account = api.registerVerified();
        var tokens = api.tokens(account.username(), Api.PASSWORD);

        var text = mvc.put()
                .uri("/api/users/me/avatar")
                .multipart()
                .file(new MockMultipartFile("file", "x.png", "image/png", "<?php echo 1; ?>".getBytes()))
                .header("Authorization", "Bearer " + tokens.access())
                .exchange();
        assertThat(text)
                .hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);

        byte[] truncated = java.util.Arrays.copyOf(png(50, 50), 40);
        assertThat(mvc.put()
                        .uri("/api/users/me/avatar")
                        .multipart()
                        .file(new MockMultipartFile("file", "x.png", "image/png", truncated))
                        .header("Authorization", "Bearer " + tokens.access())
                        .exchange())
                .hasStatus(HttpStatus.BAD_REQUEST);

        byte[] tooLarge = concat(png(10, 10), new byte[2 * 1024 * 1024]);
        assertThat(mvc.put()
                        .uri("/api/users/me/avatar")
                        .multipart()
                        .file(new MockMultipartFile("file", "x.png", "image/png", tooLarge))
                        .header("Authorization", "Bearer " + tokens.access())
                        .exchange())
                .hasStatus(HttpStatus.PAYLOAD_TOO_LARGE);

        assertThat(mvc.get().uri("/api/users/%s/avatar".formatted(account.id())).exchange())
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    private static byte[] png(int width, int height) throws Exception {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
