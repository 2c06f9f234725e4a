package dev.shopstack.user.auth;

/** What login and refresh answer. {@code expiresIn} is the access token's lifetime in seconds. */
public record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn) {}
