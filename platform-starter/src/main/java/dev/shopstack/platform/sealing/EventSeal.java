package dev.shopstack.platform.sealing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a bearer secret (a reset token, a verification code) for the one consumer that must put it into a mail,
 * and opens it there (ADR 0009). AES-256-GCM under the shared key; the format is {@code v1.} followed by
 * base64url (no padding) of the 12-byte nonce, the ciphertext and the 16-byte tag. The associated data is the
 * event type and the user id ({@code <type>\n<userId>} in UTF-8), so a sealed value moved to another event type or
 * another user does not open.
 */
public final class EventSeal {

    public static final String VERSION_PREFIX = "v1.";
    static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Opening refuses longer input before any work: the secrets sealed here are short. */
    private static final int MAX_SEALED_LENGTH = 1024;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public EventSeal(byte[] key) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the sealing key must be " + KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** A key from its configured form: base64 (standard or URL-safe) of exactly 32 bytes. */
    public static EventSeal fromBase64(String configured) {
        if (configured == null || configured.isBlank()) {
            throw new IllegalArgumentException("the sealing key is not set");
        }
        String value = configured.strip();
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException notStandard) {
            try {
                key = Base64.getUrlDecoder().decode(value);
            } catch (IllegalArgumentException notUrlSafe) {
                throw new IllegalArgumentException("the sealing key is not base64");
            }
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException(
                    "the sealing key must be the base64 of " + KEY_BYTES + " random bytes, not " + key.length);
        }
        return new EventSeal(key);
    }

    public String seal(String eventType, String userId, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, eventType, userId);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
            return VERSION_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * @throws SealedValueException when the value is not in the format, was sealed under another key, for another
     *     event type or user, or was changed
     */
    public String open(String eventType, String userId, String sealed) {
        if (sealed == null
                || !sealed.startsWith(VERSION_PREFIX)
                || sealed.length() > MAX_SEALED_LENGTH
                || eventType == null
                || userId == null) {
            throw new SealedValueException("not a v1 sealed value");
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(sealed.substring(VERSION_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new SealedValueException("not base64url");
        }
        if (raw.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SealedValueException("too short");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(raw, NONCE_BYTES), eventType, userId);
            byte[] plain = cipher.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SealedValueException("does not open with this key, event type and user");
        } catch (GeneralSecurityException e) {
            throw new SealedValueException("does not open: " + e.getClass().getSimpleName());
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String eventType, String userId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD((eventType + "\n" + userId).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
