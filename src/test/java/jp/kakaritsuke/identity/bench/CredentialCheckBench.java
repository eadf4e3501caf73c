package jp.kakaritsuke.identity.bench;

import java.util.concurrent.TimeUnit;
import jp.kakaritsuke.identity.service.ApiTokenService;
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
 * The credential check of one API request: what HTTP Basic cost (a bcrypt comparison, Spring's default strength 10)
 * against what a personal API token costs (ApiTokenService.hash: one SHA-256; the indexed lookup that follows is not
 * included). Run with {@code ./.ci/bench CredentialCheckBench} (docs/performance.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CredentialCheckBench {

    PasswordEncoder encoder;
    String hash;
    String token;

    @Setup
    public void setUp() {
        encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        hash = encoder.encode("correct-horse-battery");
        token = ApiTokenService.PREFIX + "Jq3uGxvW0kq8iA1cT9u2yN4bZpR7sE6dF5gH3jK2lM1";
    }

    @Benchmark
    public boolean httpBasicBcrypt() {
        return encoder.matches("correct-horse-battery", hash);
    }

    @Benchmark
    public String apiTokenSha256() {
        return ApiTokenService.hash(token);
    }
}
