package dev.shopstack.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor with real (tiny) child processes: a shell that sleeps, or one that exits at once. */
class SupervisorTest {

    private static final RestartPolicy FAST =
            new RestartPolicy(Duration.ofMillis(50), Duration.ofMillis(200), 3, Duration.ofMinutes(1));

    @TempDir
    Path dir;

    private final List<String> console = new CopyOnWriteArrayList<>();
    private final Supervisor supervisor = new Supervisor(FAST, Clock.systemUTC(), console::add, part -> true);
    private Part part;

    @AfterEach
    void stop() {
        supervisor.close();
        if (part != null) {
            part.process().kill();
        }
    }

    private Part part(String script) {
        var process =
                new ManagedProcess("svc", () -> List.of("/bin/sh", "-c", script), Map.of(), dir.resolve("svc.log"));
        part = Part.single("svc", process, () -> true, null, List.of());
        return part;
    }

    @Test
    void aKilledProcessIsStartedAgainAndTheRestartCounted() {
        Part svc = part("sleep 60");
        svc.process().start();
        supervisor.watch(svc);
        long firstPid = svc.process().pid();

        svc.process().kill();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> svc.process().isAlive() && svc.process().pid() != firstPid);
        assertThat(supervisor.restarts(svc)).isEqualTo(1);
        assertThat(console).anyMatch(line -> line.startsWith("svc exited unexpectedly") && line.contains("restart #1"));
    }

    @Test
    void aDeliberateStopIsNotRestarted() throws InterruptedException {
        Part svc = part("sleep 60");
        svc.process().start();
        supervisor.watch(svc);

        supervisor.expectStop(svc);
        svc.process().stop(Duration.ofSeconds(5));
        Thread.sleep(500);

        assertThat(svc.process().isAlive()).isFalse();
        assertThat(supervisor.restarts(svc)).isZero();
    }

    @Test
    void aProcessThatKeepsCrashingIsGivenUpWithAMessage() {
        Part svc = part("sleep 0.5; echo boom; exit 3");
        svc.process().start();
        supervisor.watch(svc);

        await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.hasGivenUp(svc));
        assertThat(supervisor.restarts(svc)).isEqualTo(2);
        assertThat(console)
                .anyMatch(line ->
                        line.contains("3 times within 1 min: not restarting it again") && line.contains("boom"));
    }

    @Test
    void nothingIsRestartedOnceTheStackIsClosing() throws InterruptedException {
        Part svc = part("sleep 60");
        svc.process().start();
        supervisor.watch(svc);

        supervisor.close();
        svc.process().kill();
        Thread.sleep(500);

        assertThat(svc.process().isAlive()).isFalse();
        assertThat(supervisor.restarts(svc)).isZero();
    }
}
