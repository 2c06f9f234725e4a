package dev.shopstack.order;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy in front of the sandbox that a test can cut: {@link Mode#DOWN} closes every connection at once (a
 * provider that is down), {@link Mode#HANG} accepts and never answers (a provider that is slow), {@link Mode#UP}
 * passes bytes through unchanged.
 */
public final class FaultProxy {

    public enum Mode {
        UP,
        DOWN,
        HANG
    }

    private final ServerSocket server;
    private final int targetPort;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.UP;

    private FaultProxy(ServerSocket server, int targetPort) {
        this.server = server;
        this.targetPort = targetPort;
    }

    public static FaultProxy to(int targetPort) {
        try {
            FaultProxy proxy = new FaultProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), targetPort);
            Thread acceptor = new Thread(proxy::accept, "fault-proxy");
            acceptor.setDaemon(true);
            acceptor.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String base() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Also cuts the connections open now: the client keeps connections alive and would not notice otherwise. */
    public void mode(Mode mode) {
        this.mode = mode;
        held.forEach(FaultProxy::closeQuietly);
        held.clear();
        open.forEach(FaultProxy::closeQuietly);
        open.clear();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                switch (mode) {
                    case DOWN -> closeQuietly(client);
                    case HANG -> held.add(client);
                    case UP -> connect(client);
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private void connect(Socket client) {
        try {
            Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
            open.add(client);
            open.add(upstream);
            pipe(client, upstream);
            pipe(upstream, client);
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private static void pipe(Socket from, Socket to) {
        Thread thread = new Thread(
                () -> {
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        in.transferTo(out);
                    } catch (IOException closed) {
                        // one side closed: close both
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                    }
                },
                "fault-proxy-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
