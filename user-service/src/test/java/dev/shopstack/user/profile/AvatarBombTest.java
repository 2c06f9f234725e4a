package dev.shopstack.user.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopstack.platform.test.AtOnce;
import dev.shopstack.platform.test.GeneratedPngs;
import dev.shopstack.user.Api;
import dev.shopstack.user.IntegrationTestSupport;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Issue 15: ten decompression bombs at once must leave user-service answering logins. */
class AvatarBombTest extends IntegrationTestSupport {

    private static final long MB = 1024 * 1024;

    @Autowired
    AvatarImages images;

    /** An avatar upload's or a login's answer; the bytes the upload allocated on its thread. */
    private record Answer(boolean upload, int status, String contentType, long allocatedBytes) {}

    private MvcTestResult upload(byte[] picture, String accessToken) {
        return mvc.put()
                .uri("/api/users/me/avatar")
                .multipart()
                .file(new MockMultipartFile("file", "me.png", "image/png", picture))
                .header("Authorization", "Bearer " + accessToken)
                .exchange();
    }

    private MvcTestResult login(String clientAddress, String username) {
        return mvc.post()
                .uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"login\":\"%s\",\"password\":\"%s\"}".formatted(username, Api.PASSWORD))
                .with(request -> {
                    request.setRemoteAddr(clientAddress);
                    return request;
                })
                .exchange();
    }

    @Test
    void tenBombsInParallelAreAllRefusedBeforeDecodingAndLoginsKeepAnswering() throws Exception {
        var account = api.registerVerified();
        String access = api.tokens(account.username(), Api.PASSWORD).access();
        byte[] bomb = GeneratedPngs.bomb();
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        // ten callers upload the bomb, ten sign in, each from their own address
        List<Answer> answers = AtOnce.rounds(1, 20, (round, caller) -> {
            if (caller >= 10) {
                var login = login("198.51.100." + (caller - 9), account.username());
                return new Answer(false, login.getResponse().getStatus(), null, 0);
            }
            long before = threads.getCurrentThreadAllocatedBytes();
            var result = upload(bomb, access);
            return new Answer(
                    true,
                    result.getResponse().getStatus(),
                    result.getResponse().getContentType(),
                    threads.getCurrentThreadAllocatedBytes() - before);
        });
        List<Answer> uploads = answers.stream().filter(Answer::upload).toList();
        assertThat(uploads).extracting(Answer::status).containsOnly(413);
        assertThat(uploads).extracting(Answer::contentType).containsOnly(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(answers)
                .filteredOn(answer -> !answer.upload())
                .extracting(Answer::status)
                .containsOnly(200);
        long mostAllocated =
                uploads.stream().mapToLong(Answer::allocatedBytes).max().orElseThrow();
        System.out.printf(
                "10 parallel avatar bombs: all 413; at most %.1f MB allocated by one upload "
                        + "(a decoded bomb is 305 MB); heap limit of this JVM %d MB%n",
                mostAllocated / (double) MB, Runtime.getRuntime().maxMemory() / MB);
        assertThat(mostAllocated).isLessThan(16 * MB);
        assertThat(mvc.get().uri("/api/users/%s/avatar".formatted(account.id())).exchange())
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void whileEveryDecodeSlotIsBusyAnUploadGets503WithRetryAfter() throws Exception {
        var account = api.registerVerified();
        String access = api.tokens(account.username(), Api.PASSWORD).access();
        byte[] picture = GeneratedPngs.black(300, 200, 8, 2);

        images.decodeSlots().acquire(2); // two uploads being decoded
        try {
            var busy = upload(picture, access);
            assertThat(busy)
                    .hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(busy.getResponse().getHeader("Retry-After")).isEqualTo("1");
        } finally {
            images.decodeSlots().release(2);
        }
        assertThat(upload(picture, access)).hasStatusOk();
    }
}
