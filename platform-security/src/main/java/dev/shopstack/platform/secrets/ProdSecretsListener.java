package dev.shopstack.platform.secrets;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * In the {@code prod} profile, refuses to start when a secret the app declares ({@code shop.secrets.required.*})
 * is missing, too short or a known placeholder. Runs once the environment is complete (after every config file and
 * environment post-processor) and before any bean exists, so nothing connects anywhere with a weak secret.
 */
public class ProdSecretsListener implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    public static final String PROFILE = "prod";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        if (!environment.acceptsProfiles(Profiles.of(PROFILE))) {
            return;
        }
        Map<String, SecretRule> rules = Binder.get(environment)
                .bind("shop.secrets.required", Bindable.mapOf(String.class, SecretRule.class))
                .orElse(Map.of());
        var check = new SecretsCheck(Placeholders.fromClassPath(getClass().getClassLoader()));
        List<String> problems = check.problems(rules, environment::getProperty);
        if (!problems.isEmpty()) {
            throw new WeakSecretsException(environment.getProperty("spring.application.name", "this app"), problems);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
