package dev.shopstack.local;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A process of the stack, how to tell it serves, and what its supervisor knows about it.
 *
 * @param name unique in the stack: the module name for the first instance, {@code <module>-<k>} for the others
 * @param module the module (or infrastructure) it is an instance of
 * @param instance from 1
 * @param process the child process
 * @param ready true once it serves (readiness UP, registered, routed...)
 * @param url what to print for a person, or null
 * @param ports every port it listens on, checked to be free before the stack starts
 * @param registration its entry in discovery, or null when it does not register
 * @param state what the supervisor knows
 */
record Part(
        String name,
        String module,
        int instance,
        ManagedProcess process,
        BooleanSupplier ready,
        String url,
        List<Integer> ports,
        Discovery.Registration registration,
        State state) {

    Part {
        ports = List.copyOf(ports);
    }

    static Part single(String name, ManagedProcess process, BooleanSupplier ready, String url, List<Integer> ports) {
        return new Part(name, name, 1, process, ready, url, ports, null, new State());
    }

    /** Mutable, guarded by itself. */
    static final class State {
        /** False after a deliberate stop: its exit is not a crash. */
        boolean wanted = true;
        /** True once it has been ready: from then on an unexpected exit is restarted. */
        boolean supervised;

        boolean givenUp;
        int restarts;
        final List<Instant> crashes = new ArrayList<>();
    }
}
