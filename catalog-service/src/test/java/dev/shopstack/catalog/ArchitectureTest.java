package dev.shopstack.catalog;

import dev.shopstack.platform.test.architecture.ShopstackArchitectureRules;
import dev.shopstack.platform.test.architecture.SourceFileLimits;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared architecture rules (docs/architecture.md), applied to this service's production code. */
class ArchitectureTest {

    @Test
    void keepsTheArchitectureRules() {
        ShopstackArchitectureRules.check(
                ShopstackArchitectureRules.importMain("dev.shopstack.catalog"),
                ShopstackArchitectureRules.ALL,
                Map.of());
    }

    @Test
    void hasNoClassOverThreeHundredLines() {
        SourceFileLimits.assertNoClassOverMaxLines(Path.of("src/main/java"));
    }
}
