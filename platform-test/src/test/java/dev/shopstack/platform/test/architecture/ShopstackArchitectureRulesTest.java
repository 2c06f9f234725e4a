package dev.shopstack.platform.test.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShopstackArchitectureRulesTest {

    private final ClassFileImporter importer = new ClassFileImporter();

    @Test
    void codeThatBreaksTheRulesFailsWithEachViolationNamed() {
        var broken = importer.importPackages("dev.shopstack.platform.test.architecture.broken");

        assertThatThrownBy(() -> ShopstackArchitectureRules.check(broken))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("domain and feature code does not depend on org.springframework.web..")
                .hasMessageContaining("ReportService.refuse()")
                .hasMessageContaining("controller methods are not @Transactional")
                .hasMessageContaining("controllers do not use repositories")
                .hasMessageContaining("JdbcTemplate");
    }

    @Test
    void aControllerThatLeavesTheWorkToItsServicePasses() {
        var kept = importer.importPackages("dev.shopstack.platform.test.architecture.kept");

        assertThatCode(() -> ShopstackArchitectureRules.check(kept)).doesNotThrowAnyException();
    }

    @Test
    void frozenViolationsAreIgnoredButAFrozenClassThatKeepsTheRulesFails() {
        var broken = importer.importPackages("dev.shopstack.platform.test.architecture.broken");
        var frozen = Map.of(
                "dev.shopstack.platform.test.architecture.broken.ReportService", "issue 1: a fixture",
                "dev.shopstack.platform.test.architecture.broken.ReportController", "issue 1: a fixture");

        assertThatCode(() -> ShopstackArchitectureRules.check(broken, ShopstackArchitectureRules.ALL, frozen))
                .doesNotThrowAnyException();

        var kept = importer.importPackages("dev.shopstack.platform.test.architecture.kept");
        var stale = Map.of("dev.shopstack.platform.test.architecture.kept.ReportService", "issue 1: fixed");

        assertThatThrownBy(() -> ShopstackArchitectureRules.check(kept, ShopstackArchitectureRules.ALL, stale))
                .hasMessageContaining("kept.ReportService is frozen as a known violation but keeps the rules now");
    }
}
