package com.aftersales.orders;

import com.aftersales.base.TooLargeException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Streams the rows of an uploaded order report, CSV (UTF-8 with or without a byte-order mark, or
 * GBK as older exports are) or .xlsx, one row at a time: a 10,000-row file is never held in memory.
 */
final class ReportFile {

  /** Receives each row with the line number a clerk sees in the spreadsheet (1 = first line). */
  interface RowHandler {
    void row(int line, List<String> cells);
  }

  static final Charset GBK = Charset.forName("GB18030");
  private static final int SNIFF = 64 * 1024;
  private static final int MAX_PARTS = 10_000;

  final String format;
  final String encoding;
  private final Path path;

  private ReportFile(Path path, String format, String encoding) {
    this.path = path;
    this.format = format;
    this.encoding = encoding;
  }

  /** Recognises the file by its content, not its name. */
  static ReportFile open(Path path, String fileName) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(path)) {
      head = in.readNBytes(SNIFF);
    }
    if (head.length == 0) {
      throw new NotAnOrderReportException("文件是空的，请重新从千牛/卖家中心导出订单报表");
    }
    if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
      return new ReportFile(path, "XLSX", null);
    }
    if (head.length >= 8 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF) {
      throw new NotAnOrderReportException("这是旧版 Excel（.xls）文件，请在 Excel 里另存为 .xlsx 或 CSV 后再导入");
    }
    if (looksBinary(head)) {
      throw new NotAnOrderReportException(
          "文件 “" + fileName + "” 不是订单报表（CSV 或 .xlsx），请上传卖家中心“已卖出的宝贝”批量导出的文件");
    }
    boolean bom =
        head.length >= 3
            && (head[0] & 0xFF) == 0xEF
            && (head[1] & 0xFF) == 0xBB
            && (head[2] & 0xFF) == 0xBF;
    String encoding = bom || isUtf8(head) ? "UTF-8" : "GBK";
    return new ReportFile(path, "CSV", encoding);
  }

  /** Calls {@code handler} for every row, the heading rows included. */
  void rows(RowHandler handler) throws IOException {
    if (format.equals("XLSX")) {
      try (InputStream in = Files.newInputStream(path);
          ReadableWorkbook workbook = new ReadableWorkbook(in)) {
        Sheet sheet = workbook.getFirstSheet();
        try (Stream<org.dhatim.fastexcel.reader.Row> rows = sheet.openStream()) {
          rows.forEach(
              r -> {
                List<String> cells = new ArrayList<>(r.getCellCount());
                for (int i = 0; i < r.getCellCount(); i++) {
                  cells.add(r.getCell(i) == null ? "" : r.getCellText(i));
                }
                handler.row(r.getRowNum(), cells);
              });
        }
      } catch (RuntimeException e) {
        if (e instanceof NotAnOrderReportException || e instanceof OrderReport.RowProblem) {
          throw e;
        }
        if (e.getClass().getName().startsWith("org.dhatim")) {
          throw new NotAnOrderReportException("无法读取这个 .xlsx 文件（文件可能已损坏）：" + e.getMessage());
        }
        throw e;
      }
      return;
    }
    Charset charset = encoding.equals("UTF-8") ? StandardCharsets.UTF_8 : GBK;
    try (Reader reader =
            new BufferedReader(
                new InputStreamReader(Files.newInputStream(path), charset), 1 << 16);
        CSVParser csv =
            CSVFormat.DEFAULT
                .builder()
                .setIgnoreEmptyLines(false)
                .setTrim(false)
                .get()
                .parse(reader)) {
      int line = 0;
      for (CSVRecord record : csv) {
        line++;
        List<String> cells = Arrays.asList(record.values());
        if (line == 1 && !cells.isEmpty()) {
          cells = new ArrayList<>(cells);
          cells.set(0, cells.get(0).replace("\uFEFF", ""));
        }
        handler.row(line, cells);
      }
    } catch (java.io.UncheckedIOException | IllegalStateException e) {
      throw new NotAnOrderReportException(csvProblem(e));
    }
  }

  /** The CSV parser's complaint (English, with a line number) as the clerk should read it. */
  static String csvProblem(RuntimeException e) {
    String detail =
        String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
    java.util.regex.Matcher line = java.util.regex.Pattern.compile("line:? (\\d+)").matcher(detail);
    return "CSV 格式有误："
        + (line.find() ? "第 " + line.group(1) + " 行附近" : "")
        + "引号不成对，或引号后面紧跟了别的字符。请在 Excel 里打开这个文件，另存为 CSV 后再导入";
  }

  /**
   * An .xlsx is a zip: refuses one that unpacks to more than {@code maxBytes} (or holds an absurd
   * number of parts), measuring what really comes out rather than trusting the sizes it declares.
   * Reading stops at the limit, so the check itself is bounded.
   */
  void checkUnpackedSize(long maxBytes) throws IOException {
    long total = 0;
    int parts = 0;
    byte[] buffer = new byte[64 * 1024];
    try (ZipFile zip = new ZipFile(path.toFile())) {
      var entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        if (++parts > MAX_PARTS) {
          throw new TooLargeException(
              "file", "这个 .xlsx 文件的内部部件超过 " + MAX_PARTS + " 个，不是正常的订单报表，本次没有导入任何内容");
        }
        try (InputStream in = zip.getInputStream(entry)) {
          for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            total += n;
            if (total > maxBytes) {
              throw new TooLargeException(
                  "file",
                  "这个 .xlsx 文件解压后超过 "
                      + (maxBytes / (1024 * 1024))
                      + " MB 的上限（Excel 文件实际是压缩包），本次没有导入任何内容。请按日期分批导出，或导出为 CSV 后再导入");
            }
          }
        }
      }
    } catch (ZipException broken) {
      throw new NotAnOrderReportException("无法读取这个 .xlsx 文件（文件可能已损坏）：" + broken.getMessage());
    }
  }

  private static boolean looksBinary(byte[] head) {
    int zeros = 0;
    for (byte b : head) {
      if (b == 0) {
        zeros++;
      }
    }
    return zeros > 0;
  }

  /** Strict UTF-8 check of the first bytes (a character cut at the end of the sample is fine). */
  private static boolean isUtf8(byte[] head) {
    int end = head.length;
    // do not judge a multi-byte character cut by the sample's end
    for (int back = 1; back <= 3 && end - back >= 0; back++) {
      int b = head[end - back] & 0xFF;
      if ((b & 0xC0) == 0xC0) {
        end -= back;
        break;
      }
      if ((b & 0x80) == 0) {
        break;
      }
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(head, 0, end));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
