package dev.shopstack.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.IntPredicate;

/** Small HTTP and TCP checks the launcher uses to tell when a process is ready. */
final class Probe {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Probe() {
    }

    static boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The status and body of a GET, or null when nothing answers. */
    static HttpResponse<String> get(String url, String accept) {
        try {
            var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                    .header("Accept", accept).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static boolean answers(String url, IntPredicate acceptable) {
        HttpResponse<String> response = get(url, "application/json");
        return response != null && acceptable.test(response.statusCode());
    }

    /** A Spring Boot readiness group that says UP. */
    static boolean ready(int managementPort) {
        HttpResponse<String> response = get("http://127.0.0.1:" + managementPort + "/actuator/health/readiness",
                "application/json");
        return response != null && response.statusCode() == 200 && response.body().contains("\"UP\"");
    }
}
