package dev.shopstack.user.registration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.user.Api;
import dev.shopstack.user.IntegrationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

class RegistrationTest extends IntegrationTestSupport {

    @Test
    void registeringAnswersTheProfileWithoutTheHashAndPublishesBothEvents() {
        String name = "grace" + System.nanoTime();
        var result = api.post("/api/auth/register", """
                {"email":"%s.Hopper@Example.TEST","username":"%s","password":"%s","passwordConfirm":"%s",
                 "firstName":"Grace","lastName":"Hopper","phoneNumber":"+4915112345678","address":"1 Navy Way"}
                """.formatted(name, name, Api.PASSWORD, Api.PASSWORD));

        assertThat(result).hasStatus(HttpStatus.CREATED);
        var body = Api.json(result);
        assertThat(body.path("email").asString()).isEqualTo(name + ".hopper@example.test");
        assertThat(body.path("emailVerified").asBoolean()).isFalse();
        assertThat(body.path("roles").get(0).asString()).isEqualTo("CUSTOMER");
        assertThat(result).bodyText().doesNotContain("password", "$2a$", "{bcrypt}");

        String id = body.path("id").asString();
        var registered = events().await("user.registered", id);
        assertThat(registered.envelope().path("specversion").asString()).isEqualTo("1.0");
        assertThat(registered.envelope().path("source").asString()).isEqualTo("/user-service");
        assertThat(registered.data().path("email").asString()).isEqualTo(name + ".hopper@example.test");
        var code = events().await("user.email-verification-requested", id);
        assertThat(api.openCode(code)).matches("[0-9]{6}");
        assertThat(code.data().has("code")).isFalse();
        assertThat(code.data().path("expiresAt").asString()).isNotBlank();
    }

    @Test
    void anEmailIsUniqueWhateverItsCaseAndAUsernameIsUnique() {
        var first = api.register();

        assertThat(api.post(
                        "/api/auth/register", """
                {"email":"%s","username":"someone-else","password":"%s","passwordConfirm":"%s"}
                """.formatted(first.email().toUpperCase(), Api.PASSWORD, Api.PASSWORD)))
                .hasStatus(HttpStatus.CONFLICT)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.post("/api/auth/register", """
                {"email":"other@example.test","username":"%s","password":"%s","passwordConfirm":"%s"}
                """.formatted(first.username(), Api.PASSWORD, Api.PASSWORD)))
                .hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void thePasswordPolicyIsEnforcedFieldByField() {
        assertField("""
                {"email":"p1@example.test","username":"p1user","password":"short","passwordConfirm":"short"}""", "password");
        assertField("""
                {"email":"p2@example.test","username":"p2user","password":"Password123","passwordConfirm":"Password123"}""", "password");
        assertField("""
                {"email":"p3@example.test","username":"p3user-long","password":"p3user-long","passwordConfirm":"p3user-long"}""", "password");
        assertField("""
                {"email":"p4@example.test","username":"p4user","password":"%s","passwordConfirm":"different-one"}""".formatted(Api.PASSWORD), "passwordConfirm");
        assertField("""
                {"email":"p5@example.test","username":"p5user","password":"%s","passwordConfirm":"%s","phoneNumber":"0151 123"}""".formatted(Api.PASSWORD, Api.PASSWORD), "phoneNumber");
        assertField("""
                {"email":"not-an-email","username":"p6user","password":"%s","passwordConfirm":"%s"}""".formatted(Api.PASSWORD, Api.PASSWORD), "email");
        assertField("""
                {"email":"p7@example.test","username":"p7user","password":"%s","passwordConfirm":"%s","address":"%s"}""".formatted(Api.PASSWORD, Api.PASSWORD, "x".repeat(501)), "address");
    }

    @Test
    void hostileBodiesAreClearBadRequestsNeverServerErrors() {
        for (String body : new String[] {
            "{\"email\":", // broken JSON
            "[]", // wrong shape
            "{\"email\":42,\"username\":[],\"password\":{}}", // wrong types
            "{}", // missing fields
            "{\"email\":\"x@example.test\",\"username\":\"xuser\",\"password\":\"%s\",\"passwordConfirm\":\"%s\",\"roles\":[\"ADMIN\"]}"
                    .formatted(Api.PASSWORD, Api.PASSWORD)
        }) { // a field it must not accept
            assertThat(api.post("/api/auth/register", body))
                    .as(body)
                    .hasStatus(HttpStatus.BAD_REQUEST)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(mvc.post()
                        .uri("/api/auth/register")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("hello")
                        .exchange())
                .hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private void assertField(String body, String field) {
        var result = api.post("/api/auth/register", body);
        assertThat(result)
                .as(body)
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .as(body)
                .contains(field);
    }
}
