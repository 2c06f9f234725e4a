package dev.shopstack.user.auth;

import dev.shopstack.platform.docs.Problems;
import dev.shopstack.platform.problems.ProblemType;
import dev.shopstack.user.lockout.ClientAddress;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class AuthController {

    public record LoginRequest(
            @NotBlank @Size(max = 254) String login,
            @NotBlank @Size(max = 128) String password) {}

    public record RefreshRequest(@NotBlank @Size(max = 128) String refreshToken) {}

    /**
     * @param refreshToken a live refresh token of the session: a spent, revoked, expired or unknown one gets 401
     * @param allSessions also end every other session of the same user ("log out everywhere")
     */
    public record LogoutRequest(@NotBlank @Size(max = 128) String refreshToken, Boolean allSessions) {}

    private final LoginService login;
    private final SessionService sessions;

    public AuthController(LoginService login, SessionService sessions) {
        this.login = login;
        this.sessions = sessions;
    }

    @Operation(
            operationId = "login",
            summary = "Log in with email or username and password: an access and a refresh token")
    @Problems({ProblemType.INVALID_CREDENTIALS, ProblemType.EMAIL_NOT_VERIFIED})
    @PostMapping("/api/auth/login")
    public TokenResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return login.login(request.login(), request.password(), ClientAddress.of(http));
    }

    @Operation(operationId = "refreshTokens", summary = "Trade a refresh token for new tokens (the old one is spent)")
    @Problems({ProblemType.INVALID_REFRESH_TOKEN, ProblemType.SESSION_EXPIRED})
    @PostMapping("/api/auth/refresh")
    public TokenResponse refresh(@Valid @RequestBody RefreshRequest request) {
        return sessions.refresh(request.refreshToken());
    }

    @Operation(operationId = "logout", summary = "End the refresh token's session, or all of the account's sessions")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Problems(ProblemType.INVALID_REFRESH_TOKEN)
    @PostMapping("/api/auth/logout")
    public ResponseEntity<Void> logout(@Valid @RequestBody LogoutRequest request) {
        sessions.logout(request.refreshToken(), Boolean.TRUE.equals(request.allSessions()));
        return ResponseEntity.noContent().build();
    }
}
