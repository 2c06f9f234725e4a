package dev.shopstack.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OrphansTest {

    @Test
    void aMarkerMatchesOnlyAsAWholeArgument() {
        List<String> markers = List.of("-Dshopstack.stack=/work/.local", "--config.file=/work/.local/prometheus/p.yml");

        assertThat(Orphans.matches("java -Dshopstack.stack=/work/.local -jar a.jar", markers))
                .isTrue();
        assertThat(Orphans.matches("/usr/bin/prometheus --config.file=/work/.local/prometheus/p.yml", markers))
                .isTrue();
        assertThat(Orphans.matches("java -Dshopstack.stack=/work/.local-2 -jar a.jar", markers))
                .isFalse();
        assertThat(Orphans.matches("java -jar a.jar", markers)).isFalse();
    }
}
