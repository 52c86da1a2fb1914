package com.aftersales.orders;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Order reports as the seller back office exports them ("已卖出的宝贝" → 批量导出): the column sets of older
 * and newer exports, GBK or UTF-8 with a byte-order mark, .xlsx, order numbers written as {@code
 * ="…"} so spreadsheets keep them whole, masked addresses, empty money cells.
 */
public final class ReportFixtures {

  /**
   * The columns of a current export (order as the back office writes them, extra ones included).
   */
  public static final List<String> NEW_HEADINGS =
      List.of(
          "订单编号",
          "买家会员名",
          "买家支付宝账号",
          "买家应付货款",
          "买家应付邮费",
          "买家支付积分",
          "总金额",
          "返点积分",
          "买家实际支付金额",
          "订单状态",
          "买家留言",
          "收货人姓名",
          "收货地址 ",
          "运送方式",
          "联系电话 ",
          "联系手机",
          "订单创建时间",
          "订单付款时间 ",
          "宝贝标题 ",
          "宝贝种类",
          "物流单号 ",
          "物流公司",
          "订单备注",
          "宝贝总数量",
          "店铺Id",
          "店铺名称",
          "订单关闭原因");

  /** An older export: fewer columns, other names for the paid amount and the title. */
  public static final List<String> OLD_HEADINGS =
      List.of(
          "订单编号", "买家会员名", "买家应付货款", "买家应付邮费", "总金额", "买家实付金额", "订单状态", "收货人姓名", "收货地址", "联系手机",
          "订单创建时间", "订单付款时间", "商品标题", "宝贝总数量", "物流单号", "物流公司", "商家备注");

  /** One order as a line of the report. */
  public record Line(
      String orderId,
      String buyerId,
      String goods,
      String postage,
      String total,
      String paid,
      String status,
      String created,
      String paidAt,
      String title,
      String quantity) {

    public static Line unpaid(String orderId, String buyerId, String created) {
      return new Line(
          orderId, buyerId, "88.00", "0.00", "88.00", "", "等待买家付款", created, "", "保温杯 500ml", "1");
    }

    public static Line paid(String orderId, String buyerId, String created, String paidAt) {
      return new Line(
          orderId,
          buyerId,
          "88.00",
          "0.00",
          "88.00",
          "88.00",
          "买家已付款，等待卖家发货",
          created,
          paidAt,
          "保温杯 500ml",
          "1");
    }

    public Line withAmounts(String newGoods, String newPostage, String newTotal) {
      return new Line(
          orderId,
          buyerId,
          newGoods,
          newPostage,
          newTotal,
          paid,
          status,
          created,
          paidAt,
          title,
          quantity);
    }

    public Line withStatus(String newStatus, String newPaidAt, String newPaid) {
      return new Line(
          orderId, buyerId, goods, postage, total, newPaid, newStatus, created, newPaidAt, title,
          quantity);
    }
  }

  private ReportFixtures() {}

  /**
   * The cells of a line under the given headings (columns we do not know stay filled with junk).
   */
  public static List<String> cells(List<String> headings, Line l, boolean excelSafeIds) {
    List<String> cells = new ArrayList<>();
    for (String h : headings) {
      cells.add(
          switch (h.trim()) {
            case "订单编号" -> excelSafeIds ? "=\"" + l.orderId() + "\"" : l.orderId();
            case "买家会员名" -> l.buyerId();
            case "买家应付货款" -> l.goods();
            case "买家应付邮费" -> l.postage();
            case "总金额" -> l.total();
            case "买家实际支付金额", "买家实付金额" -> l.paid();
            case "订单状态" -> l.status();
            case "收货人姓名" -> "林*";
            case "收货地址" -> "浙江省 杭州市 余杭区 ****";
            case "联系电话" -> "";
            case "联系手机" -> "'13800001234";
            case "订单创建时间" -> l.created();
            case "订单付款时间" -> l.paidAt();
            case "宝贝标题", "商品标题" -> l.title();
            case "宝贝总数量" -> l.quantity();
            case "物流单号" -> "";
            case "物流公司" -> "";
            case "订单备注", "商家备注" -> "";
            case "店铺名称" -> "示例旗舰店";
            case "订单关闭原因" -> "";
            default -> "x";
          });
    }
    return cells;
  }

  public static byte[] csv(List<String> headings, List<Line> lines, Charset charset, boolean bom) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(headings);
    for (Line l : lines) {
      rows.add(cells(headings, l, true));
    }
    return csvRows(rows, charset, bom);
  }

  /** Raw rows, for junk lines and title lines above the headings. */
  public static byte[] csvRows(List<List<String>> rows, Charset charset, boolean bom) {
    StringBuilder s = new StringBuilder();
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) {
          s.append(',');
        }
        String cell = row.get(i);
        s.append('"').append(cell.replace("\"", "\"\"")).append('"');
      }
      s.append("\r\n");
    }
    byte[] body = s.toString().getBytes(charset);
    if (!bom) {
      return body;
    }
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    return withBom;
  }

  /** An .xlsx export: dates as real date cells, money as numbers, ids as text. */
  public static byte[] xlsx(List<String> headings, List<Line> lines) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Workbook wb = new Workbook(out, "export", "1.0");
    Worksheet ws = wb.newWorksheet("订单报表");
    for (int c = 0; c < headings.size(); c++) {
      ws.value(0, c, headings.get(c));
    }
    int r = 1;
    for (Line l : lines) {
      List<String> cells = cells(headings, l, false);
      for (int c = 0; c < headings.size(); c++) {
        String h = headings.get(c).trim();
        String v = cells.get(c);
        if ((h.equals("订单创建时间") || h.equals("订单付款时间")) && !v.isEmpty()) {
          ws.value(r, c, LocalDateTime.parse(v.replace(' ', 'T')));
          ws.style(r, c).format("yyyy-mm-dd hh:mm:ss").set();
        } else if ((h.equals("总金额") || h.equals("买家应付货款")) && !v.isEmpty()) {
          ws.value(r, c, Double.parseDouble(v));
        } else {
          ws.value(r, c, v);
        }
      }
      r++;
    }
    wb.finish();
    return out.toByteArray();
  }

  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
