package dev.shopstack.user.verification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The live verification code of one user (its hash), with its guess and send counters. */
@Entity
@Table(name = "email_verifications")
public class EmailVerification {

    @Id
    @Column(name = "user_id")
    @JdbcTypeCode(SqlTypes.CHAR)
    private UUID userId;

    @Column(name = "code_hash", nullable = false, length = 64)
    private String codeHash;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_sent_at", nullable = false)
    private Instant lastSentAt;

    @Column(name = "sends_day", nullable = false)
    private LocalDate sendsDay;

    @Column(name = "sends_that_day", nullable = false)
    private int sendsThatDay;

    protected EmailVerification() {
    }

    EmailVerification(UUID userId) {
        this.userId = userId;
    }

    /** A fresh code: new hash, new lifetime, guesses reset; the send is counted for today's cap. */
    void renew(String newCodeHash, Instant now, Instant newExpiry, LocalDate today) {
        this.codeHash = newCodeHash;
        this.expiresAt = newExpiry;
        this.attempts = 0;
        this.lastSentAt = now;
        if (today.equals(sendsDay)) {
            sendsThatDay++;
        } else {
            sendsDay = today;
            sendsThatDay = 1;
        }
    }

    void countGuess() {
        attempts++;
    }

    UUID getUserId() {
        return userId;
    }

    String getCodeHash() {
        return codeHash;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }

    int getAttempts() {
        return attempts;
    }

    Instant getLastSentAt() {
        return lastSentAt;
    }

    int sendsOn(LocalDate day) {
        return day.equals(sendsDay) ? sendsThatDay : 0;
    }
}
