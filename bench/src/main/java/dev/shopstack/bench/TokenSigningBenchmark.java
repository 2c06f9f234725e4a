package dev.shopstack.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.text.ParseException;
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

/**
 * What one access token costs to sign (user-service, every login and refresh) and to verify (the gateway and each
 * service, every authenticated request): RS256 with a 2048-bit key, as the platform uses, against ES256 (P-256),
 * the usual suggestion for cheaper signing. The payload has the platform's claims.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class TokenSigningBenchmark {

    private static final String CLAIMS = """
            {"iss":"http://localhost:8080","sub":"6f1c0d4e-3a53-4a3f-9a7e-2f0a4f1f9d11","email":"eve@example.test",\
            "roles":["CUSTOMER"],"sid":"0b6c5c7e-8f0e-4c59-bb0a-3c1f5a8e2d44","jti":"d3c5a1f2-7b1e-4d9e-a8c2-1f4e6b7a9c30",\
            "iat":1795000000,"exp":1795000900}""";

    private JWSSigner rsaSigner;
    private JWSVerifier rsaVerifier;
    private JWSSigner ecSigner;
    private JWSVerifier ecVerifier;
    private String rsaToken;
    private String ecToken;

    @Setup
    public void setUp() throws JOSEException {
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa").generate();
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec").generate();
        rsaSigner = new RSASSASigner(rsa);
        rsaVerifier = new RSASSAVerifier(rsa.toPublicJWK());
        ecSigner = new ECDSASigner(ec);
        ecVerifier = new ECDSAVerifier(ec.toPublicJWK());
        rsaToken = sign(JWSAlgorithm.RS256, "rsa", rsaSigner);
        ecToken = sign(JWSAlgorithm.ES256, "ec", ecSigner);
    }

    @Benchmark
    public String signRs256() throws JOSEException {
        return sign(JWSAlgorithm.RS256, "rsa", rsaSigner);
    }

    @Benchmark
    public boolean verifyRs256() throws JOSEException, ParseException {
        return JWSObject.parse(rsaToken).verify(rsaVerifier);
    }

    @Benchmark
    public String signEs256() throws JOSEException {
        return sign(JWSAlgorithm.ES256, "ec", ecSigner);
    }

    @Benchmark
    public boolean verifyEs256() throws JOSEException, ParseException {
        return JWSObject.parse(ecToken).verify(ecVerifier);
    }

    private static String sign(JWSAlgorithm algorithm, String keyId, JWSSigner signer) throws JOSEException {
        JWSObject jws =
                new JWSObject(new JWSHeader.Builder(algorithm).keyID(keyId).build(), new Payload(CLAIMS));
        jws.sign(signer);
        return jws.serialize();
    }
}
