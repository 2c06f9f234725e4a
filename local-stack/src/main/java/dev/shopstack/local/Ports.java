package dev.shopstack.local;

import java.util.function.UnaryOperator;

/**
 * Every port the local stack listens on. In replica mode instance {@code k} (from 1) of a service or the gateway
 * listens on its base port + 100 × (k − 1): order-service 8083, order-service-2 8183, order-service-3 8283; the
 * gateway's management port moves the same way (8090, 8190). The second discovery peer has its own port, and so
 * has the H2 server of replica mode.
 */
public record Ports(
        int discovery,
        int discoveryPeer,
        int gateway,
        int gatewayManagement,
        int userService,
        int catalogService,
        int orderService,
        int notificationService,
        int paymentSandbox,
        int web,
        int kafka,
        int kafkaController,
        int smtp,
        int mailApi,
        int zipkin,
        int prometheus,
        int h2) {

    /** Between two instances of the same service. */
    public static final int INSTANCE_STEP = 100;

    /** The documented defaults, each overridable by an environment variable such as {@code GATEWAY_PORT}. */
    public static Ports fromEnvironment(UnaryOperator<String> env) {
        return new Ports(
                port(env, "DISCOVERY_PORT", 8761),
                port(env, "DISCOVERY_PEER_PORT", 8762),
                port(env, "GATEWAY_PORT", 8080),
                port(env, "GATEWAY_MANAGEMENT_PORT", 8090),
                port(env, "USER_SERVICE_PORT", 8081),
                port(env, "CATALOG_SERVICE_PORT", 8082),
                port(env, "ORDER_SERVICE_PORT", 8083),
                port(env, "NOTIFICATION_SERVICE_PORT", 8084),
                port(env, "PAYMENT_SANDBOX_PORT", 8085),
                port(env, "WEB_PORT", 8088),
                port(env, "KAFKA_PORT", 9092),
                port(env, "KAFKA_CONTROLLER_PORT", 9093),
                port(env, "SMTP_PORT", 3025),
                port(env, "MAIL_API_PORT", 8025),
                port(env, "ZIPKIN_PORT", 9411),
                port(env, "PROMETHEUS_PORT", 9090),
                port(env, "H2_PORT", 9095));
    }

    /** The same layout shifted by {@code offset}, so a second stack (the e2e tests) can run beside a first. */
    public Ports shiftedBy(int offset) {
        return new Ports(
                discovery + offset,
                discoveryPeer + offset,
                gateway + offset,
                gatewayManagement + offset,
                userService + offset,
                catalogService + offset,
                orderService + offset,
                notificationService + offset,
                paymentSandbox + offset,
                web + offset,
                kafka + offset,
                kafkaController + offset,
                smtp + offset,
                mailApi + offset,
                zipkin + offset,
                prometheus + offset,
                h2 + offset);
    }

    /** The port of instance {@code instance} (from 1) of something whose first instance listens on {@code base}. */
    public static int ofInstance(int base, int instance) {
        if (instance < 1) {
            throw new IllegalArgumentException("Instances count from 1, not " + instance);
        }
        return base + INSTANCE_STEP * (instance - 1);
    }

    private static int port(UnaryOperator<String> env, String name, int fallback) {
        String value = env.apply(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, not '" + value + "'");
        }
    }
}
