package dev.shopstack.platform.docs;

import dev.shopstack.platform.caller.Caller;
import dev.shopstack.platform.security.ShopSecurityProperties;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * Every service's OpenAPI 3 document (at {@code /v3/api-docs}) names the service, declares the bearer JWT, and
 * uses the relative server "/" so "Try it out" in the gateway's Swagger UI goes through the gateway. Every error
 * response is documented as problem+json ({@link ProblemResponses}); docs/api/ holds the committed copies, which
 * Spectral lints (docs/api/spectral.yaml).
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
public class OpenApiAutoConfiguration {

    static final String BEARER = "bearer-jwt";

    static {
        // resolved from the token, not a request parameter
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI serviceOpenApi(Environment environment) {
        String name = environment.getProperty("spring.application.name", "service");
        return new OpenAPI()
                .info(new Info()
                        .title(name)
                        .version("v1")
                        .description("Shopstack " + name + ". Errors are application/problem+json (RFC 9457)."))
                .servers(List.of(new Server().url("/").description("through the gateway")))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("An access token from POST /api/auth/login")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    OpenApiCustomizer problemResponses(ObjectProvider<ShopSecurityProperties> security) {
        return new ProblemResponses(
                security.stream().flatMap(s -> s.publicPaths().stream()).toList());
    }

    @Bean
    OpenApiCustomizer requestExamples(ResourceLoader resources) {
        return new RequestExamples(resources.getClassLoader());
    }

    @Bean
    OpenApiCustomizer nullableProperties() {
        return new NullableProperties();
    }

    @Bean
    OperationCustomizer operationProblems() {
        return new OperationProblems();
    }
}
