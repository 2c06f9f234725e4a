package dev.shopstack.events.user;

/** {@code user.registered}: a new account exists (not yet verified). Drives the welcome email. */
public record UserRegistered(String userId, String email, String username, String firstName) {}
