package dev.shopstack.order.catalog;

import dev.shopstack.platform.security.ShopSecurityProperties;
import io.micrometer.observation.ObservationRegistry;
import java.net.http.HttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.loadbalancer.DeferringLoadBalancerInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
class CatalogClientConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CatalogClientConfiguration.class);

    /**
     * Resolves {@code catalog-service} through discovery (Eureka, or the simple discovery client in tests). The
     * load-balancing interceptor goes on this client only: a {@code @LoadBalanced RestClient.Builder} bean would
     * replace the application's builder, and Eureka's own client would then try to resolve its server's host
     * as a service id and never register.
     */
    @Bean
    RestClient catalogRestClient(
            ObjectProvider<RestClient.Builder> builders,
            DeferringLoadBalancerInterceptor loadBalancer,
            CatalogClientProperties properties,
            ShopSecurityProperties security,
            ObjectProvider<ObservationRegistry> observations) {
        var http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .build();
        var requestFactory = new JdkClientHttpRequestFactory(http);
        requestFactory.setReadTimeout(properties.readTimeout());
        var builder = builders.getIfAvailable(RestClient::builder)
                .requestInterceptor(loadBalancer)
                .baseUrl(properties.baseUrl())
                .requestFactory(requestFactory)
                // a client span per stock call, and its traceparent to catalog-service: one trace per order
                .observationRegistry(observations.getIfAvailable(() -> ObservationRegistry.NOOP));
        if (security.internalToken() != null && !security.internalToken().isBlank()) {
            builder.defaultHeader("X-Internal-Token", security.internalToken());
        } else {
            log.warn("No shop.security.internal-token (SHOP_INTERNAL_TOKEN): catalog-service will refuse every "
                    + "stock call and orders cannot be placed");
        }
        return builder.build();
    }
}
