package dev.shopstack.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.platform.config.PlatformAutoConfiguration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Two replicas (two Spring contexts with the platform's auto-configuration) scheduling the same job every 20 ms on
 * one database: the job body runs once per its one-second lock, on one replica at a time, and when one replica
 * stops the other carries on.
 */
class JobsOnceAcrossReplicasTest {

    record Run(String replica, long at) {}

    static final List<Run> RUNS = new CopyOnWriteArrayList<>();

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({
        DataSourceAutoConfiguration.class,
        PlatformAutoConfiguration.class,
        JobLockAutoConfiguration.class
    })
    static class Replica {

        @Bean
        Job job(@Value("${replica}") String replica) {
            return new Job(replica);
        }
    }

    static class Job {

        private final String replica;

        Job(String replica) {
            this.replica = replica;
        }

        @Scheduled(fixedDelay = 20)
        @SchedulerLock(name = "test.counting-job", lockAtMostFor = "PT10S", lockAtLeastFor = "PT1S")
        public void run() {
            RUNS.add(new Run(replica, System.nanoTime()));
        }
    }

    @Test
    void twoReplicasRunALockedJobOncePerIntervalAndTheSurvivorTakesOver() throws Exception {
        String url = "jdbc:h2:mem:jobs-" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
        // the services' Flyway migrations create the same table
        try (Connection db = DriverManager.getConnection(url, "sa", "");
                Statement ddl = db.createStatement()) {
            ddl.execute("CREATE TABLE shedlock (name VARCHAR(64) NOT NULL, lock_until TIMESTAMP(3) NOT NULL, "
                    + "locked_at TIMESTAMP(3) NOT NULL, locked_by VARCHAR(255) NOT NULL, PRIMARY KEY (name))");
        }
        ConfigurableApplicationContext a = start(url, "a");
        long aStopped;
        try (ConfigurableApplicationContext b = start(url, "b")) {
            Thread.sleep(3_500);
            a.close();
            aStopped = System.nanoTime();
            Thread.sleep(2_500);
        }
        long end = System.nanoTime();

        List<Run> runs = List.copyOf(RUNS);
        System.out.println("job runs: " + runs.stream().map(Run::replica).toList());
        // 6 s of 20 ms schedules on two replicas would be hundreds of runs unlocked; locked, one per second
        long seconds = Duration.ofNanos(end - runs.get(0).at()).toSeconds();
        assertThat(runs).hasSizeBetween((int) seconds - 1, (int) seconds + 1);
        // the lock holds for 1 s from when it is taken; the body that notes the time runs a moment after that, a
        // moment a busy machine can stretch to a few hundred milliseconds; unlocked, two runs would be 20 ms apart
        for (int i = 1; i < runs.size(); i++) {
            assertThat(Duration.ofNanos(runs.get(i).at() - runs.get(i - 1).at()))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(500));
        }
        assertThat(runs.stream().filter(run -> run.at() > aStopped).map(Run::replica))
                .as("runs once a stopped")
                .hasSizeGreaterThanOrEqualTo(2)
                .containsOnly("b");
    }

    private static ConfigurableApplicationContext start(String url, String replica) {
        return new SpringApplicationBuilder(Replica.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=sa",
                        "--replica=" + replica,
                        "--spring.main.banner-mode=off",
                        "--eureka.client.enabled=false",
                        "--spring.cloud.discovery.enabled=false");
    }
}
