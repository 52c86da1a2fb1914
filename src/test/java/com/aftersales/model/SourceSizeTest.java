package com.aftersales.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A file is one part of one flow, small enough to read at once: no source file in {@code src/main}
 * is longer than {@value #MAX_LINES} lines unless it says at its top why (a line starting with
 * {@code * Size:} in its class comment).
 */
class SourceSizeTest {

  static final int MAX_LINES = 350;

  @Test
  void noSourceFileIsLongerThanOneReadWithoutAReason() throws IOException {
    List<String> tooLong = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
        List<String> lines = Files.readAllLines(f);
        boolean reasoned = lines.stream().anyMatch(l -> l.trim().startsWith("* Size:"));
        if (lines.size() > MAX_LINES && !reasoned) {
          tooLong.add(f + " (" + lines.size() + " lines)");
        }
      }
    }
    assertThat(tooLong).isEmpty();
  }
}
