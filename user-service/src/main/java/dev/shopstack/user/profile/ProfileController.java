package dev.shopstack.user.profile;

import dev.shopstack.user.account.UserView;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users/me")
public class ProfileController {

    private final ProfileService profiles;

    public ProfileController(ProfileService profiles) {
        this.profiles = profiles;
    }

    @GetMapping
    public UserView me(@AuthenticationPrincipal Jwt jwt) {
        return profiles.get(CurrentUser.of(jwt).id());
    }

    @PatchMapping
    public UserView update(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody ProfileRequests.UpdateProfile body) {
        return profiles.update(CurrentUser.of(jwt).id(), body);
    }

    @PutMapping("/password")
    public ResponseEntity<Void> changePassword(@AuthenticationPrincipal Jwt jwt,
            @Valid @RequestBody ProfileRequests.ChangePassword body) {
        CurrentUser user = CurrentUser.of(jwt);
        profiles.changePassword(user.id(), user.sessionId(), body);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping
    public ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt jwt,
            @Valid @RequestBody ProfileRequests.DeleteAccount body) {
        profiles.delete(CurrentUser.of(jwt).id(), body);
        return ResponseEntity.noContent().build();
    }
}
