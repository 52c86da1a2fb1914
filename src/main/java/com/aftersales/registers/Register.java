package com.aftersales.registers;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The registers people read and export, with their columns as the shop names them. */
public enum Register {
  CASES(
      "cases",
      "售后服务登记表",
      "after_sales_case",
      "opened_at",
      List.of(
          new Column("case_id", "售后单号"),
          new Column("kind", "类型"),
          new Column("order_id", "订单编号"),
          new Column("buyer_id", "买家会员名"),
          new Column("description", "问题描述"),
          new Column("category", "问题分类"),
          new Column("status", "状态"),
          new Column("outcome_label", "处理结果"),
          new Column("opened_by", "登记人"),
          new Column("opened_at", "登记时间"),
          new Column("closed_at", "结案时间"))),
  RESHIP_FORMS(
      "reship-forms",
      "重发单",
      "reship_form",
      "filled_at",
      List.of(
          new Column("filled_at", "日期"),
          new Column("filled_by", "填写人"),
          new Column("buyer_id", "买家会员名"),
          new Column("original_order_id", "原订单编号"),
          new Column("reship_order_id", "补发订单号"),
          new Column("product_name", "商品名称"),
          new Column("quantity", "数量"),
          new Column("reason", "原因"),
          new Column("carrier", "快递公司"),
          new Column("tracking_number", "物流单号"),
          new Column("shipped_at", "发出时间"),
          new Column("received_at", "签收时间"),
          new Column("case_id", "售后单号"))),
  COURIER_LOSSES(
      "courier-losses",
      "快递损失",
      "courier_loss",
      "recorded_at",
      List.of(
          new Column("recorded_at", "登记时间"),
          new Column("order_id", "订单编号"),
          new Column("carrier", "快递公司"),
          new Column("tracking_number", "物流单号"),
          new Column("loss_amount", "损失金额（元）"),
          new Column("claim_state", "索赔状态"),
          new Column("case_id", "售后单号")));

  /** A column: its name in the table and its heading for people. */
  public record Column(String name, String label) {}

  private final String path;
  private final String title;
  private final String table;
  private final String dateColumn;
  private final List<Column> columns;

  Register(String path, String title, String table, String dateColumn, List<Column> columns) {
    this.path = path;
    this.title = title;
    this.table = table;
    this.dateColumn = dateColumn;
    this.columns = columns;
  }

  public String path() {
    return path;
  }

  public String title() {
    return title;
  }

  String table() {
    return table;
  }

  String dateColumn() {
    return dateColumn;
  }

  public List<Column> columns() {
    return columns;
  }

  public static Optional<Register> byPath(String path) {
    return Arrays.stream(values()).filter(r -> r.path.equals(path)).findFirst();
  }
}
