package dev.shopstack.web.account;

import dev.shopstack.web.api.ApiException;
import dev.shopstack.web.api.GatewayClient;
import dev.shopstack.web.api.GatewayClient.As;
import dev.shopstack.web.auth.PasswordRules;
import dev.shopstack.web.auth.WebSessions;
import dev.shopstack.web.support.Pages;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in person's account: profile, avatar, password, email, deletion. */
@Controller
public class AccountController {

    static final int MAX_AVATAR_BYTES = 2 * 1024 * 1024;

    private final GatewayClient api;
    private final WebSessions sessions;

    public AccountController(GatewayClient api, WebSessions sessions) {
        this.api = api;
        this.sessions = sessions;
    }

    @GetMapping("/account")
    public String account(Model model) {
        if (!model.containsAttribute("profile")) {
            model.addAttribute("profile", api.get("/api/users/me", As.USER));
        }
        model.addAttribute("rules", PasswordRules.check("", "", null, null));
        return "account/profile";
    }

    @PostMapping("/account/profile")
    public String update(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : new String[] {"firstName", "lastName", "phoneNumber", "address", "username"}) {
            String value = form.get(field);
            if (value != null) {
                String trimmed = value.trim();
                body.put(field, trimmed.length() > 500 ? trimmed.substring(0, 500) : trimmed);
            }
        }
        if ("".equals(body.get("username"))) {
            body.remove("username");
        }
        return patch(body, model, redirect, "Your profile is saved.");
    }

    /** A new address must be verified again; the account service asks for the current password. */
    @PostMapping("/account/email")
    public String changeEmail(
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String currentPassword,
            Model model,
            RedirectAttributes redirect) {
        return patch(
                Map.of("email", email.trim(), "currentPassword", currentPassword),
                model,
                redirect,
                "Your email address is changed. We sent a code to the new address: please verify it.");
    }

    private String patch(Map<String, Object> body, Model model, RedirectAttributes redirect, String done) {
        try {
            api.call(HttpMethod.PATCH, "/api/users/me", body, As.USER, Map.of());
        } catch (ApiException e) {
            e.rethrowSignInAndServerErrors();
            Pages.showError(model, e);
            model.addAttribute("profile", api.get("/api/users/me", As.USER));
            model.addAttribute("rules", PasswordRules.check("", "", null, null));
            return "account/profile";
        }
        Pages.notice(redirect, done);
        return "redirect:/account";
    }

    @PostMapping("/account/password")
    public String changePassword(
            @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String passwordConfirm,
            Model model,
            RedirectAttributes redirect) {
        var rules = PasswordRules.check(password, passwordConfirm, null, null);
        if (!PasswordRules.allMet(rules)) {
            Pages.showError(model, "The new password does not meet every rule yet.", Map.of());
            model.addAttribute("profile", api.get("/api/users/me", As.USER));
            model.addAttribute("rules", rules);
            return "account/profile";
        }
        try {
            api.call(
                    HttpMethod.PUT,
                    "/api/users/me/password",
                    Map.of("currentPassword", currentPassword, "newPassword", password),
                    As.USER,
                    Map.of());
        } catch (ApiException e) {
            e.rethrowSignInAndServerErrors();
            Pages.showError(model, e);
            model.addAttribute("profile", api.get("/api/users/me", As.USER));
            model.addAttribute("rules", rules);
            return "account/profile";
        }
        Pages.notice(redirect, "Your password is changed. Your other devices are signed out.");
        return "redirect:/account";
    }

    @PostMapping("/account/avatar")
    public String avatar(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
        if (file.isEmpty() || file.getSize() > MAX_AVATAR_BYTES) {
            redirect.addFlashAttribute(
                    "error", file.isEmpty() ? "Please choose a picture." : "A picture may be at most 2 MB.");
            return "redirect:/account";
        }
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", new ByteArrayResource(file.getBytes()) {
            @Override
            public String getFilename() {
                return "avatar";
            }
        });
        return changeAvatar(HttpMethod.PUT, parts, "Your picture is saved.", redirect);
    }

    /** Removes the picture; user-service answers 204 whether or not there was one. */
    @PostMapping("/account/avatar/delete")
    public String removeAvatar(RedirectAttributes redirect) {
        return changeAvatar(HttpMethod.DELETE, null, "Your picture is removed.", redirect);
    }

    /** A 400 or 415 is user-service refusing the uploaded bytes as a picture; anything else is said as it came. */
    private String changeAvatar(HttpMethod method, Object body, String done, RedirectAttributes redirect) {
        try {
            api.call(method, "/api/users/me/avatar", body, As.USER, Map.of());
            Pages.notice(redirect, done);
        } catch (ApiException e) {
            e.rethrowSignInAndServerErrors();
            redirect.addFlashAttribute(
                    "error",
                    e.status() == 400 || e.status() == 415
                            ? "That file is not a JPEG, PNG or WebP picture."
                            : e.problem().message());
        }
        return "redirect:/account";
    }

    /** Avatars come from the gateway; served from here so the CSP's {@code img-src 'self'} holds. */
    @GetMapping("/users/{id}/avatar")
    public ResponseEntity<byte[]> avatarImage(
            @PathVariable String id, @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch) {
        UUID userId;
        try {
            userId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return ResponseEntity.notFound().build();
        }
        var image = api.getBinary(
                "/api/users/" + userId + "/avatar",
                ifNoneMatch != null && ifNoneMatch.length() <= 100 ? ifNoneMatch : null,
                MAX_AVATAR_BYTES);
        if (image == null) {
            return ResponseEntity.status(HttpStatus.FOUND)
                    .location(java.net.URI.create("/img/no-avatar.svg"))
                    .build();
        }
        // revalidated on every use (a cheap 304): a replaced or removed picture shows at once
        var cache = CacheControl.noCache().cachePrivate();
        if (image.status() == 304) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(image.etag())
                    .cacheControl(cache)
                    .build();
        }
        MediaType type = image.contentType() != null && image.contentType().startsWith("image/")
                ? MediaType.parseMediaType(image.contentType())
                : MediaType.IMAGE_PNG;
        var response = ResponseEntity.ok().contentType(type).cacheControl(cache);
        if (image.etag() != null) {
            response.eTag(image.etag());
        }
        return response.body(image.bytes());
    }

    @PostMapping("/account/delete")
    public String delete(
            @RequestParam(defaultValue = "") String password,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        try {
            api.call(HttpMethod.DELETE, "/api/users/me", Map.of("password", password), As.USER, Map.of());
        } catch (ApiException e) {
            e.rethrowSignInAndServerErrors();
            Pages.showError(model, e);
            model.addAttribute("profile", api.get("/api/users/me", As.USER));
            model.addAttribute("rules", PasswordRules.check("", "", null, null));
            return "account/profile";
        }
        sessions.signOutLocally(request);
        Pages.notice(redirect, "Your account is deleted. Goodbye!");
        return "redirect:/";
    }
}
