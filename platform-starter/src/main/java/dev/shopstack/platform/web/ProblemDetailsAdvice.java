package dev.shopstack.platform.web;

import dev.shopstack.platform.errors.ApiProblem;
import dev.shopstack.platform.problems.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error a service answers is RFC 9457 problem+json with a {@code type} from the catalogue
 * ({@link ProblemType}, docs/errors.md), {@code status}, {@code title}, {@code detail}, the request path as
 * {@code instance}, the {@code traceId}, and for validation failures the field {@code errors}. Domain code throws
 * {@link ApiProblem}s; this advice turns them, and the framework's own exceptions, into answers. Unexpected
 * exceptions are logged and answered 500 without any detail: no stack trace leaves the service.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    /** A deliberate refusal from domain code: its catalogue type decides status and title. */
    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> handleApiProblem(ApiProblem ex, WebRequest request) {
        ProblemType type = ex.type();
        HttpStatus status = HttpStatus.valueOf(type.status());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.detail());
        problem.setType(type.uri());
        problem.setTitle(type.title());
        ex.properties().forEach(problem::setProperty);
        HttpHeaders headers = new HttpHeaders();
        if (ex.retryAfterSeconds() != null) {
            headers.set(HttpHeaders.RETRY_AFTER, ex.retryAfterSeconds().toString());
        }
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /**
     * A deadlock or lock timeout between parallel requests on the same rows (first attempts of one lockout pair,
     * first mails to one address) is the database asking the client to try again: 503 with Retry-After, not 500.
     */
    @ExceptionHandler(PessimisticLockingFailureException.class)
    ResponseEntity<Object> handleBusy(PessimisticLockingFailureException ex, WebRequest request) {
        log.info("Lock conflict on {}: {}", path(request), ex.getClass().getSimpleName());
        return handleApiProblem(
                ApiProblem.of(ProblemType.BUSY, "Too many requests for the same data at once. Try again in a moment.")
                        .retryAfter(Duration.ofSeconds(1)),
                request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ApiProblem.FieldError> errors = ex.getBindingResult().getAllErrors().stream()
                .map(error -> new ApiProblem.FieldError(
                        error instanceof FieldError field ? field.getField() : error.getObjectName(),
                        error.getDefaultMessage()))
                .sorted(Comparator.comparing(ApiProblem.FieldError::field))
                .toList();
        return validationProblem(errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ApiProblem.FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new ApiProblem.FieldError(
                                parameterName(result.getMethodParameter().getParameterName(), error),
                                error.getDefaultMessage())))
                .toList();
        return validationProblem(errors, headers, request);
    }

    private static String parameterName(String parameter, MessageSourceResolvable error) {
        return error instanceof FieldError field ? field.getField() : parameter;
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
        List<ApiProblem.FieldError> errors = ex.getConstraintViolations().stream()
                .map(violation -> new ApiProblem.FieldError(
                        leaf(violation.getPropertyPath().toString()), violation.getMessage()))
                .sorted(Comparator.comparing(ApiProblem.FieldError::field))
                .toList();
        return validationProblem(errors, new HttpHeaders(), request);
    }

    private static String leaf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private ResponseEntity<Object> validationProblem(
            List<ApiProblem.FieldError> errors, HttpHeaders headers, WebRequest request) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
        problem.setType(ProblemType.VALIDATION.uri());
        problem.setTitle(ProblemType.VALIDATION.title());
        problem.setProperty("errors", errors);
        return handleExceptionInternal(
                new IllegalArgumentException(), problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> handleAuthentication(AuthenticationException ex, WebRequest request) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "A valid bearer token is required.");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.UNAUTHORIZED, request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> handleAccessDenied(AccessDeniedException ex, WebRequest request) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "You are not allowed to do this.");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.FORBIDDEN, request);
    }

    /** Two requests changed the same row at once; the loser may simply retry. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> handleConcurrentUpdate(OptimisticLockingFailureException ex, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT,
                "The resource was changed by another request at the same time. Reload it and try again.");
        problem.setType(ProblemType.CONCURRENT_UPDATE.uri());
        problem.setTitle(ProblemType.CONCURRENT_UPDATE.title());
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
    }

    /** A unique constraint caught a race the service's own checks could not see. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> handleIntegrityViolation(DataIntegrityViolationException ex, WebRequest request) {
        // the constraint's name, never the driver's message: that one quotes the row's values (emails, names)
        log.info("Integrity violation on {}: constraint {}", path(request), constraintName(ex));
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "The request conflicts with existing data.");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
    }

    /** Tomcat could not decode a query parameter: broken percent-encoding or bytes that are not UTF-8. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> handleUndecodableParameter(InvalidParameterException ex, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "A request parameter is not valid percent-encoded UTF-8.");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        log.error("Unhandled error on {}", path(request), ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Quote the traceId when you report it.");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    /** Every problem, from this class or the base class, passes here: stamp path and trace id. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            decorate(problem, path(request));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    /** Stamps the path, the trace id, and the catalogue's generic type on a problem that has none yet. */
    static void decorate(ProblemDetail problem, String path) {
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            ProblemType generic = ProblemType.forStatus(problem.getStatus());
            problem.setType(generic.uri());
        }
        if (problem.getInstance() == null && path != null) {
            problem.setInstance(URI.create(path));
        }
        String traceId = MDC.get("traceId");
        if (traceId != null) {
            Map<String, Object> properties = problem.getProperties();
            if (properties == null || !properties.containsKey("traceId")) {
                problem.setProperty("traceId", traceId);
            }
        }
    }

    /** The name Hibernate parsed from the driver's error, when there is one; the SQL state otherwise. */
    static String constraintName(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            try {
                Object name = cause.getClass().getMethod("getConstraintName").invoke(cause);
                if (name != null) {
                    return name.toString();
                }
            } catch (ReflectiveOperationException | RuntimeException notThisOne) {
                // not a constraint-violation exception: look further down
            }
            if (cause instanceof java.sql.SQLException sql) {
                return "unknown (SQL state " + sql.getSQLState() + ")";
            }
        }
        return "unknown";
    }

    private static String path(WebRequest request) {
        if (request instanceof ServletWebRequest servlet) {
            HttpServletRequest http = servlet.getRequest();
            return http.getRequestURI();
        }
        return null;
    }
}
