package dev.shopstack.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * For a Prometheus older than 2.43 (Debian 12 ships 2.42): those reject a whole OpenMetrics scrape when a
 * {@code _count} series carries an exemplar, which Spring Boot's metrics do as soon as tracing is on. The launcher
 * then has Prometheus scrape through this relay, which asks each process for the classic text format (no
 * exemplars) instead. It answers only for the stack's own scrape targets and only on the bind address.
 */
final class ScrapeRelay implements AutoCloseable {

    private static final Pattern TARGET = Pattern.compile("(?:^|&)target=([0-9.]+:[0-9]{1,5})(?:&|$)");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final HttpServer server;
    private final Set<String> targets;

    ScrapeRelay(String bindAddress, Set<String> targets) throws IOException {
        this.targets = Set.copyOf(targets);
        this.server = HttpServer.create(new InetSocketAddress(bindAddress, 0), 16);
        server.createContext("/", this::relay);
        server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "scrape-relay");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Whether a Prometheus of this version ({@code prometheus --version}'s first line) needs the relay. */
    static boolean needed(String versionLine) {
        Matcher m = Pattern.compile("version (\\d+)\\.(\\d+)").matcher(versionLine);
        return m.find() && Integer.parseInt(m.group(1)) == 2 && Integer.parseInt(m.group(2)) < 43;
    }

    private void relay(HttpExchange exchange) throws IOException {
        try (exchange) {
            String query = exchange.getRequestURI().getQuery(); // decoded: Prometheus sends the colon as %3A
            Matcher m = TARGET.matcher(query == null ? "" : query);
            String path = exchange.getRequestURI().getRawPath();
            if (!"GET".equals(exchange.getRequestMethod())
                    || !m.find()
                    || !targets.contains(m.group(1))
                    || !path.matches("/[A-Za-z0-9/_-]{1,100}")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            HttpResponse<byte[]> response;
            try {
                response = HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://" + m.group(1) + path))
                                .header("Accept", "text/plain;version=0.0.4")
                                .timeout(Duration.ofSeconds(10))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                exchange.sendResponseHeaders(502, -1);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            exchange.getResponseHeaders()
                    .set(
                            "Content-Type",
                            response.headers()
                                    .firstValue("Content-Type")
                                    .orElse("text/plain; version=0.0.4; charset=utf-8"));
            byte[] body = response.body();
            exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** The first line of {@code prometheus --version}, or empty when it cannot be run. */
    static String version(Path binary) {
        try {
            Process process = new ProcessBuilder(binary.toString(), "--version")
                    .redirectErrorStream(true)
                    .start();
            String first = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .findFirst()
                    .orElse("");
            process.waitFor();
            return first;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
