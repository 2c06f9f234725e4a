package dev.shopstack.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToIntFunction;

/**
 * A real HTTP endpoint on the loopback interface that records every webhook it receives and answers the status its
 * responder picks (200 unless a test says otherwise).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One received request: its {@code Stripe-Signature} header and its body, exactly as sent. */
    public record Received(
            String signature, String contentType, String userAgent, String payload, long receivedAtMillis) {}

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile ToIntFunction<Received> responder = request -> 200;

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/api/payments/webhook", exchange -> {
                Received request = new Received(
                        exchange.getRequestHeaders().getFirst("Stripe-Signature"),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        exchange.getRequestHeaders().getFirst("User-Agent"),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                        System.currentTimeMillis());
                receiver.received.add(request);
                exchange.sendResponseHeaders(receiver.responder.applyAsInt(request), -1);
                exchange.close();
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/payments/webhook";
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The requests whose payload mentions the text (a PaymentIntent id), in the order they arrived. */
    public List<Received> about(String text) {
        return received.stream()
                .filter(request -> request.payload().contains(text))
                .toList();
    }

    public void answer(ToIntFunction<Received> responder) {
        this.responder = responder;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
