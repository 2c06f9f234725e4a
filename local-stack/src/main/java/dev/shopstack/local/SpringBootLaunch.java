package dev.shopstack.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What one instance of a Spring Boot application is told: its Spring arguments and its environment. Secrets (the
 * internal token, discovery's password in the {@code defaultZone} URLs) go into the environment, which only the
 * same user can read, never onto the command line, which every local user can.
 *
 * @param name the instance's name in the stack
 * @param module its application
 * @param instance from 1
 * @param jvmOptions options of its JVM
 * @param springArgs its command-line arguments
 * @param environment its environment
 */
record SpringBootLaunch(
        String name,
        AppModule module,
        int instance,
        List<String> jvmOptions,
        List<String> springArgs,
        Map<String, String> environment) {

    static SpringBootLaunch of(
            StackSettings settings, AppModule module, int instance, String internalToken, boolean paymentSandbox) {
        Ports ports = settings.ports();
        String host = settings.hostAddress();
        int port = module.port(ports, instance);
        List<String> jvm = new ArrayList<>(settings.jvmOptions());
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--server.address=" + settings.bindAddress(),
                "--shop.data-dir=" + settings.dataDir(),
                "--spring.kafka.bootstrap-servers=" + host + ":" + ports.kafka(),
                "--spring.mail.host=" + host,
                "--spring.mail.port=" + ports.smtp()));
        if (settings.zipkin()) {
            args.add("--management.tracing.export.zipkin.endpoint=http://" + host + ":" + ports.zipkin()
                    + "/api/v2/spans");
            args.add("--management.tracing.sampling.probability=1.0");
        } else {
            args.add("--management.tracing.export.zipkin.enabled=false");
        }
        if (module.role() == AppModule.Role.GATEWAY) {
            args.add("--management.server.port=" + module.managementPort(ports, instance));
            args.add("--management.server.address=" + settings.bindAddress());
        }
        if (module.registers()) {
            args.add("--eureka.instance.ip-address=" + host);
            args.add("--eureka.instance.instance-id="
                    + Discovery.Registration.of(module.name(), host, port).instanceId());
        }
        if (module.role() == AppModule.Role.SERVICE && settings.replicas() > 1) {
            // replicas share their service's database through the stack's H2 server, which owns the files
            args.add("--spring.datasource.url=" + H2Server.url(settings, module.name()));
        }
        boolean peers = module.role() == AppModule.Role.DISCOVERY && settings.replicas() > 1;
        if (peers) {
            args.addAll(List.of(
                    "--eureka.client.register-with-eureka=true",
                    "--eureka.client.fetch-registry=true",
                    "--eureka.instance.hostname=discovery-" + instance,
                    "--eureka.instance.instance-id=discovery:" + host + ":" + port,
                    "--eureka.server.wait-time-in-ms-when-sync-empty=0"));
        }
        args.addAll(settings.extraArgs().getOrDefault(module.name(), List.of()));
        if (instance > 1) {
            args.addAll(settings.extraArgs().getOrDefault(module.instanceName(instance), List.of()));
        }

        Map<String, String> env = new LinkedHashMap<>();
        env.put("MALLOC_ARENA_MAX", "2");
        env.put("SHOP_INTERNAL_TOKEN", internalToken);
        DiscoveryCredentials credentials = settings.discoveryCredentials();
        env.put("EUREKA_USERNAME", credentials.username());
        env.put("EUREKA_PASSWORD", credentials.password());
        env.put("SHOP_DISCOVERY_USERNAME", credentials.username());
        env.put("SHOP_DISCOVERY_PASSWORD", credentials.password());
        String zones = peers ? otherPeer(settings, instance) : clientZones(settings);
        if (module.role() != AppModule.Role.DISCOVERY || peers) {
            env.put("EUREKA_URL", zones);
            env.put(
                    "SPRING_APPLICATION_JSON",
                    "{\"eureka\":{\"client\":{\"service-url\":{\"defaultZone\":\"" + json(zones) + "\"}}}}");
        }
        env.put("SHOP_FRONTEND_URL", "http://" + settings.publicHost() + ":" + ports.web());
        env.put("SHOP_GATEWAY_URL", "http://" + host + ":" + ports.gateway());
        if (paymentSandbox) {
            env.put("STRIPE_API_BASE", "http://" + host + ":" + ports.paymentSandbox());
        }
        if (module.name().equals(LocalStack.WEB)) {
            env.put("SHOP_WEB_PAYMENT_ORIGINS", "http://" + settings.publicHost() + ":" + ports.paymentSandbox());
        }
        if (module.name().equals(LocalStack.PAYMENT_SANDBOX)) {
            // its webhooks go where Stripe's would: the gateway's public route, on whatever port this run uses
            env.put("SHOP_SANDBOX_WEBHOOK_URL", "http://" + host + ":" + ports.gateway() + "/api/payments/webhook");
            env.put("SHOP_SANDBOX_PUBLIC_URL", "http://" + settings.publicHost() + ":" + ports.paymentSandbox());
            env.put("SHOP_SANDBOX_RETURN_HOSTS", "localhost,127.0.0.1," + settings.publicHost());
        }
        return new SpringBootLaunch(
                module.instanceName(instance), module, instance, List.copyOf(jvm), List.copyOf(args), Map.copyOf(env));
    }

    /**
     * The arguments of this application's start-up cache training run: its own, but on its database file as in
     * single mode. Training stops right after the context refresh and runs before any part of the stack, so in
     * replica mode the H2 server that later serves those files is not up yet; the classes loaded are the same.
     */
    List<String> trainingArgs() {
        String h2Server = "--spring.datasource.url=jdbc:h2:tcp:";
        return springArgs.stream().filter(arg -> !arg.startsWith(h2Server)).toList();
    }

    /** Every discovery peer, first the primary: what every client's {@code defaultZone} holds. */
    static String clientZones(StackSettings settings) {
        int peers = settings.replicas() > 1 ? 2 : 1;
        AppModule discovery = AppModule.ALL.get(0);
        return IntStream.rangeClosed(1, peers)
                .mapToObj(k -> settings.discoveryCredentials()
                        .serviceUrl(settings.hostAddress(), discovery.port(settings.ports(), k)))
                .collect(Collectors.joining(","));
    }

    private static String otherPeer(StackSettings settings, int instance) {
        AppModule discovery = AppModule.ALL.get(0);
        return settings.discoveryCredentials()
                .serviceUrl(settings.hostAddress(), discovery.port(settings.ports(), instance == 1 ? 2 : 1));
    }

    private static String json(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
