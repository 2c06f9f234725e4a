package dev.shopstack.order.payment;

import dev.shopstack.platform.docs.Problems;
import dev.shopstack.platform.errors.ApiProblem;
import dev.shopstack.platform.problems.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The provider's webhooks. Public (no JWT: the provider has none); the signature over the raw body is the only
 * credential, so the body is read raw, bounded, and verified before anything is parsed or changed.
 */
@RestController
public class PaymentWebhookController {

    /** Stripe's PaymentIntent events are a few KB. */
    static final int MAX_BODY = 64 * 1024;

    private static final int MAX_SIGNATURE = 2_000;
    private static final Logger log = LoggerFactory.getLogger(PaymentWebhookController.class);

    private final PaymentProvider provider;
    private final CardPaymentWebhooks webhooks;
    private final RefundWebhooks refunds;

    public PaymentWebhookController(PaymentProvider provider, CardPaymentWebhooks webhooks, RefundWebhooks refunds) {
        this.provider = provider;
        this.webhooks = webhooks;
        this.refunds = refunds;
    }

    /** 200 once applied or already applied; the provider retries anything else. */
    @Operation(
            operationId = "receivePaymentWebhook",
            summary = "The payment provider's webhook, authenticated by its signature, not a token")
    @Problems({ProblemType.WEBHOOK_SIGNATURE_INVALID, ProblemType.WEBHOOK_ORDER_UNKNOWN})
    @PostMapping("/api/payments/webhook")
    public Map<String, Object> receive(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY) {
            throw tooLarge();
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1); // a chunked body has no length: stop one byte past the limit
        }
        if (body.length > MAX_BODY) {
            throw tooLarge();
        }
        String signature = request.getHeader(provider.signatureHeader());
        if (signature == null || signature.isBlank() || signature.length() > MAX_SIGNATURE) {
            throw invalid("The " + provider.signatureHeader() + " header is missing.");
        }
        PaymentProvider.Event event;
        try {
            event = provider.verify(new String(body, StandardCharsets.UTF_8), signature);
        } catch (InvalidWebhookException e) {
            log.warn("Refused a payment webhook from {}: {}", request.getRemoteAddr(), e.getMessage());
            throw invalid(e.getMessage());
        }
        var outcome = event.kind() == PaymentProvider.Event.Kind.REFUNDED
                ? refunds.chargeRefunded(event)
                : webhooks.handle(event);
        return Map.of("received", true, "event", event.id(), "outcome", outcome.name());
    }

    private static ApiProblem invalid(String detail) {
        return ApiProblem.of(ProblemType.WEBHOOK_SIGNATURE_INVALID, detail);
    }

    private static ApiProblem tooLarge() {
        return ApiProblem.of(ProblemType.CONTENT_TOO_LARGE, "A webhook body is at most " + MAX_BODY / 1024 + " KB.");
    }
}
