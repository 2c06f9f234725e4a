package dev.shopstack.web.auth;

import dev.shopstack.web.api.Tokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/** Signing a browser in and out of this module: the security context and the tokens in the session. */
@Component
public class WebSessions {

    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final ChangeSessionIdAuthenticationStrategy fixation = new ChangeSessionIdAuthenticationStrategy();

    /** A new session id (session fixation), the person in the security context, the tokens beside it. */
    public void signIn(SignedInUser user, Tokens tokens, HttpServletRequest request, HttpServletResponse response) {
        Authentication authentication =
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities());
        request.getSession(true);
        fixation.onAuthentication(authentication, request, response);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        request.getSession().setAttribute(Tokens.SESSION_ATTRIBUTE, tokens);
    }

    /** Forgets the person and the tokens; the cart stays, in a session with a new id. */
    public void signOutLocally(HttpServletRequest request) {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            session.removeAttribute(Tokens.SESSION_ATTRIBUTE);
            request.changeSessionId();
        }
    }

    public static Tokens tokens(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (Tokens) session.getAttribute(Tokens.SESSION_ATTRIBUTE);
    }
}
