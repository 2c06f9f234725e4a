package dev.shopstack.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"shop.discovery.username=eureka", "shop.discovery.password=a-test-discovery-secret"})
class DiscoveryApplicationTest {

    static final String CREDENTIALS = "Basic "
            + Base64.getEncoder().encodeToString("eureka:a-test-discovery-secret".getBytes(StandardCharsets.UTF_8));
    static final String INSTANCE = """
            {"instance": {"instanceId": "%s", "app": "USER-SERVICE", "hostName": "10.0.0.66",
              "ipAddr": "10.0.0.66", "vipAddress": "user-service", "status": "UP",
              "port": {"$": 8081, "@enabled": "true"},
              "dataCenterInfo": {"@class": "com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo", "name": "MyOwn"}}}""";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private HttpResponse<String> send(HttpRequest.Builder request, String authorization) throws Exception {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder get(String path, String accept) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", accept);
    }

    private HttpRequest.Builder register(String instanceId) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/eureka/apps/USER-SERVICE"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(INSTANCE.formatted(instanceId)));
    }

    @Test
    void registrationWithoutTheCredentialIs401AndRegistersNothing() throws Exception {
        assertThat(send(register("rogue:10.0.0.66:8081"), null).statusCode()).isEqualTo(401);
        String wrong = "Basic " + Base64.getEncoder().encodeToString("eureka:guess".getBytes(StandardCharsets.UTF_8));
        assertThat(send(register("rogue:10.0.0.66:8081"), wrong).statusCode()).isEqualTo(401);
        assertThat(send(get("/eureka/apps", "application/json"), null).statusCode())
                .isEqualTo(401);
        assertThat(send(get("/", "text/html"), null).statusCode())
                .as("dashboard")
                .isEqualTo(401);

        assertThat(send(get("/eureka/apps", "application/json"), CREDENTIALS).body())
                .doesNotContain("rogue:10.0.0.66:8081");
    }

    @Test
    void withTheCredentialAServiceRegistersAndIsListed() throws Exception {
        assertThat(send(register("user-service:10.0.0.5:8081"), CREDENTIALS).statusCode())
                .isEqualTo(204);

        // the registry answers from a cache refreshed every 2 s
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(15))
                .untilAsserted(() -> {
                    var apps = send(get("/eureka/apps", "application/json"), CREDENTIALS);
                    assertThat(apps.statusCode()).isEqualTo(200);
                    assertThat(apps.body()).contains("\"applications\"").contains("user-service:10.0.0.5:8081");
                });
    }

    @Test
    void healthAndMetricsStayOpen() throws Exception {
        var readiness = send(get("/actuator/health/readiness", "application/json"), null);
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"UP\"");
        assertThat(send(get("/actuator/health/liveness", "application/json"), null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(send(get("/actuator/prometheus", "text/plain"), null).body()).contains("jvm_memory_used_bytes");
    }
}
