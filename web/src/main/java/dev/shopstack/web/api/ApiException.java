package dev.shopstack.web.api;

/** The API answered with an error; the page shows {@link ApiProblem#message()} and the field messages. */
public class ApiException extends RuntimeException {

    private final transient ApiProblem problem;

    public ApiException(ApiProblem problem) {
        super(
                "API answered " + problem.status() + (problem.type().isEmpty() ? "" : " " + problem.type()),
                null,
                false,
                false);
        this.problem = problem;
    }

    public ApiProblem problem() {
        return problem;
    }

    public int status() {
        return problem.status();
    }

    /** A 401 (sign in again) or a server error goes on to the error handling; what is left, a page explains. */
    public void rethrowSignInAndServerErrors() {
        if (status() >= 500 || status() == 401) {
            throw this;
        }
    }
}
