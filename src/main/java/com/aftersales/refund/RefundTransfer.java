package com.aftersales.refund;

import static com.aftersales.cases.CaseVariables.ORDER_ID;
import static com.aftersales.refund.RefundVariables.*;
import static com.aftersales.refund.RefundWording.amount;
import static com.aftersales.refund.RefundWording.caseRef;

import com.aftersales.base.Inputs;
import com.aftersales.base.InvalidInputException;
import com.aftersales.cases.CaseTimeline;
import com.aftersales.cases.TaskEscalation;
import com.aftersales.refund.RefundCase.Outcome;
import com.aftersales.shop.Flag;
import com.aftersales.shop.RemarkColumn;
import com.aftersales.shop.ShopBackOffice;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Service;

/**
 * After the trade succeeded the platform no longer refunds: the agent collects and checks the
 * buyer's account, the order is flagged purple and finance transfers within 48 hours.
 */
@Service
class RefundTransfer {

  enum PayeeChannel {
    ALIPAY("支付宝"),
    BANK_CARD("银行卡");

    final String label;

    PayeeChannel(String label) {
      this.label = label;
    }
  }

  private static final Pattern ALIPAY_ACCOUNT =
      Pattern.compile("1\\d{10}|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
  private static final Pattern BANK_CARD = Pattern.compile("\\d{12,19}");

  private final ShopBackOffice shop;
  private final CaseTimeline timeline;
  private final TaskEscalation escalation;

  RefundTransfer(ShopBackOffice shop, CaseTimeline timeline, TaskEscalation escalation) {
    this.shop = shop;
    this.timeline = timeline;
    this.escalation = escalation;
  }

  void checkAccount(DelegateTask task) {
    PayeeChannel channel = Inputs.choice(task, PAYEE_CHANNEL);
    Inputs.text(task, PAYEE_NAME, 64, true);
    String account = Inputs.text(task, PAYEE_ACCOUNT, 64, true).replace(" ", "");
    if (channel == PayeeChannel.ALIPAY && !ALIPAY_ACCOUNT.matcher(account).matches()) {
      throw new InvalidInputException(PAYEE_ACCOUNT, "支付宝账号应为 11 位手机号或邮箱，请与买家核对");
    }
    if (channel == PayeeChannel.BANK_CARD && !BANK_CARD.matcher(account).matches()) {
      throw new InvalidInputException(PAYEE_ACCOUNT, "银行卡号应为 12-19 位数字，请与买家核对");
    }
    Inputs.text(task, PAYEE_BANK, 64, channel == PayeeChannel.BANK_CARD);
    if (!Inputs.flag(task, ACCOUNT_CONFIRMED)) {
      throw new InvalidInputException(ACCOUNT_CONFIRMED, "请先与买家核对收款账户，再勾选“已与买家核对收款账户”");
    }
    PAYEE_ACCOUNT.set(task, account);
  }

  /** The purple flag and the remarks before finance transfers. */
  void report(DelegateExecution execution) {
    String orderId = ORDER_ID.get(execution);
    String note =
        "转账退款 "
            + amount(execution)
            + " 元至"
            + payee(execution)
            + "："
            + REFUND_REASON.get(execution)
            + caseRef(execution);
    shop.setFlag(orderId, Flag.PURPLE, note);
    shop.addRemark(orderId, RemarkColumn.FINANCE, "待转账 " + note);
    shop.addRemark(orderId, RemarkColumn.INTERNAL, "已核对收款账户，交财务48小时内转账：" + note);
    REFUND_OUTCOME.set(execution, Outcome.PENDING);
    timeline.record(execution, "紫旗：" + note);
  }

  void escalateTransfer(DelegateExecution execution) {
    escalation.escalate(execution, TRANSFER_TASK, "转账退款即将超过48小时承诺时限，已升级给客服主管");
  }

  /** Whether the money goes to the account collected here rather than back the way it was paid. */
  static boolean isTransfer(VariableScope scope) {
    return PAYEE_CHANNEL.get(scope) != null;
  }

  /** The payee for remarks: channel, name and the account's last four digits. */
  static String payee(VariableScope scope) {
    PayeeChannel channel = PAYEE_CHANNEL.get(scope);
    String account = String.valueOf(PAYEE_ACCOUNT.get(scope));
    String masked =
        account.length() <= 4
            ? account
            : "*".repeat(account.length() - 4) + account.substring(account.length() - 4);
    String label = channel == null ? "" : channel.label;
    return label + " " + PAYEE_NAME.get(scope) + " " + masked;
  }
}
