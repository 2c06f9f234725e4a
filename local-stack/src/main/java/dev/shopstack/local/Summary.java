package dev.shopstack.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/** The text the launcher prints once the stack is up: what runs where, its memory and its restarts. */
final class Summary {

    /** A URL for people, or an address. */
    record Link(String what, String where) {}

    /** One process: its name, URL (or null), resident memory in kB (negative: unknown), restarts, log file. */
    record Row(String name, String url, long rssKb, int restarts, String log) {}

    private Summary() {}

    /** The stack's summary: links (the web front first), then every process with its URL, memory and restarts. */
    static String describe(
            StackSettings settings,
            Map<String, Part> parts,
            ToIntFunction<Part> restarts,
            Duration startup,
            List<String> notes) {
        String host = "http://" + settings.publicHost() + ":";
        Ports ports = settings.ports();
        String gateway = host + ports.gateway();
        String mail = host + ports.mailApi();
        DiscoveryCredentials credentials = settings.discoveryCredentials();
        List<Link> links = new ArrayList<>();
        if (parts.containsKey(LocalStack.WEB)) {
            links.add(new Link("Web shop", parts.get(LocalStack.WEB).url()));
        }
        links.add(new Link("Gateway (the API)", gateway));
        links.add(new Link("API docs (Swagger UI)", gateway + "/swagger-ui.html"));
        parts.values().stream()
                .filter(part -> part.module().equals(LocalStack.DISCOVERY))
                .forEach(peer -> links.add(new Link(
                        "Eureka dashboard",
                        peer.url() + "  (user "
                                + credentials.username() + ", password "
                                + (credentials.isLocalDefault()
                                        ? "local-eureka-password)"
                                        : "from EUREKA_PASSWORD)"))));
        links.add(new Link("Mail inbox (GreenMail API)", mail));
        links.add(new Link("  one mailbox", mail + "/api/user/<email>/messages/INBOX"));
        if (parts.containsKey(LocalStack.ZIPKIN)) {
            links.add(new Link("Traces (Zipkin)", host + ports.zipkin()));
        }
        if (parts.containsKey(LocalStack.PROMETHEUS)) {
            links.add(new Link(
                    "Prometheus (alerts: /classic/alerts, or /alerts for a release build)", host + ports.prometheus()));
        }
        links.add(new Link("SMTP", settings.hostAddress() + ":" + ports.smtp()));
        links.add(new Link("Kafka", settings.hostAddress() + ":" + ports.kafka()));
        List<Row> rows = parts.values().stream()
                .map(part -> new Row(
                        part.name(),
                        part.name().equals(LocalStack.KAFKA) ? null : part.url(),
                        part.process().isAlive()
                                ? Main.residentMemoryKb(part.process().pid())
                                : -1,
                        restarts.applyAsInt(part),
                        relative(settings.root(), part.process().logFile())))
                .toList();
        return render(startup, links, rows, notes, gateway);
    }

    private static String relative(Path root, Path log) {
        Path absolute = log.toAbsolutePath();
        return absolute.startsWith(root) ? root.relativize(absolute).toString() : absolute.toString();
    }

    static String render(Duration startup, List<Link> links, List<Row> rows, List<String> notes, String tryUrl) {
        StringBuilder text = new StringBuilder();
        text.append(String.format("%nShopstack is up in %.1f s.%n%n", startup.toMillis() / 1000.0));
        for (Link link : links) {
            text.append(String.format("  %-34s %s%n", link.what(), link.where()));
        }
        text.append(String.format("%n  %-22s %-28s %8s %8s  %s%n", "process", "url", "RSS MB", "restarts", "log"));
        for (Row row : rows) {
            text.append(String.format(
                    "  %-22s %-28s %8s %8d  %s%n",
                    row.name(),
                    row.url() == null ? "" : row.url(),
                    row.rssKb() < 0 ? "?" : Long.toString(row.rssKb() / 1024),
                    row.restarts(),
                    row.log()));
        }
        notes.forEach(note -> text.append(String.format("%n%s%n", note)));
        text.append(String.format("%nTry: curl -i %s/api/categories%nCtrl-C stops everything.%n", tryUrl));
        return text.toString();
    }
}
