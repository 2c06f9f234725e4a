package dev.shopstack.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * A Spring Boot application of the stack, run from {@code <module>/target/<module>.jar}. Adding one is one line in
 * {@link #ALL}.
 *
 * @param name the module, its jar and its name in discovery
 * @param port its first instance's port
 * @param role how it takes part: what it is told and how the launcher knows it is ready
 * @param routeProbe a public path the gateway routes to it (services only), or null
 * @param optional started only when its jar exists
 */
record AppModule(String name, ToIntFunction<Ports> port, Role role, String routeProbe, boolean optional) {

    enum Role {
        /** Eureka server; a second peer in replica mode. */
        DISCOVERY,
        /** Registers, may be replicated, and is checked through the gateway. */
        SERVICE,
        /** Registers, may be replicated, with a separate management port. */
        GATEWAY,
        /** One instance that only has to answer. */
        STANDALONE
    }

    /** In start order within a wave; the web front first in the summary. */
    static final List<AppModule> ALL = List.of(
            new AppModule("discovery", Ports::discovery, Role.DISCOVERY, null, false),
            new AppModule("user-service", Ports::userService, Role.SERVICE, "/.well-known/jwks.json", false),
            new AppModule("catalog-service", Ports::catalogService, Role.SERVICE, "/api/categories", false),
            // no public read: the gateway would answer 401 itself, which proves nothing about the route
            new AppModule("order-service", Ports::orderService, Role.SERVICE, null, false),
            new AppModule("notification-service", Ports::notificationService, Role.SERVICE, null, false),
            new AppModule("gateway", Ports::gateway, Role.GATEWAY, null, false),
            new AppModule("payment-sandbox", Ports::paymentSandbox, Role.STANDALONE, null, true),
            new AppModule("web", Ports::web, Role.STANDALONE, null, true));

    boolean replicated() {
        return role == Role.SERVICE || role == Role.GATEWAY;
    }

    boolean registers() {
        return replicated();
    }

    Path jar(Path root) {
        return root.resolve(name).resolve("target").resolve(name + ".jar");
    }

    /** Optional modules are part of the stack only once they are built. */
    boolean present(Path root) {
        return !optional || Files.isRegularFile(jar(root));
    }

    /** {@code order-service} for the first instance, {@code order-service-2} for the second. */
    String instanceName(int instance) {
        return instance == 1 ? name : name + "-" + instance;
    }

    /** Instance k of a service at its base port + 100 × (k − 1); discovery's second peer at its own port. */
    int port(Ports ports, int instance) {
        if (role == Role.DISCOVERY && instance == 2) {
            return ports.discoveryPeer();
        }
        return Ports.ofInstance(port.applyAsInt(ports), instance);
    }

    /** Where its actuator listens: the gateway's own port, everyone else's API port (as in the local profile). */
    int managementPort(Ports ports, int instance) {
        return role == Role.GATEWAY ? Ports.ofInstance(ports.gatewayManagement(), instance) : port(ports, instance);
    }
}
