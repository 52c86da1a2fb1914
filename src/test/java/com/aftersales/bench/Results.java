package com.aftersales.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Writes the benchmark results table, {@code target/benchmarks/results.md}, one Markdown row per
 * result, built from its three cells. A cell is flattened to one line and its pipes (and
 * backslashes) are escaped, so no value can end a row early or add one; every row is checked before
 * it is written, and a file holding anything but this header and such rows is refused rather than
 * appended to. Nothing captured from a console goes into the file; the console gets a plain line
 * that is not a table row.
 */
final class Results {

  static final Path FILE = Path.of("target", "benchmarks", "results.md");

  static final String TITLE = "# Benchmarks, ";
  static final String COLUMNS = "| database | benchmark | figures (ratio first) |";
  static final String SEPARATOR = "|---|---|---|";

  /** One result: which database, which benchmark, its figures (ratio first). */
  record Row(String database, String benchmark, String figures) {

    Row {
      database = flat(database, "database");
      benchmark = flat(benchmark, "benchmark");
      figures = flat(figures, "figures");
    }

    /** The row as one line of the Markdown table. */
    String markdown() {
      return "| " + escape(database) + " | " + escape(benchmark) + " | " + escape(figures) + " |";
    }
  }

  private Results() {}

  /** Appends a result to {@link #FILE} and prints it. */
  static void line(String database, String benchmark, String figures) {
    Row row = new Row(database, benchmark, figures);
    append(FILE, row);
    System.out.printf(
        Locale.ROOT,
        "Benchmark result (table: %s): %s; %s; %s%n",
        FILE,
        row.database(),
        row.benchmark(),
        row.figures());
  }

  /** Appends {@code row} to the table in {@code file}, writing the header first if it is new. */
  static synchronized void append(Path file, Row row) {
    String line = row.markdown();
    if (!isRow(line)) {
      throw new IllegalStateException("not a well-formed table row: " + line);
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      if (Files.exists(file)) {
        check(file);
      } else {
        Files.writeString(file, header(), StandardOpenOption.CREATE_NEW);
      }
      Files.writeString(file, line + "\n", StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String header() {
    return TITLE
        + OffsetDateTime.now()
        + ", "
        + Runtime.getRuntime().availableProcessors()
        + " CPUs, Java "
        + System.getProperty("java.version")
        + "\n\n"
        + COLUMNS
        + "\n"
        + SEPARATOR
        + "\n";
  }

  /** Refuses a file that holds anything but the header and rows this class writes. */
  private static void check(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    boolean header =
        lines.size() >= 4
            && lines.get(0).startsWith(TITLE)
            && lines.get(1).isEmpty()
            && lines.get(2).equals(COLUMNS)
            && lines.get(3).equals(SEPARATOR);
    if (!header) {
      throw new IllegalStateException(file + " does not start with the benchmark table's header");
    }
    for (int i = 4; i < lines.size(); i++) {
      if (!isRow(lines.get(i))) {
        throw new IllegalStateException(
            file + " line " + (i + 1) + " is not a benchmark result row: " + lines.get(i));
      }
    }
  }

  /**
   * Whether {@code line} is one row of the three-column table: {@code | a | b | c |} on one line,
   * each cell non-blank, no pipe inside a cell unless escaped.
   */
  static boolean isRow(String line) {
    if (line.chars().anyMatch(Character::isISOControl)) {
      return false;
    }
    List<String> parts = split(line);
    if (parts.size() != 5 || !parts.get(0).isEmpty() || !parts.get(4).isEmpty()) {
      return false;
    }
    for (String cell : parts.subList(1, 4)) {
      if (cell.isBlank() || !cell.startsWith(" ") || !cell.endsWith(" ")) {
        return false;
      }
    }
    return true;
  }

  /** The text between unescaped pipes; a backslash escapes the character after it. */
  static List<String> split(String line) {
    List<String> parts = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        cell.append(c).append(line.charAt(++i));
      } else if (c == '|') {
        parts.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    parts.add(cell.toString());
    return parts;
  }

  /** One line: line breaks and other control characters become single spaces. */
  private static String flat(String value, String name) {
    Objects.requireNonNull(value, name);
    String flat =
        value
            .replaceAll("\\s*\\R\\s*", " ")
            .replaceAll("\\p{Cntrl}", " ")
            .replaceAll(" {2,}", " ")
            .strip();
    if (flat.isEmpty()) {
      throw new IllegalArgumentException("blank " + name);
    }
    return flat;
  }

  /** Escapes what Markdown would read as a cell boundary: pipes, and backslashes before them. */
  private static String escape(String cell) {
    return cell.replace("\\", "\\\\").replace("|", "\\|");
  }
}
