package dev.shopstack.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarFingerprintTest {

    @TempDir
    Path dir;

    @Test
    void twoBuildsOfTheSameContentsHaveOneFingerprintWhateverTheirTimestamps() throws IOException {
        Path first = bootJar("first.jar", 1_000_000L, "class A v1");
        Path second = bootJar("second.jar", 9_000_000_000L, "class A v1");

        assertThat(JarFingerprint.of(first)).isEqualTo(JarFingerprint.of(second));
    }

    @Test
    void aChangedClassInsideANestedSnapshotJarChangesIt() throws IOException {
        Path first = bootJar("first.jar", 1_000_000L, "class A v1");
        Path changed = bootJar("changed.jar", 1_000_000L, "class A v2");

        assertThat(JarFingerprint.of(first)).isNotEqualTo(JarFingerprint.of(changed));
    }

    /** A Spring Boot-like jar: a class, a third-party jar and a snapshot jar of this project with one class. */
    private Path bootJar(String name, long time, String nestedClass) throws IOException {
        byte[] snapshot = zip(Map.of("dev/shopstack/A.class", nestedClass), time);
        byte[] library = zip(Map.of("org/lib/L.class", "library"), 0L);
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, "BOOT-INF/classes/dev/shopstack/App.class", "app".getBytes(StandardCharsets.UTF_8), time);
            put(zip, "BOOT-INF/lib/lib-1.0.jar", library, time);
            put(zip, "BOOT-INF/lib/platform-starter-0.1.0-SNAPSHOT.jar", snapshot, time);
        }
        return jar;
    }

    private static byte[] zip(Map<String, String> entries, long time) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var entry : entries.entrySet()) {
                put(zip, entry.getKey(), entry.getValue().getBytes(StandardCharsets.UTF_8), time);
            }
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] content, long time) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setLastModifiedTime(FileTime.fromMillis(time));
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }
}
