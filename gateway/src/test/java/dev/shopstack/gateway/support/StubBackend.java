package dev.shopstack.gateway.support;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real downstream for the gateway under test: serves the token issuer's JWKS (counting the fetches), answers every
 * other path with a small JSON body after recording the request headers, and sleeps on paths ending in {@code /slow}.
 */
public final class StubBackend implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, Headers> requests = new ConcurrentHashMap<>();
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private final AtomicInteger served = new AtomicInteger();

    public StubBackend(String jwks) {
        this(jwks, 0);
    }

    /** On a given port (0: any free one), e.g. to bring back an instance that discovery still lists. */
    public StubBackend(String jwks, int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> handle(exchange, jwks));
        server.start();
    }

    private void handle(HttpExchange exchange, String jwks) throws IOException {
        String path = exchange.getRequestURI().getPath();
        exchange.getRequestBody().readAllBytes();
        served.incrementAndGet();
        requests.put(exchange.getRequestMethod() + " " + path, exchange.getRequestHeaders());
        if (path.endsWith("/slow")) {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        boolean keys = path.equals("/.well-known/jwks.json");
        if (keys) {
            jwksFetches.incrementAndGet();
        }
        String body = keys ? jwks : "{\"path\":\"" + path + "\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The headers of the last request for {@code "GET /api/orders"}, or null if none arrived. */
    public Headers lastRequest(String methodAndPath) {
        return requests.get(methodAndPath);
    }

    /** How many requests arrived, of any kind. */
    public int served() {
        return served.get();
    }

    /** How often the JWKS was requested. */
    public int jwksFetches() {
        return jwksFetches.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
