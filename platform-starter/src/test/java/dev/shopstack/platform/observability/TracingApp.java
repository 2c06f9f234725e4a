package dev.shopstack.platform.observability;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration;
import org.springframework.boot.micrometer.tracing.brave.autoconfigure.zipkin.ZipkinWithBraveTracingAutoConfiguration;
import org.springframework.boot.zipkin.autoconfigure.ZipkinAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * A Spring Boot application with the platform's tracing parts only (the platform defaults and the Zipkin switch
 * come from spring.factories, as in every service), started like a service so logging and tracing are the real
 * ones, not a test slice's.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({
    BraveAutoConfiguration.class,
    ZipkinAutoConfiguration.class,
    ZipkinWithBraveTracingAutoConfiguration.class
})
class TracingApp {

    /** @param properties {@code name=value}, given as command-line arguments (above the platform defaults) */
    static ConfigurableApplicationContext run(String... properties) {
        List<String> args = new ArrayList<>(
                List.of("--spring.application.name=tracing-app", "--management.tracing.sampling.probability=1.0"));
        Arrays.stream(properties).map(p -> "--" + p).forEach(args::add);
        return new SpringApplicationBuilder(TracingApp.class)
                .web(WebApplicationType.NONE)
                .run(args.toArray(String[]::new));
    }

    /** Logs {@code message} inside a new span and answers the span. */
    static Span logInSpan(ConfigurableApplicationContext context, String message) {
        Tracer tracer = context.getBean(Tracer.class);
        Span span = tracer.nextSpan().name("place-order").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            LoggerFactory.getLogger(TracingApp.class).info(message);
        } finally {
            span.end();
        }
        return span;
    }
}
