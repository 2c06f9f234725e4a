package dev.shopstack.local;

import java.util.function.BooleanSupplier;

/**
 * A process of the stack and how to tell it is ready to serve.
 *
 * @param process the child process
 * @param ready true once it serves (readiness UP, registered, routed...)
 * @param url what to print for a person, or null
 */
record Component(ManagedProcess process, BooleanSupplier ready, String url) {

    String name() {
        return process.name();
    }
}
