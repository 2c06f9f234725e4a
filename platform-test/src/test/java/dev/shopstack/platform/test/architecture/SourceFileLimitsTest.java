package dev.shopstack.platform.test.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFileLimitsTest {

    @TempDir
    Path sources;

    @Test
    void aClassOfThreeHundredLinesPassesAndOneMoreLineFails() throws IOException {
        Path file = Files.createDirectories(sources.resolve("dev/shop")).resolve("Big.java");
        Files.write(file, Collections.nCopies(300, "//"));

        assertThatCode(() -> SourceFileLimits.assertNoClassOverMaxLines(sources))
                .doesNotThrowAnyException();

        Files.write(file, Collections.nCopies(301, "//"));

        assertThatThrownBy(() -> SourceFileLimits.assertNoClassOverMaxLines(sources))
                .hasMessageContaining("No class over 300 lines")
                .hasMessageContaining("Big.java has 301 lines");
    }

    @Test
    void aMissingSourceRootIsAnErrorNotAPass() {
        assertThatThrownBy(() -> SourceFileLimits.assertNoClassOverMaxLines(sources.resolve("nowhere")))
                .hasMessageContaining("is not a directory");
    }
}
