package dev.shopstack.web.shop;

import dev.shopstack.web.api.ApiException;
import dev.shopstack.web.api.GatewayClient;
import dev.shopstack.web.api.GatewayClient.As;
import dev.shopstack.web.support.Pages;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

/** The storefront: categories, search with filters, sort and paging, and the product page. */
@Controller
public class ShopController {

    static final Set<String> SORTS = Set.of("newest", "price_asc", "price_desc", "name");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final int PAGE_SIZE = 12;

    private final GatewayClient api;

    public ShopController(GatewayClient api) {
        this.api = api;
    }

    /** The product list; an htmx request (the filter form) gets only the results. */
    @GetMapping("/")
    public String index(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String minPrice,
            @RequestParam(required = false) String maxPrice,
            @RequestParam(required = false) String inStock,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String page,
            HttpServletRequest request,
            Model model) {
        String text = Pages.text(q, 100);
        String slug = category != null
                        && category.length() <= 80
                        && SLUG.matcher(category).matches()
                ? category
                : null;
        BigDecimal min = Pages.amount(minPrice);
        BigDecimal max = Pages.amount(maxPrice);
        boolean onlyInStock = "true".equals(inStock);
        String order = sort != null && SORTS.contains(sort) ? sort : "newest";
        int pageNumber = Pages.page(page);
        var query = Pages.api("/api/products")
                .queryParam("size", PAGE_SIZE)
                .queryParam("page", pageNumber)
                .queryParam("sort", order);
        if (text != null) {
            query.queryParam("q", text);
        }
        if (slug != null) {
            query.queryParam("category", slug);
        }
        if (min != null) {
            query.queryParam("minPrice", min.toPlainString());
        }
        if (max != null) {
            query.queryParam("maxPrice", max.toPlainString());
        }
        if (onlyInStock) {
            query.queryParam("inStock", "true");
        }
        model.addAttribute("q", text);
        model.addAttribute("category", slug);
        model.addAttribute("minPrice", min == null ? null : min.toPlainString());
        model.addAttribute("maxPrice", max == null ? null : max.toPlainString());
        model.addAttribute("inStock", onlyInStock);
        model.addAttribute("sort", order);
        try {
            JsonNode products = api.get(Pages.uri(query), As.ANONYMOUS);
            model.addAttribute("products", products.path("content"));
            model.addAttribute("pageInfo", products.path("page"));
        } catch (ApiException e) {
            Pages.showError(model, e);
        }
        if (request.getHeader("HX-Request") != null) {
            return "shop/index :: results";
        }
        model.addAttribute("categories", categories());
        return "shop/index";
    }

    @GetMapping("/products/{id}")
    public String product(@PathVariable String id, Model model) {
        long productId = Pages.id(id);
        if (productId < 1) {
            throw new ApiException(dev.shopstack.web.api.ApiProblem.of(404, null, null));
        }
        model.addAttribute("product", api.get("/api/products/" + productId, As.ANONYMOUS));
        return "shop/product";
    }

    private JsonNode categories() {
        try {
            return api.get("/api/categories?size=100", As.ANONYMOUS).path("content");
        } catch (ApiException e) {
            return null;
        }
    }
}
