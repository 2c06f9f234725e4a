package dev.shopstack.platform.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/errors.md is the catalogue clients read: it must list exactly the types the code answers with. */
class ProblemCatalogueDocTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([a-z-]+)` \\| (\\d{3}) \\|", Pattern.MULTILINE);

    @Test
    void everyTypeIsDocumentedWithItsStatusAndNothingElseIs() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "errors.md"));
        Set<String> documented = new HashSet<>();
        Matcher row = ROW.matcher(doc);
        while (row.find()) {
            documented.add(row.group(1) + " " + row.group(2));
        }
        Set<String> coded = new HashSet<>();
        Arrays.stream(ProblemType.values()).forEach(type -> coded.add(type.slug() + " " + type.status()));

        assertThat(documented).containsExactlyInAnyOrderElementsOf(coded);
    }

    @Test
    void slugsAreUniqueAndEveryGenericTypeMatchesItsStatus() {
        assertThat(Arrays.stream(ProblemType.values()).map(ProblemType::slug).distinct())
                .hasSize(ProblemType.values().length);
        for (int status : new int[] {400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503, 504}) {
            assertThat(ProblemType.forStatus(status).status()).isEqualTo(status);
        }
        assertThat(ProblemType.forStatus(418)).isEqualTo(ProblemType.REQUEST_REJECTED);
        assertThat(ProblemType.forStatus(500)).isEqualTo(ProblemType.INTERNAL_ERROR);
        assertThat(ProblemType.NOT_FOUND.uri().toString()).isEqualTo("https://shopstack.dev/problems/not-found");
    }
}
