package com.aftersales.logistics;

import com.aftersales.base.Access;
import com.aftersales.base.Roles;
import com.aftersales.cases.CaseRecord;
import com.aftersales.cases.CaseService;
import com.aftersales.logistics.LogisticsChoices.Source;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/logistics/courier-reports}: a courier reports a problem parcel by its waybill
 * (seed 004). The order is found from the waybill through the shop port; when the back office
 * cannot, the warehouse finds it and the report is sent again with {@code orderId}.
 */
@RestController
@RequestMapping("/api/logistics")
class CourierReportController {

  /** The courier's report: the waybill, the order when the warehouse found it, what was said. */
  record CourierReport(String waybillNumber, String orderId, String description) {}

  private final LogisticsCases cases;
  private final CaseService caseService;
  private final IdentityService identity;

  CourierReportController(LogisticsCases cases, CaseService caseService, IdentityService identity) {
    this.cases = cases;
    this.caseService = caseService;
    this.identity = identity;
  }

  @PostMapping("/courier-reports")
  ResponseEntity<CaseRecord> report(@RequestBody CourierReport report) {
    String user =
        Access.require(
            identity, "只有客服、主管或仓库可以登记快递反馈的问题件", Roles.AGENTS, Roles.SUPERVISORS, Roles.WAREHOUSE);
    // the role was checked; the warehouse may report but not start cases itself: the system opens
    // it on the reporter's behalf
    CaseService.Opened opened =
        Access.asSystem(
            identity,
            () ->
                cases.open(
                    Source.COURIER,
                    report.orderId(),
                    report.waybillNumber(),
                    report.description() == null || report.description().isBlank()
                        ? "快递反馈问题件"
                        : "快递反馈：" + report.description().trim()));
    if (opened.created()) {
      caseService.openedOnBehalfOf(opened.record().caseId(), user);
    }
    return ResponseEntity.status(opened.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(opened.record());
  }
}
