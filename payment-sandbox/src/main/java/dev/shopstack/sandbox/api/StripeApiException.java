package dev.shopstack.sandbox.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answered in Stripe's envelope, {@code {"error": {"type", "code", "message", "param", ...}}}, with the HTTP
 * status Stripe uses for it; stripe-java picks its exception class from that status and {@code type}.
 */
public class StripeApiException extends RuntimeException {

    private final int status;
    private final String type;
    private final String code;
    private final String param;
    private final Map<String, Object> extra = new LinkedHashMap<>();

    public StripeApiException(int status, String type, String code, String param, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
    }

    public static StripeApiException invalid(String param, String code, String message) {
        return new StripeApiException(400, "invalid_request_error", code, param, message);
    }

    public static StripeApiException missing(String param) {
        return invalid(param, "parameter_missing", "Missing required param: " + param + ".");
    }

    public static StripeApiException unknownParameter(String param) {
        return invalid(param, "parameter_unknown", "Received unknown parameter: " + param);
    }

    public static StripeApiException notFound(String param, String kind, String id) {
        return new StripeApiException(
                404,
                "invalid_request_error",
                "resource_missing",
                param,
                "No such " + kind + ": '" + Ids.printable(id) + "'");
    }

    public static StripeApiException unexpectedState(String message) {
        return invalid(null, "payment_intent_unexpected_state", message);
    }

    /** The same error answered as 400, as Stripe does for an unknown id given as a parameter, not in the path. */
    public StripeApiException withStatus400() {
        StripeApiException copy = new StripeApiException(400, type, code, param, getMessage());
        copy.extra.putAll(extra);
        return copy;
    }

    /** Adds a field beside the standard ones ({@code decline_code}, {@code charge}, {@code payment_intent}...). */
    public StripeApiException with(String field, Object value) {
        extra.put(field, value);
        return this;
    }

    public int status() {
        return status;
    }

    /** The body Stripe answers: the envelope with {@code type}, {@code code}, {@code message}, {@code param}. */
    public Map<String, Object> body() {
        Map<String, Object> error = new LinkedHashMap<>();
        if (code != null) {
            error.put("code", code);
            error.put("doc_url", "https://stripe.com/docs/error-codes/" + code.replace('_', '-'));
        }
        error.putAll(extra);
        error.put("message", getMessage());
        if (param != null) {
            error.put("param", param);
        }
        error.put("type", type);
        return Map.of("error", error);
    }
}
