package dev.shopstack.user.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The token signing keys, read once at start-up (never per request). The key id is the RFC 7638 thumbprint, so
 * the same key has the same {@code kid} on every replica.
 */
@Component
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final String PEM_HEADER = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_FOOTER = "-----END PRIVATE KEY-----";

    private final List<RSAKey> keys;
    private final JWKSet publicKeys;
    private final Map<String, Object> publicJwks;

    public SigningKeys(SigningKeyProperties properties, Clock clock) {
        this.keys = load(properties, clock);
        this.publicKeys = new JWKSet(new ArrayList<>(keys)).toPublicJWKSet();
        this.publicJwks = publicKeys.toJSONObject();
        log.info("Loaded {} signing key(s); active kid {}", keys.size(), active().getKeyID());
    }

    /** The key that signs new tokens. */
    public RSAKey active() {
        return keys.get(keys.size() - 1);
    }

    /** The public half of every key. */
    public JWKSet publicKeys() {
        return publicKeys;
    }

    /** The public half of every key, as a JWKS document. */
    public Map<String, Object> publicJwks() {
        return publicJwks;
    }

    private static List<RSAKey> load(SigningKeyProperties properties, Clock clock) {
        Path dir = properties.keysDir();
        if (dir == null) {
            throw new IllegalStateException("shop.jwt.keys-dir is not set: point it at the signing keys");
        }
        try {
            List<Path> files = pemFiles(dir);
            if (files.isEmpty()) {
                if (!properties.generateIfMissing()) {
                    throw new IllegalStateException("No signing key (*.pem) in " + dir.toAbsolutePath());
                }
                files = List.of(generate(dir, clock));
            }
            List<RSAKey> loaded = new ArrayList<>();
            for (Path file : files) {
                loaded.add(read(file));
            }
            return List.copyOf(loaded);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read signing keys from " + dir, e);
        }
    }

    private static List<Path> pemFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(".pem"))
                    .sorted()
                    .toList();
        }
    }

    private static RSAKey read(Path file) throws IOException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        int start = pem.indexOf(PEM_HEADER);
        int end = pem.indexOf(PEM_FOOTER);
        if (start < 0 || end < start) {
            throw new IllegalStateException(file + " is not a PKCS#8 PEM private key (" + PEM_HEADER + ")");
        }
        String base64 = pem.substring(start + PEM_HEADER.length(), end).replaceAll("\\s", "");
        try {
            var factory = KeyFactory.getInstance("RSA");
            var privateKey = (RSAPrivateCrtKey) factory.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            var publicKey = (RSAPublicKey) factory.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            RSAKey withoutId =
                    new RSAKey.Builder(publicKey).privateKey(privateKey).build();
            return new RSAKey.Builder(withoutId)
                    .keyID(withoutId.computeThumbprint().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .build();
        } catch (GeneralSecurityException | JOSEException | ClassCastException | IllegalArgumentException e) {
            throw new IllegalStateException(file + " does not hold a usable RSA private key", e);
        }
    }

    private static Path generate(Path dir, Clock clock) throws IOException {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
            String pem = PEM_HEADER + "\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pkcs8) + "\n" + PEM_FOOTER + "\n";
            Files.createDirectories(dir);
            String stamp = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
                    .withZone(ZoneOffset.UTC)
                    .format(clock.instant());
            Path file = dir.resolve("signing-" + stamp + ".pem");
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the data folder's own permissions apply
            }
            log.warn("Generated a new signing key at {} (local profile only)", file.toAbsolutePath());
            return file;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }
}
