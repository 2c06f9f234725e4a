package dev.shopstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.local.LocalStack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The chaos soak ({@code bench/soak}; skipped unless {@code -Dshop.soak.minutes} is set): shoppers browse, search,
 * sign up, order, pay and cancel for that long while one process after another dies with SIGKILL
 * ({@code shop.soak.kill-every}, default every two minutes; the launcher's supervisor restarts it) and the Kafka broker
 * stops once for a minute. Then the books ({@link SoakBooks}). In replica mode one instance of a service is killed at
 * a time, and the load's spread over the instances is checked before the first kill.
 */
// a condition, not an assumption in @BeforeAll: it is evaluated before the base class asks for the stack
@EnabledIfSystemProperty(
        named = "shop.soak.minutes",
        matches = "[1-9][0-9]*",
        disabledReason = "the soak runs only when asked (bench/soak, -Dshop.soak.minutes=20)")
class SoakIT extends StackTestSupport {

    static final int STOCK = 1_000_000;
    static final int CUSTOMERS = 20;
    /** About 1.5 orders a second: the mail catcher keeps every email in a 96 MB heap until the books are done. */
    static final int ORDER_WORKERS = 2;

    static final int BROWSE_WORKERS = 2;
    static final Duration BROKER_OUTAGE = Duration.ofMinutes(1);
    /** After a victim is ready again, the gateway may still hold its old address until discovery's next refresh. */
    static final Duration SETTLING = Duration.ofSeconds(60);

    static final List<String> VICTIMS = List.of(
            LocalStack.ORDER_SERVICE,
            LocalStack.CATALOG_SERVICE,
            LocalStack.USER_SERVICE,
            LocalStack.NOTIFICATION_SERVICE,
            LocalStack.GATEWAY,
            LocalStack.PAYMENT_SANDBOX);

    /** A fault and how long it lasted, until ready again. */
    record Fault(String what, Instant from, Instant until) {

        boolean covers(Instant moment) {
            return !moment.isBefore(from) && !moment.isAfter(until.plus(SETTLING));
        }
    }

    @Test
    void shoppingSurvivesProcessesKilledEveryFewMinutesAndABrokerOutage() throws Exception {
        long minutes = Long.getLong("shop.soak.minutes", 0);
        Duration killEvery = Duration.parse(System.getProperty("shop.soak.kill-every", "PT2M"));

        long product = gateway.newProduct(gateway.adminToken(), STOCK, "1.00"); // a total is its quantity
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> customers = IntStream.range(0, CUSTOMERS)
                .mapToObj(i -> "soak" + run + "n" + i)
                .toList();
        customers.forEach(name -> gateway.verifiedCustomer(name, mail));
        var shoppers = new SoakShoppers(gateway, mail, product, customers);
        Map<String, Integer> restartsBefore = restarts();

        Instant start = Instant.now();
        AtomicBoolean shopping = new AtomicBoolean(true);
        AtomicInteger newcomerFailures = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < ORDER_WORKERS; i++) {
            workers.add(started("soak-orders-" + i, shopping, 1_000, shoppers::placeOrder));
        }
        for (int i = 0; i < BROWSE_WORKERS; i++) {
            workers.add(started("soak-browse-" + i, shopping, 100, shoppers::browse));
        }
        workers.add(started("soak-newcomers", shopping, 5_000, () -> {
            try {
                shoppers.newcomer();
            } catch (RuntimeException e) {
                System.out.println("soak: a newcomer failed: " + e);
                newcomerFailures.incrementAndGet();
            }
        }));

        // in replica mode: how the load spread over the instances until the first kill
        Map<String, Long> before = stack.replicas() > 1 ? InstanceLoad.snapshot(stack) : Map.of();
        Map<String, Double> shares = new TreeMap<>();
        List<Fault> faults = chaos(start, start.plus(Duration.ofMinutes(minutes)), killEvery, () -> {
            if (stack.replicas() > 1) {
                shares.putAll(InstanceLoad.shares(stack, before, InstanceLoad.snapshot(stack)));
            }
        });
        shopping.set(false);
        for (Thread worker : workers) {
            worker.join(SoakShoppers.GIVE_UP_AFTER.plusMinutes(1).toMillis());
        }
        Duration shopped = Duration.between(start, Instant.now());
        long failuresOutsideFaults = shoppers.failures.stream()
                .filter(moment -> faults.stream().noneMatch(fault -> fault.covers(moment)))
                .count();

        System.out.printf(
                "soak: %d min of shopping; answers by status (0 = no answer): %s%n",
                shopped.toMinutes(), new TreeMap<>(shoppers.statuses));
        System.out.printf(
                "soak: %d orders answered 201 (slowest after %d ms with retries), %d retries, %d given up, "
                        + "%d refused; %d newcomers signed up (%d failed); 5xx or no answer: %d, %d of them outside the "
                        + "fault windows%n",
                shoppers.acknowledged.size(),
                shoppers.slowestOrderMillis.get(),
                shoppers.retries.get(),
                shoppers.givenUp.get(),
                shoppers.refused.get(),
                shoppers.newcomers.get(),
                newcomerFailures.get(),
                shoppers.failures.size(),
                failuresOutsideFaults);
        faults.forEach(fault -> System.out.printf(
                "soak: %s, back after %d s%n",
                fault.what(), Duration.between(fault.from(), fault.until()).toSeconds()));
        shares.forEach((instance, share) -> System.out.printf(
                "soak: %s answered %.1f %% of its service's API " + "requests before the first kill%n",
                instance, share * 100));
        Map<String, Integer> unexpectedRestarts = unexpectedRestarts(restartsBefore, faults);
        stack.names()
                .forEach(name -> System.out.printf(
                        "soak: %s resident %d MB, %d restarts%n",
                        name, stack.residentMemoryKb(name) / 1024, stack.restarts(name)));

        new SoakBooks(shoppers, customers, mail, product, STOCK).check();

        assertThat(shoppers.givenUp.get()).as("requests a client gave up on").isZero();
        assertThat(shoppers.refused.get()).as("requests refused for good").isZero();
        assertThat(newcomerFailures.get()).as("newcomers who could not sign up").isZero();
        assertThat(unexpectedRestarts)
                .as("restarts the soak did not cause (a crash, an OOM)")
                .isEmpty();
        assertThat(failuresOutsideFaults)
                .as("5xx or no answer outside the fault windows")
                .isZero();
        assertThat(shares)
                .allSatisfy((instance, share) -> assertThat(share).as(instance).isBetween(0.4, 0.6));
    }

    private static Thread started(String name, AtomicBoolean shopping, long pauseMillis, Runnable work) {
        Thread thread = new Thread(
                () -> {
                    while (shopping.get()) {
                        work.run();
                        SoakShoppers.pause(pauseMillis);
                    }
                },
                name);
        thread.start();
        return thread;
    }

    /**
     * Every {@code every}, the next victim dies with SIGKILL (in replica mode one of its instances, by turns) and is
     * awaited until ready again; half-way, the broker stops for a minute. Ends when the soak does.
     */
    private static List<Fault> chaos(Instant start, Instant end, Duration every, Runnable beforeFirstKill) {
        List<Fault> faults = new ArrayList<>();
        Instant brokerOutage =
                start.plus(Duration.between(start, end).dividedBy(2)).plus(every.dividedBy(2));
        boolean brokerStopped = false;
        Instant next = start.plus(every);
        int round = 0;
        while (Instant.now().isBefore(end)) {
            if (!brokerStopped && Instant.now().isAfter(brokerOutage)) {
                Instant stopped = Instant.now();
                stack.stop(LocalStack.KAFKA);
                SoakShoppers.pause(BROKER_OUTAGE.toMillis());
                stack.start(LocalStack.KAFKA);
                faults.add(new Fault("the Kafka broker stopped", stopped, Instant.now()));
                brokerStopped = true;
            }
            if (Instant.now().isAfter(next)) {
                if (round == 0) {
                    beforeFirstKill.run();
                }
                String module = VICTIMS.get(round % VICTIMS.size());
                List<String> instances = stack.instances(module);
                String victim = instances.get((round / VICTIMS.size()) % instances.size());
                Instant killed = Instant.now();
                stack.kill(victim);
                stack.awaitReady(victim, Duration.ofMinutes(5));
                faults.add(new Fault("SIGKILL " + victim, killed, Instant.now()));
                round++;
                next = next.plus(every);
            }
            SoakShoppers.pause(1_000);
        }
        return faults;
    }

    private static Map<String, Integer> restarts() {
        Map<String, Integer> restarts = new HashMap<>();
        stack.names().forEach(name -> restarts.put(name, stack.restarts(name)));
        return restarts;
    }

    /** Restarts beyond the kills: a process that died on its own (out of memory, a crash). */
    private static Map<String, Integer> unexpectedRestarts(Map<String, Integer> before, List<Fault> faults) {
        Map<String, Integer> unexpected = new TreeMap<>();
        for (String name : stack.names()) {
            long kills = faults.stream()
                    .filter(fault -> fault.what().equals("SIGKILL " + name))
                    .count();
            int extra = stack.restarts(name) - before.getOrDefault(name, 0) - (int) kills;
            if (extra != 0) {
                unexpected.put(name, extra);
            }
        }
        return unexpected;
    }
}
