package dev.shopstack.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/** {@code ./run-local}: starts the stack, prints the summary, and stops everything on Ctrl-C. */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        Path root =
                Path.of(System.getProperty("shop.root", ".")).toAbsolutePath().normalize();
        if (Arrays.asList(args).contains("--help")) {
            System.out.println(StackSettings.USAGE);
            return;
        }
        StackSettings settings;
        try {
            settings = StackSettings.fromEnvironment(root, System::getenv).withCommandLine(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println("Starting Shopstack from " + root + " (logs in " + settings.logsDir() + ")"
                + (settings.replicas() > 1 ? " with " + settings.replicas() + " instances of every service" : "")
                + " ...");
        LocalStack stack = LocalStack.create(settings);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("Stopping Shopstack ...");
                            stack.close();
                        },
                        "shopstack-shutdown"));
        try {
            stack.startAll();
        } catch (RuntimeException e) {
            System.err.println("Start-up failed: " + e.getMessage());
            System.exit(1);
        }
        System.out.println(stack.summary());
        new CountDownLatch(1).await(); // until Ctrl-C; the shutdown hook stops the children
    }

    /** Resident memory (VmRSS) of a process in kB, or -1 where /proc is not available. */
    static long residentMemoryKb(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or the process is gone
        }
        return -1;
    }
}
