package dev.shopstack.web.support;

import dev.shopstack.web.api.ApiException;
import dev.shopstack.web.api.SignedOutException;
import dev.shopstack.web.auth.WebSessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.client.RestClientException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Errors no page handled itself: a problem page in words (never a stack trace or the API's JSON); an ended
 * session signs the person out and asks them to sign in again.
 */
@ControllerAdvice
@Order(0)
public class ErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(ErrorAdvice.class);

    private final WebSessions sessions;

    public ErrorAdvice(WebSessions sessions) {
        this.sessions = sessions;
    }

    @ExceptionHandler(SignedOutException.class)
    public String signedOut(SignedOutException e, HttpServletRequest request, HttpServletResponse response) {
        sessions.signOutLocally(request);
        RequestContextUtils.getOutputFlashMap(request).put("error", e.getMessage());
        if (request.getHeader("HX-Request") != null) {
            RequestContextUtils.saveOutputFlashMap("/sign-in", request, response);
            response.setHeader("HX-Redirect", "/sign-in");
            return "fragments :: empty";
        }
        return "redirect:/sign-in";
    }

    @ExceptionHandler(ApiException.class)
    public ModelAndView api(ApiException e, HttpServletResponse response) {
        int status = switch (e.status()) {
            case 403, 404, 409, 412, 422, 429 -> e.status();
            default -> e.status() >= 500 ? 503 : 400;
        };
        return problemPage(status, e.problem().message(), response);
    }

    @ExceptionHandler(RestClientException.class)
    public ModelAndView unreachable(RestClientException e, HttpServletResponse response) {
        log.warn("The gateway could not be reached: {}", e.getMessage());
        return problemPage(503, "The shop cannot answer right now. Please try again in a moment.", response);
    }

    private static ModelAndView problemPage(int status, String message, HttpServletResponse response) {
        response.setStatus(status);
        ModelAndView page = new ModelAndView("error");
        page.addObject("status", status);
        page.addObject("message", message);
        page.addObject("me", PageModel.current());
        page.addObject("cartCount", 0);
        return page;
    }
}
