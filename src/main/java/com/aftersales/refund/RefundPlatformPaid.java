package com.aftersales.refund;

import static com.aftersales.cases.CaseVariables.ORDER_ID;
import static com.aftersales.refund.RefundVariables.*;
import static com.aftersales.refund.RefundWording.amount;

import com.aftersales.base.Inputs;
import com.aftersales.cases.CaseTimeline;
import com.aftersales.refund.RefundCase.Outcome;
import com.aftersales.refund.RefundCase.Settlement;
import com.aftersales.shop.RemarkColumn;
import com.aftersales.shop.ShopBackOffice;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Service;

/**
 * A refund agreed on the platform is not yet money paid: the platform pays, then says so ("退款成功",
 * message {@value RefundVariables#PLATFORM_PAID_MESSAGE}). Until then the case waits; when the
 * platform stays silent, finance or a supervisor looks the refund up in Qianniu. Only the
 * platform's confirmation, or what was seen in Qianniu, records the refund as paid.
 */
@Service
class RefundPlatformPaid {

  /** What finance saw in Qianniu. */
  enum Check {
    PAID,
    NOT_YET
  }

  private final ShopBackOffice shop;
  private final CaseTimeline timeline;

  RefundPlatformPaid(ShopBackOffice shop, CaseTimeline timeline) {
    this.shop = shop;
    this.timeline = timeline;
  }

  /** Complete listener of "在千牛核对平台退款": a clear answer, an optional note. */
  void checkInQianniu(DelegateTask task) {
    Inputs.choice(task, PLATFORM_PAID_CHECK);
    Inputs.text(task, PLATFORM_PAID_NOTE, 500, false);
  }

  /** The platform confirmed the refund (its message, or finance saw it in Qianniu): it is paid. */
  void confirm(DelegateExecution execution) {
    String orderId = ORDER_ID.get(execution);
    BigDecimal amount = amount(execution);
    String refundId = PLATFORM_REFUND_ID.get(execution);
    boolean seenInQianniu = PLATFORM_PAID_CHECK.get(execution) == Check.PAID;
    String by = seenInQianniu ? "千牛核对：平台退款成功" : "平台确认退款成功";
    String paid = "已退款 " + amount + " 元（平台退款 " + refundId + "）";
    shop.addRemark(orderId, RemarkColumn.FINANCE, by + "，" + paid);
    REFUND_OUTCOME.set(execution, Outcome.AGREED);
    REFUND_SETTLEMENT.set(
        execution, RefundTransfer.isTransfer(execution) ? Settlement.TRANSFER : Settlement.FINANCE);
    String note = seenInQianniu ? PLATFORM_PAID_NOTE.get(execution) : null;
    timeline.record(
        execution, by + "，" + paid + (note == null || note.isBlank() ? "" : "：" + note));
  }
}
