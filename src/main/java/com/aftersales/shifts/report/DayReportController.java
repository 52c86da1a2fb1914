package com.aftersales.shifts.report;

import com.aftersales.base.Access;
import com.aftersales.base.InvalidInputException;
import com.aftersales.base.Roles;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@code /api/reports/day}: the day's figures (supervisors: every agent; agents: their own), the
 * agent's submission with a note, and the supervisors' .xlsx of the day.
 */
@RestController
@RequestMapping("/api/reports/day")
class DayReportController {

  /** What the agent submits. */
  record Submission(String note) {}

  private final DayReports reports;
  private final DayReportExport export;
  private final IdentityService identity;

  DayReportController(DayReports reports, DayReportExport export, IdentityService identity) {
    this.reports = reports;
    this.export = export;
    this.identity = identity;
  }

  @GetMapping
  DayReports.Day day(@RequestParam(required = false) String date) {
    String user = Access.require(identity, "日报只对客服和客服主管开放", Roles.AGENTS, Roles.SUPERVISORS);
    LocalDate day = date(date);
    return reports.day(day, supervisor() ? null : List.of(user));
  }

  @PostMapping
  DayReports.Submitted submit(@RequestBody(required = false) Submission submission) {
    String agent = Access.require(identity, "只有客服提交自己的日报", Roles.AGENTS);
    return reports.submit(agent, submission == null ? null : submission.note());
  }

  @GetMapping("/export.xlsx")
  void export(@RequestParam(required = false) String date, HttpServletResponse response)
      throws IOException {
    Access.require(identity, "日报汇总只对客服主管开放", Roles.SUPERVISORS);
    LocalDate day = date(date);
    DayReports.Day d = reports.day(day, null);
    response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename*=UTF-8''"
            + URLEncoder.encode("客服日报_" + day + ".xlsx", StandardCharsets.UTF_8));
    try (OutputStream out = response.getOutputStream()) {
      export.write(d, out);
    }
  }

  private boolean supervisor() {
    Authentication auth = identity.getCurrentAuthentication();
    List<String> groups = auth.getGroupIds() == null ? List.of() : auth.getGroupIds();
    return groups.contains(Roles.SUPERVISORS) || groups.contains(Access.ADMINS);
  }

  private LocalDate date(String value) {
    if (value == null || value.isBlank()) {
      return reports.today();
    }
    LocalDate day;
    try {
      day = LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("date", "日期 “" + value + "” 格式不对，请写成 2026-11-30 这样的年-月-日");
    }
    if (day.isAfter(reports.today())) {
      throw new InvalidInputException("date", "还没到 " + day + "，没有日报");
    }
    return day;
  }

  /** {@code /day-report} is the agent's page, {@code /day-reports} the supervisors'. */
  @Configuration
  static class Pages implements WebMvcConfigurer {
    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
      registry.addRedirectViewController("/day-report", "/console/day-report.html");
      registry
          .addRedirectViewController("/day-reports", "/console/day-reports.html")
          .setKeepQueryParams(true);
    }
  }
}
