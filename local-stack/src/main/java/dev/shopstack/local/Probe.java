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

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Probe() {}

    static boolean portOpen(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The status and body of a GET, or null when nothing answers. */
    static HttpResponse<String> get(String url, String accept) {
        return send(
                HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).GET(), null);
    }

    /** A request with an optional {@code Authorization} header; null when nothing answers. */
    static HttpResponse<String> send(HttpRequest.Builder request, String authorization) {
        try {
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            return HTTP.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
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
    static boolean ready(String host, int managementPort) {
        HttpResponse<String> response =
                get("http://" + host + ":" + managementPort + "/actuator/health/readiness", "application/json");
        return response != null
                && response.statusCode() == 200
                && response.body().contains("\"UP\"");
    }

    /** Readiness UP, or, for an application without actuator (404 there), any answer below 500 on its root. */
    static boolean readyOrAnswering(String host, int port) {
        HttpResponse<String> response =
                get("http://" + host + ":" + port + "/actuator/health/readiness", "application/json");
        if (response == null) {
            return false;
        }
        if (response.statusCode() == 404) {
            return answers("http://" + host + ":" + port + "/", status -> status < 500);
        }
        return response.statusCode() == 200 && response.body().contains("\"UP\"");
    }

    /** The wait between two polls. */
    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
