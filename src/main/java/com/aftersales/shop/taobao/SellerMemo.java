package com.aftersales.shop.taobao;

import com.aftersales.shop.Flag;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The seller memo we write (docs/taobao-open-platform.md, "The adapter's mapping"): the platform
 * keeps one memo per trade of at most {@value #LIMIT_BYTES} bytes, we keep every remark in {@code
 * taobao_remark}. The memo shows the current flag's note, then the newest remarks that fit, one a
 * line, grouped by column (oldest of them first), then {@value #MARKER} when older ones are only in
 * our system:
 *
 * <pre>
 * 【旗帜·紫】平台已退款 12.50 元
 * 【客服】05-03 09:12 同意退货退款，等待买家寄回
 * 【财务】05-03 10:00 同意退款 12.50 元
 * 【发货】05-04 08:30 补发 1 件
 * 【原备注】买家要求周末送货
 * （更早的备注见售后系统）
 * </pre>
 *
 * Lines of the memo that are none of ours (written in Qianniu) are kept as a remark of their own
 * ({@code 【原备注】}) before the memo is written again: nothing is dropped silently.
 */
final class SellerMemo {

  /** The memo's size limit on the platform (counted in UTF-8, the larger of the encodings). */
  static final int LIMIT_BYTES = 1000;

  static final String MARKER = "（更早的备注见售后系统）";

  /** The longest flag line; a longer note shows cut short (it is kept whole in our table). */
  static final int FLAG_LINE_BYTES = 300;

  /** Where a remark belongs: the three columns, the flag's note, and lines found in the memo. */
  enum Section {
    FLAG("旗帜"),
    INTERNAL("客服"),
    FINANCE("财务"),
    SHIPPING("发货"),
    MEMO("原备注");

    final String label;

    Section(String label) {
      this.label = label;
    }
  }

  /**
   * One remark; {@code flag} only for {@link Section#FLAG}, where null records that the flag was
   * cleared (the memo then shows no flag line).
   */
  record Entry(long id, Section section, Flag flag, String body, OffsetDateTime writtenAt) {}

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");

  private SellerMemo() {}

  /** The platform's flag number: red 1, yellow 2, green 3, blue 4, purple 5 (docs §2). */
  static int flagNumber(Flag flag) {
    return switch (flag) {
      case RED -> 1;
      case YELLOW -> 2;
      case GREEN -> 3;
      case PURPLE -> 5;
      case BLUE -> 4;
    };
  }

  static String flagLabel(Flag flag) {
    return switch (flag) {
      case RED -> "红";
      case YELLOW -> "黄";
      case GREEN -> "绿";
      case PURPLE -> "紫";
      case BLUE -> "蓝";
    };
  }

  /** The line an entry shows as (whole, without the byte limit). */
  static String line(Entry e) {
    String body = e.body().replaceAll("\\s*\\R\\s*", " ").strip();
    if (e.section() == Section.FLAG && e.flag() == null) {
      return "【" + Section.FLAG.label + "·撤】" + body;
    }
    if (e.section() == Section.FLAG) {
      return "【" + Section.FLAG.label + "·" + flagLabel(e.flag()) + "】" + body;
    }
    if (e.section() == Section.MEMO) {
      return "【" + Section.MEMO.label + "】" + body;
    }
    String when = e.writtenAt().atZoneSameInstant(TopClient.PLATFORM_ZONE).format(WHEN);
    return "【" + e.section().label + "】" + when + " " + body;
  }

  /**
   * The memo's lines that none of {@code entries} shows (written by hand), joined; null when every
   * line is ours. A line cut short by us counts as ours.
   */
  static String foreign(String memo, List<Entry> entries) {
    if (memo == null || memo.isBlank()) {
      return null;
    }
    List<String> ours = entries.stream().map(SellerMemo::line).toList();
    List<String> foreign = new ArrayList<>();
    for (String raw : memo.split("\\R")) {
      String l = raw.strip();
      if (l.isEmpty() || l.equals(MARKER) || ours.contains(l)) {
        continue;
      }
      String cut = l.endsWith("…") ? l.substring(0, l.length() - 1) : null;
      if (cut != null && !cut.isEmpty() && ours.stream().anyMatch(o -> o.startsWith(cut))) {
        continue;
      }
      foreign.add(l);
    }
    return foreign.isEmpty() ? null : String.join("\n", foreign);
  }

  /** The memo for {@code entries}: never more than {@value #LIMIT_BYTES} bytes. */
  static String compose(List<Entry> entries) {
    Comparator<Entry> newestFirst =
        Comparator.comparing(Entry::writtenAt).thenComparing(Entry::id).reversed();
    String flagLine =
        entries.stream()
            .filter(e -> e.section() == Section.FLAG)
            .sorted(newestFirst)
            .findFirst()
            .filter(e -> e.flag() != null)
            .map(e -> cut(line(e), FLAG_LINE_BYTES))
            .orElse(null);
    List<Entry> remarks =
        entries.stream().filter(e -> e.section() != Section.FLAG).sorted(newestFirst).toList();
    int markerBytes = bytes(MARKER) + 1;
    int used = flagLine == null ? 0 : bytes(flagLine) + 1;
    boolean older = flagLine != null && flagLine.endsWith("…");
    Map<Section, List<String>> shown = new EnumMap<>(Section.class);
    for (int i = 0; i < remarks.size(); i++) {
      String line = line(remarks.get(i));
      boolean more = i < remarks.size() - 1;
      int room = LIMIT_BYTES - used - (more ? markerBytes : 0);
      if (bytes(line) + 1 > room) {
        if (i == 0) { // the newest alone is too long: shown cut short, whole in our table
          line = cut(line, LIMIT_BYTES - used - markerBytes - 1);
          shown.computeIfAbsent(remarks.get(i).section(), s -> new ArrayList<>()).add(0, line);
        }
        older = true;
        break;
      }
      used += bytes(line) + 1;
      shown.computeIfAbsent(remarks.get(i).section(), s -> new ArrayList<>()).add(0, line);
    }
    List<String> lines = new ArrayList<>();
    if (flagLine != null) {
      lines.add(flagLine);
    }
    shown.values().forEach(lines::addAll);
    if (older) {
      lines.add(MARKER);
    }
    return String.join("\n", lines);
  }

  static int bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  /** {@code s} in at most {@code max} bytes, ending in "…" when cut. */
  static String cut(String s, int max) {
    if (bytes(s) <= max) {
      return s;
    }
    int budget = max - bytes("…");
    StringBuilder out = new StringBuilder();
    int used = 0;
    for (int cp : s.codePoints().toArray()) {
      int n = bytes(new String(Character.toChars(cp)));
      if (used + n > budget) {
        break;
      }
      out.appendCodePoint(cp);
      used += n;
    }
    return out + "…";
  }
}
