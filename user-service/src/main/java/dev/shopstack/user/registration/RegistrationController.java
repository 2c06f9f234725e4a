package dev.shopstack.user.registration;

import dev.shopstack.platform.docs.Problems;
import dev.shopstack.platform.problems.ProblemType;
import dev.shopstack.user.account.UserView;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class RegistrationController {

    private final RegistrationService registration;

    public RegistrationController(RegistrationService registration) {
        this.registration = registration;
    }

    @Operation(operationId = "register", summary = "Create an account; a verification code is mailed")
    @Problems({ProblemType.ACCOUNT_EXISTS})
    @PostMapping("/api/auth/register")
    @ResponseStatus(HttpStatus.CREATED)
    public UserView register(@Valid @RequestBody RegisterRequest request) {
        return registration.register(request);
    }
}
