package com.aftersales.refund;

import static com.aftersales.cases.CaseVariables.ORDER_ID;
import static com.aftersales.refund.RefundVariables.*;
import static com.aftersales.refund.RefundWording.caseRef;

import com.aftersales.cases.CaseTimeline;
import com.aftersales.refund.RefundCase.Outcome;
import com.aftersales.refund.RefundCase.Settlement;
import com.aftersales.shop.RemarkColumn;
import com.aftersales.shop.ShopBackOffice;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

/**
 * Events from the shop back office that end a refund wherever it waits (paid, closed, withdrawn);
 * {@link RefundDesk#receive} correlates them with the refund's messages.
 */
@Service
class RefundEvents {

  private final ShopBackOffice shop;
  private final CaseTimeline timeline;

  RefundEvents(ShopBackOffice shop, CaseTimeline timeline) {
    this.shop = shop;
    this.timeline = timeline;
  }

  void recordEvent(DelegateExecution execution) {
    String orderId = ORDER_ID.get(execution);
    RefundEventType type = REFUND_EVENT.get(execution);
    String note = REFUND_EVENT_NOTE.get(execution);
    String text = "后台通知：" + type.label + (note == null ? "" : "（" + note + "）");
    shop.addRemark(orderId, RemarkColumn.INTERNAL, text + caseRef(execution));
    switch (type) {
      case PAID -> {
        REFUND_OUTCOME.set(execution, Outcome.AGREED);
        REFUND_SETTLEMENT.set(execution, Settlement.BACK_OFFICE);
      }
      case CLOSED -> REFUND_OUTCOME.set(execution, Outcome.CLOSED);
      case WITHDRAWN -> REFUND_OUTCOME.set(execution, Outcome.WITHDRAWN);
      default -> throw new IllegalStateException("no end for " + type);
    }
    timeline.record(execution, text);
  }
}
