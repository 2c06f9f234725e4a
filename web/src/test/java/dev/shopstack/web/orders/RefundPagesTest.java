package dev.shopstack.web.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The order pages' refunds, against a stand-in gateway on loopback that answers like order-service: the customer's
 * page lists the refunds and offers to cancel a paid order (which the API refunds), the admin's page shows the
 * refund form (with its CSRF token) and the past refunds, and the form posts what the API expects.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RefundPagesTest {

    static final String ORDER = "0b6f3c2e-6a0e-4d53-9a43-1d2a7c0f9e11";
    static final Gateway GATEWAY = new Gateway();

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("shop.web.gateway-url", () -> "http://127.0.0.1:" + GATEWAY.port());
    }

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void paidOrderWithAPartialRefund() {
        GATEWAY.requests.clear();
        GATEWAY.answer("GET /api/orders/" + ORDER, """
                {"id":"%s","status":"PAID","currency":"EUR","total":29.99,"lines":[],
                 "payment":{"status":"SUCCEEDED","amount":2999,"currency":"EUR"}}""".formatted(ORDER));
        GATEWAY.answer("GET /api/orders/" + ORDER + "/refunds", """
                {"orderId":"%s","currency":"EUR","paid":29.99,"refunded":10.00,"pending":0,"refundable":19.99,
                 "refunds":[{"id":"r1","amount":10.00,"currency":"EUR","reason":"The cover arrived torn.",
                   "status":"SUCCEEDED","method":"CARD","createdAt":"2026-11-30T02:00:00Z",
                   "requestedBy":"admin-1","providerRefundId":"re_123"}]}""".formatted(ORDER));
        GATEWAY.answer("POST /api/orders/" + ORDER + "/refunds", """
                {"id":"r2","amount":19.99,"currency":"EUR","status":"SUCCEEDED"}""");
        GATEWAY.answer("POST /api/orders/" + ORDER + "/cancel", """
                {"id":"%s","status":"REFUNDED"}""".formatted(ORDER));
    }

    @Test
    void theCustomerSeesTheRefundsAndMayCancelThePaidOrderWhichRefundsIt() throws Exception {
        Cookie session = signIn("CUSTOMER");

        String page = mvc.perform(get("/orders/" + ORDER).cookie(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains(
                        "Refunded 10.00 of 29.99 EUR",
                        "The cover arrived torn.",
                        "(refunded)",
                        "Cancel this order",
                        "cancelling it refunds")
                .doesNotContain("re_123");
        mvc.perform(post("/orders/" + ORDER + "/cancel").cookie(session).with(csrf()))
                .andExpect(redirectedUrl("/orders/" + ORDER));
        assertThat(GATEWAY.requests).contains("POST /api/orders/" + ORDER + "/cancel");
    }

    @Test
    void aPaidOrderPaidOutsideTheShopMayBeCancelledButPromisesNoCardRefund() throws Exception {
        GATEWAY.answer("GET /api/orders/" + ORDER, """
                {"id":"%s","status":"PAID","currency":"EUR","total":29.99,"lines":[],
                 "payment":{"status":"REQUIRES_PAYMENT","amount":2999,"currency":"EUR"}}""".formatted(ORDER));

        String page = mvc.perform(get("/orders/" + ORDER).cookie(signIn("CUSTOMER")))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("Cancel this order").doesNotContain("cancelling it refunds");
    }

    @Test
    void aPaidOrderWhosePaymentMethodIsManualPromisesNoCardRefund() throws Exception {
        GATEWAY.answer("GET /api/orders/" + ORDER, """
                {"id":"%s","status":"PAID","currency":"EUR","total":29.99,"lines":[],
                 "payment":{"method":"MANUAL","status":"SUCCEEDED","amount":2999,"currency":"EUR"}}""".formatted(ORDER));

        String page = mvc.perform(get("/orders/" + ORDER).cookie(signIn("CUSTOMER")))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("Cancel this order").doesNotContain("cancelling it refunds");
    }

    @Test
    void aShippedOrderOffersNoCancel() throws Exception {
        GATEWAY.answer("GET /api/orders/" + ORDER, """
                {"id":"%s","status":"SHIPPED","currency":"EUR","total":29.99,"lines":[]}""".formatted(ORDER));

        String page = mvc.perform(get("/orders/" + ORDER).cookie(signIn("CUSTOMER")))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).doesNotContain("Cancel this order");
    }

    @Test
    void theAdminPageShowsPastRefundsAndARefundFormWithItsCsrfToken() throws Exception {
        String page = mvc.perform(get("/admin/orders/" + ORDER).cookie(signIn("ADMIN")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains(
                        "Past refunds",
                        "The cover arrived torn.",
                        "re_123",
                        "admin-1",
                        "refundable 19.99 EUR",
                        "action=\"/admin/orders/" + ORDER + "/refund\"",
                        "name=\"_csrf\"",
                        "name=\"reason\"");
    }

    @Test
    void theRefundFormPostsTheAmountAndReasonAndAnEmptyAmountRefundsTheRest() throws Exception {
        Cookie admin = signIn("ADMIN");

        mvc.perform(post("/admin/orders/" + ORDER + "/refund")
                        .cookie(admin)
                        .param("amount", "")
                        .param("reason", "Returned"))
                .andExpect(status().isForbidden()); // no CSRF token
        mvc.perform(post("/admin/orders/" + ORDER + "/refund")
                        .cookie(admin)
                        .with(csrf())
                        .param("amount", "")
                        .param("reason", "Returned"))
                .andExpect(redirectedUrl("/admin/orders/" + ORDER));

        assertThat(GATEWAY.bodies.get("POST /api/orders/" + ORDER + "/refunds"))
                .isEqualTo("{\"amount\":\"19.99\",\"reason\":\"Returned\"}");
    }

    @Test
    void aCustomerIsRefusedTheAdminOrderPageAndItsRefundForm() throws Exception {
        Cookie customer = signIn("CUSTOMER");

        mvc.perform(get("/admin/orders/" + ORDER).cookie(customer)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/orders/" + ORDER + "/refund")
                        .cookie(customer)
                        .with(csrf())
                        .param("amount", "1.00")
                        .param("reason", "x"))
                .andExpect(status().isForbidden());
        assertThat(GATEWAY.requests).doesNotContain("POST /api/orders/" + ORDER + "/refunds");
    }

    private Cookie signIn(String role) throws Exception {
        GATEWAY.answer("POST /api/auth/login", """
                {"accessToken":"access-%s","refreshToken":"refresh","expiresIn":3600}""".formatted(role));
        GATEWAY.answer("GET /api/users/me", """
                {"id":"u-1","username":"ada","email":"ada@example.com","roles":["%s"]}""".formatted(role));
        var result = mvc.perform(
                        post("/sign-in").with(csrf()).param("login", "ada").param("password", "secret"))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        // the session lives in Spring Session's store, found by its cookie
        Cookie session = result.getResponse().getCookie("SHOPSESSION");
        assertThat(session).as("signed in").isNotNull();
        return session;
    }

    /** Answers each "METHOD path" with its JSON and remembers what was asked and sent. */
    static final class Gateway {

        final Map<String, String> answers = new ConcurrentHashMap<>();
        final Map<String, String> bodies = new ConcurrentHashMap<>();
        final List<String> requests = new CopyOnWriteArrayList<>();
        private final HttpServer server;

        Gateway() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                String key = exchange.getRequestMethod() + " "
                        + exchange.getRequestURI().getPath();
                requests.add(key);
                bodies.put(key, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                String answer = answers.get(key);
                byte[] body = (answer != null ? answer : "{\"status\":404,\"title\":\"Not Found\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders()
                        .add("Content-Type", answer != null ? "application/json" : "application/problem+json");
                exchange.sendResponseHeaders(answer != null ? 200 : 404, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        void answer(String key, String json) {
            answers.put(key, json);
        }

        int port() {
            return server.getAddress().getPort();
        }
    }
}
