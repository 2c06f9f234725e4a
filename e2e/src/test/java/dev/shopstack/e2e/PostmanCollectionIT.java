package dev.shopstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Postman collection API users download (docs/api, generated from the OpenAPI documents) works: newman runs its
 * journey folder against the stack, and every step must answer its documented status, content type and schema. Newman
 * is the npm package deploy/validate installs; without it the test is skipped, or fails when
 * {@code -Dshop.newman=required} (CI).
 */
class PostmanCollectionIT extends StackTestSupport {

    private static final Path ROOT =
            Path.of(System.getProperty("shop.root", "..")).toAbsolutePath();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path NEWMAN = ROOT.resolve("deploy/.validate/node_modules/.bin/newman");

    @Test
    void theCollectionsJourneyRunsGreenAgainstTheStack() throws Exception {
        requireNewman();
        Path console = Files.createTempFile("newman", ".txt");
        Path summary = Files.createTempFile("newman", ".json");
        Process newman = new ProcessBuilder(List.of(
                        NEWMAN.toString(),
                        "run",
                        ROOT.resolve("docs/api/shopstack.postman_collection.json")
                                .toString(),
                        "--folder",
                        "Journey",
                        "--env-var",
                        "baseUrl=" + stack.gateway(),
                        "--reporters",
                        "cli,json",
                        "--reporter-json-export",
                        summary.toString(),
                        "--color",
                        "off",
                        "--timeout-request",
                        "15000"))
                .redirectErrorStream(true)
                .redirectOutput(console.toFile())
                .start();
        boolean finished = newman.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
            newman.destroyForcibly();
        }
        String output = Files.readString(console, StandardCharsets.UTF_8);
        assertThat(finished).as("newman finished within 3 minutes:%n%s", output).isTrue();
        assertThat(newman.exitValue()).as("newman's exit status:%n%s", output).isZero();

        JsonNode stats = JSON.readTree(summary.toFile()).path("run").path("stats");
        Files.delete(console);
        Files.delete(summary);
        int steps = JSON.readTree(ROOT.resolve("docs/api/postman-journey.json").toFile())
                .path("steps")
                .size();
        assertThat(stats.path("requests").path("total").asInt())
                .as("one request per step, and the retries of a step that waits")
                .isGreaterThanOrEqualTo(steps);
        assertThat(stats.path("requests").path("failed").asInt()).isZero();
        assertThat(stats.path("assertions").path("failed").asInt()).isZero();
        assertThat(stats.path("assertions").path("total").asInt())
                .as("status, content type and schema of every step")
                .isGreaterThanOrEqualTo(3 * steps - 3);
    }

    private static void requireNewman() {
        if (Files.isExecutable(NEWMAN)) {
            return;
        }
        String missing = "newman is not installed at " + NEWMAN + ": deploy/validate installs it (npm ci in "
                + "deploy/.validate; needs Node.js)";
        if ("required".equals(System.getProperty("shop.newman"))) {
            throw new AssertionError(missing);
        }
        Assumptions.abort(missing);
    }
}
