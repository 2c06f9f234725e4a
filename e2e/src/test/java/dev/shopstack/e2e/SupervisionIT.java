package dev.shopstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.local.LocalStack;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A service that dies (SIGKILL, like an OOM kill) comes back by itself and serves again, as under Kubernetes. */
class SupervisionIT extends StackTestSupport {

    @Test
    void aServiceKilledWithSigkillIsRestartedByTheLauncherAndServesAgain() {
        String service = LocalStack.CATALOG_SERVICE;
        long pid = stack.pid(service);
        int restarts = stack.restarts(service);
        // the killed instance's own port: in replica mode the gateway could route around it
        String own = "http://localhost:" + stack.ports().catalogService() + "/api/categories";

        stack.kill(service);

        assertThat(stack.isRunning(service) && stack.pid(service) == pid).isFalse();
        long killed = System.nanoTime();
        Awaitility.await()
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> stack.isRunning(service) && Http.get(own).statusCode() == 200);
        stack.awaitReady(service, Duration.ofMinutes(1)); // registered and routed again
        System.out.printf(
                "catalog-service killed with SIGKILL: serving again after %.1f s%n",
                (System.nanoTime() - killed) / 1e9);

        assertThat(stack.pid(service)).isNotEqualTo(pid);
        assertThat(stack.restarts(service)).isEqualTo(restarts + 1);
        var categories = Http.get(stack.gateway() + "/api/categories");
        assertThat(categories.statusCode()).isEqualTo(200);
        assertThat(Http.json(categories).path("content").size()).isPositive();
    }

    @Test
    void aServiceStoppedOnPurposeStaysStoppedUntilItIsStarted() throws InterruptedException {
        String service = LocalStack.NOTIFICATION_SERVICE;
        int restarts = stack.restarts(service);

        stack.stop(service);
        try {
            Thread.sleep(3_000); // longer than the first back-off: a supervisor mistaking it for a crash would act
            assertThat(stack.isRunning(service)).isFalse();
        } finally {
            stack.start(service);
        }
        assertThat(stack.restarts(service)).isEqualTo(restarts);
    }
}
