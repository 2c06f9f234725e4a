package dev.shopstack.platform.jobs;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduled jobs that must run once per interval across replicas: a method with {@code @Scheduled} and
 * {@code @SchedulerLock(name = …)} runs only on the replica that holds the named row of the service's
 * {@code shedlock} table (platform-starter's {@code db/shopstack/shedlock} migrations). Lease times are the
 * database's, so replica clock skew does not matter; a killed holder's lock runs out after its
 * {@code lockAtMostFor}. Jobs without {@code @SchedulerLock} run on every replica as before.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"
        })
@ConditionalOnClass({LockProvider.class, JdbcTemplate.class})
@ConditionalOnBean(DataSource.class)
// a job whose annotation forgets lockAtMostFor is freed 10 minutes after its holder died
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
public class JobLockAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }
}
