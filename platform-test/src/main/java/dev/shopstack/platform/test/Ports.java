package dev.shopstack.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Ports for tests. */
public final class Ports {

    private Ports() {}

    /** A port nothing listens on right now: a service instance that is down, or one for a server to start on. */
    public static int unused() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
