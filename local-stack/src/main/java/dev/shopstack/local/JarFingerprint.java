package dev.shopstack.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * What a Spring Boot jar contains, independent of when it was built: the names and CRCs of its entries, and of the
 * entries of the snapshot jars nested in it (this project's own modules, rebuilt with new timestamps by every build).
 * Two builds of the same sources have the same fingerprint, so a start-up cache trained for one serves the other.
 */
final class JarFingerprint {

    private JarFingerprint() {}

    static String of(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            MessageDigest digest = sha256();
            List<? extends ZipEntry> entries =
                    zip.stream().sorted(Comparator.comparing(ZipEntry::getName)).toList();
            for (ZipEntry entry : entries) {
                if (entry.getName().endsWith(".jar") && entry.getName().contains("-SNAPSHOT")) {
                    update(digest, entry.getName(), nested(zip, entry));
                } else {
                    update(digest, entry.getName(), entry.getCrc() + "/" + entry.getSize());
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + jar, e);
        }
    }

    /** The fingerprint of a jar inside the jar: its entries' names and CRCs, sorted. */
    private static String nested(ZipFile zip, ZipEntry jarEntry) throws IOException {
        List<String> lines = new ArrayList<>();
        try (InputStream in = zip.getInputStream(jarEntry);
                ZipInputStream nested = new ZipInputStream(in)) {
            byte[] buffer = new byte[8192];
            for (ZipEntry entry = nested.getNextEntry(); entry != null; entry = nested.getNextEntry()) {
                CRC32 crc = new CRC32();
                for (int n = nested.read(buffer); n >= 0; n = nested.read(buffer)) {
                    crc.update(buffer, 0, n);
                }
                lines.add(entry.getName() + "=" + crc.getValue());
            }
        }
        lines.sort(null);
        return String.join("\n", lines);
    }

    private static void update(MessageDigest digest, String name, String value) {
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(value.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
