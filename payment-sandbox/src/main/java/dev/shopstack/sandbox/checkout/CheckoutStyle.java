package dev.shopstack.sandbox.checkout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The card page's only style sheet, inlined into the page and allowed by its hash in the CSP: no external asset,
 * no {@code 'unsafe-inline'}.
 */
@Component
public class CheckoutStyle {

    private final String css;
    private final String hash;

    public CheckoutStyle() {
        try (InputStream in = new ClassPathResource("checkout/checkout.css").getInputStream()) {
            this.css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            this.hash = "'sha256-"
                    + Base64.getEncoder()
                            .encodeToString(
                                    MessageDigest.getInstance("SHA-256").digest(css.getBytes(StandardCharsets.UTF_8)))
                    + "'";
        } catch (IOException e) {
            throw new UncheckedIOException("checkout/checkout.css is missing from the jar", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    public String css() {
        return css;
    }

    /** The CSP source that allows exactly this style sheet. */
    public String cspSource() {
        return hash;
    }
}
