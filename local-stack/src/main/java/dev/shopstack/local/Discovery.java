package dev.shopstack.local;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The launcher's view of discovery's registry (Eureka's REST API, with discovery's Basic credentials). */
final class Discovery {

    /** One instance in the registry: the application's name and this instance's unique id. */
    record Registration(String app, String instanceId) {

        /** The id the launcher gives every instance: {@code <app>:<host>:<port>}, unique per port. */
        static Registration of(String app, String host, int port) {
            return new Registration(app, app + ":" + host + ":" + port);
        }
    }

    private final String baseUrl;
    private final DiscoveryCredentials credentials;

    Discovery(String baseUrl, DiscoveryCredentials credentials) {
        this.baseUrl = baseUrl;
        this.credentials = credentials;
    }

    /** Registered, and UP (not STARTING, DOWN or OUT_OF_SERVICE). */
    boolean isUp(Registration registration) {
        HttpResponse<String> response = Probe.send(
                HttpRequest.newBuilder(instanceUri(registration, ""))
                        .header("Accept", "application/json")
                        .GET(),
                credentials.authorizationHeader());
        return response != null
                && response.statusCode() == 200
                && response.body().contains("\"status\":\"UP\"");
    }

    /**
     * Takes an instance out of rotation, as a Kubernetes preStop hook would: clients drop it at their next registry
     * fetch, before it receives SIGTERM. True when discovery took the change.
     */
    boolean takeOutOfService(Registration registration) {
        HttpResponse<String> response = Probe.send(
                HttpRequest.newBuilder(instanceUri(registration, "/status?value=OUT_OF_SERVICE"))
                        .PUT(HttpRequest.BodyPublishers.noBody()),
                credentials.authorizationHeader());
        return response != null && response.statusCode() == 200;
    }

    /** Removes the OUT_OF_SERVICE override, so the instance's own status counts again once it is back. */
    void clearOverride(Registration registration) {
        Probe.send(
                HttpRequest.newBuilder(instanceUri(registration, "/status?value=UP"))
                        .DELETE(),
                credentials.authorizationHeader());
    }

    private URI instanceUri(Registration registration, String suffix) {
        return URI.create(baseUrl + "/eureka/apps/" + registration.app() + "/" + registration.instanceId() + suffix);
    }
}
