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
}
