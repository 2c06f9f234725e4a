package dev.shopstack.user.account;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "users")
public class User {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    private UUID id;

    @Column(nullable = false, unique = true, length = 254)
    private String email;

    @Column(nullable = false, unique = true, length = 32)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "first_name", length = 100)
    private String firstName;

    @Column(name = "last_name", length = 100)
    private String lastName;

    @Column(name = "phone_number", length = 16)
    private String phoneNumber;

    @Column(length = 500)
    private String address;

    @Column(name = "email_verified", nullable = false)
    private boolean emailVerified;

    /** An address the user asked to move to; it replaces {@link #email} once its code is entered. */
    @Column(name = "pending_email", length = 254)
    private String pendingEmail;

    /** Locked by an admin: no login, no refresh, until unlocked. */
    @Column(nullable = false)
    private boolean locked;

    /**
     * The account-wide lock after many failures from several addresses. Only the lockout's conditional updates
     * write it (never this entity), so an edit loaded before a lock cannot undo it.
     */
    @Column(name = "locked_until", insertable = false, updatable = false)
    private Instant lockedUntil;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "user_roles", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role", nullable = false, length = 20)
    @Enumerated(EnumType.STRING)
    @BatchSize(size = 100) // a page of users loads its roles in one query, not one per user
    private Set<Role> roles = new HashSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected User() {}

    public User(String email, String username, String passwordHash, Role role, Instant now) {
        this.id = UUID.randomUUID();
        this.email = email;
        this.username = username;
        this.passwordHash = passwordHash;
        this.roles.add(role);
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void setProfile(String firstName, String lastName, String phoneNumber, String address, Instant now) {
        this.firstName = firstName;
        this.lastName = lastName;
        this.phoneNumber = phoneNumber;
        this.address = address;
        touch(now);
    }

    /** The new address becomes the login only once {@link #confirmPendingEmail()} runs. */
    public void requestEmailChange(String newEmail, Instant now) {
        this.pendingEmail = newEmail;
        touch(now);
    }

    public void cancelEmailChange(Instant now) {
        this.pendingEmail = null;
        touch(now);
    }

    /** The pending address was proven: it is the account's address from now on. */
    public void confirmPendingEmail(Instant now) {
        this.email = pendingEmail;
        this.pendingEmail = null;
        this.emailVerified = true;
        touch(now);
    }

    public void changeUsername(String newUsername, Instant now) {
        this.username = newUsername;
        touch(now);
    }

    public void changePasswordHash(String newHash, Instant now) {
        this.passwordHash = newHash;
        touch(now);
    }

    public void markEmailVerified(Instant now) {
        this.emailVerified = true;
        touch(now);
    }

    public void setRoles(Set<Role> newRoles, Instant now) {
        this.roles.clear();
        this.roles.addAll(newRoles);
        touch(now);
    }

    public void setLocked(boolean locked, Instant now) {
        this.locked = locked;
        touch(now);
    }

    public boolean isTemporarilyLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    private void touch(Instant now) {
        this.updatedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public String getPhoneNumber() {
        return phoneNumber;
    }

    public String getAddress() {
        return address;
    }

    public boolean isEmailVerified() {
        return emailVerified;
    }

    public String getPendingEmail() {
        return pendingEmail;
    }

    public boolean isLocked() {
        return locked;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public Set<Role> getRoles() {
        return roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
