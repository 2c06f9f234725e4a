package dev.shopstack.web.admin;

import dev.shopstack.web.api.ApiException;
import dev.shopstack.web.api.ApiResponse;
import dev.shopstack.web.api.GatewayClient;
import dev.shopstack.web.api.GatewayClient.As;
import dev.shopstack.web.support.Pages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/**
 * Admin console: products (create, edit, deactivate, stock) and categories. Every product write carries the version
 * the admin saw ({@code If-Match}); when someone else changed the product meanwhile the API answers 412 and the
 * page shows the conflict: the admin's values next to the current ones, to apply again on the current version.
 */
@Controller
public class AdminCatalogController {

    static final List<String> PRODUCT_FIELDS =
            List.of("sku", "name", "description", "categoryId", "price", "currency", "stockQuantity", "imageUrl");

    private final GatewayClient api;

    public AdminCatalogController(GatewayClient api) {
        this.api = api;
    }

    @GetMapping("/admin/products")
    public String products(
            @RequestParam(required = false) String q, @RequestParam(required = false) String page, Model model) {
        String text = Pages.text(q, 100);
        var uri = Pages.api("/api/products")
                .queryParam("size", 20)
                .queryParam("page", Pages.page(page))
                .queryParam("sort", "name");
        if (text != null) {
            uri.queryParam("q", text);
        }
        JsonNode products = api.get(Pages.uri(uri), As.USER);
        model.addAttribute("q", text);
        model.addAttribute("products", products.path("content"));
        model.addAttribute("pageInfo", products.path("page"));
        return "admin/products";
    }

    @GetMapping("/admin/products/new")
    public String newProduct(Model model) {
        model.addAttribute("form", Map.of("currency", "EUR", "stockQuantity", "0"));
        model.addAttribute("categories", categories());
        return "admin/product";
    }

    @PostMapping("/admin/products/new")
    public String create(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            JsonNode created = api.post("/api/products", productBody(form, true), As.USER);
            Pages.notice(redirect, "The product is created.");
            return "redirect:/admin/products/" + created.path("id").asLong();
        } catch (ApiException e) {
            e.rethrowSignInAndServerErrors();
            Pages.showError(model, e);
            model.addAttribute("form", form);
            model.addAttribute("categories", categories());
            return "admin/product";
        }
    }

    @GetMapping("/admin/products/{id}")
    public String edit(@PathVariable String id, Model model) {
        ApiResponse current = api.call(HttpMethod.GET, "/api/products/" + Pages.id(id), null, As.USER, Map.of());
        model.addAttribute("product", current.body());
        model.addAttribute("form", formOf(current.body()));
        model.addAttribute("version", current.body().path("version").asLong());
        model.addAttribute("categories", categories());
        return "admin/product";
    }

    /** Saves the whole product (PUT) on the version the form was loaded with. */
    @PostMapping("/admin/products/{id}")
    public String save(
            @PathVariable String id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        long productId = Pages.id(id);
        String version = form.getOrDefault("version", "").replaceAll("[^0-9]", "");
        try {
            api.call(
                    HttpMethod.PUT,
                    "/api/products/" + productId,
                    productBody(form, false),
                    As.USER,
                    Map.of("If-Match", "\"" + version + "\""));
            Pages.notice(redirect, "The product is saved.");
            return "redirect:/admin/products/" + productId;
        } catch (ApiException e) {
            e.rethrowSignInAndServerErrors();
            JsonNode current = api.get("/api/products/" + productId, As.USER);
            model.addAttribute("product", current);
            model.addAttribute("categories", categories());
            String detail = e.problem().detail();
            if (e.status() == 412 || e.status() == 409 && detail != null && detail.startsWith("Someone else")) {
                // stale edit: show what is there now, keep the admin's values to re-apply on the current version
                model.addAttribute("conflict", formOf(current));
                model.addAttribute(
                        "error",
                        "Someone else changed this product while you were editing it. "
                                + "The current values are shown next to yours; check them and save again.");
            } else {
                Pages.showError(model, e);
            }
            model.addAttribute("form", form);
            model.addAttribute("version", current.path("version").asLong());
            return "admin/product";
        }
    }

    @PostMapping("/admin/products/{id}/active")
    public String active(
            @PathVariable String id,
            @RequestParam(defaultValue = "false") boolean active,
            @RequestParam(defaultValue = "") String version,
            RedirectAttributes redirect) {
        return patchProduct(
                id,
                Map.of("active", active),
                version,
                redirect,
                active ? "The product is on sale again." : "The product is deactivated: customers no longer see it.");
    }

    @PostMapping("/admin/products/{id}/stock")
    public String stock(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String stockQuantity,
            @RequestParam(defaultValue = "") String version,
            RedirectAttributes redirect) {
        long quantity = Pages.id(stockQuantity.trim());
        if (quantity < 0) {
            redirect.addFlashAttribute("error", "Stock must be a whole number, 0 or more.");
            return "redirect:/admin/products/" + Pages.id(id);
        }
        return patchProduct(id, Map.of("stockQuantity", quantity), version, redirect, "The stock is saved.");
    }

    private String patchProduct(
            String id, Map<String, Object> body, String version, RedirectAttributes redirect, String done) {
        long productId = Pages.id(id);
        try {
            api.call(
                    HttpMethod.PATCH,
                    "/api/products/" + productId,
                    body,
                    As.USER,
                    Map.of("If-Match", "\"" + version.replaceAll("[^0-9]", "") + "\""));
            Pages.notice(redirect, done);
        } catch (ApiException e) {
            e.rethrowSignInAndServerErrors();
            redirect.addFlashAttribute(
                    "error",
                    e.status() == 412
                            ? "Someone else changed this product meanwhile. The page shows the current values now; try again."
                            : e.problem().message());
        }
        return "redirect:/admin/products/" + productId;
    }

    @GetMapping("/admin/categories")
    public String categoriesPage(Model model) {
        model.addAttribute("categories", categories());
        return "admin/categories";
    }

    @PostMapping("/admin/categories")
    public String saveCategory(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", Pages.text(form.get("slug"), 80));
        body.put("name", Pages.text(form.get("name"), 120));
        long parent = Pages.id(form.getOrDefault("parentId", ""));
        if (parent > 0) {
            body.put("parentId", parent);
        }
        long id = Pages.id(form.getOrDefault("id", ""));
        try {
            if (id > 0) {
                api.call(HttpMethod.PUT, "/api/categories/" + id, body, As.USER, Map.of());
            } else {
                api.post("/api/categories", body, As.USER);
            }
            Pages.notice(redirect, "The category is saved.");
        } catch (ApiException e) {
            e.rethrowSignInAndServerErrors();
            redirect.addFlashAttribute("error", e.problem().message());
            redirect.addFlashAttribute("fieldErrors", e.problem().fieldErrors());
        }
        return "redirect:/admin/categories";
    }

    @PostMapping("/admin/categories/{id}/delete")
    public String deleteCategory(@PathVariable String id, RedirectAttributes redirect) {
        try {
            api.call(HttpMethod.DELETE, "/api/categories/" + Pages.id(id), null, As.USER, Map.of());
            Pages.notice(redirect, "The category is deleted.");
        } catch (ApiException e) {
            e.rethrowSignInAndServerErrors();
            Pages.flashError(redirect, e);
        }
        return "redirect:/admin/categories";
    }

    /** The model of the product form: the categories, and the title ("New product" or the product's name). */
    @org.springframework.web.bind.annotation.ModelAttribute("pageTitle")
    String pageTitle(@PathVariable(required = false) String id) {
        return id == null || id.equals("new") ? "Admin · New product" : "Admin · Product " + Pages.id(id);
    }

    private JsonNode categories() {
        return api.get("/api/categories?size=100", As.ANONYMOUS).path("content");
    }

    private static Map<String, Object> productBody(Map<String, String> form, boolean create) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sku", Pages.text(form.get("sku"), 40));
        body.put("name", Pages.text(form.get("name"), 200));
        body.put("description", form.get("description") == null ? null : Pages.text(form.get("description"), 4000));
        long category = Pages.id(form.getOrDefault("categoryId", ""));
        body.put("categoryId", category > 0 ? category : null);
        body.put("price", Pages.amount(form.get("price")));
        body.put("currency", Pages.text(form.get("currency"), 3));
        long stock = Pages.id(form.getOrDefault("stockQuantity", "").trim());
        body.put("stockQuantity", stock >= 0 ? stock : null);
        body.put("imageUrl", Pages.text(form.get("imageUrl"), 500));
        body.put("active", create || "true".equals(form.get("active")));
        return body;
    }

    /** A product as form values (strings), for the edit form and the conflict column. */
    static Map<String, String> formOf(JsonNode product) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("sku", product.path("sku").asString(""));
        form.put("name", product.path("name").asString(""));
        form.put("description", product.path("description").asString(""));
        form.put("categoryId", product.path("category").path("id").asString(""));
        form.put(
                "price",
                product.path("price").isNumber()
                        ? product.path("price").decimalValue().toPlainString()
                        : "");
        form.put("currency", product.path("currency").asString(""));
        form.put("stockQuantity", product.path("stockQuantity").asString(""));
        form.put("imageUrl", product.path("imageUrl").asString(""));
        form.put("active", Boolean.toString(product.path("active").asBoolean(false)));
        return form;
    }
}
