package dev.shopstack.web.auth;

import dev.shopstack.web.api.ApiException;
import dev.shopstack.web.api.GatewayClient;
import dev.shopstack.web.api.GatewayClient.As;
import dev.shopstack.web.api.SignedOutException;
import dev.shopstack.web.api.TokenRefresher;
import dev.shopstack.web.api.Tokens;
import dev.shopstack.web.support.Pages;
import dev.shopstack.web.support.SecurityConfiguration;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/** Sign in, sign out, and sign out everywhere. */
@Controller
public class SignInController {

    private final GatewayClient api;
    private final TokenRefresher tokens;
    private final WebSessions sessions;
    private final HttpSessionRequestCache savedRequests = SecurityConfiguration.savedPages();

    public SignInController(GatewayClient api, TokenRefresher tokens, WebSessions sessions) {
        this.api = api;
        this.tokens = tokens;
        this.sessions = sessions;
    }

    @GetMapping("/sign-in")
    public String form() {
        return "auth/sign-in";
    }

    @PostMapping("/sign-in")
    public String signIn(
            @RequestParam(defaultValue = "") String login,
            @RequestParam(defaultValue = "") String password,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("login", Pages.text(login, 254));
        if (login.isBlank() || password.isEmpty() || login.length() > 254 || password.length() > 128) {
            Pages.showError(model, "Please enter your email or username and your password.", Map.of());
            return "auth/sign-in";
        }
        Tokens signedIn;
        JsonNode profile;
        try {
            signedIn = tokens.fromLogin(
                    api.post("/api/auth/login", Map.of("login", login.trim(), "password", password), As.ANONYMOUS));
            profile = profile(signedIn.accessToken(), request);
        } catch (ApiException e) {
            if (e.status() == 403 && e.problem().is("email-not-verified")) {
                redirect.addFlashAttribute(
                        "notice", "Please verify your email address first: enter the code we sent you.");
                return "redirect:"
                        + UriComponentsBuilder.fromPath("/verify-email")
                                .queryParam("email", login.contains("@") ? login.trim() : null)
                                .encode()
                                .toUriString();
            }
            model.addAttribute(
                    "error",
                    e.status() == 401
                            ? "The email/username or password is wrong."
                            : e.problem().message());
            response.setStatus(e.status() == 429 ? 429 : 200);
            return "auth/sign-in";
        }
        Set<String> roles = new HashSet<>();
        profile.path("roles").forEach(role -> roles.add(role.asString()));
        var user = new SignedInUser(
                profile.path("id").asString(),
                profile.path("username").asString(),
                profile.path("email").asString(),
                Set.copyOf(roles));
        SavedRequest saved = savedRequests.getRequest(request, response);
        savedRequests.removeRequest(request, response);
        sessions.signIn(user, signedIn, request, response);
        return "redirect:" + localTarget(saved);
    }

    /** Back to the page that asked for sign-in, on this site only (an emailed order link, the checkout...). */
    private static String localTarget(SavedRequest saved) {
        if (saved == null || !"GET".equals(saved.getMethod())) {
            return "/";
        }
        URI uri = URI.create(saved.getRedirectUrl());
        String path = uri.getRawPath();
        if (path == null || !path.startsWith("/") || path.startsWith("//")) {
            return "/";
        }
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    private JsonNode profile(String accessToken, HttpServletRequest request) {
        // the tokens are not in the session yet: this one call carries the new access token itself
        return api.call(
                        HttpMethod.GET,
                        "/api/users/me",
                        null,
                        As.ANONYMOUS,
                        Map.of(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken))
                .body();
    }

    @PostMapping("/sign-out")
    public String signOut(HttpServletRequest request, RedirectAttributes redirect) {
        return end(request, redirect, false);
    }

    @PostMapping("/sign-out-everywhere")
    public String signOutEverywhere(HttpServletRequest request, RedirectAttributes redirect) {
        return end(request, redirect, true);
    }

    private String end(HttpServletRequest request, RedirectAttributes redirect, boolean everywhere) {
        Tokens current = WebSessions.tokens(request);
        if (current != null) {
            try {
                api.post(
                        "/api/auth/logout",
                        Map.of("refreshToken", current.refreshToken(), "allSessions", everywhere),
                        As.ANONYMOUS);
            } catch (ApiException | SignedOutException e) {
                // the session is over on this side either way
            }
        }
        sessions.signOutLocally(request);
        Pages.notice(redirect, everywhere ? "You are signed out on every device." : "You are signed out.");
        return "redirect:/";
    }
}
