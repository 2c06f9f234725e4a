package dev.shopstack.platform.test.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The architecture rules every service keeps (docs/architecture.md, "Where each concern lives"). Each service
 * applies them with one small test: {@code ShopstackArchitectureRules.check("dev.shopstack.user")}.
 * Annotations are named, not referenced, so a service without Spring MVC or JPA on its classpath can run them.
 */
public final class ShopstackArchitectureRules {

    /** The classes of the web layer, the only ones that may speak HTTP: inbound, and the clients calling out. */
    private static final List<String> WEB_LAYER_SUFFIXES =
            List.of("Controller", "Advice", "Filter", "Configuration", "Config", "Client");

    private static final List<String> WEB_LAYER_ANNOTATIONS = List.of(
            "org.springframework.stereotype.Controller",
            "org.springframework.web.bind.annotation.RestController",
            "org.springframework.web.bind.annotation.ControllerAdvice",
            "org.springframework.web.bind.annotation.RestControllerAdvice",
            "org.springframework.context.annotation.Configuration",
            "org.springframework.boot.autoconfigure.AutoConfiguration");
    private static final List<String> CONTROLLER_ANNOTATIONS = List.of(
            "org.springframework.stereotype.Controller", "org.springframework.web.bind.annotation.RestController");
    private static final String SPRING_TRANSACTIONAL = "org.springframework.transaction.annotation.Transactional";
    private static final String JAKARTA_TRANSACTIONAL = "jakarta.transaction.Transactional";

    private static final DescribedPredicate<JavaClass> WEB_LAYER =
            new DescribedPredicate<>("controllers, advice, filters, configuration or HTTP clients") {
                @Override
                public boolean test(JavaClass javaClass) {
                    JavaClass outer = outermost(javaClass);
                    return WEB_LAYER_SUFFIXES.stream().anyMatch(outer.getSimpleName()::endsWith)
                            || WEB_LAYER_ANNOTATIONS.stream().anyMatch(outer::isAnnotatedWith);
                }
            };

    /** Requests, responses, servlets and MVC: not the URL utilities of {@code org.springframework.web.util}. */
    private static final DescribedPredicate<JavaClass> HTTP_TYPES = new DescribedPredicate<>("HTTP or servlet types") {
        @Override
        public boolean test(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            return (pkg.startsWith("org.springframework.web") && !pkg.startsWith("org.springframework.web.util"))
                    || pkg.startsWith("jakarta.servlet");
        }
    };

    private static final DescribedPredicate<JavaClass> CONTROLLERS = new DescribedPredicate<>("controllers") {
        @Override
        public boolean test(JavaClass javaClass) {
            JavaClass outer = outermost(javaClass);
            return CONTROLLER_ANNOTATIONS.stream().anyMatch(outer::isAnnotatedWith);
        }
    };

    private static final DescribedPredicate<JavaClass> DATA_ACCESS =
            new DescribedPredicate<>("repositories (Spring Data, @Repository, JdbcTemplate, EntityManager)") {
                @Override
                public boolean test(JavaClass javaClass) {
                    return javaClass.isAssignableTo("org.springframework.data.repository.Repository")
                            || javaClass.isAnnotatedWith("org.springframework.stereotype.Repository")
                            || javaClass.isAssignableTo("org.springframework.jdbc.core.JdbcOperations")
                            || javaClass.isAssignableTo("org.springframework.jdbc.core.simple.JdbcClient")
                            || javaClass.isAssignableTo("jakarta.persistence.EntityManager");
                }
            };

    /** Domain and feature code speaks its own types; only the web layer knows HTTP requests and servlets. */
    public static final ArchRule DOMAIN_CODE_DOES_NOT_USE_WEB_TYPES = noClasses()
            .that(DescribedPredicate.not(WEB_LAYER))
            .should()
            .dependOnClassesThat(HTTP_TYPES)
            .as("domain and feature code does not depend on org.springframework.web.. or jakarta.servlet.. "
                    + "(only controllers, advice, filters, configuration and HTTP clients do; "
                    + "org.springframework.web.util, URL encoding and building, is no HTTP handling)")
            .allowEmptyShould(true);

    /** A controller calls one service method; the service owns the transaction. */
    public static final ArchRule CONTROLLERS_ARE_NOT_TRANSACTIONAL = noClasses()
            .that(CONTROLLERS)
            .should()
            .beAnnotatedWith(SPRING_TRANSACTIONAL)
            .orShould()
            .beAnnotatedWith(JAKARTA_TRANSACTIONAL)
            .as("controllers are not @Transactional")
            .allowEmptyShould(true);

    /** The same for their methods. */
    public static final ArchRule CONTROLLER_METHODS_ARE_NOT_TRANSACTIONAL = noMethods()
            .that()
            .areDeclaredInClassesThat(CONTROLLERS)
            .should()
            .beAnnotatedWith(SPRING_TRANSACTIONAL)
            .orShould()
            .beAnnotatedWith(JAKARTA_TRANSACTIONAL)
            .as("controller methods are not @Transactional")
            .allowEmptyShould(true);

    /** Queries belong to services: a controller that reads a repository bypasses the rules kept there. */
    public static final ArchRule CONTROLLERS_DO_NOT_USE_REPOSITORIES = noClasses()
            .that(CONTROLLERS)
            .should()
            .dependOnClassesThat(DATA_ACCESS)
            .as("controllers do not use repositories, JdbcTemplate or an EntityManager")
            .allowEmptyShould(true);

    /**
     * The time of day comes from the injected {@code Clock} (platform-starter's bean, a test's own), so tests can move
     * it and every timestamp of one operation agrees. Defining that bean ({@code Clock.systemUTC()}) and measuring
     * durations with {@code System.nanoTime()} are fine.
     */
    public static final ArchRule TIME_COMES_FROM_THE_CLOCK = noClasses()
            .should()
            .callMethodWhere(new DescribedPredicate<JavaMethodCall>("reads the system clock") {
                @Override
                public boolean test(JavaMethodCall call) {
                    String owner = call.getTarget().getOwner().getName();
                    String name = call.getTarget().getName();
                    if (owner.equals("java.lang.System")) {
                        return name.equals("currentTimeMillis");
                    }
                    return owner.startsWith("java.time.")
                            && name.equals("now")
                            && call.getTarget().getRawParameterTypes().stream()
                                    .noneMatch(type -> type.isEquivalentTo(Clock.class));
                }
            })
            .as("the time of day is read from the injected Clock, not from Instant.now() and the like")
            .allowEmptyShould(true);

    /** For an HTTP edge throughout (the gateway, the web front): it has no domain code to keep free of HTTP. */
    public static final List<ArchRule> CONTROLLER_RULES = List.of(
            CONTROLLERS_ARE_NOT_TRANSACTIONAL,
            CONTROLLER_METHODS_ARE_NOT_TRANSACTIONAL,
            CONTROLLERS_DO_NOT_USE_REPOSITORIES,
            TIME_COMES_FROM_THE_CLOCK);

    public static final List<ArchRule> ALL = List.of(
            DOMAIN_CODE_DOES_NOT_USE_WEB_TYPES,
            CONTROLLERS_ARE_NOT_TRANSACTIONAL,
            CONTROLLER_METHODS_ARE_NOT_TRANSACTIONAL,
            CONTROLLERS_DO_NOT_USE_REPOSITORIES,
            TIME_COMES_FROM_THE_CLOCK);

    private ShopstackArchitectureRules() {}

    /** Checks every rule against the production classes under {@code rootPackage}; throws on any violation. */
    public static void check(String rootPackage) {
        check(importMain(rootPackage), ALL, Map.of());
    }

    /** Checks every rule against these classes; the error lists every violation of every rule. */
    public static void check(JavaClasses classes) {
        check(classes, ALL, Map.of());
    }

    /**
     * Checks these rules, ignoring the violations of the {@code frozen} classes (class name → why, naming the
     * issue that will fix it). A frozen class that keeps the rules now fails the check: take it off the list.
     */
    public static void check(JavaClasses classes, List<ArchRule> rules, Map<String, String> frozen) {
        Set<String> stillViolating = new HashSet<>();
        List<String> failures = new ArrayList<>();
        for (ArchRule rule : rules) {
            EvaluationResult result = rule.evaluate(classes).filterDescriptionsMatching(description -> {
                Optional<String> owner = frozen.keySet().stream()
                        .filter(name -> concerns(description, name))
                        .findFirst();
                owner.ifPresent(stillViolating::add);
                return owner.isEmpty();
            });
            if (result.hasViolation()) {
                failures.add(result.getFailureReport().toString());
            }
        }
        frozen.keySet().stream()
                .filter(name -> !stillViolating.contains(name))
                .sorted()
                .forEach(name -> failures.add(
                        name + " is frozen as a known violation but keeps the rules now: " + "take it off the list"));
        if (!failures.isEmpty()) {
            throw new AssertionError(String.join("\n\n", failures));
        }
    }

    /** Whether a violation's description ("Method <a.b.C.m()> calls ...") is about this class or its members. */
    private static boolean concerns(String description, String className) {
        int start = description.indexOf('<');
        if (start < 0) {
            return false;
        }
        String subject = description.substring(start + 1);
        return subject.startsWith(className + ".")
                || subject.startsWith(className + ">")
                || subject.startsWith(className + "$");
    }

    /** The classes of {@code rootPackage} compiled from {@code src/main}: no tests, nothing from a jar. */
    public static JavaClasses importMain(String rootPackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage);
    }

    private static JavaClass outermost(JavaClass javaClass) {
        JavaClass outer = javaClass;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }
}
