package dev.shopstack.platform.test;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The OpenAPI document a service serves is the one committed as {@code docs/api/<service>.json} (see
 * {@link ApiDocuments}). A service's {@code ApiDocumentTest} extends its integration test base and implements this,
 * so the check runs in the service's one Spring context.
 */
public interface ApiDocumentContract {

    @Test
    default void theCommittedApiDocumentIsTheServedOne(@Autowired MockMvcTester api, @Autowired Environment env)
            throws Exception {
        String served = api.get().uri("/v3/api-docs").exchange().getResponse().getContentAsString();

        ApiDocuments.exportOrCheck(env.getRequiredProperty("spring.application.name"), served);
    }
}
