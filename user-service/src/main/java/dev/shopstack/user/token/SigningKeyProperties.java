package dev.shopstack.user.token;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the token signing keys live.
 *
 * @param keysDir a directory of PKCS#8 PEM RSA private keys ({@code *.pem}). All are published in the JWKS; the
 *     last by file name signs new tokens, so rotating is: add a newer file, restart, remove the old one once its
 *     tokens have expired. In Kubernetes this is a mounted Secret.
 * @param generateIfMissing create a key when the directory has none: the local profile only, so a laptop run needs
 *     no setup and restarts keep tokens valid; elsewhere a missing key is a start-up error.
 * @param issuer the {@code iss} of every token, which the resource servers check
 */
@ConfigurationProperties("shop.jwt")
public record SigningKeyProperties(
        Path keysDir,
        @DefaultValue("false") boolean generateIfMissing,
        @DefaultValue("http://localhost:8080") String issuer) {}
