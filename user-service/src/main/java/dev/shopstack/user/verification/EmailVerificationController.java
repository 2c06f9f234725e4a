package dev.shopstack.user.verification;

import dev.shopstack.platform.docs.Problems;
import dev.shopstack.platform.problems.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class EmailVerificationController {

    public record VerifyRequest(
            @NotBlank @Email @Size(max = 254) String email,

            @NotBlank @Pattern(regexp = "^[0-9]{6}$", message = "must be the 6-digit code")
            String code) {}

    public record ResendRequest(
            @NotBlank @Email @Size(max = 254) String email) {}

    private final EmailVerificationService verification;

    public EmailVerificationController(EmailVerificationService verification) {
        this.verification = verification;
    }

    @Operation(operationId = "verifyEmail", summary = "Verify an email address with the code that was mailed")
    @Problems({ProblemType.INVALID_VERIFICATION_CODE})
    @PostMapping("/api/auth/verify-email")
    public Map<String, Object> verify(@Valid @RequestBody VerifyRequest request) {
        verification.verify(request.email(), request.code());
        return Map.of("verified", true);
    }

    /** Always 202 with the same body, whether or not the address has an account. */
    @Operation(
            operationId = "resendVerificationCode",
            summary = "Mail a new verification code (the same answer whether or not the address has an account)")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/api/auth/verify-email/resend")
    public ResponseEntity<Map<String, String>> resend(@Valid @RequestBody ResendRequest request) {
        verification.resend(request.email());
        return ResponseEntity.accepted()
                .body(Map.of("message", "If this address has an unverified account, a new code is on its way."));
    }
}
