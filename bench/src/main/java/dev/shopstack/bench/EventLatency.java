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
 * <p>Usage: {@code EventLatency <gateway base URL> <GreenMail API base URL> <email> <samples>}. Prints
 * {@code RESULT samples=.. p50_ms=.. p99_ms=.. max_ms=.. lost=..}.
 */
public final class EventLatency {

    private static final Duration GIVE_UP = Duration.ofSeconds(30);

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        String mailApi = args[1];
        String email = args[2];
        int samples = Integer.parseInt(args[3]);
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI inbox = URI.create(
                mailApi + "/api/user/" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "/messages/INBOX");
        HttpRequest purge = HttpRequest.newBuilder(URI.create(mailApi + "/api/mail/purge"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpRequest reset = HttpRequest.newBuilder(URI.create(gateway + "/api/auth/password-reset"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\"}"))
                .build();

        double[] millis = new double[samples];
        int lost = 0;
        for (int i = 0; i < samples; i++) {
            expect(http.send(purge, HttpResponse.BodyHandlers.discarding()), "purging the inbox");
            long start = System.nanoTime();
            expect(http.send(reset, HttpResponse.BodyHandlers.discarding()), "requesting a reset");
            boolean arrived = false;
            while (!arrived && System.nanoTime() - start < GIVE_UP.toNanos()) {
                var response =
                        http.send(HttpRequest.newBuilder(inbox).GET().build(), HttpResponse.BodyHandlers.ofString());
                // the mailbox exists once the first mail is in; an empty JSON array means "not yet"
                arrived = response.statusCode() == 200 && response.body().contains("\"subject\"");
                if (!arrived) {
                    Thread.sleep(2);
                }
            }
            millis[i] = (System.nanoTime() - start) / 1e6;
            if (!arrived) {
                lost++;
            }
        }
        Arrays.sort(millis);
        System.out.printf(
                "RESULT samples=%d p50_ms=%.0f p99_ms=%.0f max_ms=%.0f lost=%d%n",
                samples, percentile(millis, 50), percentile(millis, 99), millis[samples - 1], lost);
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

    private EventLatency() {}
}
