package dev.shopstack.web.api;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * An error answer of the API (RFC 9457 problem+json), reduced to what a page shows: words, never JSON.
 *
 * @param status the HTTP status
 * @param type the problem type's last path segment (e.g. {@code out-of-stock}), or empty
 * @param detail the API's explanation for a person, or null
 * @param fieldErrors messages per request field
 * @param retryAfter for 429 and 503: how long to wait, or null
 */
public record ApiProblem(int status, String type, String detail, Map<String, String> fieldErrors, Duration retryAfter) {

    static final int MAX_DETAIL = 300;

    /** From an answer's status, body (maybe not JSON at all) and Retry-After header. */
    public static ApiProblem of(int status, JsonNode body, String retryAfterHeader) {
        String type = "";
        String detail = null;
        Map<String, String> fields = new LinkedHashMap<>();
        if (body != null && body.isObject()) {
            String typeUri = body.path("type").asString("");
            type = typeUri.contains("/") ? typeUri.substring(typeUri.lastIndexOf('/') + 1) : "";
            detail = body.path("detail").isString() ? body.path("detail").asString() : null;
            for (JsonNode error : body.path("errors")) {
                String field = error.path("field").asString("");
                String message = error.path("message").asString("");
                if (!field.isEmpty() && !message.isEmpty() && fields.size() < 50) {
                    fields.putIfAbsent(leaf(field), bounded(message));
                }
            }
        }
        return new ApiProblem(
                status,
                type,
                detail == null ? null : bounded(detail),
                Map.copyOf(fields),
                retryAfter(retryAfterHeader));
    }

    /** {@code shippingAddress.city} is the form's {@code city}. */
    private static String leaf(String field) {
        return field.contains(".") ? field.substring(field.lastIndexOf('.') + 1) : field;
    }

    private static String bounded(String text) {
        return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "…" : text;
    }

    static Duration retryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return seconds >= 0 && seconds < 86_400 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** What the page says at the top. */
    public String message() {
        return switch (status) {
            case 429 -> "Too many attempts. Please try again in " + waitInWords() + ".";
            case 401 -> detail != null ? detail : "Please sign in again.";
            case 403 -> detail != null ? detail : "You are not allowed to do that.";
            case 404 -> detail != null ? detail : "That does not exist (any more).";
            case 413 -> "That file is too large.";
            case 502, 503, 504 ->
                "The shop cannot answer right now. Please try again in "
                        + (retryAfter != null ? waitInWords() : "a moment") + ".";
            default ->
                status >= 500
                        ? "Something went wrong on our side. Please try again."
                        : !fieldErrors.isEmpty()
                                ? "Please correct the marked fields."
                                : detail != null ? detail : "The request could not be completed.";
        };
    }

    public String waitInWords() {
        long seconds = retryAfter == null ? 60 : Math.max(1, retryAfter.toSeconds());
        return seconds < 120 ? seconds + (seconds == 1 ? " second" : " seconds") : (seconds + 59) / 60 + " minutes";
    }

    public boolean is(String problemType) {
        return type.equals(problemType);
    }

    public List<String> fieldNames() {
        return List.copyOf(fieldErrors.keySet());
    }
}
