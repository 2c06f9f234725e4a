package dev.shopstack.platform.config;

import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * What every service shares outside the web layer: the one {@link Clock} all code reads the time from (a test
 * replaces it with its own {@code Clock} bean), and scheduling, enabled here once for every {@code @Scheduled} job.
 */
@AutoConfiguration
@EnableScheduling
public class PlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
