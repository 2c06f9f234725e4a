package dev.shopstack.user.reset;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class PasswordResetController {

    public record ResetRequest(@NotBlank @Email @Size(max = 254) String email) {
    }

    public record ConfirmRequest(@NotBlank @Size(max = 128) String token,
            @NotNull @Size(min = 8, max = 72) String newPassword) {
    }

    private final PasswordResetService resets;

    public PasswordResetController(PasswordResetService resets) {
        this.resets = resets;
    }

    /** Always 202 with the same body, whether or not the address has an account. */
    @PostMapping("/api/auth/password-reset")
    public ResponseEntity<Map<String, String>> request(@Valid @RequestBody ResetRequest request) {
        resets.request(request.email());
        return ResponseEntity.accepted().body(Map.of("message",
                "If this address has an account, a reset link is on its way."));
    }

    @PostMapping("/api/auth/password-reset/confirm")
    public ResponseEntity<Void> confirm(@Valid @RequestBody ConfirmRequest request) {
        resets.confirm(request.token(), request.newPassword());
        return ResponseEntity.noContent().build();
    }
}
