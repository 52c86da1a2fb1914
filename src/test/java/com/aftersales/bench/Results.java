package com.aftersales.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.util.Locale;

/** Appends benchmark lines to {@code target/benchmarks/results.md} and prints them. */
final class Results {

  static final Path FILE = Path.of("target", "benchmarks", "results.md");

  private Results() {}

  static synchronized void line(String database, String benchmark, String figures) {
    String row = String.format(Locale.ROOT, "| %s | %s | %s |%n", database, benchmark, figures);
    try {
      Files.createDirectories(FILE.getParent());
      if (!Files.exists(FILE)) {
        Files.writeString(
            FILE,
            "# Benchmarks, "
                + OffsetDateTime.now()
                + ", "
                + Runtime.getRuntime().availableProcessors()
                + " CPUs, Java "
                + System.getProperty("java.version")
                + "\n\n| database | benchmark | figures (ratio first) |\n|---|---|---|\n");
      }
      Files.writeString(FILE, row, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    System.out.print(row);
  }
}
