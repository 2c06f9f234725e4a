package dev.shopstack.platform.tokens;

import org.springframework.context.SmartLifecycle;

/** Runs the {@link SessionRevocationsConsumer} on its own daemon thread for the life of the application. */
public class SessionRevocationsLifecycle implements SmartLifecycle {

    private final SessionRevocationsConsumer consumer;
    private Thread thread;

    public SessionRevocationsLifecycle(SessionRevocationsConsumer consumer) {
        this.consumer = consumer;
    }

    public boolean synced() {
        return consumer.synced();
    }

    @Override
    public synchronized void start() {
        if (thread == null) {
            thread = new Thread(consumer, "session-revocations");
            thread.setDaemon(true);
            thread.start();
        }
    }

    @Override
    public synchronized void stop() {
        if (thread != null) {
            consumer.stop();
            try {
                thread.join(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return thread != null;
    }
}
