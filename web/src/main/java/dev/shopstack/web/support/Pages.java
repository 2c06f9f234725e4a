package dev.shopstack.web.support;

import dev.shopstack.web.api.ApiException;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** Small helpers every page controller shares: API errors into the model, bounded parsing of query values. */
public final class Pages {

    private Pages() {}

    /** The error at the top of the page and the messages next to the fields. */
    public static void showError(Model model, ApiException e) {
        model.addAttribute("error", e.problem().message());
        model.addAttribute("fieldErrors", e.problem().fieldErrors());
    }

    public static void showError(Model model, String message, Map<String, String> fieldErrors) {
        model.addAttribute("error", message);
        model.addAttribute("fieldErrors", fieldErrors);
    }

    public static void flashError(RedirectAttributes redirect, ApiException e) {
        redirect.addFlashAttribute("error", e.problem().message());
    }

    public static void notice(RedirectAttributes redirect, String message) {
        redirect.addFlashAttribute("notice", message);
    }

    /** A page number from the query: bad or negative values are the first page, at most 10,000. */
    public static int page(String value) {
        try {
            int page = Integer.parseInt(value == null ? "0" : value.trim());
            return Math.max(0, Math.min(page, 10_000));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A non-negative amount, or null when absent or not a number. */
    public static BigDecimal amount(String value) {
        if (value == null || value.isBlank() || value.length() > 20) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(value.trim());
            return amount.signum() < 0 ? null : amount;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A long id from a path, or -1 (which the API answers 404 for). */
    public static long id(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Text limited to {@code max} characters, null when blank. */
    public static String text(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.length() > max ? trimmed.substring(0, max) : trimmed;
    }

    public static UriComponentsBuilder api(String path) {
        return UriComponentsBuilder.fromPath(path);
    }

    /** A query built from parameters (null values left out), encoded. */
    public static String uri(UriComponentsBuilder builder) {
        return builder.encode().build().toUriString();
    }
}
