package dev.shopstack.e2e.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.shopstack.local.LocalStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The gateway limits sign-in to 5 a minute per client. Every browser signs in through the one web module, which
 * passes each browser's address on: many people sign in without a 429, and a browser guessing passwords is stopped.
 */
@Order(4)
class SignInThrottleBrowserIT extends BrowserTestSupport {

    static final int PEOPLE = 8;
    /** Enough to reach the refusal even when each guess takes a few seconds and the bucket refills meanwhile. */
    static final int GUESSES = 12;
    /** The login limit, 5 a minute, gives one attempt back every 12 s. */
    static final Duration REFILL = Duration.ofMinutes(1).dividedBy(5);

    @AfterAll
    static void stopTheStackEarly() {
        BrowserStack.stopEarly(); // the last browser test class
    }

    @Test
    void manyPeopleSignInThroughTheWebModuleWhileOneGuessingBrowserIsThrottled(LocalStack stack) {
        var shop = new Shop(stack);
        List<String> people = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            people.add(shop.verifiedCustomer("crowd"));
        }
        for (String person : people) {
            Page page = browsers.person(shop.web());
            Shop.signIn(page, person, Shop.PASSWORD);
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out " + person)))
                    .isVisible();
        }

        Page guesser = browsers.person(shop.web());
        String victim = people.get(0);
        int refusedAt = -1;
        long firstGuess = System.nanoTime();
        Duration guessing = Duration.ZERO;
        for (int i = 1; i <= GUESSES && refusedAt < 0; i++) {
            Shop.signIn(guesser, victim, "wrong-guess-" + i);
            String error = guesser.locator("#page-error").textContent();
            if (error.contains("Too many attempts")) {
                refusedAt = i;
                guessing = Duration.ofNanos(System.nanoTime() - firstGuess);
                assertThat(error).containsPattern("try again in [0-9]+ (seconds?|minutes)");
            } else {
                assertThat(error).contains("wrong");
            }
        }
        // 5 a minute, 5 at once: the 6th guess is refused, or a later one if the guesses took long enough for the
        // bucket to refill (on a busy machine one browser sign-in can take seconds); never more than that
        long refills = guessing.dividedBy(REFILL);
        assertThat(refusedAt)
                .as(
                        "the guessing browser is throttled after its 5 allowed attempts and %d refilled in %s",
                        refills, guessing)
                .isBetween(6, 6 + (int) refills);

        // the next person through the same web module is not affected
        Page latecomer = browsers.person(shop.web());
        Shop.signIn(latecomer, people.get(1), Shop.PASSWORD);
        assertThat(latecomer.getByRole(
                        AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out " + people.get(1))))
                .isVisible();
    }
}
