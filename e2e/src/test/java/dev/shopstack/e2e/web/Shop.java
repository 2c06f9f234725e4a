package dev.shopstack.e2e.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import dev.shopstack.local.LocalStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the browser tests need besides the browser: the mail catcher's inbox (GreenMail's API), set-up through the
 * gateway's API (each call from an address of its own, as the login limit is per client), and screenshots.
 */
final class Shop {

    static final String PASSWORD = "browser-password-1";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LocalStack stack;

    Shop(LocalStack stack) {
        this.stack = stack;
    }

    String web() {
        return stack.web();
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }

    /** The newest mail to {@code address} whose subject contains {@code subjectPart}, as raw MIME text. */
    String awaitMail(String address, String subjectPart) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> mail(address, subjectPart), text -> text != null);
    }

    private String mail(String address, String subjectPart) {
        var response = send(
                HttpRequest.newBuilder(URI.create(stack.mailApi() + "/api/user/"
                                + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/INBOX"))
                        .GET(),
                null);
        if (response.statusCode() != 200) {
            return null;
        }
        String found = null;
        for (JsonNode message : JSON.readTree(response.body())) {
            if (message.path("subject").asString().contains(subjectPart)) {
                found = message.path("mimeMessage").asString();
            }
        }
        return found;
    }

    static String verificationCode(String mail) {
        Matcher m = Pattern.compile("verification code is: ([0-9]{6})").matcher(mail);
        assertThat(m.find()).as("a code in the mail").isTrue();
        return m.group(1);
    }

    /** The reset link's path and query, from the raw mail (quoted-printable undone). */
    static String resetPath(String mail) {
        String text = mail.replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
        Matcher m = Pattern.compile("/reset-password\\?token=[A-Za-z0-9_-]+").matcher(text);
        assertThat(m.find()).as("a reset link in the mail").isTrue();
        return m.group();
    }

    /** A verified customer made through the API; returns the username (email: username@example.test). */
    String verifiedCustomer(String prefix) {
        String name = unique(prefix);
        String email = name + "@example.test";
        var registered = api("POST", "/api/auth/register", """
                {"email":"%s","username":"%s","password":"%s","passwordConfirm":"%s","firstName":"Browser"}""".formatted(email, name, PASSWORD, PASSWORD), null);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String code = verificationCode(awaitMail(email, "verification code"));
        var verified = api("POST", "/api/auth/verify-email", """
                {"email":"%s","code":"%s"}""".formatted(email, code), null);
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        return name;
    }

    String token(String login, String password) {
        var response = api("POST", "/api/auth/login", """
                {"login":"%s","password":"%s"}""".formatted(login, password), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("accessToken").asString();
    }

    String adminToken() {
        return token("admin", "local-admin-password");
    }

    /** A product of the test's own, so names and stock are exact. */
    long newProduct(String name, int stock, String price) {
        String admin = adminToken();
        long category = json(api("GET", "/api/categories?size=1", null, null))
                .path("content")
                .get(0)
                .path("id")
                .asLong();
        String sku = "WEB-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        var created = api("POST", "/api/products", """
                {"sku":"%s","name":"%s","description":"Made for the browser tests","categoryId":%d,
                 "price":%s,"currency":"EUR","stockQuantity":%d}""".formatted(sku, name, category, price, stock), admin);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).path("id").asLong();
    }

    /** A call to the gateway from an address of its own (the gateway believes loopback's X-Forwarded-For). */
    HttpResponse<String> api(String method, String path, String json, String token) {
        var request = HttpRequest.newBuilder(URI.create(stack.gateway() + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-Forwarded-For", "203.0.113." + (1 + (int) (Math.random() * 250)))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return send(request, token);
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A screenshot of the whole page into docs/screenshots/ (shown in the README and docs/web.md). */
    static void screenshot(Page page, String name) {
        Path root =
                Path.of(System.getProperty("shop.root", "..")).toAbsolutePath().normalize();
        page.screenshot(new Page.ScreenshotOptions()
                .setFullPage(true)
                .setPath(root.resolve("docs/screenshots").resolve(name + ".png")));
    }

    /** Signs in through the web module's form. */
    static void signIn(Page page, String login, String password) {
        page.navigate("/sign-in");
        page.getByLabel("Email or username").fill(login);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
    }
}
