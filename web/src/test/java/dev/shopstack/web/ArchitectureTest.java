package dev.shopstack.web;

import dev.shopstack.platform.test.architecture.ShopstackArchitectureRules;
import dev.shopstack.platform.test.architecture.SourceFileLimits;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shared architecture rules (docs/architecture.md), applied to this module's production code. It is an HTTP edge
 * throughout, with no domain code to keep free of HTTP types: the controller rules apply.
 */
class ArchitectureTest {

    @Test
    void keepsTheArchitectureRules() {
        ShopstackArchitectureRules.check(
                ShopstackArchitectureRules.importMain("dev.shopstack.web"),
                ShopstackArchitectureRules.CONTROLLER_RULES,
                Map.of());
    }

    @Test
    void hasNoClassOverThreeHundredLines() {
        SourceFileLimits.assertNoClassOverMaxLines(Path.of("src/main/java"));
    }
}
