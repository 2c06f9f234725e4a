package dev.shopstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.local.LocalStack;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Kafka broker is stopped while people register; once it is back every email arrives, exactly once. */
class BrokerOutageIT extends StackTestSupport {

    @Test
    void registrationsDuringABrokerOutageAreMailedOnceItIsBack() {
        long product = gateway.newProduct(gateway.adminToken(), 10, "12.00");
        String buyer = "outagebuyer" + UUID.randomUUID().toString().substring(0, 8);
        String customer = gateway.verifiedCustomer(buyer, mail);
        stack.stop(LocalStack.KAFKA);
        String[] emails = new String[3];
        String order;
        try {
            for (int i = 0; i < emails.length; i++) {
                emails[i] =
                        gateway.register("outage" + UUID.randomUUID().toString().substring(0, 8));
            }
            var placed = gateway.placeOrder(product, 2, customer);
            assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
            order = Http.json(placed).path("id").asString();
        } finally {
            stack.start(LocalStack.KAFKA);
        }

        for (String email : emails) {
            mail.await(email, "verification code", Duration.ofSeconds(90));
            mail.await(email, "Welcome", Duration.ofSeconds(30));
        }
        String confirmation = "Your Shopstack order " + order;
        var confirmed = mail.await(buyer + "@example.test", confirmation, Duration.ofSeconds(60));
        assertThat(confirmed.raw()).contains("24.00");
        System.out.printf(
                "broker outage: %d registrations and 1 order, %d emails expected%n",
                emails.length, emails.length * 2 + 1);
        for (String email : emails) {
            assertThat(mail.withSubject(email, "verification code")).as(email).hasSize(1);
            assertThat(mail.withSubject(email, "Welcome")).as(email).hasSize(1);
        }
        assertThat(mail.withSubject(buyer + "@example.test", confirmation))
                .filteredOn(m -> m.subject().equals(confirmation))
                .hasSize(1);
    }
}
