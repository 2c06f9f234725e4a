package dev.shopstack.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Replica mode's database server: one H2 TCP server per stack that owns every service's database file, so the
 * instances of a service share it and none of them closes it for the others when it stops (H2's automatic mixed
 * mode let the instance that opened the file first host it, and its shutdown hook closed it while it drained).
 * The files are the ones the services open themselves in single mode ({@code <data dir>/<service>/db}), so a stack
 * can switch between the modes and keep its data.
 *
 * <p>Restricted as far as a local run allows: it listens on the bind address only and, without
 * {@code -tcpAllowOthers}, accepts connections from this machine only; {@code -baseDir} confines it to the data
 * directory; and it never creates a database for a client ({@code -ifNotExists} is off, since whoever creates a
 * database is its administrator), so {@link #prepare} creates the missing ones beforehand.
 */
final class H2Server {

    static final String NAME = "h2";

    /** The local profile's URL options (platform-starter's shopstack-defaults.yml): a change there belongs here. */
    static final String URL_OPTIONS =
            ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;WRITE_DELAY=0;LOCK_TIMEOUT=10000";

    private final StackSettings settings;
    private final List<String> services;

    H2Server(StackSettings settings, List<String> services) {
        this.settings = settings;
        this.services = List.copyOf(services);
    }

    /** What a service's instances connect to: its database, relative to the server's base directory. */
    static String url(StackSettings settings, String service) {
        return "jdbc:h2:tcp://" + settings.hostAddress() + ":"
                + settings.ports().h2() + "/" + service + "/db" + URL_OPTIONS;
    }

    /** The JVM arguments after the java executable. */
    List<String> arguments() {
        return List.of(
                "-Xmx192m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dh2.bindAddress=" + settings.bindAddress(),
                "-cp",
                Classpaths.of("h2.classpath"),
                "org.h2.tools.Server",
                "-tcp",
                "-tcpPort",
                Integer.toString(settings.ports().h2()),
                "-baseDir",
                baseDir().toString());
    }

    /** Creates, as an embedded database with the services' own options, every service database not there yet. */
    void prepare(Path java) {
        for (String service : services) {
            Path file = baseDir().resolve(service).resolve("db");
            if (Files.exists(file.resolveSibling("db.mv.db"))) {
                continue;
            }
            try {
                Path log = Files.createDirectories(settings.logsDir()).resolve("h2-create.log");
                // the local profile's user: sa without a password (shopstack-defaults.yml)
                var create = new ProcessBuilder(
                                java.toString(),
                                "-cp",
                                Classpaths.of("h2.classpath"),
                                "org.h2.tools.Shell",
                                "-url",
                                "jdbc:h2:file:" + file + URL_OPTIONS,
                                "-user",
                                "sa",
                                "-password",
                                "",
                                "-sql",
                                "SELECT 1")
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                        .start();
                if (!create.waitFor(2, TimeUnit.MINUTES) || create.exitValue() != 0) {
                    create.destroyForcibly();
                    throw new IllegalStateException("Creating the H2 database " + file + " failed; see " + log);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the H2 database " + file, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while creating " + file, e);
            }
        }
    }

    private Path baseDir() {
        return settings.dataDir().toAbsolutePath().normalize();
    }
}
