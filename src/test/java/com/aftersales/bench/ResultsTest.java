package com.aftersales.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark results table takes one well-formed row per result, whatever a cell holds: start-up
 * banner art, pipes, line breaks.
 */
class ResultsTest {

  /** The start-up banner's ASCII art, as it reaches the console. */
  static final String BANNER =
      String.join(
          "\n",
          "  ____                                 _         ____  _       _    __",
          " / ___| __ _ _ __ ___  _   _ _ __   __| | __ _  |  _ \\| | __ _| |_ / _| ___  _ __ _ __"
              + " ___",
          "| |   / _` | '_ ` _ \\| | | | '_ \\ / _` |/ _` | | |_) | |/ _` | __| |_ / _ \\| '__| '_"
              + " ` _ \\ ",
          "| |__| (_| | | | | | | |_| | | | | (_| | (_| | |  __/| | (_| | |_|  _| (_) | |  | | |"
              + " | | |",
          " \\____/\\__,_|_| |_| |_|\\__,_|_| |_|\\__,_|\\__,_| |_|   |_|\\__,_|\\__|_|  \\___/|_| "
              + " |_| |_| |_|");

  /** A pipe that no backslash escapes: a cell boundary to a Markdown table. */
  static final Pattern BOUNDARY = Pattern.compile("(?<!\\\\)\\|");

  @TempDir Path dir;

  @Test
  void bannerInACellStaysInsideItsOneRow() throws Exception {
    Path file = dir.resolve("results.md");

    Results.append(
        file,
        new Results.Row("H2", "1. damage claims", "1.60× the bare model\r\n" + BANNER + "\n"));

    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(5);
    assertThat(lines.subList(1, 4)).containsExactly("", Results.COLUMNS, Results.SEPARATOR);
    String row = lines.get(4);
    assertThat(Results.isRow(row)).isTrue();
    assertThat(row).startsWith("| H2 | 1. damage claims | 1.60× the bare model ").endsWith(" |");
    assertThat(BOUNDARY.matcher(row).results().count()).isEqualTo(4);
    assertThat(lines).filteredOn(l -> l.startsWith("| |")).isEmpty();
  }

  @Test
  void pipesInCellsAreEscapedNotSplit() throws Exception {
    Path file = dir.resolve("results.md");
    Results.Row result = new Results.Row("H2 | PostgreSQL", "a|b", "x | y | z \\| w \\");

    Results.append(file, result);

    String row = Files.readAllLines(file).get(4);
    assertThat(row).isEqualTo("| H2 \\| PostgreSQL | a\\|b | x \\| y \\| z \\\\\\| w \\\\ |");
    assertThat(BOUNDARY.matcher(row).results().count()).isEqualTo(4);
    List<String> cells = Results.split(row);
    assertThat(cells).hasSize(5);
    assertThat(cells.subList(1, 4).stream().map(c -> unescape(c.strip())))
        .containsExactly(result.database(), result.benchmark(), result.figures());
  }

  @Test
  void rowsShareOneHeader() throws Exception {
    Path file = dir.resolve("benchmarks").resolve("results.md");

    Results.append(file, new Results.Row("H2", "3. handover", "1.41×"));
    Results.append(file, new Results.Row("PostgreSQL", "3. handover", "1.19×"));

    List<String> lines = Files.readAllLines(file);
    assertThat(lines.get(0)).startsWith(Results.TITLE);
    assertThat(lines.subList(1, lines.size()))
        .containsExactly(
            "",
            Results.COLUMNS,
            Results.SEPARATOR,
            "| H2 | 3. handover | 1.41× |",
            "| PostgreSQL | 3. handover | 1.19× |");
  }

  @Test
  void fileWithLinesOfAnotherWriterIsRefused() throws Exception {
    Path file = dir.resolve("results.md");
    Results.append(file, new Results.Row("H2", "3. handover", "1.41×"));
    String banner = BANNER.lines().skip(2).limit(2).reduce("", (a, b) -> a + b + "\n");
    Files.writeString(file, Files.readString(file) + banner);
    String before = Files.readString(file);

    assertThatThrownBy(() -> Results.append(file, new Results.Row("H2", "4. import", "15.6 s")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("line 6 is not a benchmark result row");
    assertThat(Files.readString(file)).isEqualTo(before);
  }

  @Test
  void rowShapes() {
    assertThat(Results.isRow("| a | b | c |")).isTrue();
    assertThat(Results.isRow("| a | b \\| c |")).isFalse();
    assertThat(Results.isRow("| a | b | c | d |")).isFalse();
    assertThat(Results.isRow("| a |  | c |")).isFalse();
    assertThat(Results.isRow("| a | b | c \\|")).isFalse();
    assertThat(Results.isRow("| a | b\n| c |")).isFalse();
    assertThatThrownBy(() -> new Results.Row("H2", " \n ", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String unescape(String cell) {
    return cell.replaceAll("\\\\(.)", "$1");
  }
}
