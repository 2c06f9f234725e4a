package dev.shopstack.user.support;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A 400 "Validation failed" for one field, shaped like Bean Validation's failures. */
public final class FieldProblems {

    private FieldProblems() {
    }

    public static ApiProblem of(String field, String message) {
        var problem = new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "Validation failed",
                "The request has invalid fields.");
        problem.getBody().setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }
}
