package dev.shopstack.user.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shopstack.platform.errors.ApiProblem;
import dev.shopstack.platform.test.GeneratedPngs;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/** What decoding costs, measured as the bytes the decoding thread allocates. */
class AvatarImagesTest {

    private static final long MB = 1024 * 1024;

    private final AvatarImages images =
            new AvatarImages(new AvatarProperties(DataSize.ofMegabytes(40), 2, Duration.ofMillis(100)));

    private static <T> long allocatedWhile(Supplier<T> work) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        work.get();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    @Test
    void theHeaderOfTheReviewsBombDeclaresA320MegabyteRaster() throws Exception {
        byte[] bomb = GeneratedPngs.bomb();
        assertThat(bomb.length).isBetween(300_000, 330_000);

        ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
        reader.setInput(ImageIO.createImageInputStream(new ByteArrayInputStream(bomb)));
        AvatarImages.Header header = AvatarImages.header(reader);
        reader.dispose();

        assertThat(header.width()).isEqualTo(6324);
        assertThat(header.bitsPerPixel()).isEqualTo(64);
        assertThat(header.decodedBytes()).isEqualTo(6324L * 6324 * 8).isGreaterThan(300 * MB);
    }

    @Test
    void theBombIsRefusedFromItsHeaderWithoutDecoding() {
        byte[] bomb = GeneratedPngs.bomb();
        ApiProblem[] refusal = new ApiProblem[1];

        long spent = allocatedWhile(() -> {
            try {
                return images.normalize(bomb);
            } catch (ApiProblem problem) {
                refusal[0] = problem;
                return null;
            }
        });

        assertThat(refusal[0]).isNotNull();
        assertThat(refusal[0].type().status()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE.value());
        assertThat(refusal[0].type().uri().toString()).endsWith("/image-too-large");
        System.out.printf(
                "avatar bomb (6324x6324 16-bit RGBA, %d bytes): refused after allocating %.1f MB%n",
                bomb.length, spent / (double) MB);
        assertThat(spent).isLessThan(8 * MB);
    }

    @Test
    void aLargePictureWithinTheBudgetIsDecodedSubsampledNotAtFullSize() throws Exception {
        byte[] photo = GeneratedPngs.black(4000, 3000, 8, 2); // 36 MB decoded at full size
        byte[][] result = new byte[1][];

        long spent = allocatedWhile(() -> result[0] = images.normalize(photo));

        var avatar = ImageIO.read(new ByteArrayInputStream(result[0]));
        assertThat(avatar.getWidth()).isEqualTo(512);
        assertThat(avatar.getHeight()).isEqualTo(384);
        System.out.printf(
                "4000x3000 RGB PNG (36 MB raster): decoded subsampled, %.1f MB allocated%n", spent / (double) MB);
        assertThat(spent).isLessThan(16 * MB);
    }

    @Test
    void whenEveryDecodeSlotIsTakenAnUploadWaitsBrieflyThenGets503WithRetryAfter() throws Exception {
        byte[] small = GeneratedPngs.black(64, 64, 8, 2);
        images.decodeSlots().acquire(2);
        try {
            assertThatThrownBy(() -> images.normalize(small)).isInstanceOfSatisfying(ApiProblem.class, problem -> {
                assertThat(problem.type().status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.value());
                assertThat(problem.retryAfterSeconds()).isEqualTo(1L);
            });
        } finally {
            images.decodeSlots().release(2);
        }
        assertThat(images.normalize(small)).isNotEmpty();
    }
}
