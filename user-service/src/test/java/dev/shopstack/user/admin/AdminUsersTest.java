package dev.shopstack.user.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.user.Api;
import dev.shopstack.user.IntegrationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

class AdminUsersTest extends IntegrationTestSupport {

    private MvcTestResult patch(String path, String json, String token) {
        return mvc.patch()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .header("Authorization", "Bearer " + token)
                .exchange();
    }

    @Test
    void theBootstrapAdminListsAndSearchesUsers() {
        var account = api.registerVerified();
        var admin = api.adminTokens();

        var page = mvc.get()
                .uri("/api/users?q=" + account.username().substring(0, 8) + "&size=5")
                .header("Authorization", "Bearer " + admin.access())
                .exchange();
        assertThat(page).hasStatusOk();
        assertThat(page).bodyJson().extractingPath("$.content[*].id").asArray().contains(account.id());
        assertThat(page).bodyText().doesNotContain("passwordHash", "{bcrypt}");

        assertThat(mvc.get()
                        .uri("/api/users/" + account.id())
                        .header("Authorization", "Bearer " + admin.access())
                        .exchange())
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.email")
                .isEqualTo(account.email());
        assertThat(mvc.get()
                        .uri("/api/users?size=1000")
                        .header("Authorization", "Bearer " + admin.access())
                        .exchange())
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void customersCannotUseTheAdminApiNorSeeOtherUsers() {
        var alice = api.registerVerified();
        var bob = api.registerVerified();
        var aliceTokens = api.tokens(alice.username(), Api.PASSWORD);

        assertThat(mvc.get()
                        .uri("/api/users")
                        .header("Authorization", "Bearer " + aliceTokens.access())
                        .exchange())
                .hasStatus(HttpStatus.FORBIDDEN)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.get()
                        .uri("/api/users/" + bob.id())
                        .header("Authorization", "Bearer " + aliceTokens.access())
                        .exchange())
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(patch("/api/users/" + alice.id(), "{\"roles\":[\"ADMIN\"]}", aliceTokens.access()))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/users").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void lockingAUserStopsTheirLoginAndRefreshUntilUnlocked() {
        var account = api.registerVerified();
        var tokens = api.tokens(account.username(), Api.PASSWORD);
        var admin = api.adminTokens();

        assertThat(patch("/api/users/" + account.id(), "{\"locked\":true}", admin.access()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.locked")
                .isEqualTo(true);
        assertThat(api.login(account.username(), Api.PASSWORD)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(api.refresh(tokens.refresh())).hasStatus(HttpStatus.UNAUTHORIZED);

        assertThat(patch("/api/users/" + account.id(), "{\"locked\":false}", admin.access()))
                .hasStatusOk();
        assertThat(api.login(account.username(), Api.PASSWORD)).hasStatusOk();
    }

    @Test
    void anAdminPromotesOthersButNeverChangesTheirOwnRoles() {
        var account = api.registerVerified();
        var admin = api.adminTokens();
        String adminId = Api.json(mvc.get()
                        .uri("/api/users/me")
                        .header("Authorization", "Bearer " + admin.access())
                        .exchange())
                .path("id")
                .asString();

        assertThat(patch("/api/users/" + account.id(), "{\"roles\":[\"ADMIN\",\"CUSTOMER\"]}", admin.access()))
                .hasStatusOk();
        var promoted = api.tokens(account.username(), Api.PASSWORD);
        assertThat(mvc.get()
                        .uri("/api/users")
                        .header("Authorization", "Bearer " + promoted.access())
                        .exchange())
                .hasStatusOk();

        assertThat(patch("/api/users/" + adminId, "{\"roles\":[\"CUSTOMER\"]}", admin.access()))
                .hasStatus(HttpStatus.CONFLICT);
        assertThat(patch("/api/users/" + account.id(), "{\"passwordHash\":\"x\"}", admin.access()))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(patch("/api/users/" + account.id(), "{\"roles\":[\"ROOT\"]}", admin.access()))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void anAdminDeletesAUserAndTheOtherServicesAreTold() {
        var account = api.registerVerified();
        var admin = api.adminTokens();

        assertThat(mvc.delete()
                        .uri("/api/users/" + account.id())
                        .header("Authorization", "Bearer " + admin.access())
                        .exchange())
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(mvc.get()
                        .uri("/api/users/" + account.id())
                        .header("Authorization", "Bearer " + admin.access())
                        .exchange())
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(events().await("user.deleted", account.id())).isNotNull();
        assertThat(mvc.get()
                        .uri("/api/users/not-a-uuid")
                        .header("Authorization", "Bearer " + admin.access())
                        .exchange())
                .hasStatus(HttpStatus.BAD_REQUEST);
    }
}
