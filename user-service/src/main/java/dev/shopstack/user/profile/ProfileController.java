package dev.shopstack.user.profile;

import dev.shopstack.platform.caller.Caller;
import dev.shopstack.platform.docs.Problems;
import dev.shopstack.platform.problems.ProblemType;
import dev.shopstack.user.account.UserView;
import dev.shopstack.user.lockout.ClientAddress;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users/me")
public class ProfileController {

    private final ProfileService profiles;

    public ProfileController(ProfileService profiles) {
        this.profiles = profiles;
    }

    @Operation(operationId = "getProfile", summary = "The caller's account")
    @GetMapping
    public UserView me(Caller caller) {
        return profiles.get(caller.userId());
    }

    @Operation(operationId = "updateProfile", summary = "Change the caller's username or email address")
    @Problems({ProblemType.USERNAME_TAKEN, ProblemType.EMAIL_TAKEN})
    @PatchMapping
    public UserView update(
            Caller caller, @Valid @RequestBody ProfileRequests.UpdateProfile body, HttpServletRequest request) {
        return profiles.update(caller.userId(), body, ClientAddress.of(request));
    }

    @Operation(operationId = "changePassword", summary = "Change the caller's password (every other session ends)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PutMapping("/password")
    public ResponseEntity<Void> changePassword(
            Caller caller, @Valid @RequestBody ProfileRequests.ChangePassword body, HttpServletRequest request) {
        profiles.changePassword(caller.userId(), caller.sessionId(), body, ClientAddress.of(request));
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "deleteAccount", summary = "Delete the caller's account")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping
    public ResponseEntity<Void> delete(
            Caller caller, @Valid @RequestBody ProfileRequests.DeleteAccount body, HttpServletRequest request) {
        profiles.delete(caller.userId(), body, ClientAddress.of(request));
        return ResponseEntity.noContent().build();
    }
}
