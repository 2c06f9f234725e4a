package dev.shopstack.user.token;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Publishes the public signing keys, and a minimal discovery document pointing at them. */
@RestController
public class JwksController {

    private final SigningKeys keys;
    private final Map<String, Object> openidConfiguration;

    public JwksController(SigningKeys keys, SigningKeyProperties properties) {
        this.keys = keys;
        String issuer = properties.issuer();
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("issuer", issuer);
        configuration.put("jwks_uri", issuer + "/.well-known/jwks.json");
        configuration.put("token_endpoint", issuer + "/api/auth/login");
        configuration.put("id_token_signing_alg_values_supported", List.of("RS256"));
        configuration.put("subject_types_supported", List.of("public"));
        configuration.put("response_types_supported", List.of("token"));
        this.openidConfiguration = Map.copyOf(configuration);
    }

    @Operation(operationId = "getSigningKeys", summary = "The public keys that verify access tokens (JWKS)")
    @GetMapping("/.well-known/jwks.json")
    public ResponseEntity<Map<String, Object>> jwks() {
        // short enough that a rotated-in key is seen quickly; resource servers refetch on an unknown kid anyway
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(keys.publicJwks());
    }

    @Operation(operationId = "getOpenIdConfiguration", summary = "The issuer's discovery document")
    @GetMapping("/.well-known/openid-configuration")
    public ResponseEntity<Map<String, Object>> openidConfiguration() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(openidConfiguration);
    }
}
