package dev.shopstack.user.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.user.IntegrationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

class JwksApiTest extends IntegrationTestSupport {

    @Autowired
    SigningKeys keys;

    @Test
    void publishesThePublicSigningKeysWithoutAToken() {
        var response = mvc.get().uri("/.well-known/jwks.json").exchange();

        assertThat(response).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON);
        assertThat(response).bodyJson().extractingPath("$.keys[0].kty").isEqualTo("RSA");
        assertThat(response).bodyJson().extractingPath("$.keys[0].alg").isEqualTo("RS256");
        assertThat(response)
                .bodyJson()
                .extractingPath("$.keys[-1].kid")
                .isEqualTo(keys.active().getKeyID());
        assertThat(response).bodyText().doesNotContain("\"d\"", "\"p\"", "\"q\"");
        assertThat(response.getResponse().getHeader("Cache-Control")).contains("max-age=300");
    }

    @Test
    void theDiscoveryDocumentPointsAtTheJwks() {
        var response = mvc.get().uri("/.well-known/openid-configuration").exchange();

        assertThat(response).hasStatusOk();
        assertThat(response)
                .bodyJson()
                .extractingPath("$.jwks_uri")
                .isEqualTo("http://localhost:8080/.well-known/jwks.json");
    }
}
