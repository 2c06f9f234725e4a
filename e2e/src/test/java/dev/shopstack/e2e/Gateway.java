package dev.shopstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

/** Requests through the gateway, as a storefront sends them. */
final class Gateway {

    static final String PASSWORD = "e2e-password-1";

    static final String ADDRESS = """
            {"name":"Eve Buyer","line1":"1 Main Street","postalCode":"10115","city":"Berlin","country":"DE"}""";

    private final String base;

    Gateway(String base) {
        this.base = base;
    }

    HttpResponse<String> post(String path, String json, String token) {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return Http.send(request);
    }

    HttpResponse<String> get(String path, String token) {
        return Http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .GET());
    }

    HttpResponse<String> send(String method, String path, String json, String token, String... headers) {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return Http.send(request);
    }

    /** The access token of a login. */
    String login(String login, String password) {
        var response = post("/api/auth/login", """
                {"login":"%s","password":"%s"}""".formatted(login, password), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response).path("accessToken").asString();
    }

    /** The local profile's bootstrap admin. */
    String adminToken() {
        return login("admin", "local-admin-password");
    }

    /** Registers a customer, enters the code from their email, and returns their access token. */
    String verifiedCustomer(String name, MailCatcher mail) {
        String email = register(name);
        var code = MailCatcher.verificationCode(mail.await(email, "verification code", Duration.ofSeconds(30)));
        var verified = post("/api/auth/verify-email", """
                {"email":"%s","code":"%s"}""".formatted(email, code), null);
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        return login(name, PASSWORD);
    }

    /** Registers a customer and returns their email address. */
    String register(String name) {
        var registered = post("/api/auth/register", """
                {"email":"%s@example.test","username":"%s","password":"%s","passwordConfirm":"%s",
                 "firstName":"Eve"}""".formatted(name, name, PASSWORD, PASSWORD), null);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return name + "@example.test";
    }

    /** A product of its own for a test, so stock counts are exact. */
    long newProduct(String admin, int stock, String price) {
        var created = createProduct(admin, stock, price);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Http.json(created).path("id").asLong();
    }

    /** {@code POST /api/products} with a fresh SKU, whatever it answers. */
    HttpResponse<String> createProduct(String admin, int stock, String price) {
        long category = Http.json(Http.get(base + "/api/categories?size=1"))
                .path("content")
                .get(0)
                .path("id")
                .asLong();
        String sku = "E2E-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        return post("/api/products", """
                {"sku":"%s","name":"E2E lamp %s","description":"A lamp for the tests","categoryId":%d,
                 "price":%s,"currency":"EUR","stockQuantity":%d}""".formatted(sku, sku, category, price, stock), admin);
    }

    int stockOf(long product) {
        return Http.json(Http.get(base + "/api/products/" + product))
                .path("stockQuantity")
                .asInt();
    }

    /** {@code POST /api/orders} of one line, with a fresh idempotency key and any further headers; whatever it answers. */
    HttpResponse<String> placeOrder(long product, int quantity, String customer, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Idempotency-Key";
        all[1] = UUID.randomUUID().toString();
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send("POST", "/api/orders", orderBody(product, quantity), customer, all);
    }

    static String orderBody(long product, int quantity) {
        return """
                {"lines":[{"productId":%d,"quantity":%d}],"shippingAddress":%s}""".formatted(product, quantity, ADDRESS);
    }
}
