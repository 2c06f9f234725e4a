package dev.shopstack.user.profile;

import dev.shopstack.platform.errors.ApiProblem;
import dev.shopstack.platform.problems.ProblemType;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import org.springframework.stereotype.Component;

/**
 * Turns an upload into a safe avatar: the format is detected from the bytes (not the declared type), only JPEG,
 * PNG and WebP are accepted, and the picture is decoded, scaled to at most 512x512 and re-encoded as PNG, which
 * drops all metadata and anything appended to the image (polyglots).
 *
 * <p>Decoding is bounded by cost, not by file size: a small file can declare a huge canvas (a decompression bomb).
 * Width, height and bits per pixel come from the header first, and a picture whose full raster would exceed
 * {@code shop.avatar.max-decoded-size} is refused without being decoded. The rest is decoded with source
 * subsampling, straight to at most twice the target size, and only a few decodes run at once.
 */
@Component
class AvatarImages {

    static final int MAX_SIDE = 512;
    /** Decoded at most this large before the final, smooth scaling to {@link #MAX_SIDE}. */
    private static final int DECODE_SIDE = 2 * MAX_SIDE;

    /** What the header says a picture costs to decode at full size. */
    record Header(int width, int height, int bitsPerPixel) {

        long decodedBytes() {
            return ((long) width * height * bitsPerPixel + 7) / 8;
        }

        /** The subsampling step that brings the longer side down to at most {@link #DECODE_SIDE}. */
        int subsampling() {
            int longer = Math.max(width, height);
            return Math.max(1, (longer + DECODE_SIDE - 1) / DECODE_SIDE);
        }
    }

    private final AvatarProperties properties;
    private final Semaphore decodeSlots;

    AvatarImages(AvatarProperties properties) {
        this.properties = properties;
        this.decodeSlots = new Semaphore(properties.concurrentDecodes(), true);
    }

    byte[] normalize(byte[] upload) {
        String format = detect(upload);
        if (format == null) {
            throw unsupported();
        }
        return encodePng(scaled(decode(upload, format)));
    }

    /** Visible to tests, which occupy the slots to stand for decodes in progress. */
    Semaphore decodeSlots() {
        return decodeSlots;
    }

    /** Magic bytes of the three accepted formats. */
    static String detect(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "jpeg";
        }
        if (b.length >= 8
                && (b[0] & 0xFF) == 0x89
                && b[1] == 'P'
                && b[2] == 'N'
                && b[3] == 'G'
                && b[4] == 0x0D
                && b[5] == 0x0A
                && b[6] == 0x1A
                && b[7] == 0x0A) {
            return "png";
        }
        if (b.length >= 12
                && b[0] == 'R'
                && b[1] == 'I'
                && b[2] == 'F'
                && b[3] == 'F'
                && b[8] == 'W'
                && b[9] == 'E'
                && b[10] == 'B'
                && b[11] == 'P') {
            return "webp";
        }
        return null;
    }

    /** Reads only the header: dimensions and the pixel layout the reader would decode to. */
    static Header header(ImageReader reader) throws IOException {
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        ImageTypeSpecifier type = reader.getRawImageType(0);
        if (type == null) {
            Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
            type = types.hasNext() ? types.next() : null;
        }
        int bits = 0;
        if (type != null) {
            for (int size : type.getSampleModel().getSampleSize()) {
                bits += size;
            }
        }
        // unknown layout: assume the worst the formats allow (16-bit RGBA)
        return new Header(width, height, bits > 0 ? bits : 64);
    }

    private BufferedImage decode(byte[] upload, String format) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            if (in == null || !readers.hasNext()) {
                throw unsupported();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                Header header = header(reader);
                if (header.width() <= 0 || header.height() <= 0) {
                    throw invalid();
                }
                if (header.decodedBytes() > properties.maxDecodedSize().toBytes()) {
                    throw ApiProblem.of(
                            ProblemType.IMAGE_TOO_LARGE,
                            "The picture is too large to process: at most "
                                    + properties.maxDecodedSize().toMegabytes()
                                    + " MB decoded (width x height x colour depth). Use a smaller picture.");
                }
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(header.subsampling(), header.subsampling(), 0, 0);
                return readWithSlot(reader, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiProblem problem) {
                throw problem;
            }
            throw invalid();
        }
    }

    private BufferedImage readWithSlot(ImageReader reader, ImageReadParam param) throws IOException {
        boolean acquired;
        try {
            acquired = decodeSlots.tryAcquire(properties.decodeWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw ApiProblem.of(
                            ProblemType.AVATAR_BUSY,
                            "Too many pictures are being processed right now. Try again in a moment.")
                    .retryAfter(properties.decodeWait());
        }
        try {
            return reader.read(0, param);
        } finally {
            decodeSlots.release();
        }
    }

    private static BufferedImage scaled(BufferedImage source) {
        double factor = Math.min(1.0, (double) MAX_SIDE / Math.max(source.getWidth(), source.getHeight()));
        int width = Math.max(1, (int) Math.round(source.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(source.getHeight() * factor));
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static byte[] encodePng(BufferedImage image) {
        try {
            var out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("PNG encoding failed", e);
        }
    }

    private static ApiProblem invalid() {
        return ApiProblem.of(ProblemType.INVALID_IMAGE, "The file could not be read as an image.");
    }

    private static ApiProblem unsupported() {
        return ApiProblem.of(ProblemType.UNSUPPORTED_IMAGE, "Only JPEG, PNG and WebP images are accepted.");
    }
}
