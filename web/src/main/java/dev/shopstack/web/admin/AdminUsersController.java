package dev.shopstack.web.admin;

import dev.shopstack.web.api.ApiException;
import dev.shopstack.web.api.GatewayClient;
import dev.shopstack.web.api.GatewayClient.As;
import dev.shopstack.web.support.Pages;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/** Admin console: users (search, lock/unlock, roles, details) and the email delivery log. */
@Controller
public class AdminUsersController {

    static final Set<String> DELIVERY_STATUSES = Set.of("PENDING", "SENT", "FAILED", "SKIPPED");

    private final GatewayClient api;

    public AdminUsersController(GatewayClient api) {
        this.api = api;
    }

    @GetMapping("/admin")
    public String home() {
        return "redirect:/admin/users";
    }

    @GetMapping("/admin/users")
    public String users(
            @RequestParam(required = false) String q, @RequestParam(required = false) String page, Model model) {
        String query = Pages.text(q, 254);
        var uri = Pages.api("/api/users").queryParam("size", 20).queryParam("page", Pages.page(page));
        if (query != null) {
            uri.queryParam("q", query);
        }
        JsonNode users = api.get(Pages.uri(uri), As.USER);
        model.addAttribute("q", query);
        model.addAttribute("users", users.path("content"));
        model.addAttribute("pageInfo", users.path("page"));
        return "admin/users";
    }

    @GetMapping("/admin/users/{id}")
    public String user(@PathVariable String id, Model model) {
        model.addAttribute("user", api.get("/api/users/" + uuid(id), As.USER));
        return "admin/user";
    }

    /** Lock or unlock (a lock ends the user's sessions). From the list via htmx: the row comes back. */
    @PostMapping("/admin/users/{id}/lock")
    public String lock(
            @PathVariable String id,
            @RequestParam(defaultValue = "true") boolean locked,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        return update(
                id,
                Map.of("locked", locked),
                locked ? "The account is locked." : "The account is unlocked.",
                request,
                model,
                redirect);
    }

    @PostMapping("/admin/users/{id}/roles")
    public String roles(
            @PathVariable String id,
            @RequestParam(defaultValue = "false") boolean admin,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        List<String> roles = admin ? List.of("CUSTOMER", "ADMIN") : List.of("CUSTOMER");
        return update(id, Map.of("roles", roles), "The roles are saved.", request, model, redirect);
    }

    @PostMapping("/admin/users/{id}/details")
    public String details(
            @PathVariable String id,
            @RequestParam Map<String, String> form,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : new String[] {"firstName", "lastName", "phoneNumber", "address"}) {
            if (form.get(field) != null) {
                body.put(field, Pages.text(form.get(field), 500) == null ? "" : Pages.text(form.get(field), 500));
            }
        }
        return update(id, body, "The details are saved.", request, model, redirect);
    }

    private String update(
            String id,
            Map<String, Object> body,
            String done,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        UUID userId = uuid(id);
        boolean htmx = request.getHeader("HX-Request") != null;
        try {
            JsonNode user = api.call(HttpMethod.PATCH, "/api/users/" + userId, body, As.USER, Map.of())
                    .body();
            if (htmx) {
                model.addAttribute("u", user);
                model.addAttribute("rowNotice", done);
                return "admin/user-row :: row";
            }
            Pages.notice(redirect, done);
        } catch (ApiException e) {
            e.rethrowSignInAndServerErrors();
            if (htmx) {
                model.addAttribute("u", api.get("/api/users/" + userId, As.USER));
                model.addAttribute("rowError", e.problem().message());
                return "admin/user-row :: row";
            }
            Pages.flashError(redirect, e);
        }
        return "redirect:/admin/users/" + userId;
    }

    @GetMapping("/admin/emails")
    public String emails(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String recipient,
            @RequestParam(required = false) String page,
            Model model) {
        var uri = Pages.api("/api/notifications").queryParam("size", 50).queryParam("page", Pages.page(page));
        String wanted = status != null && DELIVERY_STATUSES.contains(status) ? status : null;
        String to = Pages.text(recipient, 254);
        if (wanted != null) {
            uri.queryParam("status", wanted);
        }
        if (to != null) {
            uri.queryParam("recipient", to);
        }
        JsonNode log = api.get(Pages.uri(uri), As.USER);
        model.addAttribute("status", wanted);
        model.addAttribute("recipient", to);
        model.addAttribute("deliveries", log.path("content"));
        model.addAttribute("pageInfo", log.path("page"));
        return "admin/emails";
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ApiException(dev.shopstack.web.api.ApiProblem.of(404, null, null));
        }
    }
}
