package dev.shopstack.catalog.web;

import dev.shopstack.platform.web.ProblemDetailsAdvice;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

/**
 * Persistence races the services cannot rule out up front: a concurrent edit of the same row (optimistic lock)
 * or a concurrent insert of the same unique value. Both are the client's conflict to resolve, not a server
 * error. The platform advice renders the problem, so it carries instance and trace id like every other.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CatalogProblemAdvice {

    private final ProblemDetailsAdvice problems;

    CatalogProblemAdvice(ProblemDetailsAdvice problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ResponseEntity<Object> concurrentEdit(WebRequest request) throws Exception {
        return problems.handleException(
                Problems.conflict("Someone else changed this resource at the same time. Read it again and retry."),
                request);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(WebRequest request) throws Exception {
        return problems.handleException(
                Problems.conflict("The change conflicts with existing data. Read it again and retry."), request);
    }
}
