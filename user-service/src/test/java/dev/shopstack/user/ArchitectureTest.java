package dev.shopstack.user;

import dev.shopstack.platform.test.architecture.ShopstackArchitectureRules;
import dev.shopstack.platform.test.architecture.SourceFileLimits;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared architecture rules (docs/architecture.md), applied to this service's production code. */
class ArchitectureTest {

    /** Known violations, too big to fix in passing; each names the issue that removes it. */
    private static final Map<String, String> FROZEN = Map.of(
            "dev.shopstack.user.lockout.ClientAddress",
                    "issue 21: built from the HttpServletRequest; the web layer should pass the address",
            "dev.shopstack.user.profile.AvatarController",
                    "issue 21: uses AvatarStore (a @Repository) directly; needs an avatar service");

    @Test
    void keepsTheArchitectureRules() {
        ShopstackArchitectureRules.check(
                ShopstackArchitectureRules.importMain("dev.shopstack.user"), ShopstackArchitectureRules.ALL, FROZEN);
    }

    @Test
    void hasNoClassOverThreeHundredLines() {
        SourceFileLimits.assertNoClassOverMaxLines(Path.of("src/main/java"));
    }
}
