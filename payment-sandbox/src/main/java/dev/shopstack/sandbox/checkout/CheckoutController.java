package dev.shopstack.sandbox.checkout;

import dev.shopstack.sandbox.api.StripeApiException;
import dev.shopstack.sandbox.intents.PaymentIntent;
import dev.shopstack.sandbox.intents.PaymentIntentRepository;
import dev.shopstack.sandbox.intents.PaymentIntents;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The hosted card page: {@code GET /checkout/{id}?client_secret=...&return_url=...} shows the amount and a card
 * form; the form posts back with the client secret, which is what binds it to this payment (no cookie, no session,
 * so nothing for another site to ride on). After the charge the browser goes to the return URL with
 * {@code payment_intent}, {@code payment_intent_client_secret} and {@code redirect_status}, as after Stripe's own
 * redirects; without a return URL the page shows the result.
 */
@Controller
public class CheckoutController {

    private static final String ID = "pi_[A-Za-z0-9]{1,40}";

    private final PaymentIntentRepository repository;
    private final PaymentIntents intents;
    private final ReturnUrls returnUrls;
    private final CheckoutStyle style;
    private final Clock clock;

    public CheckoutController(
            PaymentIntentRepository repository,
            PaymentIntents intents,
            ReturnUrls returnUrls,
            CheckoutStyle style,
            Clock clock) {
        this.repository = repository;
        this.intents = intents;
        this.returnUrls = returnUrls;
        this.style = style;
        this.clock = clock;
    }

    @GetMapping("/checkout/{id}")
    public String page(
            @PathVariable String id,
            @RequestParam(name = "client_secret", required = false) String secret,
            @RequestParam(name = "return_url", required = false) String returnUrl,
            Model model,
            HttpServletResponse response) {
        Optional<PaymentIntent> intent = intent(id, secret);
        Optional<URI> back = returnUrls.check(returnUrl);
        String unusable = unusableLink(intent, returnUrl, back, model, response);
        if (unusable != null) {
            return unusable;
        }
        if (!intent.get().payable()) {
            return finished(intent.get(), back, model, response);
        }
        return form(model, intent.get(), returnUrl, new CardForm(null, null, null, null), Map.of(), null);
    }

    /** The page for a link that cannot be used (no such intent or secret, a return address not allowed), or null. */
    private String unusableLink(
            Optional<PaymentIntent> intent,
            String returnUrl,
            Optional<URI> back,
            Model model,
            HttpServletResponse response) {
        if (intent.isEmpty()) {
            return message(
                    model,
                    response,
                    404,
                    "Payment link not valid",
                    "This payment link is not valid. Go back to the shop and start the payment again.",
                    null);
        }
        if (returnUrl != null && !returnUrl.isEmpty() && back.isEmpty()) {
            return message(
                    model,
                    response,
                    400,
                    "Return address not allowed",
                    "The shop gave a return address this page may not send you to.",
                    null);
        }
        return null;
    }

    @PostMapping("/checkout/{id}")
    public String pay(
            @PathVariable String id,
            @RequestParam(name = "client_secret", required = false) String secret,
            @RequestParam(name = "return_url", required = false) String returnUrl,
            @RequestParam(name = "card_number", required = false) String cardNumber,
            @RequestParam(name = "expiry", required = false) String expiry,
            @RequestParam(name = "cvc", required = false) String cvc,
            @RequestParam(name = "name", required = false) String name,
            Model model,
            HttpServletResponse response) {
        Optional<PaymentIntent> intent = intent(id, secret);
        Optional<URI> back = returnUrls.check(returnUrl);
        String unusable = unusableLink(intent, returnUrl, back, model, response);
        if (unusable != null) {
            return unusable;
        }
        CardForm typed = new CardForm(cardNumber, expiry, cvc, name);
        CardForm.Checked checked = typed.check(YearMonth.now(clock.withZone(ZoneOffset.UTC)));
        if (!checked.errors().isEmpty()) {
            response.setStatus(422);
            return form(model, intent.get(), returnUrl, typed, checked.errors(), null);
        }
        PaymentIntents.Attempt attempt;
        try {
            attempt = intents.confirmWithCard(
                    id,
                    checked.card(),
                    checked.expiry().getMonthValue(),
                    checked.expiry().getYear(),
                    checked.name());
        } catch (StripeApiException refused) {
            // paid or canceled meanwhile (another tab), or too many attempts
            PaymentIntent now = repository.find(id).orElseThrow();
            if (!now.payable()) {
                return finished(now, back, model, response);
            }
            return message(
                    model,
                    response,
                    429,
                    "Too many attempts",
                    "This payment had too many attempts. Go back to the shop and start the payment again.",
                    null);
        }
        if (back.isPresent()) {
            response.setStatus(303);
            response.setHeader(
                    "Location",
                    returnUrls.withResult(back.get(), id, attempt.intent().clientSecret(), !attempt.declined()));
            return null;
        }
        if (attempt.declined()) {
            return form(
                    model,
                    attempt.intent(),
                    returnUrl,
                    new CardForm(null, null, null, null),
                    Map.of(),
                    attempt.charge().failureMessage() + " Try another card.");
        }
        return message(
                model,
                response,
                200,
                "Payment succeeded",
                "Thank you: the payment of "
                        + Money.display(
                                attempt.intent().amount(), attempt.intent().currency()) + " succeeded.",
                null);
    }

    /** The intent, when the id is well formed and the client secret is its own (compared in constant time). */
    private Optional<PaymentIntent> intent(String id, String secret) {
        if (!id.matches(ID) || secret == null || secret.length() > 100) {
            return Optional.empty();
        }
        return repository
                .find(id)
                .filter(intent -> MessageDigest.isEqual(
                        intent.clientSecret().getBytes(StandardCharsets.UTF_8),
                        secret.getBytes(StandardCharsets.UTF_8)));
    }

    private String finished(PaymentIntent intent, Optional<URI> back, Model model, HttpServletResponse response) {
        boolean paid = PaymentIntent.SUCCEEDED.equals(intent.status());
        String link = back.map(uri -> returnUrls.withResult(uri, intent.id(), intent.clientSecret(), paid))
                .orElse(null);
        return paid
                ? message(model, response, 200, "Already paid", "This payment has already succeeded.", link)
                : message(model, response, 409, "Payment canceled", "This payment was canceled by the shop.", link);
    }

    private String form(
            Model model,
            PaymentIntent intent,
            String returnUrl,
            CardForm typed,
            Map<String, String> errors,
            String declined) {
        model.addAttribute("css", style.css());
        model.addAttribute("intent", intent);
        model.addAttribute("amount", Money.display(intent.amount(), intent.currency()));
        model.addAttribute("returnUrl", returnUrl);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("declined", declined);
        return "checkout/form";
    }

    private String message(
            Model model, HttpServletResponse response, int status, String title, String text, String link) {
        response.setStatus(status);
        model.addAttribute("css", style.css());
        model.addAttribute("title", title);
        model.addAttribute("text", text);
        model.addAttribute("link", link);
        return "checkout/message";
    }
}
