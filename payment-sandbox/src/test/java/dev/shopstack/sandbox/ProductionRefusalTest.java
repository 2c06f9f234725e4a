package dev.shopstack.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The sandbox takes any test card: with the prod profile it refuses to start. */
class ProductionRefusalTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(ProductionGuard.class);

    @Test
    void theProdProfileStopsTheStart() {
        context.withInitializer(app -> app.getEnvironment().setActiveProfiles("prod"))
                .run(started ->
                        assertThat(started).getFailure().hasStackTraceContaining("never runs with the prod profile"));
    }

    @Test
    void otherProfilesStart() {
        context.withInitializer(app -> app.getEnvironment().setActiveProfiles("local"))
                .run(started -> assertThat(started).hasNotFailed());
    }
}
