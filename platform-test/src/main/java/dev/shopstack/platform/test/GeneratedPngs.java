package dev.shopstack.platform.test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Large PNGs written row by row, without ever holding the picture in memory: all-black pixels compress to
 * almost nothing, which is exactly what a decompression bomb exploits.
 */
public final class GeneratedPngs {

    private GeneratedPngs() {}

    /** The review's bomb: 6324x6324, 16-bit RGBA (about 311 KB; a 320 MB raster once decoded). */
    public static byte[] bomb() {
        return black(6324, 6324, 16, 6);
    }

    /**
     * @param bitDepth bits per sample
     * @param colorType 2 = RGB, 6 = RGBA
     */
    public static byte[] black(int width, int height, int bitDepth, int colorType) {
        int channels = colorType == 6 ? 4 : 3;
        byte[] row = new byte[1 + width * channels * bitDepth / 8];
        var idat = new ByteArrayOutputStream();
        try (var deflate = new DeflaterOutputStream(idat, new Deflater(9), 64 * 1024)) {
            for (int y = 0; y < height; y++) {
                deflate.write(row);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        var png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(
                png,
                "IHDR",
                ByteBuffer.allocate(13)
                        .putInt(width)
                        .putInt(height)
                        .put((byte) bitDepth)
                        .put((byte) colorType)
                        .put((byte) 0)
                        .put((byte) 0)
                        .put((byte) 0)
                        .array());
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        var crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
