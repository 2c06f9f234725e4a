package dev.shopstack.e2e.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.RequestOptions;
import dev.shopstack.local.LocalStack;
import dev.shopstack.platform.test.GeneratedPngs;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Account flows in a browser: the emailed reset link, sessions that outlive their access token (or not), and the
 * profile picture.
 */
@Order(2)
class AccountBrowserIT extends BrowserTestSupport {

    @Test
    void aCustomerResetsAForgottenPasswordThroughTheEmailedLink(LocalStack stack) {
        var shop = new Shop(stack);
        String name = shop.verifiedCustomer("forgot");
        String email = name + "@example.test";
        Page page = browsers.person(shop.web());

        page.navigate("/sign-in");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Forgot your password?"))
                .click();
        page.getByLabel("Email").fill(email);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the link"))
                .click();
        assertThat(page.locator(".notice")).containsText("reset link is on its way");

        String link = Shop.resetPath(shop.awaitMail(email, "Reset your Shopstack password"));
        page.navigate(link);
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true))
                .fill("a-brand-new-secret");
        page.getByLabel("New password again").fill("a-brand-new-secret");
        assertThat(page.locator("#password-rules li.met")).hasCount(4);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the new password"))
                .click();
        assertThat(page.locator(".notice")).containsText("Your password is changed");

        Shop.signIn(page, name, Shop.PASSWORD);
        assertThat(page.locator("#page-error")).containsText("wrong");
        Shop.signIn(page, name, "a-brand-new-secret");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out " + name)))
                .isVisible();

        page.navigate(link);
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true))
                .fill("yet-another-secret");
        page.getByLabel("New password again").fill("yet-another-secret");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the new password"))
                .click();
        assertThat(page.locator("#page-error")).isVisible(); // a used link says so in words
        assertThat(page.locator("body")).not().containsText("{\"");
    }

    @Test
    void aSessionSurvivesTheExpiryOfItsAccessTokenAndEndsWhenItsRefreshTokenIsRevoked(LocalStack stack)
            throws InterruptedException {
        var shop = new Shop(stack);
        String name = shop.verifiedCustomer("expiry");
        Page laptop = browsers.person(shop.web());
        Page phone = browsers.person(shop.web());
        Shop.signIn(laptop, name, Shop.PASSWORD);
        Shop.signIn(phone, name, Shop.PASSWORD);
        laptop.navigate("/account");
        assertThat(laptop.getByLabel("Username")).hasValue(name);

        Thread.sleep(BrowserStack.ACCESS_TOKEN_LIFETIME.plusSeconds(5).toMillis());
        laptop.navigate("/account");
        assertThat(laptop).hasURL(Pattern.compile(".*/account"));
        assertThat(laptop.getByLabel("Username")).hasValue(name); // refreshed on the server, still signed in
        phone.navigate("/orders");
        assertThat(phone.locator("h1")).hasText("Your orders");

        // the laptop signs out everywhere: the phone's refresh token is revoked; once its access token has
        // expired too, its next page signs it out with a message instead of an error
        laptop.navigate("/account");
        laptop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out everywhere"))
                .click();
        assertThat(laptop.locator(".notice")).containsText("signed out on every device");
        Thread.sleep(BrowserStack.ACCESS_TOKEN_LIFETIME.plusSeconds(5).toMillis());
        phone.navigate("/orders");
        assertThat(phone).hasURL(Pattern.compile(".*/sign-in"));
        assertThat(phone.locator("#page-error")).containsText("sign in");
    }

    @Test
    void aCustomerUploadsAPictureSeesItServedAndRemovesItAndAFileThatIsNoPictureIsRefusedInWords(LocalStack stack) {
        var shop = new Shop(stack);
        String name = shop.verifiedCustomer("picture");
        Page page = browsers.person(shop.web());
        Shop.signIn(page, name, Shop.PASSWORD);
        page.navigate("/account");
        Locator remove = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove picture"));
        assertThat(remove).hasCount(0);

        upload(page, new FilePayload("notes.png", "image/png", "not a picture".getBytes(StandardCharsets.UTF_8)));
        assertThat(page.locator("#page-error")).containsText("not a JPEG, PNG or WebP picture");
        assertThat(remove).hasCount(0); // nothing was saved

        upload(page, new FilePayload("me.png", "image/png", GeneratedPngs.black(48, 48, 8, 2)));
        assertThat(page.locator(".notice")).containsText("Your picture is saved.");
        String shown = page.getByAltText("Your current picture").getAttribute("src");
        var picture = page.request().get(shown, RequestOptions.create().setMaxRedirects(0));
        assertThat(picture).isOK(); // the picture itself, not the redirect to the placeholder
        Assertions.assertThat(picture.headers().get("content-type")).startsWith("image/");

        remove.click();
        assertThat(page.locator(".notice")).containsText("Your picture is removed.");
        assertThat(remove).hasCount(0);
        assertThat(page.request().get(shown, RequestOptions.create().setMaxRedirects(0)))
                .not()
                .isOK();
    }

    private static void upload(Page page, FilePayload file) {
        page.locator("#file").setInputFiles(file);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload picture"))
                .click();
    }
}
