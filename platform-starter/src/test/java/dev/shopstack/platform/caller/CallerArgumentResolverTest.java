package dev.shopstack.platform.caller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class CallerArgumentResolverTest {

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private static void signIn(String subject, String sid, String... authorities) {
        Jwt jwt = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject(subject)
                .claim("email", "ann@example.com")
                .claim("sid", sid)
                .issuedAt(Instant.EPOCH)
                .expiresAt(Instant.EPOCH.plusSeconds(60))
                .build();
        SecurityContextHolder.getContext()
                .setAuthentication(new JwtAuthenticationToken(jwt, AuthorityUtils.createAuthorityList(authorities)));
    }

    @Test
    void aCustomerTokenNamesTheUserAndSessionAndSeesOnlyTheirOwn() {
        UUID user = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        signIn(user.toString(), session.toString(), "ROLE_CUSTOMER");

        Caller caller = CallerArgumentResolver.current();

        assertThat(caller.userId()).isEqualTo(user);
        assertThat(caller.sessionId()).isEqualTo(session);
        assertThat(caller.email()).isEqualTo("ann@example.com");
        assertThat(caller.admin()).isFalse();
        assertThat(caller.maySee(user)).isTrue();
        assertThat(caller.maySee(UUID.randomUUID())).isFalse();
    }

    @Test
    void anAdminSeesEveryone() {
        signIn(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "ROLE_CUSTOMER", "ROLE_ADMIN");

        assertThat(CallerArgumentResolver.current().maySee(UUID.randomUUID())).isTrue();
    }

    @Test
    void aTokenWhoseSubjectIsNotAUserMayAskForPublicThingsButHasNoUserId() {
        signIn("catalog-service", UUID.randomUUID().toString(), "ROLE_ADMIN");

        Caller caller = CallerArgumentResolver.current();

        assertThat(caller.admin()).isTrue();
        assertThatThrownBy(caller::userId).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void withoutATokenTheCallerIsAnonymousAndNoAdmin() {
        Caller caller = CallerArgumentResolver.current();

        assertThat(caller.isAnonymous()).isTrue();
        assertThat(caller.admin()).isFalse();
        assertThatThrownBy(() -> caller.maySee(UUID.randomUUID())).isInstanceOf(AccessDeniedException.class);
    }
}
