package dev.shopstack.local;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Children of an earlier launcher that was killed hard (no shutdown hook ran) would hold the ports. Each child
 * carries a marker of its stack's work directory on its command line (JVMs a {@code -Dshopstack.stack=} property,
 * Prometheus its configuration path), so the next launcher for the same work directory finds and stops them.
 */
final class Orphans {

    private Orphans() {}

    /** Stops (SIGTERM, then SIGKILL after 30 s) every process whose command line contains one of the markers. */
    static void stop(List<String> markers, Consumer<String> say) {
        long self = ProcessHandle.current().pid();
        List<ProcessHandle> orphans = ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self)
                .filter(p -> p.info()
                        .commandLine()
                        .map(line -> matches(line, markers))
                        .orElse(false))
                .toList();
        for (ProcessHandle orphan : orphans) {
            say.accept("Stopping process " + orphan.pid() + " left over by an earlier run");
            orphan.destroy();
        }
        for (ProcessHandle orphan : orphans) {
            try {
                orphan.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception timeoutOrInterrupted) {
                orphan.destroyForcibly();
            }
        }
    }

    /** A marker followed by a space or at the end: {@code /work} must not match {@code /work-2}. */
    static boolean matches(String commandLine, List<String> markers) {
        for (String marker : markers) {
            int at = commandLine.indexOf(marker);
            while (at >= 0) {
                int end = at + marker.length();
                if (end == commandLine.length() || commandLine.charAt(end) == ' ') {
                    return true;
                }
                at = commandLine.indexOf(marker, at + 1);
            }
        }
        return false;
    }
}
