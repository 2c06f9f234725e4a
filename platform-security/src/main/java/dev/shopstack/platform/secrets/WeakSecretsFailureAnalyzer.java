package dev.shopstack.platform.secrets;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the weak secrets as the start-up failure, without a stack trace. */
public class WeakSecretsFailureAnalyzer extends AbstractFailureAnalyzer<WeakSecretsException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, WeakSecretsException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Set each variable named above to a value of its own (for example `openssl rand -base64 32`); "
                        + "docs/security.md lists what prod needs.",
                cause);
    }
}
