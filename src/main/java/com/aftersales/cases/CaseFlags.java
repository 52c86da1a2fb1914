package com.aftersales.cases;

import static com.aftersales.cases.CaseVariables.ORDER_ID;

import com.aftersales.shop.Flag;
import com.aftersales.shop.ShopBackOffice;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Raises and lowers the order's flags for the step of a case that causes them, and says so on the
 * case's timeline. The back office shows the most urgent raised flag (see {@code shop/FlagStack});
 * the case view lists all of them.
 */
@Component
public class CaseFlags {

  private final ShopBackOffice shop;
  private final CaseTimeline timeline;

  CaseFlags(ShopBackOffice shop, CaseTimeline timeline) {
    this.shop = shop;
    this.timeline = timeline;
  }

  /** Raises {@code flag} on the case's order. */
  public void raise(DelegateExecution execution, Flag flag, String note) {
    raise(execution, ORDER_ID.get(execution), flag, note);
  }

  public void raise(DelegateExecution execution, String orderId, Flag flag, String note) {
    shop.setFlag(orderId, flag, note + caseRef(execution));
    timeline.record(
        execution, "订单 " + orderId + " 插" + flag.label() + "（" + flag.meaning() + "）：" + note);
  }

  /**
   * Lowers {@code flag} on the case's order when it is raised; {@code why} it no longer applies.
   */
  public void lower(DelegateExecution execution, Flag flag, String why) {
    lower(execution, ORDER_ID.get(execution), flag, why);
  }

  public void lower(DelegateExecution execution, String orderId, Flag flag, String why) {
    if (orderId == null || shop.flags(orderId).stream().noneMatch(f -> f.flag() == flag)) {
      return;
    }
    shop.clearFlag(orderId, flag, why + caseRef(execution));
    timeline.record(execution, "订单 " + orderId + " 撤" + flag.label() + "：" + why);
  }

  private static String caseRef(DelegateExecution execution) {
    String caseId = execution.getProcessBusinessKey();
    return caseId == null ? "" : "（售后单 " + caseId + "）";
  }
}
