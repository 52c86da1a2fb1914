package com.aftersales.logistics;

import static com.aftersales.cases.CaseVariables.*;
import static com.aftersales.logistics.LogisticsVariables.*;

import com.aftersales.base.InvalidInputException;
import com.aftersales.cases.CaseKind;
import com.aftersales.cases.CaseService;
import com.aftersales.logistics.LogisticsChoices.Source;
import com.aftersales.registers.LogisticsRegister;
import com.aftersales.shop.Order;
import com.aftersales.shop.ShopBackOffice;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

/**
 * Opening and closing a logistics case, whichever way it came in: an agent in Tasklist (order
 * number; the buyer comes from the order), a courier's waybill, a follow-up call, the no-movement
 * detector.
 */
@Service
class LogisticsCases {

  private final CaseService cases;
  private final ShopBackOffice shop;
  private final LogisticsRegister register;

  LogisticsCases(CaseService cases, ShopBackOffice shop, LogisticsRegister register) {
    this.cases = cases;
    this.shop = shop;
    this.register = register;
  }

  /**
   * Opens a case for an order (or the order of a waybill) on behalf of {@code source}; answers with
   * the open logistics case of the order when there is one.
   */
  CaseService.Opened open(Source source, String orderId, String waybillNumber, String description) {
    Order order = order(orderId, waybillNumber);
    Map<String, Object> fields = new HashMap<>();
    REPORT_SOURCE.put(fields, source);
    if (waybillNumber != null && !waybillNumber.isBlank()) {
      WAYBILL_NUMBER.put(fields, waybillNumber.trim());
    }
    return cases.open(
        CaseKind.LOGISTICS.name(),
        order.orderId(),
        order.buyerId(),
        description == null || description.isBlank() ? source.label : description,
        fields);
  }

  /**
   * Start listener: the order (from the waybill when only that was given), its buyer, the case's
   * register rows.
   */
  void opening(DelegateExecution execution) {
    String waybill = WAYBILL_NUMBER.get(execution);
    Source source = REPORT_SOURCE.get(execution);
    if (source == null) {
      source = waybill == null || waybill.isBlank() ? Source.AGENT : Source.COURIER;
      REPORT_SOURCE.set(execution, source);
    }
    Order order = order(ORDER_ID.get(execution), waybill);
    ORDER_ID.set(execution, order.orderId());
    if (BUYER_ID.get(execution) == null || BUYER_ID.get(execution).isBlank()) {
      BUYER_ID.set(execution, order.buyerId());
    }
    String description = DESCRIPTION.get(execution);
    if (description == null || description.isBlank()) {
      DESCRIPTION.set(execution, source.label);
    }
    REPORT_SOURCE_LABEL.set(execution, source.label);
    cases.register(execution);
    String caseId = execution.getProcessBusinessKey();
    register.open(
        caseId,
        order.orderId(),
        order.buyerId(),
        order.phone(),
        waybill == null || waybill.isBlank() ? order.trackingNumber() : waybill.trim(),
        order.carrier(),
        source.name(),
        source.label,
        signedIn(execution));
  }

  /** End listener: the register rows say how it ended. */
  void closing(DelegateExecution execution) {
    String caseId = execution.getProcessBusinessKey();
    cases.close(execution, PROBLEM_TYPE.get(execution));
    register.close(caseId, execution.getCurrentActivityName());
  }

  /** Who opened it from Tasklist or the API; null for the system. */
  static String signedIn(DelegateExecution execution) {
    var auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return auth == null ? null : auth.getUserId();
  }

  private Order order(String orderId, String waybillNumber) {
    if (orderId != null && !orderId.isBlank()) {
      return shop.findOrder(orderId.trim())
          .orElseThrow(
              () -> new InvalidInputException(ORDER_ID, "找不到订单 " + orderId.trim() + "，请核对订单编号"));
    }
    if (waybillNumber == null || waybillNumber.isBlank()) {
      throw new InvalidInputException(ORDER_ID, "请填写订单编号，或快递反馈的运单号");
    }
    return shop.findOrderByWaybill(waybillNumber.trim())
        .orElseThrow(
            () ->
                new InvalidInputException(
                    WAYBILL_NUMBER,
                    "找不到运单号 " + waybillNumber.trim() + " 对应的订单：请仓库在打单软件中按运单号查出订单编号，填在“订单编号”里再提交"));
  }
}
