package com.aftersales.followup;

import com.aftersales.base.Access;
import com.aftersales.base.InvalidInputException;
import com.aftersales.base.Roles;
import com.aftersales.cases.CaseVariables;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/follow-ups}: the daily selection, spot-check sampling, stock-outs that trigger a
 * call, and satisfaction added up per day, agent or product.
 */
@RestController
@RequestMapping("/api/follow-ups")
class FollowUpController {

  record DateRequest(String date) {}

  record StockOut(String itemTitle) {}

  private final FollowUpSelection selection;
  private final SpotCheckSampling sampling;
  private final Satisfaction satisfaction;
  private final IdentityService identity;
  private final JdbcTemplate jdbc;

  FollowUpController(
      FollowUpSelection selection,
      SpotCheckSampling sampling,
      Satisfaction satisfaction,
      IdentityService identity,
      JdbcTemplate jdbc) {
    this.selection = selection;
    this.sampling = sampling;
    this.satisfaction = satisfaction;
    this.identity = identity;
    this.jdbc = jdbc;
  }

  @PostMapping("/runs")
  FollowUpSelection.Selection select(@RequestBody(required = false) DateRequest request) {
    Access.require(identity, "只有客服主管可以安排回访", Roles.SUPERVISORS);
    return selection.select(date(request, selection.today()));
  }

  @PostMapping("/spot-checks/runs")
  SpotCheckSampling.Sampling sample(@RequestBody(required = false) DateRequest request) {
    Access.require(identity, "只有客服主管可以抽查回访", Roles.SUPERVISORS);
    return sampling.sample(date(request, selection.today().minusDays(1)));
  }

  @PostMapping("/stock-outs")
  Map<String, Object> stockOut(@RequestBody(required = false) StockOut body) {
    String user = Access.require(identity, "只有客服或主管可以登记缺货", Roles.AGENTS, Roles.SUPERVISORS);
    String title = title(body);
    jdbc.update("delete from stock_out where item_title = ?", title);
    jdbc.update(
        "insert into stock_out (item_title, declared_at, declared_by) values (?,?,?)",
        title,
        OffsetDateTime.now(),
        user);
    return Map.of(CaseVariables.ITEM_TITLE.name(), title, "outOfStock", true);
  }

  @DeleteMapping("/stock-outs")
  Map<String, Object> backInStock(@RequestParam String itemTitle) {
    Access.require(identity, "只有客服或主管可以登记到货", Roles.AGENTS, Roles.SUPERVISORS);
    jdbc.update("delete from stock_out where item_title = ?", itemTitle.trim());
    return Map.of(CaseVariables.ITEM_TITLE.name(), itemTitle.trim(), "outOfStock", false);
  }

  @GetMapping("/satisfaction")
  List<Satisfaction.Line> satisfaction(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "day") String by) {
    Access.require(identity, "只有客服或主管可以查看回访满意度", Roles.AGENTS, Roles.SUPERVISORS);
    LocalDate end = to == null || to.isBlank() ? selection.today() : day(to, "to");
    LocalDate start = from == null || from.isBlank() ? end.minusDays(30) : day(from, "from");
    return satisfaction.lines(start, end, Satisfaction.By.parse(by));
  }

  private static String title(StockOut body) {
    if (body == null || body.itemTitle() == null || body.itemTitle().isBlank()) {
      throw new InvalidInputException(CaseVariables.ITEM_TITLE.name(), "请填写缺货商品的标题（与订单报表里的宝贝标题一致）");
    }
    String t = body.itemTitle().trim();
    if (t.length() > 512) {
      throw new InvalidInputException(CaseVariables.ITEM_TITLE.name(), "商品标题最多 512 个字");
    }
    return t;
  }

  private static LocalDate date(DateRequest request, LocalDate fallback) {
    return request == null || request.date() == null || request.date().isBlank()
        ? fallback
        : day(request.date(), "date");
  }

  private static LocalDate day(String value, String field) {
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, "日期 “" + value + "” 格式不对，请写成 2026-11-22");
    }
  }
}
