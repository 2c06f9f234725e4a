package dev.shopstack.order;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small but real HTTP implementation of catalog-service's internal stock API (docs/catalog-internal-api.md)
 * with real stock counts, so tests can watch what order-service reserved, confirmed and released. It can be
 * switched to failing (503) or slow (answers after a delay) to play an ill catalog.
 */
public final class CatalogStub implements AutoCloseable {

    public static final String TOKEN = "test-internal-token";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PATH = Pattern.compile("/internal/stock/reservations/([^/]+)(/confirm|/release)?");

    public enum Mode {
        UP,
        FAILING,
        SLOW
    }

    record Product(long id, String sku, String name, BigDecimal price, String currency) {}

    private static final class Reservation {
        final TreeMap<Long, Integer> lines;
        String status = "RESERVED";

        Reservation(TreeMap<Long, Integer> lines) {
            this.lines = lines;
        }
    }

    private final HttpServer server;
    private final Map<Long, Product> products = new HashMap<>();
    private final Map<Long, Integer> stock = new HashMap<>();
    private final Map<String, Reservation> reservations = new HashMap<>();
    private final AtomicInteger reserveCalls = new AtomicInteger();
    private volatile Mode mode = Mode.UP;
    private volatile Duration delay = Duration.ofMillis(1200);

    public CatalogStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(32));
        server.createContext("/internal/stock/reservations/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public synchronized void reset() {
        products.clear();
        stock.clear();
        reservations.clear();
        reserveCalls.set(0);
        mode = Mode.UP;
    }

    public synchronized void product(long id, String sku, String name, String price, String currency, int units) {
        products.put(id, new Product(id, sku, name, new BigDecimal(price), currency));
        stock.put(id, units);
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    public synchronized int stock(long productId) {
        return stock.get(productId);
    }

    public synchronized String status(Object orderId) {
        Reservation reservation = reservations.get(orderId.toString());
        return reservation == null ? null : reservation.status;
    }

    /** Reservations that still hold stock (RESERVED or CONFIRMED). */
    public synchronized long holding() {
        return reservations.values().stream()
                .filter(r -> !r.status.equals("RELEASED"))
                .count();
    }

    /** Reserve requests that reached the catalog. */
    public int reserveCalls() {
        return reserveCalls.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!TOKEN.equals(exchange.getRequestHeaders().getFirst("X-Internal-Token"))) {
                answer(exchange, 401, problem(401, "A valid internal token is required.", null));
                return;
            }
            Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
            if (!path.matches()) {
                answer(exchange, 404, problem(404, "No such endpoint.", null));
                return;
            }
            String method = exchange.getRequestMethod();
            String action = path.group(2);
            if ("PUT".equals(method) && action == null) {
                reserveCalls.incrementAndGet();
            }
            if (mode == Mode.FAILING) {
                answer(exchange, 503, problem(503, "Catalog is down.", null));
                return;
            }
            if (mode == Mode.SLOW) {
                sleep(delay);
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            String orderId = path.group(1);
            Object[] result = switch (action == null ? method : action) {
                case "PUT" -> reserve(orderId, JSON.readTree(body));
                case "/confirm" -> confirm(orderId);
                case "/release" -> release(orderId);
                default -> new Object[] {405, problem(405, "Method not allowed.", null)};
            };
            answer(exchange, (int) result[0], result[1]);
        }
    }

    private synchronized Object[] reserve(String orderId, JsonNode request) {
        TreeMap<Long, Integer> lines = new TreeMap<>();
        request.path("lines")
                .forEach(line -> lines.merge(
                        line.path("productId").asLong(), line.path("quantity").asInt(), Integer::sum));
        Reservation existing = reservations.get(orderId);
        if (existing != null) {
            return existing.lines.equals(lines)
                    ? new Object[] {200, view(orderId, existing)}
                    : new Object[] {422, problem(422, "This order id has a reservation with other lines.", null)};
        }
        for (var line : lines.entrySet()) {
            if (!products.containsKey(line.getKey())) {
                return new Object[] {404, problem(404, "Product " + line.getKey() + " does not exist.", line.getKey())};
            }
            if (stock.get(line.getKey()) < line.getValue()) {
                return new Object[] {
                    409,
                    problem(
                            409,
                            "Not enough stock for "
                                    + products.get(line.getKey()).sku(),
                            line.getKey())
                };
            }
        }
        lines.forEach((id, quantity) -> stock.merge(id, -quantity, Integer::sum));
        Reservation reservation = new Reservation(lines);
        reservations.put(orderId, reservation);
        return new Object[] {200, view(orderId, reservation)};
    }

    private synchronized Object[] confirm(String orderId) {
        Reservation reservation = reservations.get(orderId);
        if (reservation == null) {
            return new Object[] {404, problem(404, "No reservation.", null)};
        }
        if (reservation.status.equals("RELEASED")) {
            return new Object[] {409, problem(409, "The reservation was released.", null)};
        }
        reservation.status = "CONFIRMED";
        return new Object[] {200, view(orderId, reservation)};
    }

    private synchronized Object[] release(String orderId) {
        Reservation reservation = reservations.get(orderId);
        if (reservation == null) {
            return new Object[] {404, problem(404, "No reservation.", null)};
        }
        if (!reservation.status.equals("RELEASED")) {
            reservation.lines.forEach((id, quantity) -> stock.merge(id, quantity, Integer::sum));
            reservation.status = "RELEASED";
        }
        return new Object[] {200, view(orderId, reservation)};
    }

    private Map<String, Object> view(String orderId, Reservation reservation) {
        List<Map<String, Object>> lines = new ArrayList<>();
        reservation.lines.forEach((id, quantity) -> {
            Product product = products.get(id);
            lines.add(Map.of(
                    "productId",
                    id,
                    "sku",
                    product.sku(),
                    "name",
                    product.name(),
                    "unitPrice",
                    product.price(),
                    "currency",
                    product.currency(),
                    "quantity",
                    quantity));
        });
        Map<String, Object> view =
                new HashMap<>(Map.of("orderId", orderId, "status", reservation.status, "lines", lines));
        view.put(
                "expiresAt",
                reservation.status.equals("RESERVED") ? Instant.now().plusSeconds(900) : null);
        return view;
    }

    private static Map<String, Object> problem(int status, String detail, Long productId) {
        Map<String, Object> problem = new HashMap<>(Map.of("status", status, "title", "Error", "detail", detail));
        if (productId != null) {
            problem.put("productId", productId);
        }
        return problem;
    }

    private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders()
                .set("Content-Type", status < 300 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
