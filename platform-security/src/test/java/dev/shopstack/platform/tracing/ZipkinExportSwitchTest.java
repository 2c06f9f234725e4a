package dev.shopstack.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ZipkinExportSwitchTest {

    private final ZipkinExportSwitch exportSwitch = new ZipkinExportSwitch();

    @Test
    void withoutAnEndpointNoSpansAreExported() {
        MockEnvironment environment = new MockEnvironment().withProperty(ZipkinExportSwitch.ENDPOINT, "");
        exportSwitch.postProcessEnvironment(environment, null);
        assertThat(environment.getProperty(ZipkinExportSwitch.ENABLED)).isEqualTo("false");
    }

    @Test
    void aNamedCollectorReceivesTheSpans() {
        MockEnvironment environment =
                new MockEnvironment().withProperty(ZipkinExportSwitch.ENDPOINT, "http://zipkin:9411/api/v2/spans");
        exportSwitch.postProcessEnvironment(environment, null);
        assertThat(environment.getProperty(ZipkinExportSwitch.ENABLED)).isNull();
    }

    @Test
    void anExplicitSettingWins() {
        MockEnvironment environment = new MockEnvironment().withProperty(ZipkinExportSwitch.ENABLED, "true");
        exportSwitch.postProcessEnvironment(environment, null);
        assertThat(environment.getProperty(ZipkinExportSwitch.ENABLED)).isEqualTo("true");
    }
}
