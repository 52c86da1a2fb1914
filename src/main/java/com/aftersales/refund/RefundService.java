package com.aftersales.refund;

import static com.aftersales.cases.CaseVariables.*;

import com.aftersales.cases.CaseTimeline;
import com.aftersales.cases.Inputs;
import com.aftersales.cases.InvalidInputException;
import com.aftersales.cases.Money;
import com.aftersales.cases.TaskEscalation;
import com.aftersales.shop.Flag;
import com.aftersales.shop.Order;
import com.aftersales.shop.RemarkColumn;
import com.aftersales.shop.ShopBackOffice;
import com.aftersales.shop.UnknownOrderException;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Service;

/** The refund flow: report with the purple flag, finance decides, the back office pays. */
@Service
class RefundService {

  static final String REFUND_AMOUNT = "refundAmount";
  static final String REFUND_KIND = "refundKind";
  static final String REFUND_REASON = "refundReason";
  static final String REFUND_DECISION = "refundDecision";
  static final String FINANCE_NOTE = "financeNote";
  static final String REFUND_OUTCOME = "refundOutcome";
  static final String APPROVE_TASK = "userTask_approveRefund";

  enum Decision {
    AGREE,
    REJECT
  }

  private final ShopBackOffice shop;
  private final CaseTimeline timeline;
  private final TaskEscalation escalation;

  RefundService(ShopBackOffice shop, CaseTimeline timeline, TaskEscalation escalation) {
    this.shop = shop;
    this.timeline = timeline;
    this.escalation = escalation;
  }

  void report(DelegateExecution execution) {
    String orderId = (String) execution.getVariable(ORDER_ID);
    BigDecimal amount = Money.round(execution.getVariable(REFUND_AMOUNT));
    String reason = (String) execution.getVariable(REFUND_REASON);
    String note =
        "退款 " + amount + " 元：" + reason + "（售后单 " + execution.getProcessBusinessKey() + "）";
    shop.setFlag(orderId, Flag.PURPLE, note);
    shop.addRemark(orderId, RemarkColumn.FINANCE, "待审核 " + note);
    shop.addRemark(orderId, RemarkColumn.INTERNAL, "已上报退款，48小时内处理：" + note);
    execution.setVariable(REFUND_OUTCOME, "PENDING");
    timeline.record(execution, "紫旗：" + note);
  }

  void checkDecision(DelegateTask task) {
    Decision decision = Inputs.choice(task, REFUND_DECISION, "审核结果", Decision.class);
    String note = Inputs.text(task, FINANCE_NOTE, "财务备注", 1000, decision == Decision.REJECT);
    if (decision == Decision.AGREE) {
      String orderId = (String) task.getVariable(ORDER_ID);
      Order order = shop.findOrder(orderId).orElseThrow(() -> new UnknownOrderException(orderId));
      BigDecimal amount = Money.required(task.getVariable(REFUND_AMOUNT), REFUND_AMOUNT, "退款金额");
      if (amount.signum() <= 0) {
        throw new InvalidInputException(REFUND_AMOUNT, "退款金额必须大于 0 元");
      }
      if (amount.compareTo(order.refundable()) > 0) {
        throw new InvalidInputException(
            REFUND_AMOUNT, "退款金额 " + amount + " 元超过买家实付可退金额 " + order.refundable() + " 元");
      }
    }
    task.setVariable(FINANCE_NOTE, note);
  }

  void escalate(DelegateExecution execution) {
    escalation.escalate(execution, APPROVE_TASK, "退款即将超过48小时承诺时限，已升级给客服主管");
  }

  void execute(DelegateExecution execution) {
    String orderId = (String) execution.getVariable(ORDER_ID);
    BigDecimal amount = Money.round(execution.getVariable(REFUND_AMOUNT));
    String reason = (String) execution.getVariable(REFUND_REASON);
    shop.agreeRefund(orderId, amount, reason);
    shop.addRemark(orderId, RemarkColumn.FINANCE, "已退款 " + amount + " 元：" + reason);
    shop.addRemark(orderId, RemarkColumn.INTERNAL, "财务已同意退款 " + amount + " 元");
    execution.setVariable(REFUND_OUTCOME, "AGREED");
    timeline.record(execution, "已退款 " + amount + " 元");
  }

  void reject(DelegateExecution execution) {
    String orderId = (String) execution.getVariable(ORDER_ID);
    String note = (String) execution.getVariable(FINANCE_NOTE);
    shop.rejectRefund(orderId, note);
    shop.addRemark(orderId, RemarkColumn.FINANCE, "退款驳回：" + note);
    shop.addRemark(orderId, RemarkColumn.INTERNAL, "财务驳回退款：" + note + "，请与买家重新协商");
    execution.setVariable(REFUND_OUTCOME, "REJECTED");
    timeline.record(execution, "财务驳回：" + note);
  }
}
