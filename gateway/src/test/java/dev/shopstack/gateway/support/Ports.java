package dev.shopstack.gateway.support;

import java.io.IOException;
import java.net.ServerSocket;

/** Ports for the gateway's tests. */
public final class Ports {

    private Ports() {
    }

    /** A port nothing listens on right now: a service instance that is down, or one for a server to start on. */
    public static int closed() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
