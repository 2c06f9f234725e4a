package dev.shopstack.e2e.web;

import dev.shopstack.e2e.StackExtension;
import dev.shopstack.local.LocalStack;
import dev.shopstack.local.Ports;
import dev.shopstack.local.StackSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.util.FileSystemUtils;

/**
 * A stack of its own for the browser tests, with the settings a real deployment has where the other e2e tests
 * relax them: the gateway's login limit stays at 5 a minute per client and the gateway believes the web module's
 * {@code X-Forwarded-For} (it runs on loopback), and access tokens live 20 seconds so a test can outlive one. Started
 * once for every browser test class (they run first, see {@link org.junit.jupiter.api.Order}), stopped after the last
 * of them. After the first browser test class, the shared stack starts in the background
 * ({@link StackExtension#startInBackground}) to be ready when the browser tests are done, so the two run side by side
 * for a while: ports are shifted by 20000, the shared stack's by 10000 (15000 would put this SMTP port on the shared
 * mail API's).
 */
public class BrowserStack implements ParameterResolver, AfterAllCallback {

    static final int PORT_OFFSET = 20_000;
    static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofSeconds(20);

    /** Sign-up and the API stay relaxed (test set-up calls them from loopback); login keeps its real limit. */
    static final List<String> GATEWAY_ARGS = List.of(
            "--shop.rate-limit.sensitive.requests=10000",
            "--shop.rate-limit.sensitive.period=1s",
            "--shop.rate-limit.sensitive.burst=10000",
            "--shop.rate-limit.api.requests=10000",
            "--shop.rate-limit.api.period=1s",
            "--shop.rate-limit.api.burst=10000",
            // the web module is the one proxy in front of the gateway
            "--shop.gateway.trusted-proxies=127.0.0.1/32,::1/128");

    /**
     * After the first browser test class, this stack has served a whole journey: its first, slow answers of freshly
     * started JVMs are behind it, and the shared stack may start beside the rest (a no-op after that).
     */
    @Override
    public void afterAll(ExtensionContext context) {
        StackExtension.startInBackground(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalStack.class;
    }

    private static volatile LocalStack running;

    /**
     * Stops the stack once the last browser test class is done, so it does not run beside the shared e2e stack for
     * the rest of the suite (closing the store later does nothing more).
     */
    static void stopEarly() {
        LocalStack stack = running;
        if (stack != null) {
            stack.close();
        }
    }

    /** A stack that did not come up is not started again for every test class. */
    private static volatile RuntimeException failedStart;

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (failedStart != null) {
            throw failedStart;
        }
        try {
            return context.getRoot()
                    .getStore(ExtensionContext.Namespace.create(BrowserStack.class))
                    .getOrComputeIfAbsent(Started.class, key -> Started.start(), Started.class)
                    .stack();
        } catch (RuntimeException e) {
            failedStart = e;
            throw e;
        }
    }

    record Started(LocalStack stack) implements AutoCloseable {

        static Started start() {
            Path root = Path.of(System.getProperty("shop.root", ".."))
                    .toAbsolutePath()
                    .normalize();
            Path workDir = root.resolve("e2e/target/browser-stack");
            FileSystemUtils.deleteRecursively(workDir.toFile());
            StackSettings defaults = StackSettings.fromEnvironment(root, name -> null);
            Ports ports = defaults.ports().shiftedBy(PORT_OFFSET);
            // the start-up cache is shared with the other e2e stacks (keyed by the jars), so it costs nothing here
            StackSettings settings = defaults.withWorkDir(workDir)
                    .withPorts(ports)
                    .withZipkin(false)
                    .withStartTimeout(Duration.ofMinutes(12))
                    .withExtraArgs(Map.of(
                            LocalStack.GATEWAY, GATEWAY_ARGS,
                            LocalStack.USER_SERVICE,
                                    List.of("--shop.auth.access-token-lifetime=" + ACCESS_TOKEN_LIFETIME),
                            LocalStack.WEB, List.of("--shop.web.refresh-before=5s")));
            LocalStack stack = LocalStack.start(settings);
            if (!stack.names().contains(LocalStack.WEB)) {
                stack.close();
                throw new IllegalStateException(
                        "web/target/web.jar is missing: build the web module first " + "(./mvnw -DskipTests package)");
            }
            System.out.println(stack.summary());
            running = stack;
            return new Started(stack);
        }

        @Override
        public void close() {
            stack.close();
        }
    }
}
