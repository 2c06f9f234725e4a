package dev.shopstack.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services' OpenAPI documents as committed in {@code docs/api/}, where API users and the Spectral lint read
 * them. {@link ApiDocumentContract} hands over the document a service serves: a changed API rewrites the committed
 * copy, so the change is committed with the code; in CI ({@code CI=true}) a stale copy fails instead.
 */
public final class ApiDocuments {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private ApiDocuments() {}

    /** Writes or, in CI, compares {@code docs/api/<service>.json}; keys sorted, so a diff shows only what changed. */
    public static void exportOrCheck(String service, String servedDocument) {
        String document = JSON.writeValueAsString(JSON.readValue(servedDocument, Map.class)) + "\n";
        Path committed = directory().resolve(service + ".json");
        String before = read(committed);
        if (document.equals(before)) {
            return;
        }
        boolean ci = "true".equals(System.getenv("CI"));
        assertThat(ci)
                .as("%s is stale: run the module's tests without CI=true and commit the rewritten file", committed)
                .isFalse();
        write(committed, document);
    }

    private static Path directory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("docs"))) {
                return dir.resolve("docs/api");
            }
        }
        throw new IllegalStateException(
                "no repository root (mvnw and docs/) above " + Path.of("").toAbsolutePath());
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
