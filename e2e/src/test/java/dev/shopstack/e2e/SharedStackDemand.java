package dev.shopstack.e2e;

import java.util.Optional;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Whether this run holds a test of the shared stack: only then do the browser tests, which run first on a stack of
 * their own, start the shared one in the background (a run of one browser test class does not start it). Registered
 * with the JUnit launcher through {@code META-INF/services}.
 */
public final class SharedStackDemand implements TestExecutionListener {

    private static volatile boolean wanted;

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        wanted = plan.getRoots().stream()
                .flatMap(root -> plan.getDescendants(root).stream())
                .map(TestIdentifier::getSource)
                .flatMap(Optional::stream)
                .anyMatch(source -> source instanceof ClassSource test
                        && StackTestSupport.class.isAssignableFrom(test.getJavaClass()));
    }

    static boolean wanted() {
        return wanted;
    }
}
