package dev.shopstack.platform.tracing;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Sends spans to Zipkin only where a collector is named. Spring Boot's Zipkin export is on by default and aims at
 * {@code http://localhost:9411}: without a collector every process would log failed span uploads. When
 * {@code management.tracing.export.zipkin.endpoint} is empty (each app maps it to {@code ZIPKIN_URL}) this adds
 * {@code management.tracing.export.zipkin.enabled=false} with the lowest precedence; an explicit setting wins.
 * Runs after the config files and the platform defaults are loaded.
 */
public class ZipkinExportSwitch implements EnvironmentPostProcessor, Ordered {

    static final String ENDPOINT = "management.tracing.export.zipkin.endpoint";
    static final String ENABLED = "management.tracing.export.zipkin.enabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!StringUtils.hasText(environment.getProperty(ENDPOINT))) {
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource("shopstackZipkinOff", Map.of(ENABLED, "false")));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
