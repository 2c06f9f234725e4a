package dev.shopstack.platform.test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Calls that start at the same instant, round after round: races between parallel requests (lock conflicts, lost
 * counts) show only when the requests really meet.
 */
public final class AtOnce {

    /** One caller's call in one round. */
    @FunctionalInterface
    public interface Call<T> {
        T call(int round, int caller) throws Exception;
    }

    private AtOnce() {}

    /**
     * @return every answer, round by round; a call that throws fails the run with its exception as the cause
     */
    public static <T> List<T> rounds(int rounds, int callers, Call<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<T> answers = new ArrayList<>();
        try {
            for (int round = 0; round < rounds; round++) {
                var together = new CyclicBarrier(callers);
                List<Future<T>> calls = new ArrayList<>();
                for (int caller = 0; caller < callers; caller++) {
                    int thisRound = round;
                    int thisCaller = caller;
                    calls.add(pool.submit(() -> {
                        together.await();
                        return call.call(thisRound, thisCaller);
                    }));
                }
                for (Future<T> answer : calls) {
                    answers.add(answer.get());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return answers;
    }
}
