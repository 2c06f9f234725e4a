package dev.shopstack.user.verification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The live verification code of one user (its hash) and the address it was sent to: the account's own address
 * after registration, or the pending address of an email change. Guesses are counted by
 * {@link EmailVerificationRepository#countGuess}, never through this entity.
 */
@Entity
@Table(name = "email_verifications")
public class EmailVerification {

    @Id
    @Column(name = "user_id")
    @JdbcTypeCode(SqlTypes.CHAR)
    private UUID userId;

    @Column(nullable = false, length = 254)
    private String email;

    @Column(name = "code_hash", nullable = false, length = 64)
    private String codeHash;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(nullable = false)
    private int attempts;

    protected EmailVerification() {}

    EmailVerification(UUID userId) {
        this.userId = userId;
    }

    /** A fresh code for this address: new hash, new lifetime, guesses reset. */
    void renew(String address, String newCodeHash, Instant newExpiry) {
        this.email = address;
        this.codeHash = newCodeHash;
        this.expiresAt = newExpiry;
        this.attempts = 0;
    }

    UUID getUserId() {
        return userId;
    }

    String getEmail() {
        return email;
    }

    String getCodeHash() {
        return codeHash;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }
}
