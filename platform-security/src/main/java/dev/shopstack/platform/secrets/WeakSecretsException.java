package dev.shopstack.platform.secrets;

import java.util.List;

/** The {@code prod} profile found secrets that are missing, too short or published placeholders. */
public class WeakSecretsException extends IllegalStateException {

    private final List<String> problems;

    public WeakSecretsException(String application, List<String> problems) {
        super(application + " refuses to start in the prod profile: " + problems.size()
                + (problems.size() == 1 ? " secret is" : " secrets are") + " not set properly:\n  - "
                + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
