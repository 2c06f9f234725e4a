package dev.shopstack.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Class paths and jar paths that Maven recorded at build time (the broker, the mail catcher, Zipkin). */
final class Classpaths {

    private Classpaths() {}

    static String of(String resource) {
        try (InputStream in = Classpaths.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing: build local-stack with Maven first");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
