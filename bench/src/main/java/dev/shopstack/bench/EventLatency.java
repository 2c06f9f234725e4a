package dev.shopstack.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * Event latency as a user feels it: from sending a password-reset request through the gateway until the email is
 * in the SMTP catcher's inbox (user-service outbox → Kafka → notification-service → SMTP). One request at a time,
 * the inbox emptied between requests, so each sample is one email's whole trip.
 *
 * <p>Usage: {@code EventLatency <gateway base URL> <GreenMail API base URL> <email> <samples>}.
 * Prints {@code RESULT samples=.. p50_ms=.. p99_ms=.. max_ms=.. lost=.. request_p50_ms=.. request_p99_ms=..}, where
 * request is the reset request's own answer, the rest of each sample being the event's trip after the commit.
 */
public final class EventLatency {

    private static final Duration GIVE_UP = Duration.ofSeconds(30);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI inbox;
    private final HttpRequest purge;
    private final HttpRequest reset;

    private EventLatency(String gateway, String mailApi, String email) {
        inbox = URI.create(
                mailApi + "/api/user/" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "/messages/INBOX");
        purge = HttpRequest.newBuilder(URI.create(mailApi + "/api/mail/purge"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        reset = HttpRequest.newBuilder(URI.create(gateway + "/api/auth/password-reset"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\"}"))
                .build();
    }

    public static void main(String[] args) throws Exception {
        var bench = new EventLatency(args[0], args[1], args[2]);
        int samples = Integer.parseInt(args[3]);
        double[] millis = new double[samples];
        double[] requestMillis = new double[samples];
        int lost = 0;
        for (int i = 0; i < samples; i++) {
            double[] sample = new double[2];
            if (!bench.trip(sample)) {
                lost++;
            }
            millis[i] = sample[0];
            requestMillis[i] = sample[1];
        }
        Arrays.sort(millis);
        Arrays.sort(requestMillis);
        System.out.printf(
                "RESULT samples=%d p50_ms=%.0f p99_ms=%.0f max_ms=%.0f lost=%d request_p50_ms=%.0f request_p99_ms=%.0f%n",
                samples,
                percentile(millis, 50),
                percentile(millis, 99),
                millis[samples - 1],
                lost,
                percentile(requestMillis, 50),
                percentile(requestMillis, 99));
    }

    /** One email's trip; fills {@code sample} with its whole time and its request's time, in ms. */
    private boolean trip(double[] sample) throws Exception {
        expect(http.send(purge, HttpResponse.BodyHandlers.discarding()), "purging the inbox");
        long start = System.nanoTime();
        expect(http.send(reset, HttpResponse.BodyHandlers.discarding()), "requesting a reset");
        sample[1] = (System.nanoTime() - start) / 1e6;
        boolean arrived = false;
        while (!arrived && System.nanoTime() - start < GIVE_UP.toNanos()) {
            var response = http.send(HttpRequest.newBuilder(inbox).GET().build(), HttpResponse.BodyHandlers.ofString());
            // the mailbox exists once the first mail is in; an empty JSON array means "not yet"
            arrived = response.statusCode() == 200 && response.body().contains("\"subject\"");
            if (!arrived) {
                Thread.sleep(2);
            }
        }
        sample[0] = (System.nanoTime() - start) / 1e6;
        return arrived;
    }

    private static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }

    private static void expect(HttpResponse<?> response, String what) {
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(what + " answered " + response.statusCode());
        }
    }
}
