package dev.shopstack.e2e;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;

/** Tokens an attacker can make: unsigned ones and ones signed with a key the platform never trusted. */
final class Jwts {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private Jwts() {}

    static String unsigned(String claims) {
        return encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + encode(claims) + ".";
    }

    static String signed(String claims, PrivateKey key) throws GeneralSecurityException {
        return sign("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"attacker\"}", claims, key);
    }

    /** An access token in every respect but its key: {@code kid} names a key the platform does not have. */
    static String signed(String claims, PrivateKey key, String kid) throws GeneralSecurityException {
        return sign("{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"%s\"}".formatted(kid), claims, key);
    }

    private static String sign(String header, String claims, PrivateKey key) throws GeneralSecurityException {
        String content = encode(header) + "." + encode(claims);
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(key);
        rs256.update(content.getBytes(StandardCharsets.US_ASCII));
        return content + "." + B64.encodeToString(rs256.sign());
    }

    private static String encode(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
