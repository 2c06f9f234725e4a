package dev.shopstack.web.auth;

import dev.shopstack.web.api.ApiException;
import dev.shopstack.web.api.GatewayClient;
import dev.shopstack.web.api.GatewayClient.As;
import dev.shopstack.web.support.Pages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** Sign-up, email verification (with resend), forgotten password and the emailed reset link. */
@Controller
public class AccountAccessController {

    /** user-service sends at most one code a minute per address (silently); the page says so instead. */
    static final Duration RESEND_COOLDOWN = Duration.ofSeconds(60);

    private static final String RESENT_AT = "shop.verification-resent";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,128}");

    private final GatewayClient api;
    private final Clock clock;

    public AccountAccessController(GatewayClient api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    @GetMapping("/sign-up")
    public String signUpForm(Model model) {
        model.addAttribute("rules", PasswordRules.check("", "", null, null));
        return "auth/sign-up";
    }

    /** The password rules, checked as the person types (htmx). */
    @PostMapping("/sign-up/password-rules")
    public String rules(
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String passwordConfirm,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String username,
            Model model) {
        model.addAttribute("rules", PasswordRules.check(limit(password), limit(passwordConfirm), email, username));
        return "auth/sign-up :: rules";
    }

    @PostMapping("/sign-up")
    public String signUp(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Map<String, String> values = new HashMap<>();
        for (String field : new String[] {"email", "username", "firstName", "lastName"}) {
            values.put(field, Pages.text(form.get(field), 254));
        }
        String password = limit(form.getOrDefault("password", ""));
        String confirm = limit(form.getOrDefault("passwordConfirm", ""));
        var rules = PasswordRules.check(password, confirm, values.get("email"), values.get("username"));
        model.addAllAttributes(values);
        model.addAttribute("rules", rules);
        if (!PasswordRules.allMet(rules)) {
            Pages.showError(
                    model, "The password does not meet every rule yet.", Map.of("password", "See the rules below."));
            return "auth/sign-up";
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", values.get("email"));
        body.put("username", values.get("username"));
        body.put("password", password);
        body.put("passwordConfirm", confirm);
        if (values.get("firstName") != null) {
            body.put("firstName", values.get("firstName"));
        }
        if (values.get("lastName") != null) {
            body.put("lastName", values.get("lastName"));
        }
        try {
            api.post("/api/auth/register", body, As.ANONYMOUS);
        } catch (ApiException e) {
            Pages.showError(
                    model,
                    e.status() == 409
                            ? "An account with this email or username already exists."
                            : e.problem().message(),
                    e.problem().fieldErrors());
            return "auth/sign-up";
        }
        Pages.notice(redirect, "Welcome! We sent a 6-digit code to " + values.get("email") + ".");
        return "redirect:"
                + UriComponentsBuilder.fromPath("/verify-email")
                        .queryParam("email", values.get("email"))
                        .encode()
                        .toUriString();
    }

    /** The emailed link lands here: {@code /verify-email?email=...}. */
    @GetMapping("/verify-email")
    public String verifyForm(@RequestParam(required = false) String email, Model model) {
        model.addAttribute("email", Pages.text(email, 254));
        return "auth/verify-email";
    }

    @PostMapping("/verify-email")
    public String verify(
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String code,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("email", Pages.text(email, 254));
        try {
            api.post("/api/auth/verify-email", Map.of("email", email.trim(), "code", code.trim()), As.ANONYMOUS);
        } catch (ApiException e) {
            Pages.showError(
                    model,
                    e.status() == 400 && e.problem().fieldErrors().isEmpty()
                            ? "That code is not right or has expired. Ask for a new one below."
                            : e.problem().message(),
                    e.problem().fieldErrors());
            return "auth/verify-email";
        }
        Pages.notice(redirect, "Your email address is verified. Please sign in.");
        return "redirect:/sign-in";
    }

    @PostMapping("/verify-email/resend")
    public String resend(@RequestParam(defaultValue = "") String email, HttpServletRequest request, Model model) {
        String address = Pages.text(email, 254);
        model.addAttribute("email", address);
        HttpSession session = request.getSession(true);
        Instant last = (Instant) session.getAttribute(RESENT_AT);
        Instant now = clock.instant();
        if (last != null && last.plus(RESEND_COOLDOWN).isAfter(now)) {
            long wait = Duration.between(now, last.plus(RESEND_COOLDOWN)).toSeconds() + 1;
            model.addAttribute("error", "A new code can be sent once a minute. Please wait " + wait + " seconds.");
            return "auth/verify-email";
        }
        try {
            api.post("/api/auth/verify-email/resend", Map.of("email", address == null ? "" : address), As.ANONYMOUS);
            session.setAttribute(RESENT_AT, now);
            model.addAttribute("notice", "If this address has an unverified account, a new code is on its way.");
        } catch (ApiException e) {
            Pages.showError(model, e);
        }
        return "auth/verify-email";
    }

    @GetMapping("/forgot-password")
    public String forgotForm() {
        return "auth/forgot-password";
    }

    @PostMapping("/forgot-password")
    public String forgot(@RequestParam(defaultValue = "") String email, Model model) {
        model.addAttribute("email", Pages.text(email, 254));
        try {
            api.post("/api/auth/password-reset", Map.of("email", email.trim()), As.ANONYMOUS);
            model.addAttribute(
                    "notice",
                    "If this address has an account, a reset link is on its way. " + "It works for 30 minutes.");
        } catch (ApiException e) {
            Pages.showError(model, e);
        }
        return "auth/forgot-password";
    }

    /** The emailed link: {@code /reset-password?token=...}. */
    @GetMapping("/reset-password")
    public String resetForm(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("token", token != null && TOKEN.matcher(token).matches() ? token : null);
        model.addAttribute("rules", PasswordRules.check("", "", null, null));
        return "auth/reset-password";
    }

    @PostMapping("/reset-password")
    public String reset(
            @RequestParam(defaultValue = "") String token,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String passwordConfirm,
            Model model,
            RedirectAttributes redirect) {
        String value = limit(password);
        var rules = PasswordRules.check(value, limit(passwordConfirm), null, null);
        model.addAttribute("token", TOKEN.matcher(token).matches() ? token : null);
        model.addAttribute("rules", rules);
        if (!PasswordRules.allMet(rules)) {
            Pages.showError(model, "The password does not meet every rule yet.", Map.of());
            return "auth/reset-password";
        }
        try {
            api.post("/api/auth/password-reset/confirm", Map.of("token", token, "newPassword", value), As.ANONYMOUS);
        } catch (ApiException e) {
            Pages.showError(
                    model,
                    e.status() == 400 && e.problem().fieldErrors().isEmpty()
                            ? "This reset link is invalid or has expired. Please ask for a new one."
                            : e.problem().message(),
                    e.problem().fieldErrors());
            return "auth/reset-password";
        }
        Pages.notice(redirect, "Your password is changed. Please sign in with the new one.");
        return "redirect:/sign-in";
    }

    private static String limit(String value) {
        return value.length() > 200 ? value.substring(0, 200) : value;
    }
}
