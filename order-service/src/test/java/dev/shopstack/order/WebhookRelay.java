package dev.shopstack.order;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The sandbox's webhook endpoint: a real HTTP server on loopback that hands each signed webhook, byte for byte
 * with its {@code Stripe-Signature}, to order-service's {@code POST /api/payments/webhook} (over MockMvc, as every
 * order-service test calls the service) and answers the sandbox with order-service's status, so the sandbox
 * retries what order-service did not take.
 */
public final class WebhookRelay {

    /** One delivery: what the sandbox sent and what order-service answered. */
    public record Delivery(String signature, String payload, int status, String answer) {}

    private static final WebhookRelay INSTANCE = start();

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private volatile MockMvcTester target;

    private WebhookRelay(HttpServer server) {
        this.server = server;
    }

    public static WebhookRelay get() {
        return INSTANCE;
    }

    /** Where webhooks go from now on: the current test context's order-service. */
    public void target(MockMvcTester mvc) {
        this.target = mvc;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhook";
    }

    /** The deliveries whose payload mentions the text (an event or PaymentIntent id), oldest first. */
    public List<Delivery> about(String text) {
        return deliveries.stream().filter(d -> d.payload().contains(text)).toList();
    }

    private static WebhookRelay start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            WebhookRelay relay = new WebhookRelay(server);
            server.createContext("/webhook", exchange -> {
                String signature = exchange.getRequestHeaders().getFirst("Stripe-Signature");
                String payload = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                int status;
                String answer;
                try {
                    var builder = relay.target
                            .post()
                            .uri("/api/payments/webhook")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(payload);
                    if (signature != null) {
                        builder.header("Stripe-Signature", signature);
                    }
                    var result = builder.exchange();
                    status = result.getResponse().getStatus();
                    answer = result.getResponse().getContentAsString();
                    if (result.getUnresolvedException() != null) {
                        status = 500;
                        answer = result.getUnresolvedException().toString();
                    }
                } catch (Exception | AssertionError e) {
                    status = 500;
                    answer = e.toString();
                }
                relay.deliveries.add(new Delivery(signature, payload, status, answer));
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
            return relay;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
