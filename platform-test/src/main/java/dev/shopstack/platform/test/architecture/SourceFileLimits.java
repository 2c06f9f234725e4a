package dev.shopstack.platform.test.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * No class over {@value #MAX_LINES} lines: a rule ArchUnit cannot check (class files have no line count), so it
 * reads the module's sources. Each service applies it with one line:
 * {@code SourceFileLimits.assertNoClassOverMaxLines(Path.of("src/main/java"))} (the test runs in the module).
 */
public final class SourceFileLimits {

    public static final int MAX_LINES = 300;

    private SourceFileLimits() {}

    public static void assertNoClassOverMaxLines(Path sourceRoot) {
        if (!Files.isDirectory(sourceRoot)) {
            throw new AssertionError(sourceRoot.toAbsolutePath() + " is not a directory: run from the module");
        }
        List<String> tooLong = over(sourceRoot, MAX_LINES).entrySet().stream()
                .map(entry -> entry.getKey() + " has " + entry.getValue() + " lines")
                .toList();
        if (!tooLong.isEmpty()) {
            throw new AssertionError(
                    "No class over " + MAX_LINES + " lines (split it by job):\n  " + String.join("\n  ", tooLong));
        }
    }

    /** Each {@code .java} file under the root with more than {@code max} lines, and its line count. */
    static Map<Path, Long> over(Path sourceRoot, int max) {
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .sorted()
                    .map(file -> Map.entry(sourceRoot.relativize(file), lineCount(file)))
                    .filter(entry -> entry.getValue() > max)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lineCount(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
