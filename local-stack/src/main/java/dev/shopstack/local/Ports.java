package dev.shopstack.local;

import java.util.function.UnaryOperator;

/** Every port the local stack listens on (all on 127.0.0.1). */
public record Ports(
        int discovery,
        int gateway,
        int gatewayManagement,
        int userService,
        int catalogService,
        int orderService,
        int notificationService,
        int kafka,
        int kafkaController,
        int smtp,
        int mailApi) {

    /** The documented defaults, each overridable by an environment variable such as {@code GATEWAY_PORT}. */
    public static Ports fromEnvironment(UnaryOperator<String> env) {
        return new Ports(
                port(env, "DISCOVERY_PORT", 8761),
                port(env, "GATEWAY_PORT", 8080),
                port(env, "GATEWAY_MANAGEMENT_PORT", 8090),
                port(env, "USER_SERVICE_PORT", 8081),
                port(env, "CATALOG_SERVICE_PORT", 8082),
                port(env, "ORDER_SERVICE_PORT", 8083),
                port(env, "NOTIFICATION_SERVICE_PORT", 8084),
                port(env, "KAFKA_PORT", 9092),
                port(env, "KAFKA_CONTROLLER_PORT", 9093),
                port(env, "SMTP_PORT", 3025),
                port(env, "MAIL_API_PORT", 8025));
    }

    /** The same layout shifted by {@code offset}, so a second stack (the e2e tests) can run beside a first. */
    public Ports shiftedBy(int offset) {
        return new Ports(discovery + offset, gateway + offset, gatewayManagement + offset, userService + offset,
                catalogService + offset, orderService + offset, notificationService + offset, kafka + offset,
                kafkaController + offset, smtp + offset, mailApi + offset);
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
