package com.aftersales.registers;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The registers people read and export, with their columns as the shop names them. */
public enum Register {
  CASES(
      "cases",
      "售后服务登记表",
      "after_sales_case",
      "opened_at",
      "opened_by",
      "kind",
      "order_id",
      // seed 004's columns first: date, buyer, contact, order, product, problem, solution, who
      // resolved it, result, the buyer's feedback; the contact only ever masked
      List.of(
          new Column("opened_at", "登记日期"),
          new Column("buyer_id", "买家"),
          new Column("buyer_contact", "联系方式（已脱敏）"),
          new Column("order_id", "订单编号"),
          new Column("product_name", "产品"),
          new Column("description", "问题描述"),
          new Column("category", "问题分类", RegisterLabels.CASE_CATEGORY),
          new Column("outcome_label", "解决方案"),
          new Column("resolved_by", "解决人"),
          new Column("status", "处理结果", RegisterLabels.CASE_STATUS),
          Column.computed(
              "buyer_feedback",
              "客户反馈",
              "(select max(f.suggestions) from follow_up_call f where f.order_id ="
                  + " after_sales_case.order_id and f.reached = true)"),
          new Column("case_id", "售后单号"),
          new Column("kind", "类型", RegisterLabels.CASE_KIND),
          new Column("opened_by", "登记人"),
          new Column("closed_at", "结案时间"))),
  RESHIP_FORMS(
      "reship-forms",
      "重发单",
      "reship_form",
      "filled_at",
      "filled_by",
      null,
      "original_order_id",
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
      null,
      "carrier",
      "order_id",
      List.of(
          new Column("recorded_at", "登记时间"),
          new Column("order_id", "订单编号"),
          new Column("carrier", "快递公司"),
          new Column("tracking_number", "物流单号"),
          new Column("loss_amount", "损失金额（元）"),
          new Column("claim_state", "索赔状态", RegisterLabels.CLAIM_STATE),
          new Column("case_id", "售后单号"))),
  RETURNS(
      "returns",
      "退件表",
      "return_register",
      "registered_at",
      "registered_by",
      "return_type",
      "order_id",
      List.of(
          new Column("registered_at", "日期"),
          new Column("carrier", "快递公司"),
          new Column("tracking_number", "物流单号"),
          new Column("parcels", "件数（包裹）"),
          new Column("buyer_id", "买家ID"),
          new Column("order_id", "订单编号"),
          new Column("return_type", "退货类型", RegisterLabels.RETURN_TYPE),
          new Column("product_name", "商品名称"),
          new Column("quantity", "数量"),
          new Column("solution", "处理方式"),
          new Column("total_amount", "金额（元）"),
          new Column("postage_deducted", "扣除运费（元）"),
          new Column("remarks", "备注"),
          new Column("registered_by", "登记客服"),
          new Column("received_by", "仓库签收人"),
          new Column("received_at", "签收时间"),
          new Column("matches_case", "与售后单一致"),
          new Column("transit_damage", "运输破损"),
          new Column("resaleable", "可二次销售"),
          new Column("restocked", "已入库"),
          new Column("gift_returned", "赠品已退回"),
          new Column("case_id", "售后单号"))),
  DUNNING_DETAILS(
      "dunning-details",
      "催款明细",
      "dunning_detail",
      "contacted_at",
      "agent",
      "result",
      "order_id",
      List.of(
          new Column("run_date", "下单日期"),
          new Column("order_id", "订单编号"),
          new Column("buyer_id", "买家会员名"),
          new Column("amount", "金额（元）"),
          new Column("attempt", "第几次联系"),
          new Column("contacted_at", "联系时间"),
          new Column("channel", "联系方式", RegisterLabels.CONTACT_CHANNEL),
          new Column("answered_by", "接听人", RegisterLabels.ANSWERED_BY),
          new Column("result", "结果", RegisterLabels.DUNNING_RESULT),
          new Column("promised_at", "约定付款时间"),
          new Column("agent", "客服"),
          new Column("note", "沟通记录"),
          new Column("case_id", "催款单号"))),
  FOLLOW_UPS(
      "follow-ups",
      "回访记录",
      "follow_up_call",
      "selected_on",
      "caller",
      "scenario",
      "order_id",
      List.of(
          new Column("selected_on", "安排日期"),
          new Column("scenario", "回访场景", RegisterLabels.SCENARIO),
          new Column("order_id", "订单编号"),
          new Column("buyer_id", "买家会员名"),
          new Column("item_title", "商品"),
          new Column("province", "省份"),
          new Column("region", "区域", RegisterLabels.REGION),
          new Column("follow_up_at", "回访时段"),
          new Column("attempts", "拨打次数"),
          new Column("reached", "联系上"),
          new Column("product_satisfaction", "商品满意度", RegisterLabels.SATISFACTION),
          new Column("service_attitude", "服务态度", RegisterLabels.SATISFACTION),
          new Column("service_skill", "服务技能", RegisterLabels.SATISFACTION),
          new Column("problem", "发现的问题", RegisterLabels.PROBLEM),
          new Column("route_to", "转处理", RegisterLabels.ROUTE_TO),
          new Column("routed_case_id", "转出单号"),
          new Column("suggestions", "买家建议"),
          new Column("note", "备注"),
          new Column("caller", "回访客服"),
          new Column("called_at", "回访时间"),
          new Column("outcome", "结果", RegisterLabels.CALL_OUTCOME),
          new Column("case_id", "回访单号"))),
  SPOT_CHECKS(
      "spot-checks",
      "回访抽查记录",
      "spot_check",
      "sampled_on",
      "checker",
      null,
      null,
      List.of(
          new Column("sampled_on", "抽查日期"),
          new Column("call_case_id", "回访单号"),
          new Column("caller", "回访客服"),
          new Column("checker", "抽查人"),
          new Column("score_wording", "话术规范"),
          new Column("score_attitude", "服务态度"),
          new Column("score_record", "记录完整"),
          new Column("total_score", "总分"),
          new Column("note", "点评"),
          new Column("checked_at", "抽查时间"))),
  COMPLAINTS(
      "complaints",
      "顾客投诉登记表",
      "complaint",
      "registered_at",
      "registered_by",
      "kind",
      "order_id",
      List.of(
          new Column("registered_at", "登记时间"),
          new Column("buyer_id", "顾客"),
          new Column("order_id", "订单编号"),
          new Column("kind", "投诉类型", RegisterLabels.COMPLAINT_KIND),
          new Column("what_was_said", "顾客原话与诉求"),
          new Column("department", "责任部门", RegisterLabels.DEPARTMENT),
          new Column("outcome", "处理结果"),
          new Column("registered_by", "登记人"),
          new Column("handled_by", "处理人"),
          new Column("handled_at", "处理时间"),
          new Column("case_id", "投诉单号"))),
  LOGISTICS(
      "logistics",
      "查件/物流异常登记",
      "logistics_register",
      "registered_at",
      "agent",
      "problem_type",
      "order_id",
      List.of(
          new Column("registered_at", "登记时间"),
          new Column("order_id", "订单编号"),
          new Column("buyer_id", "买家会员名"),
          new Column("buyer_phone_masked", "买家电话（隐去中间位）"),
          new Column("waybill_number", "运单号"),
          new Column("carrier", "快递公司"),
          new Column("source_label", "来源"),
          new Column("problem_label", "问题类型"),
          new Column("actions", "处理经过"),
          new Column("result", "处理结果"),
          new Column("agent", "处理客服"),
          new Column("closed_at", "结案时间"),
          new Column("case_id", "售后单号")));

  /** The return register's columns its 合计 sheet sums: pieces per product (in its size). */
  static final String RETURN_PRODUCT = "product_name";

  static final String RETURN_QUANTITY = "quantity";

  /**
   * A column: its name, its heading for people, the words for the codes it stores (null when it
   * stores none), and the SQL it is read with when it is not a column of the table.
   */
  public record Column(String name, String label, Map<String, String> codes, String sql) {

    Column(String name, String label) {
      this(name, label, null, null);
    }

    Column(String name, String label, Map<String, String> codes) {
      this(name, label, codes, null);
    }

    static Column computed(String name, String label, String sql) {
      return new Column(name, label, null, sql);
    }

    /** What a cell shows: codes in words, yes or no for a flag. */
    public Object display(Object value) {
      if (value instanceof Boolean b) {
        return RegisterLabels.yesNo(b);
      }
      if (codes != null && value instanceof String code) {
        return RegisterLabels.translate(codes, code);
      }
      return value;
    }
  }

  private final String path;
  private final String title;
  private final String table;
  private final String dateColumn;
  private final String agentColumn;
  private final String typeColumn;
  private final String orderColumn;
  private final List<Column> columns;

  Register(
      String path,
      String title,
      String table,
      String dateColumn,
      String agentColumn,
      String typeColumn,
      String orderColumn,
      List<Column> columns) {
    this.path = path;
    this.title = title;
    this.table = table;
    this.dateColumn = dateColumn;
    this.agentColumn = agentColumn;
    this.typeColumn = typeColumn;
    this.orderColumn = orderColumn;
    this.columns = columns;
  }

  /** The column filtered by {@code agent=}, or null when the register has none. */
  String agentColumn() {
    return agentColumn;
  }

  /** The column filtered by {@code type=}, or null. */
  String typeColumn() {
    return typeColumn;
  }

  /** The column filtered by {@code orderId=}, or null. */
  String orderColumn() {
    return orderColumn;
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
