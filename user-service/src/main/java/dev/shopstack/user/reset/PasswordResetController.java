package dev.shopstack.user.reset;

import dev.shopstack.platform.docs.Problems;
import dev.shopstack.platform.problems.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class PasswordResetController {

    public record ResetRequest(
            @NotBlank @Email @Size(max = 254) String email) {}

    public record ConfirmRequest(
            @NotBlank @Size(max = 128) String token,
            @NotNull @Size(min = 8, max = 72) String newPassword) {}

    private final PasswordResetService resets;

    public PasswordResetController(PasswordResetService resets) {
        this.resets = resets;
    }

    /** Always 202 with the same body, whether or not the address has an account. */
    @Operation(
            operationId = "requestPasswordReset",
            summary = "Mail a password reset link (the same answer whether or not the address has an account)")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/api/auth/password-reset")
    public ResponseEntity<Map<String, String>> request(@Valid @RequestBody ResetRequest request) {
        resets.request(request.email());
        return ResponseEntity.accepted()
                .body(Map.of("message", "If this address has an account, a reset link is on its way."));
    }

    @Operation(operationId = "confirmPasswordReset", summary = "Set a new password with the token from the reset link")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Problems({ProblemType.INVALID_RESET_TOKEN})
    @PostMapping("/api/auth/password-reset/confirm")
    public ResponseEntity<Void> confirm(@Valid @RequestBody ConfirmRequest request) {
        resets.confirm(request.token(), request.newPassword());
        return ResponseEntity.noContent().build();
    }
}
