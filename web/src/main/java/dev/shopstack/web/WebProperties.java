package dev.shopstack.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the web module ({@code shop.web.*}).
 *
 * @param gatewayUrl the gateway's public API ({@code SHOP_GATEWAY_URL})
 * @param connectTimeout connecting to the gateway
 * @param readTimeout waiting for one answer of the gateway
 * @param trustedProxies CIDRs of proxies in front of this module (an edge load balancer) whose
 *     {@code X-Forwarded-For} is believed; any other peer is the browser itself
 * @param paymentOrigins origins of the hosted payment page the checkout may redirect to (also allowed by the CSP's
 *     {@code form-action})
 * @param secureCookie mark the session cookie {@code Secure} (every profile but {@code local})
 * @param sessionStore {@code memory} (one instance) or {@code redis} (shared by replicas)
 * @param maxSessions in memory: at most this many sessions are kept (least recently used go first)
 * @param sessionTimeout idle time after which a session ends
 * @param refreshBefore an access token is refreshed when it expires within this margin
 */
@ConfigurationProperties("shop.web")
public record WebProperties(
        @DefaultValue("http://localhost:8080") URI gatewayUrl,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue({"127.0.0.1/32", "::1/128"}) List<String> trustedProxies,
        @DefaultValue("http://localhost:8085") List<String> paymentOrigins,
        @DefaultValue("false") boolean secureCookie,
        @DefaultValue("memory") String sessionStore,
        @DefaultValue("100000") long maxSessions,
        @DefaultValue("30m") Duration sessionTimeout,
        @DefaultValue("30s") Duration refreshBefore) {}
