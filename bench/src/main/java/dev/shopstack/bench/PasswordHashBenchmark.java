package dev.shopstack.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The raw cost of the password check that every login pays: user-service's encoder (Spring Security's delegating
 * encoder, bcrypt strength 10), with nothing around it. Login throughput is compared against this.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class PasswordHashBenchmark {

    private PasswordEncoder encoder;
    private String hash;

    @Setup
    public void setUp() {
        encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        hash = encoder.encode("local-admin-password");
    }

    @Benchmark
    public boolean matches() {
        return encoder.matches("local-admin-password", hash);
    }
}
