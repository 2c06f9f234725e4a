package dev.shopstack.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/** L5: a unique-key clash is logged by the constraint's name, never with the driver's message and its values. */
class ConstraintNameTest {

    /** Shaped like Hibernate's ConstraintViolationException: the parsed name next to the driver's message. */
    static class NamedViolation extends RuntimeException {

        NamedViolation(Throwable cause) {
            super("could not execute statement", cause);
        }

        public String getConstraintName() {
            return "uk_users_email";
        }
    }

    @Test
    void theConstraintNameIsLoggedNotTheDriverMessage() {
        var driver = new SQLIntegrityConstraintViolationException(
                "Duplicate entry 'alice@example.com' for key 'uk_users_email'", "23000");
        var failure = new DataIntegrityViolationException("insert failed", new NamedViolation(driver));

        assertThat(ProblemDetailsAdvice.constraintName(failure)).isEqualTo("uk_users_email");
        assertThat(ProblemDetailsAdvice.constraintName(new DataIntegrityViolationException("x", driver)))
                .isEqualTo("unknown (SQL state 23000)")
                .doesNotContain("alice");
    }
}
