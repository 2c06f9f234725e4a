package dev.shopstack.e2e;

import dev.shopstack.local.LocalStack;
import java.util.UUID;

/**
 * One short shopper's journey, repeated so that every replica serves it, before the first test. Freshly started JVMs
 * answer their first requests many times slower than later ones; on a two-core machine running every service twice,
 * a test's burst of twelve parallel orders as the stack's first orders ran into the gateway's and the order
 * service's timeouts. The tests check what a shop does, not how its first minute after a deploy feels; a rollout
 * gates traffic on readiness the same way. The journey uses its own product and customer and cancels its orders,
 * so no test's stock or mailbox sees it (a test that counts all emails of a time window, like MonitoringIT's, must
 * count them first). It checks nothing: a slow answer here is what it is for, and the tests assert.
 */
final class StackWarmup {

    private static final int ROUNDS_PER_REPLICA = 3;

    private StackWarmup() {}

    static void run(LocalStack stack, int replicas) {
        long started = System.nanoTime();
        Gateway gateway = new Gateway(stack.gateway());
        MailCatcher mail = new MailCatcher(stack.mailApi());
        String admin = gateway.adminToken();
        long product = 0;
        for (int i = 0; i < 2 * replicas; i++) { // round-robin: every catalog replica creates at least one, slowly
            var created = gateway.createProduct(admin, 1_000, "1.00");
            if (created.statusCode() == 201 && product == 0) {
                product = Http.json(created).path("id").asLong();
            }
        }
        if (product == 0) {
            product = gateway.newProduct(admin, 1_000, "1.00"); // warmed by now, or the stack is broken
        }
        String customer =
                gateway.verifiedCustomer("warmup" + UUID.randomUUID().toString().substring(0, 8), mail);
        int placed = 0;
        for (int round = 0; round < ROUNDS_PER_REPLICA * replicas; round++) {
            Http.get(stack.gateway() + "/api/products?q=E2E%20lamp&size=20");
            gateway.stockOf(product);
            var order = gateway.placeOrder(product, 1, customer);
            if (order.statusCode() == 201) {
                placed++;
                String id = Http.json(order).path("id").asString();
                gateway.get("/api/orders/" + id, customer);
                gateway.send("POST", "/api/orders/" + id + "/cancel", null, customer);
            }
        }
        System.out.printf(
                "stack warmed up in %d ms (%d of %d warm-up orders placed)%n",
                (System.nanoTime() - started) / 1_000_000, placed, ROUNDS_PER_REPLICA * replicas);
    }
}
