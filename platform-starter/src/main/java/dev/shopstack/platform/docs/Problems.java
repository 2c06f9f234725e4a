package dev.shopstack.platform.docs;

import dev.shopstack.platform.problems.ProblemType;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem types an operation answers beyond the ones every operation documents (validation, 401, 404, 429):
 * each becomes an error response of the OpenAPI document, under its status, described by the catalogue.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Problems {

    ProblemType[] value();
}
