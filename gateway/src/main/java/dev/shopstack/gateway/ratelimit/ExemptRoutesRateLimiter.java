package dev.shopstack.gateway.ratelimit;

import java.util.Map;
import java.util.Set;
import org.springframework.beans.BeansException;
import org.springframework.cloud.gateway.event.FilterArgsEvent;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;
import reactor.core.publisher.Mono;

/**
 * A limiter that lets the given routes through untouched: the default filters' limiter applies to every route,
 * and a route with a bucket of its own (the payment webhooks) must not be refused by the per-address one as well.
 * The Redis limiter is set up by the context (its script and template) and by route arguments: both are passed on.
 */
final class ExemptRoutesRateLimiter
        implements RateLimiter<Object>, ApplicationContextAware, ApplicationListener<FilterArgsEvent> {

    private final RateLimiter<Object> delegate;
    private final Set<String> exemptRoutes;

    ExemptRoutesRateLimiter(RateLimiter<Object> delegate, Set<String> exemptRoutes) {
        this.delegate = delegate;
        this.exemptRoutes = exemptRoutes;
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String id) {
        return exemptRoutes.contains(routeId)
                ? Mono.just(new Response(true, Map.of()))
                : delegate.isAllowed(routeId, id);
    }

    @Override
    public void setApplicationContext(ApplicationContext context) throws BeansException {
        if (delegate instanceof ApplicationContextAware aware) {
            aware.setApplicationContext(context);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void onApplicationEvent(FilterArgsEvent event) {
        if (delegate instanceof ApplicationListener<?> listener) {
            ((ApplicationListener<FilterArgsEvent>) listener).onApplicationEvent(event);
        }
    }

    @Override
    public Map<String, Object> getConfig() {
        return delegate.getConfig();
    }

    @Override
    public Class<Object> getConfigClass() {
        return delegate.getConfigClass();
    }

    @Override
    public Object newConfig() {
        return delegate.newConfig();
    }
}
