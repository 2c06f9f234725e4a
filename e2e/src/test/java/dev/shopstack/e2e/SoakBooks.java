package dev.shopstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

/**
 * The soak's books, once the payment window has closed on every unpaid order: every order answered 201 exists once
 * and no other order does; every unit of stock is on the shelf or held by a paid order; and every event about an
 * order produced exactly one email (its confirmation, its payment, its cancellation).
 */
final class SoakBooks {

    private static final String SUBJECT = "Your Shopstack order ";

    private final SoakShoppers shoppers;
    private final List<String> customers;
    private final MailCatcher mail;
    private final long product;
    private final int stock;

    SoakBooks(SoakShoppers shoppers, List<String> customers, MailCatcher mail, long product, int stock) {
        this.shoppers = shoppers;
        this.customers = customers;
        this.mail = mail;
        this.product = product;
        this.stock = stock;
    }

    void check() {
        Map<String, Integer> acknowledged = Map.copyOf(shoppers.acknowledged);
        Instant windowClosed =
                Instant.now().plus(StackExtension.PAYMENT_WINDOW).plus(StackExtension.EXPIRY_INTERVAL.multipliedBy(4));
        Map<String, JsonNode> committed = Awaitility.await()
                .atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofSeconds(10))
                .until(
                        () -> Instant.now().isAfter(windowClosed) ? orders() : null,
                        orders -> orders != null && orders.values().stream().allMatch(SoakBooks::settled));
        assertThat(committed.keySet())
                .as("every answered order exists, and no other")
                .isEqualTo(acknowledged.keySet());
        committed.forEach((id, order) -> assertThat(order.path("total").decimalValue())
                .as(id)
                .isEqualByComparingTo(BigDecimal.valueOf(acknowledged.get(id))));

        long paid = committed.values().stream().filter(SoakBooks::isPaid).count();
        int paidUnits = committed.values().stream()
                .filter(SoakBooks::isPaid)
                .mapToInt(order -> order.path("total").intValue())
                .sum();
        Awaitility.await()
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(5))
                .until(() -> shoppers.gateway().stockOf(product) == stock - paidUnits);

        // the last emails (cancellations by the payment window) may still be on their way
        Map<String, Integer> subjects = Awaitility.await()
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(10))
                .until(this::orderMailSubjects, found -> missing(committed, found) == 0);
        long doubled = subjects.values().stream().filter(count -> count > 1).count();
        System.out.printf(
                "soak books: %d orders committed, %d paid holding %d units, %d cancelled; stock %d of %d; "
                        + "%d order emails, %d of them sent more than once%n",
                committed.size(),
                paid,
                paidUnits,
                committed.size() - paid,
                shoppers.gateway().stockOf(product),
                stock,
                subjects.values().stream().mapToInt(Integer::intValue).sum(),
                doubled);
        assertThat(doubled).as("emails sent more than once").isZero();
    }

    /** Confirmation for every order, a payment email for the paid ones, a cancellation for the cancelled ones. */
    private static long missing(Map<String, JsonNode> orders, Map<String, Integer> subjects) {
        return orders.entrySet().stream()
                .mapToLong(entry -> {
                    String id = entry.getKey();
                    String outcome = isPaid(entry.getValue()) ? SUBJECT + id + " is " : SUBJECT + id + " was cancelled";
                    boolean confirmed = subjects.containsKey(SUBJECT + id);
                    boolean told = subjects.keySet().stream().anyMatch(subject -> subject.startsWith(outcome));
                    return (confirmed ? 0 : 1) + (told ? 0 : 1);
                })
                .sum();
    }

    /** Every order email's subject in the customers' inboxes, with how often it arrived. */
    private Map<String, Integer> orderMailSubjects() {
        Map<String, Integer> counts = new HashMap<>();
        for (String customer : customers) {
            mail.inbox(customer + "@example.test").stream()
                    .map(MailCatcher.Mail::subject)
                    .filter(subject -> subject.startsWith(SUBJECT))
                    .forEach(subject -> counts.merge(subject, 1, Integer::sum));
        }
        return counts;
    }

    /** Every order of the soak's customers as order-service has them (id -> order), or null while it cannot say. */
    private Map<String, JsonNode> orders() {
        Map<String, JsonNode> orders = new HashMap<>();
        for (String customer : customers) {
            for (int page = 0; ; page++) {
                var answer = shoppers.gateway().get("/api/orders?size=100&page=" + page, shoppers.tokenOf(customer));
                if (answer.statusCode() != 200) {
                    return null;
                }
                JsonNode content = Http.json(answer).path("content");
                content.forEach(order -> orders.put(order.path("id").asString(), order));
                if (content.size() < 100) {
                    break;
                }
            }
        }
        return orders;
    }

    private static boolean isPaid(JsonNode order) {
        return "PAID".equals(order.path("status").asString());
    }

    /** Paid, or cancelled (by its customer or the payment window): nothing is left pending. */
    private static boolean settled(JsonNode order) {
        return isPaid(order) || "CANCELLED".equals(order.path("status").asString());
    }
}
