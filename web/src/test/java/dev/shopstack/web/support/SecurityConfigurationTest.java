package dev.shopstack.web.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the web module decides alone, before any API call: who may open what, CSRF, the headers and the error pages.
 * (What the pages show from the API is tested in a real browser against the whole stack: e2e, dev.shopstack.e2e.web.)
 */
@SpringBootTest(properties = "shop.web.gateway-url=http://127.0.0.1:9")
@AutoConfigureMockMvc
class SecurityConfigurationTest {

    @Autowired
    MockMvc mvc;

    @Test
    void everyPageCarriesAStrictContentSecurityPolicy() throws Exception {
        var response = mvc.perform(get("/sign-up"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        String csp = response.getHeader("Content-Security-Policy");
        assertThat(csp)
                .contains(
                        "default-src 'self'",
                        "script-src 'self';",
                        "style-src 'self';",
                        "form-action 'self' http://localhost:8085",
                        "frame-ancestors 'none'")
                .doesNotContain("unsafe");
        assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.getHeader("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(response.getHeader("Set-Cookie")).startsWith("SHOPSESSION=").contains("HttpOnly", "SameSite=Lax");
        assertThat(response.getContentAsString())
                .contains("name=\"csrf-token\"", "/webjars/htmx.org/")
                .doesNotContain("<script>", "style=\"", "onclick");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/sign-in").param("login", "ada").param("password", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/sign-up/password-rules")
                        .param("password", "analytical-engine")
                        .param("passwordConfirm", "analytical-engine")
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("met")));
    }

    @Test
    void theAdminConsoleIsForAdminsOnly() throws Exception {
        mvc.perform(get("/admin/users")).andExpect(status().isFound()).andExpect(redirectedUrl("/sign-in"));
        mvc.perform(get("/admin/users").with(user("eve").roles("CUSTOMER"))).andExpect(status().isForbidden());
        mvc.perform(get("/account")).andExpect(status().isFound());
        mvc.perform(get("/checkout")).andExpect(status().isFound());
    }

    @Test
    void errorsArePagesInWordsWithoutStackTraces() throws Exception {
        mvc.perform(get("/no-such-page").accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
        // the gateway is unreachable here: the storefront says so instead of failing
        String page = mvc.perform(get("/").accept(MediaType.TEXT_HTML))
                .andExpect(status().isServiceUnavailable())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("The shop cannot answer right now").doesNotContain("Exception", "at dev.");
        mvc.perform(get("/products/not-a-number").accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
    }

    @Test
    void healthIsServedButNoOtherActuatorEndpoint() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/actuator/env")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/webjars/htmx.org/2.0.8/dist/htmx.min.js"))
                .andExpect(status().isOk())
                .andExpect(header().exists("Cache-Control"));
    }
}
