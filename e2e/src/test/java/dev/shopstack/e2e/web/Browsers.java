package dev.shopstack.e2e.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * Chromium from the operating system, driven by Playwright; nothing is downloaded. Without Chromium the browser tests
 * are skipped with a plain message, or fail with it when {@code -Dshop.browser-tests=required} (CI).
 */
public final class Browsers implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("shop.chromium", "/usr/bin/chromium"));
    static final String MISSING = "Chromium is not installed at " + CHROMIUM + ": the browser tests need the "
            + "operating system's 'chromium' package (Debian/Ubuntu: apt-get install chromium), or "
            + "-Dshop.chromium=<path>.";
    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    private final Playwright playwright;
    private final Browser browser;

    private Browsers(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static Browsers launch() {
        if (!Files.isExecutable(CHROMIUM)) {
            if ("required".equals(System.getProperty("shop.browser-tests"))) {
                throw new AssertionError(MISSING);
            }
            Assumptions.abort(MISSING);
        }
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--no-first-run")));
        return new Browsers(playwright, browser);
    }

    /**
     * A person with a browser of their own (cookies, session) and an address of their own: the web module believes
     * the {@code X-Forwarded-For} of its loopback peer, as it would an edge load balancer's. The addresses are from
     * the documentation ranges; no traffic goes there.
     */
    Page person(String baseUrl) {
        return person(baseUrl, nextAddress());
    }

    Page person(String baseUrl, String address) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(baseUrl)
                .setViewportSize(1100, 900)
                .setExtraHTTPHeaders(Map.of("X-Forwarded-For", address)));
        context.setDefaultTimeout(20_000);
        return context.newPage();
    }

    /** A phone-sized screen. */
    Page phone(String baseUrl) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(baseUrl)
                .setViewportSize(390, 844)
                .setIsMobile(true)
                .setExtraHTTPHeaders(Map.of("X-Forwarded-For", nextAddress())));
        context.setDefaultTimeout(20_000);
        return context.newPage();
    }

    /**
     * Another tool's page (Prometheus's alerts, a Zipkin trace) as docs/screenshots/{name}.png for docs/operations.md.
     * A picture for the docs, not a check: without Chromium there is none.
     */
    public static void screenshot(String url, String name) {
        if (!Files.isExecutable(CHROMIUM)) {
            System.out.println("no Chromium at " + CHROMIUM + ", no screenshot " + name);
            return;
        }
        try (Browsers browsers = launch()) {
            Page page = browsers.browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 1000));
            page.navigate(url);
            page.waitForLoadState();
            // both tools draw their page from JSON they fetch after the load
            page.waitForTimeout(3_000);
            Shop.screenshot(page, name);
        }
    }

    static String nextAddress() {
        int n = ADDRESSES.getAndIncrement();
        return "198.51." + (100 + n / 250) + "." + (1 + n % 250);
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
