package dev.shopstack.e2e.web;

import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** Base of the browser tests: the shared browser stack, and one Chromium per test class. */
@ExtendWith(BrowserStack.class)
abstract class BrowserTestSupport {

    static Browsers browsers;

    @BeforeAll
    static void launchChromium() {
        // as long as a page action may take (Browsers.person): the shared stack may be starting beside these tests
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        browsers = Browsers.launch();
    }

    @AfterAll
    static void closeChromium() {
        if (browsers != null) {
            browsers.close();
        }
    }
}
