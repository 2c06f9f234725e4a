package dev.shopstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.local.LocalStack;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The walking skeleton through the gateway: discovery, routing, errors, health and metrics. */
class PlatformRoutingIT extends StackTestSupport {

    @Test
    void everyServiceAndTheGatewayAreRegisteredInDiscovery() {
        var apps = Http.json(Http.send(HttpRequest.newBuilder(URI.create(stack.discovery() + "/eureka/apps"))
                .header("Accept", "application/json")
                .header("Authorization", stack.discoveryAuthorization())
                .GET()));

        List<String> registered = new ArrayList<>();
        apps.path("applications")
                .path("application")
                .forEach(app -> registered.add(app.path("name").asString()));
        if (stack.replicas() > 1) {
            registered.remove("DISCOVERY"); // the two discovery peers register with each other
        }
        assertThat(registered)
                .containsExactlyInAnyOrder(
                        "USER-SERVICE", "CATALOG-SERVICE", "ORDER-SERVICE", "NOTIFICATION-SERVICE", "GATEWAY");
    }

    /** The launcher's start-up cache is really in use: each Spring Boot process has its archive mapped. */
    @Test
    void everySpringBootProcessStartedFromItsStartUpCache() throws Exception {
        for (String name : List.of(
                LocalStack.DISCOVERY,
                LocalStack.GATEWAY,
                LocalStack.USER_SERVICE,
                LocalStack.CATALOG_SERVICE,
                LocalStack.ORDER_SERVICE,
                LocalStack.NOTIFICATION_SERVICE)) {
            Path archive = stack.startupArchive(name).orElseThrow(() -> new AssertionError(name + " has no archive"));
            String maps = Files.readString(Path.of("/proc", Long.toString(stack.pid(name)), "maps"));
            assertThat(maps).as(name + " maps " + archive).contains(archive.toString());
        }
    }

    @Test
    void userRoutesReachTheUserService() {
        var jwks = Http.get(stack.gateway() + "/.well-known/jwks.json");
        assertThat(jwks.statusCode()).isEqualTo(200);
        assertThat(Http.json(jwks).path("keys").get(0).path("kty").asString()).isEqualTo("RSA");

        var me = Http.get(stack.gateway() + "/api/users/me");
        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(Http.contentType(me)).startsWith("application/problem+json");
        assertThat(me.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void catalogRoutesReachTheCatalogWithItsDemoData() {
        var categories = Http.get(stack.gateway() + "/api/categories");

        assertThat(categories.statusCode()).isEqualTo(200);
        assertThat(Http.contentType(categories)).startsWith("application/json");
        List<String> slugs = new ArrayList<>();
        Http.json(categories)
                .path("content")
                .forEach(c -> slugs.add(c.path("slug").asString()));
        assertThat(slugs).contains("books", "electronics");
    }

    @Test
    void orderAndNotificationRoutesReachServicesThatDemandAToken() {
        for (String path : List.of("/api/orders", "/api/notifications")) {
            var response = Http.get(stack.gateway() + path);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(Http.contentType(response)).startsWith("application/problem+json");
            assertThat(Http.json(response).path("instance").asString()).isEqualTo(path);
            // the service's own header, and nothing that names an internal host
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        }
    }

    @Test
    void anUnknownRouteIsA404ProblemAndInternalsAreNeverRouted() {
        for (String path : List.of("/nope", "/internal/stock/reservations", "/actuator/env", "/actuator/health")) {
            var response = Http.get(stack.gateway() + path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(Http.contentType(response)).startsWith("application/problem+json");
            assertThat(Http.json(response).path("status").asInt()).isEqualTo(404);
        }
    }

    @Test
    void everyServiceReportsLivenessReadinessAndPrometheusMetricsOnItsOwnPort() {
        var ports = stack.ports();
        for (int port : List.of(
                ports.userService(),
                ports.catalogService(),
                ports.orderService(),
                ports.notificationService(),
                ports.gatewayManagement(),
                ports.discovery())) {
            String base = "http://localhost:" + port + "/actuator";
            assertThat(Http.get(base + "/health/liveness").statusCode())
                    .as("liveness on %d", port)
                    .isEqualTo(200);
            assertThat(Http.get(base + "/health/readiness").statusCode())
                    .as("readiness on %d", port)
                    .isEqualTo(200);
            var metrics = Http.get(base + "/prometheus", "text/plain");
            assertThat(metrics.statusCode()).as("metrics on %d", port).isEqualTo(200);
            assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        }
    }
}
