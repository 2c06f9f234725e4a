package dev.shopstack.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.platform.problems.ProblemType;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

class BusyDatabaseTest {

    @Test
    void aLockConflictIsA503WithRetryAfterNotA500() {
        var answer = new ProblemDetailsAdvice()
                .handleBusy(
                        new CannotAcquireLockException("Deadlock found"),
                        new ServletWebRequest(new MockHttpServletRequest("POST", "/api/auth/password-reset")));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        ProblemDetail body = (ProblemDetail) answer.getBody();
        assertThat(body.getDetail()).doesNotContain("Deadlock");
        assertThat(body.getType()).isEqualTo(ProblemType.BUSY.uri());
        assertThat(body.getInstance().toString()).isEqualTo("/api/auth/password-reset");
    }
}
