package dev.shopstack.e2e.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.shopstack.local.LocalStack;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A new customer, in a browser: signs up (the password rules turn green as they type), verifies the address with the
 * code from the mail, fills the cart before signing in, signs in at the checkout and keeps the cart, places the order
 * and pays on the payment provider's hosted card page: a declined card brings them back to the order page with the
 * reason, "Pay now" takes them to the card page again, and a card that pays brings them back to the order paid; an
 * order left unpaid is cancelled from its page.
 */
@Order(1)
class CustomerJourneyBrowserIT extends BrowserTestSupport {

    @Test
    void aNewCustomerSignsUpVerifiesSearchesFillsTheCartAndChecksOut(LocalStack stack) {
        var shop = new Shop(stack);
        String lamp = Shop.unique("Browser lamp ");
        long product = shop.newProduct(lamp, 5, "24.50");
        String name = Shop.unique("web");
        String email = name + "@example.test";
        Page page = browsers.person(shop.web());

        page.navigate("/sign-up");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Username").fill(name);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("short");
        assertThat(page.locator("#password-rules li.unmet").first()).containsText("At least 8 characters");
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(Shop.PASSWORD);
        page.getByLabel("Password again").fill(Shop.PASSWORD);
        assertThat(page.locator("#password-rules li.met")).hasCount(4);
        Shop.screenshot(page, "sign-up");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account"))
                .click();

        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/verify-email\\?email=.*"));
        page.getByLabel("Code").fill(Shop.verificationCode(shop.awaitMail(email, "verification code")));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify"))
                .click();
        assertThat(page.locator(".notice")).containsText("verified");

        // shopping before signing in: the cart lives in the session and survives the sign-in
        page.navigate("/");
        page.getByLabel("Search").fill(lamp);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search"))
                .click();
        assertThat(page.locator("#results .product-card")).hasCount(1);
        Shop.screenshot(page, "storefront");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(lamp)).click();
        assertThat(page.locator("h1")).hasText(lamp);
        Shop.screenshot(page, "product");
        page.getByLabel("Quantity").fill("2");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to cart"))
                .click();
        assertThat(page.locator(".badge")).hasText("2");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Check out"))
                .click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/sign-in"));
        page.getByLabel("Email or username").fill(name);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(Shop.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();

        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/checkout"));
        assertThat(page.locator(".summary")).containsText("2 × " + lamp);
        page.getByLabel("Full name").fill("Ada Browser");
        page.getByLabel("Street and number").fill("1 Main Street");
        page.getByLabel("Postal code").fill("10115");
        page.getByLabel("City").fill("Berlin");
        page.getByLabel("Country code").fill("de");
        Shop.screenshot(page, "checkout");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Place order and pay"))
                .click();

        // the payment provider's hosted card page (the sandbox locally): a declined card first, then one that pays
        toCardPage(page);
        assertThat(Shop.json(shop.api("GET", "/api/products/" + product, null, null))
                        .path("stockQuantity")
                        .asInt())
                .as("two lamps reserved")
                .isEqualTo(3);
        fillCard(page, "4000 0000 0000 0002");
        Shop.screenshot(page, "payment");
        page.locator("button[type=submit]").click();

        // back on the order page, which shows the decline once the provider's webhook has arrived; pay again
        assertThat(page).hasURL(Pattern.compile(".*/orders/[0-9a-f-]{36}\\?payment=returned.*"));
        awaitText(page, "Your card was declined.");
        toCardPage(page);
        fillCard(page, "4242 4242 4242 4242");
        page.locator("button[type=submit]").click();

        // back on the order page, which shows the order paid once the provider's signed webhook has arrived
        assertThat(page).hasURL(Pattern.compile(".*/orders/[0-9a-f-]{36}\\?payment=returned.*"));
        awaitStatus(page, "PAID");
        String paidOrder = page.url().replaceFirst("\\?.*", "");
        assertThat(page.locator(".badge")).hasText("0");
        Shop.screenshot(page, "order");
        shop.awaitMail(email, "is paid");
        assertThat(Shop.json(shop.api("GET", "/api/products/" + product, null, null))
                        .path("stockQuantity")
                        .asInt())
                .as("two lamps sold")
                .isEqualTo(3);

        // an order the customer does not pay can be cancelled from its page, and its stock comes back
        var unpaid = shop.api("POST", "/api/orders", """
                {"lines":[{"productId":%d,"quantity":1}],"shippingAddress":{"name":"Ada Browser",
                 "line1":"1 Main Street","postalCode":"10115","city":"Berlin","country":"DE"}}""".formatted(product), shop.token(name, Shop.PASSWORD));
        page.navigate("/orders");
        assertThat(page.locator("table.lines tbody tr")).hasCount(2);
        page.navigate("/orders/" + Shop.json(unpaid).path("id").asString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel this order"))
                .click();
        assertThat(page.locator("#order-status")).hasText("CANCELLED");
        assertThat(Shop.json(shop.api("GET", "/api/products/" + product, null, null))
                        .path("stockQuantity")
                        .asInt())
                .isEqualTo(3);

        // the paid order has not shipped: cancelling it refunds the card payment, and its two lamps come back
        page.navigate(paidOrder);
        assertThat(page.locator("#cancel-refund-hint")).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel this order"))
                .click();
        awaitStatus(page, "REFUNDED");
        assertThat(page.locator("#refunded-total")).containsText("Refunded");
        shop.awaitMail(email, "was refunded");
        assertThat(Shop.json(shop.api("GET", "/api/products/" + product, null, null))
                        .path("stockQuantity")
                        .asInt())
                .isEqualTo(5);
    }

    /**
     * On the card page, or on the order page when the provider was slow to open the payment at checkout: then
     * "Pay now" shows up once it exists, and leads there.
     */
    private static void toCardPage(Page page) {
        Pattern cardPage = Pattern.compile(".*/checkout/pi_[^?]+\\?client_secret=.*");
        if (!cardPage.matcher(page.url()).matches()) {
            var payNow = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Pay now"));
            for (int i = 0; i < 30 && payNow.count() == 0; i++) {
                page.waitForTimeout(1_000);
                page.reload();
            }
            payNow.click();
        }
        assertThat(page).hasURL(cardPage);
    }

    /** Fills the hosted card page as a person would. */
    private static void fillCard(Page page, String cardNumber) {
        page.getByLabel("Card number").fill(cardNumber);
        page.getByLabel("Expiry date").fill("12 / 34");
        page.getByLabel("Security code").fill("123");
        page.getByLabel("Name on card").fill("Ada Browser");
    }

    /** The order page reloaded until it shows the status: the webhook arrives a moment after the browser. */
    private static void awaitStatus(Page page, String status) {
        for (int i = 0;
                i < 30
                        && !status.equals(
                                page.locator("#order-status").textContent().strip());
                i++) {
            page.waitForTimeout(1_000);
            page.reload();
        }
        assertThat(page.locator("#order-status")).hasText(status);
    }

    /** The order page reloaded until the text shows up on it. */
    private static void awaitText(Page page, String text) {
        for (int i = 0; i < 30 && !page.locator("main").textContent().contains(text); i++) {
            page.waitForTimeout(1_000);
            page.reload();
        }
        assertThat(page.locator("main")).containsText(text);
    }

    @Test
    void theStorefrontFiltersSortsAndPagesWithHtmxAndWorksOnAPhone(LocalStack stack) {
        var shop = new Shop(stack);
        Page page = browsers.phone(shop.web());
        page.navigate("/?sort=price_asc");
        assertThat(page.locator("#results .product-card").first()).isVisible();
        page.getByLabel("Sort by").selectOption("price_desc");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*sort=price_desc.*"));
        var prices = page.locator("#results .price").allTextContents().stream()
                .map(text -> new java.math.BigDecimal(text.replaceAll("[^0-9.]", "")))
                .toList();
        assertThat(prices).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        page.getByLabel("In stock only").check();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*inStock=true.*"));
        int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        assertThat(width).as("no sideways scrolling on a phone").isLessThanOrEqualTo(390);
        page.navigate("/nope");
        assertThat(page.locator("h1")).containsText("does not exist");
    }
}
