package dev.shopstack.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Request rate limits, as token buckets: {@code requests} per {@code period} on average, up to {@code burst} at once.
 *
 * @param redis share the buckets across gateway replicas in Redis ({@code spring.data.redis.*}); off: each replica
 *     keeps its own buckets in memory
 * @param namespace prefix of every bucket key, so environments (or test runs) sharing one Redis do not collide
 * @param maxKeys in-memory mode: at most this many buckets are kept (least recently used go first)
 * @param api (default 20/s, burst 40) every routed request, per user (JWT subject) or, anonymous, per client address
 * @param login (default 5/min, burst 5) {@code POST /api/auth/login}, per client address (the TCP peer, or what a
 *     proxy of {@code shop.gateway.trusted-proxies} forwarded; IPv6 per /64): password guessing
 * @param sensitive (default 3/min, burst 3) register, password reset (request and confirm), email verification and its resend, per client
 *     address: account spam, mail bombing, OTP and reset-code guessing
 * @param webhook (default 50/s, burst 100) the payment provider's webhooks, per client address: higher than the API's
 *     limit, since they come in bursts from a few provider addresses, while each address's bucket bounds what a
 *     flood of (unsigned, refused) requests costs order-service without using up the provider's share
 * @param webhookRoutes the routes limited by {@code webhook} only (the per-user/per-address {@code api} limit of
 *     the default filters lets them through)
 */
@ConfigurationProperties("shop.rate-limit")
public record RateLimitProperties(
        @DefaultValue("false") boolean redis,
        @DefaultValue("shop") String namespace,
        @DefaultValue("100000") long maxKeys,
        Limit api,
        Limit login,
        Limit sensitive,
        Limit webhook,
        List<String> webhookRoutes) {

    public RateLimitProperties {
        webhook = webhook != null ? webhook : new Limit(50, Duration.ofSeconds(1), 100);
        webhookRoutes = webhookRoutes != null ? List.copyOf(webhookRoutes) : List.of("order-service-payments-webhook");
        api = api != null ? api : new Limit(20, Duration.ofSeconds(1), 40);
        login = login != null ? login : new Limit(5, Duration.ofMinutes(1), 5);
        sensitive = sensitive != null ? sensitive : new Limit(3, Duration.ofMinutes(1), 3);
    }

    /**
     * @param requests how many requests per {@code period} on average
     * @param period the averaging window
     * @param burst how many requests may come at once after a quiet spell (the bucket's size)
     */
    public record Limit(int requests, Duration period, int burst) {

        public Limit {
            if (requests < 1 || burst < 1 || period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException(
                        "a rate limit needs all of requests >= 1, burst >= 1 and a period > 0");
            }
        }

        double perSecond() {
            return requests / (period.toNanos() / 1e9);
        }

        /** How long an emptied bucket takes to refill completely: after that its state is worth nothing. */
        Duration timeToFull() {
            return Duration.ofNanos((long) (burst / perSecond() * 1e9));
        }
    }
}
