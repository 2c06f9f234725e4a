package dev.shopstack.web.auth;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Who is signed in, as the API's profile said at sign-in. Kept in the session's security context. */
public record SignedInUser(String id, String username, String email, Set<String> roles) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public boolean isAdmin() {
        return roles.contains("ADMIN");
    }

    public List<GrantedAuthority> authorities() {
        return roles.stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
    }
}
