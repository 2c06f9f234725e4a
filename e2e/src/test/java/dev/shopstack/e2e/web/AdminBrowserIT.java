package dev.shopstack.e2e.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.shopstack.local.LocalStack;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The admin console in a browser; a customer is refused it. */
@Order(3)
class AdminBrowserIT extends BrowserTestSupport {

    @Test
    void anAdminEditsAProductAndMeetsAStaleEditShipsAnOrderAndLocksAUser(LocalStack stack) {
        var shop = new Shop(stack);
        String productName = Shop.unique("Admin chair ");
        long product = shop.newProduct(productName, 7, "80.00");
        String customer = shop.verifiedCustomer("shipped");
        Page admin = browsers.person(shop.web());
        Shop.signIn(admin, "admin", "local-admin-password");

        // edit; meanwhile someone else changes the same product: the second save shows the conflict
        admin.navigate("/admin/products?q=" + productName.replace(' ', '+'));
        Shop.screenshot(admin, "admin-products");
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(productName))
                .click();
        Page other = admin.context().newPage();
        other.navigate(admin.url());
        admin.getByLabel("Price").fill("85.00");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save product"))
                .click();
        assertThat(admin.locator(".notice")).containsText("saved");
        other.getByLabel("Stock", new Page.GetByLabelOptions().setExact(true)).fill("9");
        other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save product"))
                .click();
        assertThat(other.locator("#page-error")).containsText("Someone else changed this product");
        assertThat(other.locator("#conflict")).containsText("85.00");
        assertThat(other.getByLabel("Stock", new Page.GetByLabelOptions().setExact(true)))
                .hasValue("9");
        other.getByLabel("Price").fill("85.00"); // the admin takes over the other change, then saves again
        other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save product"))
                .click();
        assertThat(other.locator(".notice")).containsText("saved");
        var saved = Shop.json(shop.api("GET", "/api/products/" + product, null, null));
        assertThat(saved.path("price").decimalValue()).isEqualByComparingTo("85.00");
        assertThat(saved.path("stockQuantity").asInt()).isEqualTo(9);

        // an order paid by bank transfer (recorded by an admin through the API) is shipped from the console
        String token = shop.token(customer, Shop.PASSWORD);
        var placed = shop.api("POST", "/api/orders", """
                {"lines":[{"productId":%d,"quantity":1}],"shippingAddress":{"name":"Eve","line1":"1 Main Street",
                 "postalCode":"10115","city":"Berlin","country":"DE"}}""".formatted(product), token);
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        String orderId = Shop.json(placed).path("id").asString();
        var paid = shop.api(
                "POST",
                "/api/orders/" + orderId + "/payment",
                """
                {"amount":85.00,"currency":"EUR","method":"MANUAL","reference":"transfer-%s"}""".formatted(orderId),
                shop.token("admin", "local-admin-password"));
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
        admin.navigate("/admin/orders?status=PAID");
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(orderId.substring(0, 8)))
                .click();
        admin.getByLabel("New status").selectOption("SHIPPED");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change status"))
                .click();
        assertThat(admin.locator("#order-status")).hasText("SHIPPED");
        admin.getByLabel("New status").selectOption("PENDING_PAYMENT");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change status"))
                .click();
        assertThat(admin.locator("#page-error")).containsText("cannot go to PENDING_PAYMENT");

        // lock the customer from the user list (htmx swaps the row); they can no longer sign in
        admin.navigate("/admin/users?q=" + customer);
        Shop.screenshot(admin, "admin-users");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lock " + customer))
                .click();
        assertThat(admin.locator("#user-" + userId(shop, customer) + " .state")).hasText("Locked");
        Page locked = browsers.person(shop.web());
        Shop.signIn(locked, customer, Shop.PASSWORD);
        assertThat(locked.locator("#page-error")).isVisible();
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Unlock " + customer))
                .click();
        assertThat(admin.locator("#user-" + userId(shop, customer) + " .state")).hasText("Active");
    }

    @Test
    void aCustomerIsRefusedTheAdminConsole(LocalStack stack) {
        var shop = new Shop(stack);
        String customer = shop.verifiedCustomer("nosy");
        Page page = browsers.person(shop.web());
        Shop.signIn(page, customer, Shop.PASSWORD);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Admin")))
                .hasCount(0);
        var response = page.navigate("/admin/users");
        assertThat(response.status()).isEqualTo(403);
        assertThat(page.locator("h1")).containsText("not allowed");
        assertThat(page.navigate("/admin/products").status()).isEqualTo(403);
        Page anonymous = browsers.person(shop.web());
        anonymous.navigate("/admin/users");
        assertThat(anonymous).hasURL(java.util.regex.Pattern.compile(".*/sign-in"));
    }

    private static UUID userId(Shop shop, String username) {
        var users = Shop.json(shop.api("GET", "/api/users?q=" + username, null, shop.adminToken()));
        return UUID.fromString(users.path("content").get(0).path("id").asString());
    }
}
