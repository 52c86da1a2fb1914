package com.aftersales.refund;

import static com.aftersales.cases.CaseVariables.ORDER_ID;
import static com.aftersales.refund.RefundVariables.*;
import static com.aftersales.refund.RefundWording.amount;
import static com.aftersales.refund.RefundWording.caseRef;

import com.aftersales.base.Access;
import com.aftersales.base.Inputs;
import com.aftersales.base.InvalidInputException;
import com.aftersales.base.Roles;
import com.aftersales.cases.CaseTimeline;
import com.aftersales.refund.RefundCase.Outcome;
import com.aftersales.refund.RefundCase.Settlement;
import com.aftersales.refund.RefundClocks.WindowResult;
import com.aftersales.shop.Flag;
import com.aftersales.shop.Order;
import com.aftersales.shop.RemarkColumn;
import com.aftersales.shop.ShopBackOffice;
import com.aftersales.shop.UnknownOrderException;
import java.math.BigDecimal;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Service;

/**
 * Finance decides (approval, or the transfer after the trade succeeded): only finance agrees, never
 * above what the buyer paid, and every decision reaches the order's remarks.
 */
@Service
class RefundApproval {

  enum Decision {
    AGREE,
    REJECT
  }

  private final ShopBackOffice shop;
  private final CaseTimeline timeline;
  private final IdentityService identity;

  RefundApproval(ShopBackOffice shop, CaseTimeline timeline, IdentityService identity) {
    this.shop = shop;
    this.timeline = timeline;
    this.identity = identity;
  }

  /** Complete listener of finance's tasks: only finance agrees, never above what was paid. */
  void checkDecision(DelegateTask task) {
    Decision decision = Inputs.choice(task, REFUND_DECISION);
    String note = Inputs.text(task, FINANCE_NOTE, 1000, decision == Decision.REJECT);
    if (decision == Decision.AGREE) {
      requireFinance(task);
      String orderId = ORDER_ID.get(task);
      Order order = shop.findOrder(orderId).orElseThrow(() -> new UnknownOrderException(orderId));
      BigDecimal amount = Inputs.requiredMoney(task, REFUND_AMOUNT);
      if (amount.signum() <= 0) {
        throw new InvalidInputException(REFUND_AMOUNT, "退款金额必须大于 0 元");
      }
      if (amount.compareTo(order.refundable()) > 0) {
        throw new InvalidInputException(
            REFUND_AMOUNT, "退款金额 " + amount + " 元超过买家实付可退金额 " + order.refundable() + " 元");
      }
    }
    FINANCE_NOTE.set(task, note);
    WINDOW_RESULT.set(task, WindowResult.DECIDED);
  }

  void execute(DelegateExecution execution) {
    String orderId = ORDER_ID.get(execution);
    BigDecimal amount = amount(execution);
    String reason = REFUND_REASON.get(execution);
    boolean transfer = RefundTransfer.isTransfer(execution);
    String how = transfer ? "转账至" + RefundTransfer.payee(execution) : "原路退回";
    String refundId = PLATFORM_REFUND_ID.get(execution);
    if (transfer && refundId == null) {
      recordTransfer(execution, orderId, amount, reason, how);
      return;
    }
    shop.agreeRefund(orderId, refundId, amount, reason + "（" + how + "）");
    // a refund on the platform is paid by the platform, which then says so: until then it waits
    boolean platformPays = refundId != null;
    AWAIT_PLATFORM_PAID.set(execution, platformPays);
    shop.addRemark(
        orderId,
        RemarkColumn.FINANCE,
        (platformPays
                ? "已在平台同意退款 " + amount + " 元（" + how + "），等待平台退款成功"
                : "已退款 " + amount + " 元（" + how + "）")
            + "："
            + reason);
    shop.addRemark(
        orderId,
        RemarkColumn.INTERNAL,
        "财务已同意退款 " + amount + " 元（" + how + "）" + decisions(execution));
    if (platformPays) {
      REFUND_OUTCOME.set(execution, Outcome.PENDING);
      timeline.record(
          execution, "已在平台同意退款 " + refundId + "，" + amount + " 元（" + how + "），等待平台退款成功");
      return;
    }
    REFUND_OUTCOME.set(execution, Outcome.AGREED);
    REFUND_SETTLEMENT.set(execution, transfer ? Settlement.TRANSFER : Settlement.FINANCE);
    timeline.record(execution, "已退款 " + amount + " 元（" + how + "）");
  }

  /**
   * Finance confirmed it transferred the money to the buyer's account: the shop's own payment,
   * recorded as such (the platform pays nothing without a refund the buyer filed there).
   */
  private void recordTransfer(
      DelegateExecution execution, String orderId, BigDecimal amount, String reason, String how) {
    shop.recordTransfer(orderId, amount, reason + "（" + how + "）");
    String note = FINANCE_NOTE.get(execution);
    String confirmed = "财务已转账 " + amount + " 元（" + how + "）";
    shop.addRemark(orderId, RemarkColumn.FINANCE, confirmed + "：" + reason);
    shop.addRemark(
        orderId,
        RemarkColumn.INTERNAL,
        confirmed + decisions(execution) + (note == null || note.isBlank() ? "" : "；财务备注：" + note));
    REFUND_OUTCOME.set(execution, Outcome.AGREED);
    REFUND_SETTLEMENT.set(execution, Settlement.TRANSFER);
    AWAIT_PLATFORM_PAID.set(execution, false);
    timeline.record(execution, confirmed + "：" + reason);
  }

  void reject(DelegateExecution execution) {
    String orderId = ORDER_ID.get(execution);
    String note = FINANCE_NOTE.get(execution);
    String refundId = RefundMessages.platformRefund(execution);
    shop.rejectRefund(orderId, refundId, note);
    // the platform's refusal carries the reason to the buyer; without one an agent tells them
    REFUSAL_IN_CHAT.set(execution, refundId == null);
    shop.setFlag(orderId, Flag.PURPLE, "退款驳回：" + note + caseRef(execution));
    shop.addRemark(orderId, RemarkColumn.FINANCE, "退款驳回：" + note);
    shop.addRemark(
        orderId, RemarkColumn.INTERNAL, "退款驳回：" + note + decisions(execution) + "，请与买家重新协商");
    REFUND_OUTCOME.set(execution, Outcome.REJECTED);
    timeline.record(
        execution,
        refundId != null
            ? "已在平台驳回退款 " + refundId + "，驳回理由随驳回发给买家：" + note
            : "驳回：" + note + "（待客服在千牛告知买家）");
  }

  private void requireFinance(DelegateTask task) {
    if (!Access.actorIsIn(identity, task.getAssignee(), Roles.FINANCE)) {
      throw new InvalidInputException(REFUND_DECISION, "只有财务（退款人员）可以同意退款；主管可以催办或驳回");
    }
  }

  /** The decisions taken on the way, for the internal remark. */
  private static String decisions(VariableScope scope) {
    StringBuilder s = new StringBuilder();
    append(s, "挽留", RETAIN_NOTE.get(scope));
    append(s, "拦截", INTERCEPT_NOTE.get(scope));
    append(s, "平台介入", DISPUTE_NOTE.get(scope));
    append(s, "验货", INSPECTION_NOTE.get(scope));
    return s.toString();
  }

  private static void append(StringBuilder s, String what, String note) {
    if (note != null && !note.isBlank()) {
      s.append("；").append(what).append("：").append(note);
    }
  }
}
